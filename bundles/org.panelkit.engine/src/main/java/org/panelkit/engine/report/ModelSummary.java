package org.panelkit.engine.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.fe.FixedEffectTerm;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.vcov.VarianceEstimate;

/**
 * What a publication table or a coefficient plot needs to know about one fitted model, and nothing else. It is
 * deliberately independent of how the model was fitted or stored: the engine makes it from a
 * {@link FixedEffectsResult}, the command line from the JSON that {@code panelkit fe --format json} prints, a KNIME
 * node from its coefficient and statistics tables. Immutable; make it with {@link #of(String, FixedEffectsResult)}
 * or {@link #builder()}.
 * <p>
 * Numbers that a model does not have (an R² variant that does not apply, a missing count) are NaN or 0 and are
 * left blank in tables.
 */
public final class ModelSummary {
    /** The constant's term name, as the engine reports it (Stata's {@code _cons}). */
    public static final String CONSTANT_TERM = "_cons";

    private final String label;
    private final String dependentVariable;
    private final List<Coefficient> coefficients;
    private final Coefficient constant;
    private final int observations;
    private final int groups;
    private final int periods;
    private final List<Integer> clusters;
    private final double r2Within;
    private final double r2WithinEntity;
    private final double r2Lsdv;
    private final boolean entityEffects;
    private final boolean timeEffects;
    private final List<String> additionalEffects;
    private final String seType;
    private final String seConvention;
    private final String seDescription;
    private final List<String> clusterColumns;
    private final double level;

    private ModelSummary(Builder b) {
        this.label = b.label;
        this.dependentVariable = b.dependentVariable;
        this.coefficients = List.copyOf(b.coefficients);
        this.constant = b.constant;
        this.observations = b.observations;
        this.groups = b.groups;
        this.periods = b.periods;
        this.clusters = List.copyOf(b.clusters);
        this.r2Within = b.r2Within;
        this.r2WithinEntity = b.r2WithinEntity;
        this.r2Lsdv = b.r2Lsdv;
        this.entityEffects = b.entityEffects;
        this.timeEffects = b.timeEffects;
        this.additionalEffects = List.copyOf(b.additionalEffects);
        this.seType = b.seType;
        this.seConvention = b.seConvention;
        this.seDescription = b.seDescription;
        this.clusterColumns = List.copyOf(b.clusterColumns);
        this.level = b.level;
    }

    /** Summarises a fitted fixed-effects model under the given column label (null: numbered by the table). */
    public static ModelSummary of(String label, FixedEffectsResult r) {
        Objects.requireNonNull(r, "result");
        VarianceEstimate v = r.variance();
        List<Integer> clusters = new ArrayList<>();
        for (int c : v.clusters()) {
            clusters.add(c);
        }
        return builder().label(label).dependentVariable(r.spec().y()).coefficients(r.coefficients())
                .constant(r.constant()).observations(r.observations()).groups(r.groups()).periods(r.periods())
                .clusters(clusters).r2Within(r.r2Within()).r2WithinEntity(r.r2WithinEntity()).r2Lsdv(r.r2Lsdv())
                .fixedEffects(r.spec().feKey(), r.spec().entity(), r.spec().time())
                .seType(v.type().key()).seConvention(v.convention().key()).seDescription(v.description())
                .clusterColumns(r.clusterColumns()).level(r.spec().level()).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy with another column label. */
    public ModelSummary withLabel(String newLabel) {
        return toBuilder().label(newLabel).build();
    }

    public Builder toBuilder() {
        return builder().label(label).dependentVariable(dependentVariable).coefficients(coefficients)
                .constant(constant).observations(observations).groups(groups).periods(periods).clusters(clusters)
                .r2Within(r2Within).r2WithinEntity(r2WithinEntity).r2Lsdv(r2Lsdv).entityEffects(entityEffects)
                .timeEffects(timeEffects).additionalEffects(additionalEffects).seType(seType).seConvention(seConvention).seDescription(seDescription)
                .clusterColumns(clusterColumns).level(level);
    }

    /** Column label, or null to let the table number the column "(1)", "(2)", ... */
    public String label() { return label; }
    /** Name of the dependent variable, or null when unknown. */
    public String dependentVariable() { return dependentVariable; }
    /** Slope coefficients in the model's order (the constant is separate). */
    public List<Coefficient> coefficients() { return coefficients; }
    /** The constant, or null without one. */
    public Coefficient constant() { return constant; }
    /** Observations in the estimation sample. */
    public int observations() { return observations; }
    /** Entities (panel units) in the sample, 0 when the model has no panel structure. */
    public int groups() { return groups; }
    /** Periods in the sample, 0 when unknown. */
    public int periods() { return periods; }
    /** Clusters in each clustering dimension; empty when the standard errors are not clustered. */
    public List<Integer> clusters() { return clusters; }
    /** Within R² with every absorbed effect removed (plm); NaN where it does not apply. */
    public double r2Within() { return r2Within; }
    /** Within R² with the entity means removed only (Stata xtreg, gretl); NaN where it does not apply. */
    public double r2WithinEntity() { return r2WithinEntity; }
    /** R² of the dummy-variable regression (areg); NaN when unknown. */
    public double r2Lsdv() { return r2Lsdv; }
    public boolean entityEffects() { return entityEffects; }
    public boolean timeEffects() { return timeEffects; }
    /**
     * Absorbed fixed-effect terms other than the entity and time effects, by name as on the command line
     * ({@code industry^year}); empty for the shorthands {@code twoway|entity|time|none}.
     */
    public List<String> additionalEffects() { return additionalEffects; }
    /** Variance estimator key as on the command line (iid, hc1, cluster, cr2, twoway, dk, ...), or null. */
    public String seType() { return seType; }
    /** Small-sample convention key (xtreg, plm, areg), or null. */
    public String seConvention() { return seConvention; }
    /** One-line human description of the standard errors, or null. */
    public String seDescription() { return seDescription; }
    /** Columns the standard errors are clustered by; empty when not clustered. */
    public List<String> clusterColumns() { return clusterColumns; }
    /** Confidence level of the stored intervals. */
    public double level() { return level; }

    /**
     * Whether the standard errors are cluster-robust: by the estimator's key where it is known (Driscoll-Kraay
     * counts periods but is not clustering), else by the presence of cluster counts or columns.
     */
    public boolean clustered() {
        if (seType != null) {
            switch (seType) {
            case "cr0":
            case "cluster":
            case "cr2":
            case "twoway":
            case "wild":
                return true;
            case "iid":
            case "hc0":
            case "hc1":
            case "dk":
                return false;
            default:
                break;
            }
        }
        return !clusters.isEmpty() || !clusterColumns.isEmpty();
    }

    /** The slope named {@code term}, the constant for {@link #CONSTANT_TERM}, or null when the model lacks it. */
    public Coefficient coefficient(String term) {
        for (Coefficient c : coefficients) {
            if (c.term().equals(term)) {
                return c;
            }
        }
        if (constant != null && (CONSTANT_TERM.equals(term) || constant.term().equals(term))) {
            return constant;
        }
        return null;
    }

    /** Slope term names in the model's order. */
    public List<String> terms() {
        List<String> t = new ArrayList<>(coefficients.size());
        for (Coefficient c : coefficients) {
            t.add(c.term());
        }
        return Collections.unmodifiableList(t);
    }

    @Override
    public String toString() {
        return (label == null ? "model" : label) + " " + terms() + " N=" + observations;
    }

    /** Builder; {@link #build()} checks what a table cannot do without. */
    public static final class Builder {
        private String label;
        private String dependentVariable;
        private List<Coefficient> coefficients = List.of();
        private Coefficient constant;
        private int observations;
        private int groups;
        private int periods;
        private List<Integer> clusters = List.of();
        private double r2Within = Double.NaN;
        private double r2WithinEntity = Double.NaN;
        private double r2Lsdv = Double.NaN;
        private boolean entityEffects;
        private boolean timeEffects;
        private List<String> additionalEffects = List.of();
        private String seType;
        private String seConvention;
        private String seDescription;
        private List<String> clusterColumns = List.of();
        private double level = 0.95;

        private Builder() {
        }

        public Builder label(String v) { this.label = v; return this; }
        public Builder dependentVariable(String v) { this.dependentVariable = v; return this; }
        public Builder coefficients(List<Coefficient> v) { this.coefficients = List.copyOf(v); return this; }
        public Builder constant(Coefficient v) { this.constant = v; return this; }
        public Builder observations(int v) { this.observations = v; return this; }
        public Builder groups(int v) { this.groups = v; return this; }
        public Builder periods(int v) { this.periods = v; return this; }
        public Builder clusters(List<Integer> v) { this.clusters = List.copyOf(v); return this; }
        public Builder r2Within(double v) { this.r2Within = v; return this; }
        public Builder r2WithinEntity(double v) { this.r2WithinEntity = v; return this; }
        public Builder r2Lsdv(double v) { this.r2Lsdv = v; return this; }
        public Builder entityEffects(boolean v) { this.entityEffects = v; return this; }
        public Builder timeEffects(boolean v) { this.timeEffects = v; return this; }
        public Builder additionalEffects(List<String> v) { this.additionalEffects = List.copyOf(v); return this; }

        /**
         * The fixed effects from their command-line form ({@code ModelSpec.feKey()}, the JSON's {@code model.fe}):
         * a shorthand {@code twoway|twoways|entity|time|none} sets the entity and time flags; a list of terms
         * ({@code firm,year,industry^year}) sets the entity (time) flag when the {@code entity} ({@code time})
         * column is one of its terms, and the other terms as {@link #additionalEffects(List)}. Null entity or
         * time: not known.
         */
        public Builder fixedEffects(String fe, String entity, String time) {
            Effects shorthand = null;
            for (Effects e : Effects.values()) {
                if (e != Effects.TERMS && (e.key().equals(fe) || (e == Effects.TWOWAY && "twoways".equals(fe)))) {
                    shorthand = e;
                }
            }
            if (shorthand != null) {
                return entityEffects(shorthand.hasEntity()).timeEffects(shorthand.hasTime())
                        .additionalEffects(List.of());
            }
            List<String> other = new ArrayList<>();
            boolean hasEntity = false;
            boolean hasTime = false;
            for (FixedEffectTerm t : FixedEffectTerm.parseList(fe)) {
                if (entity != null && t.equals(FixedEffectTerm.of(entity))) {
                    hasEntity = true;
                } else if (time != null && t.equals(FixedEffectTerm.of(time))) {
                    hasTime = true;
                } else {
                    other.add(t.name());
                }
            }
            return entityEffects(hasEntity).timeEffects(hasTime).additionalEffects(other);
        }
        public Builder seType(String v) { this.seType = v; return this; }
        public Builder seConvention(String v) { this.seConvention = v; return this; }
        public Builder seDescription(String v) { this.seDescription = v; return this; }
        public Builder clusterColumns(List<String> v) { this.clusterColumns = List.copyOf(v); return this; }
        public Builder level(double v) { this.level = v; return this; }

        public ModelSummary build() {
            String who = label == null ? "a model" : "model '" + label + "'";
            if (coefficients.isEmpty() && constant == null) {
                throw new PanelKitException(who + " has no coefficients");
            }
            List<String> seen = new ArrayList<>();
            for (Coefficient c : coefficients) {
                if (c == null || c.term() == null || c.term().isBlank()) {
                    throw new PanelKitException(who + " has a coefficient without a term name");
                }
                if (seen.contains(c.term())) {
                    throw new PanelKitException(who + " lists the term '" + c.term() + "' twice");
                }
                seen.add(c.term());
            }
            if (observations < 0 || groups < 0 || periods < 0) {
                throw new PanelKitException(who + " has a negative count (N=" + observations + ", groups=" + groups
                        + ", periods=" + periods + ")");
            }
            for (Integer g : clusters) {
                if (g == null || g < 0) {
                    throw new PanelKitException(who + " has an invalid cluster count " + clusters);
                }
            }
            if (!(level > 0 && level < 1)) {
                throw new PanelKitException(who + ": confidence level must be between 0 and 1, got " + level);
            }
            return new ModelSummary(this);
        }
    }
}
