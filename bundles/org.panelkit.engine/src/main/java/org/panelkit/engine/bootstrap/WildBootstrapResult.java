package org.panelkit.engine.bootstrap;

/**
 * The wild cluster restricted bootstrap-t test of one coefficient: the estimate with its cluster-robust
 * standard error (the model's), the t statistic for the null, the bootstrap p-value, the confidence interval by
 * test inversion (infinite where the confidence set is unbounded), and how the bootstrap was run. Immutable.
 */
public final class WildBootstrapResult {
    private final String term;
    private final double estimate;
    private final double stdError;
    private final double nullValue;
    private final double tStat;
    private final double pValue;
    private final double confLow;
    private final double confHigh;
    private final double level;
    private final int reps;
    private final int requestedReps;
    private final boolean enumerated;
    private final AuxiliaryWeights weights;
    private final long seed;
    private final int clusters;
    private final String clusterColumn;
    private final double[] bootstrapT;

    WildBootstrapResult(String term, double estimate, double stdError, double nullValue, double tStat, double pValue,
            double confLow, double confHigh, double level, int reps, int requestedReps, boolean enumerated,
            AuxiliaryWeights weights, long seed, int clusters, String clusterColumn, double[] bootstrapT) {
        this.term = term;
        this.estimate = estimate;
        this.stdError = stdError;
        this.nullValue = nullValue;
        this.tStat = tStat;
        this.pValue = pValue;
        this.confLow = confLow;
        this.confHigh = confHigh;
        this.level = level;
        this.reps = reps;
        this.requestedReps = requestedReps;
        this.enumerated = enumerated;
        this.weights = weights;
        this.seed = seed;
        this.clusters = clusters;
        this.clusterColumn = clusterColumn;
        this.bootstrapT = bootstrapT;
    }

    public String term() { return term; }
    public double estimate() { return estimate; }
    /** The model's cluster-robust standard error (the t statistic's denominator). */
    public double stdError() { return stdError; }
    public double nullValue() { return nullValue; }
    /** t = (estimate - null) / stdError. */
    public double tStat() { return tStat; }
    /** Symmetric bootstrap p-value: the share of replications with |t*| &gt; |t|. */
    public double pValue() { return pValue; }
    /** Lower end of the interval by test inversion, -Infinity when unbounded. */
    public double confLow() { return confLow; }
    /** Upper end of the interval by test inversion, +Infinity when unbounded. */
    public double confHigh() { return confHigh; }
    public double level() { return level; }
    /** Replications used (2^G when the sign vectors were enumerated). */
    public int reps() { return reps; }
    /** Replications asked for. */
    public int requestedReps() { return requestedReps; }
    /** True when every Rademacher sign vector was used once instead of random draws. */
    public boolean enumerated() { return enumerated; }
    public AuxiliaryWeights weights() { return weights; }
    public long seed() { return seed; }
    /** Number of clusters G. */
    public int clusters() { return clusters; }
    public String clusterColumn() { return clusterColumn; }
    /** The bootstrap t statistics t*_b under the null, in the order of the draws (a copy). */
    public double[] bootstrapT() { return bootstrapT.clone(); }
}
