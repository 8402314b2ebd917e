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

    /** The same options for another dependent variable and regressors. */
    public ModelSpec withVariables(String newY, List<String> newX) {
        Builder b = toBuilder();
        b.y = newY;
        b.x = newX;
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(y, x).entity(entity).time(time).effects(effects).constant(constant).vcov(vcov)
                .cluster(cluster).convention(convention).dkLag(dkLag).level(level).dropSingletons(dropSingletons);
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

        private Builder(String y, List<String> x) {
            this.y = y;
            this.x = x;
        }

        public Builder entity(String v) { this.entity = v; return this; }
        public Builder time(String v) { this.time = v; return this; }
        public Builder effects(Effects v) { this.effects = Objects.requireNonNull(v); return this; }
        public Builder constant(boolean v) { this.constant = v; return this; }
        public Builder vcov(VcovType v) { this.vcov = Objects.requireNonNull(v); return this; }
        public Builder cluster(List<String> v) { this.cluster = List.copyOf(v); return this; }
        public Builder convention(Convention v) { this.convention = Objects.requireNonNull(v); return this; }
        public Builder dkLag(int v) { this.dkLag = v; return this; }
        public Builder level(double v) { this.level = v; return this; }
        public Builder dropSingletons(boolean v) { this.dropSingletons = v; return this; }

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
