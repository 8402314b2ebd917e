package org.panelkit.engine.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.panelkit.engine.PanelKitException;

/**
 * How to lay out a regression table: which terms in which order, their labels, what goes in parentheses, the
 * number of decimals, the labels of the summary rows, and which R². Immutable; {@link #defaults()} gives the
 * study's layout (standard errors, three decimals, within R², "Region effects" and "Time effects").
 * <p>
 * Term selection: {@code keep} (if given) keeps only those terms, in the order listed; {@code drop} removes
 * terms; {@code order} moves the listed terms to the top in that order, the rest follow as they first appear
 * in the models. The constant is always the last coefficient row; drop it with the term {@code _cons}.
 */
public final class TableOptions {
    private final List<String> keep;
    private final List<String> drop;
    private final List<String> order;
    private final Map<String, String> variableLabels;
    private final InferenceStatistic statistic;
    private final int decimals;
    private final StarLevels stars;
    private final RSquared rSquared;
    private final String title;
    private final String constantLabel;
    private final String entityEffectsLabel;
    private final String timeEffectsLabel;
    private final String yes;
    private final String no;
    private final boolean dependentVariableRow;
    private final List<String> extraNotes;

    private TableOptions(Builder b) {
        this.keep = List.copyOf(b.keep);
        this.drop = List.copyOf(b.drop);
        this.order = List.copyOf(b.order);
        this.variableLabels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.variableLabels));
        this.statistic = b.statistic;
        this.decimals = b.decimals;
        this.stars = b.stars;
        this.rSquared = b.rSquared;
        this.title = b.title;
        this.constantLabel = b.constantLabel;
        this.entityEffectsLabel = b.entityEffectsLabel;
        this.timeEffectsLabel = b.timeEffectsLabel;
        this.yes = b.yes;
        this.no = b.no;
        this.dependentVariableRow = b.dependentVariableRow;
        this.extraNotes = List.copyOf(b.extraNotes);
    }

    public static TableOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<String> keep() { return keep; }
    public List<String> drop() { return drop; }
    public List<String> order() { return order; }
    /** Term (or dependent variable) → label shown in the table; unlisted names are shown as they are. */
    public Map<String, String> variableLabels() { return variableLabels; }
    public InferenceStatistic statistic() { return statistic; }
    public int decimals() { return decimals; }
    public StarLevels stars() { return stars; }
    public RSquared rSquared() { return rSquared; }
    /** Table title (caption), or null. */
    public String title() { return title; }
    public String constantLabel() { return constantLabel; }
    public String entityEffectsLabel() { return entityEffectsLabel; }
    public String timeEffectsLabel() { return timeEffectsLabel; }
    public String yes() { return yes; }
    public String no() { return no; }
    /** Whether a header row names each column's dependent variable. */
    public boolean dependentVariableRow() { return dependentVariableRow; }
    /** Further lines appended to the notes. */
    public List<String> extraNotes() { return extraNotes; }

    /**
     * The label of the row of an absorbed fixed-effect term ({@code industry^year}) in a model that lists its terms:
     * from {@link #variableLabels()}, else the term with its interaction operator shown as a multiplication sign
     * ({@code industry × year}; LaTeX {@code industry $\times$ year}).
     */
    public String effectLabel(String term) {
        String l = variableLabels.get(term);
        return l != null ? l : term.replace("^", " \u00d7 ");
    }

    /** The label of a term or variable: from {@link #variableLabels()}, else the name itself. */
    public String labelOf(String name) {
        String l = variableLabels.get(name);
        return l == null ? name : l;
    }

    /** Builder; {@link #build()} validates. */
    public static final class Builder {
        private List<String> keep = List.of();
        private List<String> drop = List.of();
        private List<String> order = List.of();
        private Map<String, String> variableLabels = Map.of();
        private InferenceStatistic statistic = InferenceStatistic.STD_ERROR;
        private int decimals = 3;
        private StarLevels stars = StarLevels.conventional();
        private RSquared rSquared = RSquared.WITHIN;
        private String title;
        private String constantLabel = "Constant";
        private String entityEffectsLabel = "Region effects";
        private String timeEffectsLabel = "Time effects";
        private String yes = "Yes";
        private String no = "No";
        private boolean dependentVariableRow = true;
        private List<String> extraNotes = List.of();

        private Builder() {
        }

        public Builder keep(List<String> v) { this.keep = List.copyOf(v); return this; }
        public Builder drop(List<String> v) { this.drop = List.copyOf(v); return this; }
        public Builder order(List<String> v) { this.order = List.copyOf(v); return this; }
        public Builder variableLabels(Map<String, String> v) { this.variableLabels = new LinkedHashMap<>(v); return this; }
        public Builder statistic(InferenceStatistic v) { this.statistic = Objects.requireNonNull(v); return this; }
        public Builder decimals(int v) { this.decimals = v; return this; }
        public Builder stars(StarLevels v) { this.stars = Objects.requireNonNull(v); return this; }
        public Builder rSquared(RSquared v) { this.rSquared = Objects.requireNonNull(v); return this; }
        public Builder title(String v) { this.title = v == null || v.isBlank() ? null : v; return this; }
        public Builder constantLabel(String v) { this.constantLabel = v; return this; }
        public Builder entityEffectsLabel(String v) { this.entityEffectsLabel = v; return this; }
        public Builder timeEffectsLabel(String v) { this.timeEffectsLabel = v; return this; }
        public Builder yes(String v) { this.yes = v; return this; }
        public Builder no(String v) { this.no = v; return this; }
        public Builder dependentVariableRow(boolean v) { this.dependentVariableRow = v; return this; }
        public Builder extraNotes(List<String> v) { this.extraNotes = List.copyOf(v); return this; }

        public TableOptions build() {
            if (decimals < 0 || decimals > 10) {
                throw new PanelKitException("decimals must be between 0 and 10, got " + decimals);
            }
            for (String[] named : new String[][] {{"constant label", constantLabel},
                    {"entity effects label", entityEffectsLabel}, {"time effects label", timeEffectsLabel},
                    {"yes text", yes}, {"no text", no}}) {
                if (named[1] == null || named[1].isBlank()) {
                    throw new PanelKitException("the " + named[0] + " must not be empty");
                }
            }
            for (Map.Entry<String, String> e : variableLabels.entrySet()) {
                if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null || e.getValue().isBlank()) {
                    throw new PanelKitException("variable labels: empty term or label ('" + e.getKey() + "' -> '"
                            + e.getValue() + "')");
                }
            }
            return new TableOptions(this);
        }
    }
}
