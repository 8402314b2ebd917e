package org.panelkit.engine.bootstrap;

import java.util.Objects;

/**
 * What the wild cluster restricted bootstrap tests: the coefficient ({@code null} = the first estimated slope),
 * the null value, the number of replications B, the auxiliary weights, the seed of the random number generator
 * ({@link java.util.SplittableRandom}), the confidence level of the interval (NaN = the model's level), and
 * whether Rademacher weights enumerate all 2^G sign vectors when 2^G &le; B (as boottest and fwildclusterboot
 * do). Immutable; defaults: B = 9,999, Rademacher, seed 12345, null 0, enumeration on.
 */
public final class WildBootstrapSpec {
    public static final int DEFAULT_REPS = 9_999;
    public static final long DEFAULT_SEED = 12345L;

    private final String term;
    private final double nullValue;
    private final int reps;
    private final AuxiliaryWeights weights;
    private final long seed;
    private final double level;
    private final boolean enumerate;

    private WildBootstrapSpec(Builder b) {
        this.term = b.term;
        this.nullValue = b.nullValue;
        this.reps = b.reps;
        this.weights = b.weights;
        this.seed = b.seed;
        this.level = b.level;
        this.enumerate = b.enumerate;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The tested coefficient, or null for the first estimated slope. */
    public String term() { return term; }
    public double nullValue() { return nullValue; }
    public int reps() { return reps; }
    public AuxiliaryWeights weights() { return weights; }
    public long seed() { return seed; }
    /** Confidence level of the interval; NaN means the model's level. */
    public double level() { return level; }
    /** Whether Rademacher weights enumerate every sign vector when 2^G &le; B. */
    public boolean enumerate() { return enumerate; }

    public Builder toBuilder() {
        return new Builder().term(term).nullValue(nullValue).reps(reps).weights(weights).seed(seed).level(level)
                .enumerate(enumerate);
    }

    /** Builder, validated by {@link #build()}. */
    public static final class Builder {
        private String term;
        private double nullValue;
        private int reps = DEFAULT_REPS;
        private AuxiliaryWeights weights = AuxiliaryWeights.RADEMACHER;
        private long seed = DEFAULT_SEED;
        private double level = Double.NaN;
        private boolean enumerate = true;

        public Builder term(String v) { this.term = v; return this; }
        public Builder nullValue(double v) { this.nullValue = v; return this; }
        public Builder reps(int v) { this.reps = v; return this; }
        public Builder weights(AuxiliaryWeights v) { this.weights = Objects.requireNonNull(v); return this; }
        public Builder seed(long v) { this.seed = v; return this; }
        public Builder level(double v) { this.level = v; return this; }
        public Builder enumerate(boolean v) { this.enumerate = v; return this; }

        public WildBootstrapSpec build() {
            if (reps < 99) {
                throw new IllegalArgumentException("the wild bootstrap needs at least 99 replications, got " + reps);
            }
            if (reps > 10_000_000) {
                throw new IllegalArgumentException("at most 10,000,000 bootstrap replications, got " + reps);
            }
            if (!Double.isFinite(nullValue)) {
                throw new IllegalArgumentException("the null value must be a finite number, got " + nullValue);
            }
            if (!Double.isNaN(level) && !(level > 0 && level < 1)) {
                throw new IllegalArgumentException("confidence level must be between 0 and 1, got " + level);
            }
            return new WildBootstrapSpec(this);
        }
    }
}
