package org.panelkit.engine.mediation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.panelkit.engine.fe.ModelSpec;

/**
 * A mediation analysis: outcome y, treatment x, one or more mediators (each analysed on its own), controls,
 * and the model settings of every equation (fixed effects, variance estimator, clusters, convention, level,
 * singletons) taken from a template {@link ModelSpec} whose y and x are ignored. The cluster bootstrap draws
 * {@code reps} samples of whole clusters from a {@link java.util.SplittableRandom} seeded with {@code seed}.
 * Immutable; defaults B = 999, seed 12345.
 */
public final class MediationSpec {
    public static final int DEFAULT_REPS = 999;
    public static final long DEFAULT_SEED = 12345L;

    private final String y;
    private final String x;
    private final List<String> mediators;
    private final List<String> controls;
    private final ModelSpec model;
    private final int reps;
    private final long seed;

    private MediationSpec(Builder b) {
        this.y = b.y;
        this.x = b.x;
        this.mediators = List.copyOf(b.mediators);
        this.controls = List.copyOf(b.controls);
        this.model = b.model;
        this.reps = b.reps;
        this.seed = b.seed;
    }

    public static Builder builder(String y, String x, List<String> mediators) {
        return new Builder(y, x, mediators);
    }

    public String y() { return y; }
    public String x() { return x; }
    public List<String> mediators() { return mediators; }
    public List<String> controls() { return controls; }
    /** The template of the equations' settings. */
    public ModelSpec model() { return model; }
    /** Bootstrap replications (0: no bootstrap). */
    public int reps() { return reps; }
    public long seed() { return seed; }

    /**
     * The equation {@code dep} on {@code regressors} with the template's settings (fixed effects or terms, weights,
     * variance estimator, clusters, convention, level, singletons).
     */
    ModelSpec equation(String dep, List<String> regressors) {
        return model.withVariables(dep, regressors);
    }

    /** Builder, validated by {@link #build()}. */
    public static final class Builder {
        private final String y;
        private final String x;
        private final List<String> mediators;
        private List<String> controls = List.of();
        private ModelSpec model;
        private int reps = DEFAULT_REPS;
        private long seed = DEFAULT_SEED;

        private Builder(String y, String x, List<String> mediators) {
            this.y = y;
            this.x = x;
            this.mediators = mediators == null ? List.of() : List.copyOf(mediators);
        }

        public Builder controls(List<String> v) { this.controls = List.copyOf(v); return this; }
        public Builder model(ModelSpec v) { this.model = Objects.requireNonNull(v); return this; }
        public Builder reps(int v) { this.reps = v; return this; }
        public Builder seed(long v) { this.seed = v; return this; }

        public MediationSpec build() {
            if (y == null || y.isBlank()) {
                throw new IllegalArgumentException("no outcome (y) given");
            }
            if (x == null || x.isBlank()) {
                throw new IllegalArgumentException("no treatment (x) given");
            }
            if (mediators.isEmpty()) {
                throw new IllegalArgumentException("no mediator given");
            }
            if (model == null) {
                throw new IllegalArgumentException("no model settings given");
            }
            List<String> all = new ArrayList<>();
            all.add(y);
            all.add(x);
            all.addAll(mediators);
            all.addAll(controls);
            Set<String> seen = new HashSet<>();
            for (String v : all) {
                if (!seen.add(v)) {
                    throw new IllegalArgumentException("'" + v + "' is named twice among the outcome, the treatment, "
                            + "the mediators and the controls");
                }
            }
            if (reps != 0 && (reps < 99 || reps > 1_000_000)) {
                throw new IllegalArgumentException("bootstrap replications must be 0 (none) or between 99 and "
                        + "1,000,000, got " + reps);
            }
            return new MediationSpec(this);
        }
    }
}
