package org.panelkit.knime.support.fe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.fe.FixedEffectTerm;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.vcov.Convention;
import org.panelkit.engine.vcov.VcovType;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;

/**
 * The options of the Panel Regression (Fixed Effects) node, independent of how the dialog stores them. Defaults
 * are the study's: two-way fixed effects, standard errors clustered by entity, Stata {@code xtreg} conventions,
 * 95% intervals, singletons kept, no additional fixed effects, unweighted. Additional fixed-effect terms (a
 * column, or the interaction of columns such as {@code region^year}) are absorbed in addition to the entity and/or
 * time effects of {@link #effects()}; analytic weights come from a numeric column. {@link #toModelSpec(TableSchema)} validates the options against the input
 * columns (every message names the option to fix) and returns the engine's {@link ModelSpec}.
 */
public final class RegressionOptions {
    /** Default name of the appended residual column. */
    public static final String DEFAULT_RESIDUAL_COLUMN = "residual";
    /** Default name of the appended fitted-value column. */
    public static final String DEFAULT_FITTED_COLUMN = "fitted";

    private final String y;
    private final List<String> regressors;
    private final String entity;
    private final String time;
    private final Effects effects;
    private final boolean constant;
    private final VcovType seType;
    private final Convention convention;
    private final ClusterBy clusterBy;
    private final String clusterColumn;
    private final String secondClusterColumn;
    private final int dkLag;
    private final double level;
    private final boolean dropSingletons;
    private final boolean appendResiduals;
    private final String residualColumn;
    private final String fittedColumn;
    private final List<List<String>> additionalFixedEffects;
    private final String weights;

    private RegressionOptions(Builder b) {
        this.y = blankToNull(b.y);
        this.regressors = List.copyOf(b.regressors);
        this.entity = blankToNull(b.entity);
        this.time = blankToNull(b.time);
        this.effects = b.effects;
        this.constant = b.constant;
        this.seType = b.seType;
        this.convention = b.convention;
        this.clusterBy = b.clusterBy;
        this.clusterColumn = blankToNull(b.clusterColumn);
        this.secondClusterColumn = blankToNull(b.secondClusterColumn);
        this.dkLag = b.dkLag;
        this.level = b.level;
        this.dropSingletons = b.dropSingletons;
        this.appendResiduals = b.appendResiduals;
        this.residualColumn = b.residualColumn;
        this.fittedColumn = b.fittedColumn;
        this.additionalFixedEffects = b.additionalFixedEffects;
        this.weights = blankToNull(b.weights);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String y() { return y; }
    public List<String> regressors() { return regressors; }
    public String entity() { return entity; }
    public String time() { return time; }
    public Effects effects() { return effects; }
    public boolean constant() { return constant; }
    public VcovType seType() { return seType; }
    public Convention convention() { return convention; }
    public ClusterBy clusterBy() { return clusterBy; }
    public String clusterColumn() { return clusterColumn; }
    public String secondClusterColumn() { return secondClusterColumn; }
    public int dkLag() { return dkLag; }
    public double level() { return level; }
    public boolean dropSingletons() { return dropSingletons; }
    /** Whether the residual and fitted value of every row are appended to the input (off: not computed per row). */
    public boolean appendResiduals() { return appendResiduals; }
    public String residualColumn() { return residualColumn; }
    public String fittedColumn() { return fittedColumn; }
    /** The additional fixed-effect terms, each the list of its columns (more than one: their interaction). */
    public List<List<String>> additionalFixedEffects() { return additionalFixedEffects; }
    /** The analytic-weight column, or null (unweighted). */
    public String weights() { return weights; }

    /**
     * The terms the model absorbs: those of {@link #effects()} (the entity and/or time column) followed by the
     * additional ones, each once ({@code a^b} and {@code b^a} are the same term; a term listed twice is kept once).
     *
     * @throws IllegalArgumentException naming an empty or malformed additional term
     */
    public List<FixedEffectTerm> fixedEffectTerms() {
        List<FixedEffectTerm> terms = new ArrayList<>();
        if (effects.hasEntity() && entity != null) {
            terms.add(FixedEffectTerm.of(entity));
        }
        if (effects.hasTime() && time != null) {
            terms.add(FixedEffectTerm.of(time));
        }
        for (FixedEffectTerm t : additionalTerms()) {
            if (!terms.contains(t)) {
                terms.add(t);
            }
        }
        return terms;
    }

    private List<FixedEffectTerm> additionalTerms() {
        List<FixedEffectTerm> out = new ArrayList<>();
        for (int i = 0; i < additionalFixedEffects.size(); i++) {
            List<String> columns = new ArrayList<>();
            for (String c : additionalFixedEffects.get(i)) {
                if (c != null && !c.isBlank() && !columns.contains(c)) {
                    columns.add(c);
                }
            }
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("additional fixed effect " + (i + 1) + " has no column: choose "
                        + "one column (or several for their interaction) under 'Additional fixed effects', or remove "
                        + "the term");
            }
            out.add(FixedEffectTerm.of(columns));
        }
        return out;
    }

    /**
     * Checks the options against the input table and builds the engine's model.
     *
     * @throws IllegalArgumentException with a message that names the option and the fix
     */
    public ModelSpec toModelSpec(TableSchema schema) {
        schema.requireNumeric(y, "dependent variable (y) column");
        if (regressors.isEmpty()) {
            throw new IllegalArgumentException("no regressors selected: choose at least one numeric column under 'Regressors'");
        }
        for (String x : regressors) {
            if (x.equals(y)) {
                throw new IllegalArgumentException("column '" + y
                        + "' is both the dependent variable and a regressor: remove it from the regressors");
            }
            schema.requireNumeric(x, "regressor column");
        }
        boolean needEntity = effects.hasEntity() || clustersOn(ClusterBy.ENTITY);
        boolean needTime = effects.hasTime() || seType == VcovType.DRISCOLL_KRAAY || clustersOn(ClusterBy.TIME);
        if (needEntity || entity != null) {
            schema.requireKey(entity, "entity column" + (needEntity ? whyEntity() : ""));
        }
        if (needTime || time != null) {
            schema.requireKey(time, "time column" + (needTime ? whyTime() : ""));
        }
        if (entity != null && entity.equals(time)) {
            throw new IllegalArgumentException("'" + entity + "' is both the entity and the time column: choose two different columns");
        }
        for (String c : List.of(entity == null ? "" : entity, time == null ? "" : time)) {
            if (regressors.contains(c)) {
                throw new IllegalArgumentException("column '" + c + "' is a panel key and a regressor: remove it from the regressors (the fixed effects absorb it)");
            }
        }
        List<FixedEffectTerm> additional = additionalTerms();
        for (int i = 0; i < additional.size(); i++) {
            FixedEffectTerm t = additional.get(i);
            for (String c : t.columns()) {
                schema.requireKey(c, "column of additional fixed effect " + (i + 1) + " (" + t.name() + ")");
                if (c.equals(y) || regressors.contains(c)) {
                    throw new IllegalArgumentException("column '" + c + "' is a variable of the model and part of "
                            + "the additional fixed effect '" + t.name() + "': remove it from one of them");
                }
            }
        }
        if (weights != null) {
            schema.requireNumeric(weights, "weight column");
            if (weights.equals(y) || regressors.contains(weights)) {
                throw new IllegalArgumentException("column '" + weights + "' is both a variable of the model and the "
                        + "weight column: choose another weight column");
            }
        }
        List<String> cluster = clusterColumns(schema);
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0 and 1 (exclusive), got " + level
                    + ": enter e.g. 0.95");
        }
        if (dkLag < -1) {
            throw new IllegalArgumentException("Driscoll-Kraay lag must be -1 (automatic) or 0 and more, got " + dkLag);
        }
        if (appendResiduals) {
            checkOutputName(schema, residualColumn, "residual");
            checkOutputName(schema, fittedColumn, "fitted value");
            if (residualColumn.equals(fittedColumn)) {
                throw new IllegalArgumentException("the residual and the fitted-value column are both named '"
                        + residualColumn + "': choose two different names");
            }
        }
        ModelSpec.Builder b = ModelSpec.builder(y, regressors).entity(entity).time(time).effects(effects)
                .constant(effects != Effects.NONE || constant).vcov(seType).cluster(cluster).convention(convention)
                .dkLag(dkLag).level(level).dropSingletons(dropSingletons).weights(weights);
        if (!additional.isEmpty()) {
            // the shorthand's terms and the additional ones, absorbed together (Effects.TERMS)
            b.absorb(fixedEffectTerms()).constant(true);
        }
        return b.build();
    }

    /**
     * Declares the columns the estimation reads (numbers: y, regressors and the weights; keys: entity, time, the
     * columns of the additional fixed effects, clusters).
     */
    public void declareColumns(TableSchema schema, ColumnsBuilder columns) {
        columns.numeric(y, schema.kind(y));
        for (String x : regressors) {
            columns.numeric(x, schema.kind(x));
        }
        if (weights != null) {
            columns.numeric(weights, schema.kind(weights));
        }
        for (String k : keyColumns(schema)) {
            columns.key(k, schema.kind(k));
        }
    }

    private List<String> keyColumns(TableSchema schema) {
        List<String> keys = new ArrayList<>();
        for (String k : new String[] {entity, time}) {
            if (k != null) {
                keys.add(k);
            }
        }
        for (FixedEffectTerm t : additionalTerms()) {
            for (String c : t.columns()) {
                if (!keys.contains(c)) {
                    keys.add(c);
                }
            }
        }
        for (String c : clusterColumns(schema)) {
            if (!keys.contains(c)) {
                keys.add(c);
            }
        }
        return keys;
    }

    private boolean clustersOn(ClusterBy dimension) {
        if (!seType.isClustered()) {
            return false;
        }
        return clusterBy == dimension || clusterBy == ClusterBy.ENTITY_AND_TIME || twoWayOnPanelKeys();
    }

    /**
     * Two-way clustering with 'Cluster by' Entity or Time clusters by the panel's two keys, entity and time: the
     * only second dimension a panel has, and what a batch run that sets the standard errors alone (the se_type flow
     * variable of the example workflows) must get.
     */
    private boolean twoWayOnPanelKeys() {
        return seType == VcovType.TWOWAY && (clusterBy == ClusterBy.ENTITY || clusterBy == ClusterBy.TIME);
    }

    private String whyEntity() {
        return effects.hasEntity() ? " (needed by the entity fixed effects)" : " (needed to cluster by entity)";
    }

    private String whyTime() {
        if (effects.hasTime()) {
            return " (needed by the time fixed effects)";
        }
        return seType == VcovType.DRISCOLL_KRAAY ? " (needed by Driscoll-Kraay standard errors)"
                : " (needed to cluster by time)";
    }

    /** The cluster columns handed to the engine (empty for estimators that do not cluster). */
    List<String> clusterColumns(TableSchema schema) {
        if (!seType.isClustered()) {
            return List.of();
        }
        boolean twoWay = seType == VcovType.TWOWAY;
        switch (clusterBy) {
            case ENTITY:
            case TIME:
                if (twoWay) {
                    return List.of(entity, time);
                }
                return List.of(clusterBy == ClusterBy.ENTITY ? entity : time);
            case ENTITY_AND_TIME:
                if (!twoWay) {
                    throw new IllegalArgumentException("'" + label(seType)
                            + "' standard errors cluster in one dimension: set 'Cluster by' to 'Entity', 'Time' or "
                            + "'Columns', or choose 'Two-way clustered' standard errors");
                }
                return List.of(entity, time);
            case COLUMNS:
            default:
                schema.requireKey(clusterColumn, "cluster column");
                if (!twoWay) {
                    return List.of(clusterColumn);
                }
                schema.requireKey(secondClusterColumn, "second cluster column (two-way clustering)");
                if (secondClusterColumn.equals(clusterColumn)) {
                    throw new IllegalArgumentException("both cluster columns are '" + clusterColumn
                            + "': choose two different columns for two-way clustering");
                }
                return List.of(clusterColumn, secondClusterColumn);
        }
    }

    private static String label(VcovType t) {
        return switch (t) {
            case CR0 -> "Clustered (CR0)";
            case CLUSTER -> "Clustered (CR1)";
            case CR2 -> "Clustered (CR2, Bell-McCaffrey)";
            default -> t.key();
        };
    }

    private static void checkOutputName(TableSchema schema, String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the " + what + " column has no name: enter a column name");
        }
        if (schema.has(name)) {
            throw new IllegalArgumentException("the input already has a column '" + name
                    + "': choose another name for the " + what + " column");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Options with the study's defaults; set at least y, the regressors, entity and time. */
    public static final class Builder {
        private String y;
        private List<String> regressors = List.of();
        private String entity;
        private String time;
        private Effects effects = Effects.TWOWAY;
        private boolean constant = true;
        private VcovType seType = VcovType.CLUSTER;
        private Convention convention = Convention.XTREG;
        private ClusterBy clusterBy = ClusterBy.ENTITY;
        private String clusterColumn;
        private String secondClusterColumn;
        private int dkLag = -1;
        private double level = 0.95;
        private boolean dropSingletons;
        private boolean appendResiduals;
        private String residualColumn = DEFAULT_RESIDUAL_COLUMN;
        private String fittedColumn = DEFAULT_FITTED_COLUMN;
        private List<List<String>> additionalFixedEffects = List.of();
        private String weights;

        private Builder() {
        }

        public Builder y(String v) { this.y = v; return this; }
        public Builder regressors(List<String> v) { this.regressors = List.copyOf(v); return this; }
        public Builder entity(String v) { this.entity = v; return this; }
        public Builder time(String v) { this.time = v; return this; }
        public Builder effects(Effects v) { this.effects = Objects.requireNonNull(v); return this; }
        public Builder constant(boolean v) { this.constant = v; return this; }
        public Builder seType(VcovType v) { this.seType = Objects.requireNonNull(v); return this; }
        public Builder convention(Convention v) { this.convention = Objects.requireNonNull(v); return this; }
        public Builder clusterBy(ClusterBy v) { this.clusterBy = Objects.requireNonNull(v); return this; }
        public Builder clusterColumn(String v) { this.clusterColumn = v; return this; }
        public Builder secondClusterColumn(String v) { this.secondClusterColumn = v; return this; }
        public Builder dkLag(int v) { this.dkLag = v; return this; }
        public Builder level(double v) { this.level = v; return this; }
        public Builder dropSingletons(boolean v) { this.dropSingletons = v; return this; }
        public Builder appendResiduals(boolean v) { this.appendResiduals = v; return this; }
        public Builder residualColumn(String v) { this.residualColumn = v == null ? "" : v.trim(); return this; }
        public Builder fittedColumn(String v) { this.fittedColumn = v == null ? "" : v.trim(); return this; }
        /** Additional fixed-effect terms, each given by its columns (several: their interaction). */
        public Builder additionalFixedEffects(List<List<String>> v) {
            List<List<String>> copy = new ArrayList<>();
            for (List<String> term : v) {
                copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(term)));
            }
            this.additionalFixedEffects = java.util.Collections.unmodifiableList(copy);
            return this;
        }
        /** Analytic-weight column (null or blank: unweighted). */
        public Builder weights(String v) { this.weights = v; return this; }

        public RegressionOptions build() {
            return new RegressionOptions(this);
        }
    }
}
