package org.panelkit.engine.fe;

import java.util.List;
import java.util.Objects;

import org.panelkit.engine.vcov.Convention;
import org.panelkit.engine.vcov.VcovType;

/**
 * What to estimate: y on x with the given fixed effects and variance estimator. Immutable; build with
 * {@link #builder(String, List)}. Defaults are the study's: two-way fixed effects, standard errors
 * clustered by entity, Stata xtreg conventions, 95% intervals, singletons kept.
 */
public final class ModelSpec {
    private final String y;
    private final List<String> x;
    private final String entity;
    private final String time;
    private final Effects effects;
    private final boolean constant;
    private final VcovType vcov;
    private final List<String> cluster;
    private final Convention convention;
    private final int dkLag;
    private final double level;
    private final boolean dropSingletons;
    private final List<FixedEffectTerm> absorb;
    private final String weights;

    private ModelSpec(Builder b) {
        this.y = b.y;
        this.x = List.copyOf(b.x);
        this.entity = b.entity;
        this.time = b.time;
        this.effects = b.effects;
        this.constant = b.constant;
        this.vcov = b.vcov;
        this.cluster = List.copyOf(b.cluster);
        this.convention = b.convention;
        this.dkLag = b.dkLag;
        this.level = b.level;
        this.dropSingletons = b.dropSingletons;
        this.absorb = List.copyOf(b.absorb);
        this.weights = b.weights;
    }

    public static Builder builder(String y, List<String> x) {
        return new Builder(y, x);
    }

    public String y() { return y; }
    public List<String> x() { return x; }
    /** Entity (panel unit) column, or null for pooled OLS without panel structure. */
    public String entity() { return entity; }
    /** Time column, or null. */
    public String time() { return time; }
    public Effects effects() { return effects; }
    /** Whether pooled OLS has an intercept (the fixed-effects models always report Stata's constant). */
    public boolean constant() { return constant; }
    public VcovType vcov() { return vcov; }
    /** Cluster columns given by the user; empty means the estimator's default (entity, or entity and time). */
    public List<String> cluster() { return cluster; }
    public Convention convention() { return convention; }
    /** Driscoll-Kraay lag, or -1 for floor(max_i T_i^(1/4)). */
    public int dkLag() { return dkLag; }
    public double level() { return level; }
    public boolean dropSingletons() { return dropSingletons; }
    /** The fixed-effect terms listed by the user ({@link Effects#TERMS}); empty for the shorthands. */
    public List<FixedEffectTerm> absorb() { return absorb; }
    /** Analytic-weight column ({@code aweight}), or null for an unweighted fit. */
    public String weights() { return weights; }

    /**
     * The absorbed terms: the listed ones, or those of the shorthand (entity: [entity]; time: [time];
     * twoway: [entity, time]; none: none).
     */
    public List<FixedEffectTerm> fixedEffectTerms() {
        switch (effects) {
        case TERMS:
            return absorb;
        case ENTITY:
            return List.of(FixedEffectTerm.of(entity));
        case TIME:
            return List.of(FixedEffectTerm.of(time));
        case TWOWAY:
            return List.of(FixedEffectTerm.of(entity), FixedEffectTerm.of(time));
        default:
            return List.of();
        }
    }

    /** The fixed effects as written on the command line: a shorthand key or the list of terms. */
    public String feKey() {
        if (effects != Effects.TERMS) {
            return effects.key();
        }
        List<String> names = new java.util.ArrayList<>();
        for (FixedEffectTerm t : absorb) {
            names.add(t.name());
        }
        return String.join(",", names);
    }

    /** Whether the entity column is absorbed as a term of its own (entity or two-way effects, or listed). */
    public boolean absorbsEntity() {
        return entity != null && fixedEffectTerms().contains(FixedEffectTerm.of(entity));
    }

    /** Whether the time column is absorbed as a term of its own. */
    public boolean absorbsTime() {
        return time != null && fixedEffectTerms().contains(FixedEffectTerm.of(time));
    }

    /** The same options for another dependent variable and regressors. */
    public ModelSpec withVariables(String newY, List<String> newX) {
        Builder b = toBuilder();
        b.y = newY;
        b.x = newX;
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(y, x).entity(entity).time(time).effects(effects).constant(constant).vcov(vcov)
                .cluster(cluster).convention(convention).dkLag(dkLag).level(level).dropSingletons(dropSingletons)
                .weights(weights);
        b.absorb = absorb;
        return b;
    }

    /** Builder with validation in {@link #build()}. */
    public static final class Builder {
        private String y;
        private List<String> x;
        private String entity;
        private String time;
        private Effects effects = Effects.TWOWAY;
        private boolean constant = true;
        private VcovType vcov = VcovType.CLUSTER;
        private List<String> cluster = List.of();
        private Convention convention = Convention.XTREG;
        private int dkLag = -1;
        private double level = 0.95;
        private boolean dropSingletons;
        private List<FixedEffectTerm> absorb = List.of();
        private String weights;

        private Builder(String y, List<String> x) {
            this.y = y;
            this.x = x;
        }

        public Builder entity(String v) { this.entity = v; return this; }
        public Builder time(String v) { this.time = v; return this; }
        public Builder effects(Effects v) {
            this.effects = Objects.requireNonNull(v);
            if (v != Effects.TERMS) {
                this.absorb = List.of();
            }
            return this;
        }
        public Builder constant(boolean v) { this.constant = v; return this; }
        public Builder vcov(VcovType v) { this.vcov = Objects.requireNonNull(v); return this; }
        public Builder cluster(List<String> v) { this.cluster = List.copyOf(v); return this; }
        public Builder convention(Convention v) { this.convention = Objects.requireNonNull(v); return this; }
        public Builder dkLag(int v) { this.dkLag = v; return this; }
        public Builder level(double v) { this.level = v; return this; }
        public Builder dropSingletons(boolean v) { this.dropSingletons = v; return this; }
        /** Analytic weights from column {@code v} (null: unweighted). */
        public Builder weights(String v) { this.weights = v == null || v.isBlank() ? null : v; return this; }

        /**
         * Absorbs the listed terms ({@link Effects#TERMS}); an empty list means no fixed effects
         * ({@link Effects#NONE}).
         */
        public Builder absorb(List<FixedEffectTerm> terms) {
            this.absorb = List.copyOf(terms);
            this.effects = terms.isEmpty() ? Effects.NONE : Effects.TERMS;
            return this;
        }

        /**
         * The fixed effects as written on the command line: {@code twoway|entity|time|none} (also
         * {@code twoways}) or a comma-separated list of terms such as {@code firm,year,industry^year}.
         */
        public Builder fixedEffects(String text) {
            String t = text == null ? "" : text.trim();
            for (Effects e : Effects.values()) {
                if (e != Effects.TERMS && (e.key().equals(t) || (e == Effects.TWOWAY && "twoways".equals(t)))) {
                    this.absorb = List.of();
                    return effects(e);
                }
            }
            return absorb(FixedEffectTerm.parseList(t));
        }

        public ModelSpec build() {
            if (y == null || y.isBlank()) {
                throw new IllegalArgumentException("no dependent variable given");
            }
            if (x == null || x.isEmpty()) {
                throw new IllegalArgumentException("no regressors given");
            }
            if (x.contains(y)) {
                throw new IllegalArgumentException("'" + y + "' is both the dependent variable and a regressor");
            }
            if (x.stream().distinct().count() != x.size()) {
                throw new IllegalArgumentException("a regressor is listed twice: " + x);
            }
            if (effects.hasEntity() && entity == null) {
                throw new IllegalArgumentException("fixed effects '" + effects.key() + "' need an entity column");
            }
            if (effects.hasTime() && time == null) {
                throw new IllegalArgumentException("fixed effects '" + effects.key() + "' need a time column");
            }
            if (effects == Effects.TERMS && absorb.isEmpty()) {
                throw new IllegalArgumentException("fixed effects 'terms' need at least one term");
            }
            for (FixedEffectTerm t : absorb) {
                for (String c : t.columns()) {
                    if (c.equals(y) || x.contains(c)) {
                        throw new IllegalArgumentException("'" + c + "' is both a variable of the model and part of "
                                + "the fixed-effect term '" + t + "'");
                    }
                }
            }
            if (weights != null && (weights.equals(y) || x.contains(weights))) {
                throw new IllegalArgumentException("'" + weights + "' is both a variable of the model and the weight "
                        + "column");
            }
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("confidence level must be between 0 and 1, got " + level);
            }
            if (cluster.size() > 2) {
                throw new IllegalArgumentException("at most two cluster columns are supported, got " + cluster);
            }
            if (dkLag < -1) {
                throw new IllegalArgumentException("Driscoll-Kraay lag must be 0 or more, got " + dkLag);
            }
            return new ModelSpec(this);
        }
    }
}
