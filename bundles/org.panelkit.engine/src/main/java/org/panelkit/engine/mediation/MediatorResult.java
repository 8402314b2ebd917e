package org.panelkit.engine.mediation;

import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.FixedEffectsResult;

/**
 * The three-step mediation analysis of one mediator M (Baron and Kenny 1986; the equations share one sample):
 * <pre>
 *   (1) y = c x  + controls + effects      total effect c
 *   (2) M = a x  + controls + effects      effect of x on the mediator
 *   (3) y = c' x + b M + controls + effects   direct effect c', mediator effect b
 * </pre>
 * indirect effect a b (= c - c' exactly for least squares on one sample: {@link #identityGap()}), Sobel (1982)
 * z = a b / sqrt(b^2 se_a^2 + a^2 se_b^2) with a normal p-value, proportion mediated a b / c, and the cluster
 * bootstrap of a b (percentile and bias-corrected intervals, {@link BootstrapIntervals}) and of a b / c
 * (percentile). Immutable.
 */
public final class MediatorResult {
    private final String mediator;
    private final int observations;
    private final int clusters;
    private final FixedEffectsResult totalFit;
    private final FixedEffectsResult mediatorFit;
    private final FixedEffectsResult outcomeFit;
    private final Coefficient total;
    private final Coefficient a;
    private final Coefficient b;
    private final Coefficient direct;
    private final double indirect;
    private final double sobelSe;
    private final double sobelZ;
    private final double sobelP;
    private final double proportion;
    private final double identityGap;
    private final double level;
    private final int reps;
    private final int failedReps;
    private final double[] replicates;
    private final double bootSe;
    private final double[] percentile;
    private final double[] biasCorrected;
    private final double z0;
    private final double[] proportionPercentile;

    MediatorResult(Builder r) {
        this.mediator = r.mediator;
        this.observations = r.observations;
        this.clusters = r.clusters;
        this.totalFit = r.totalFit;
        this.mediatorFit = r.mediatorFit;
        this.outcomeFit = r.outcomeFit;
        this.total = r.total;
        this.a = r.a;
        this.b = r.b;
        this.direct = r.direct;
        this.indirect = r.indirect;
        this.sobelSe = r.sobelSe;
        this.sobelZ = r.sobelZ;
        this.sobelP = r.sobelP;
        this.proportion = r.proportion;
        this.identityGap = r.identityGap;
        this.level = r.level;
        this.reps = r.reps;
        this.failedReps = r.failedReps;
        this.replicates = r.replicates;
        this.bootSe = r.bootSe;
        this.percentile = r.percentile;
        this.biasCorrected = r.biasCorrected;
        this.z0 = r.z0;
        this.proportionPercentile = r.proportionPercentile;
    }

    public String mediator() { return mediator; }
    /** Rows of the common sample of the three equations. */
    public int observations() { return observations; }
    /** Clusters resampled by the bootstrap. */
    public int clusters() { return clusters; }
    /** Equation (1): y on x and controls. */
    public FixedEffectsResult totalFit() { return totalFit; }
    /** Equation (2): M on x and controls. */
    public FixedEffectsResult mediatorFit() { return mediatorFit; }
    /** Equation (3): y on x, M and controls. */
    public FixedEffectsResult outcomeFit() { return outcomeFit; }
    /** c: the coefficient of x in (1). */
    public Coefficient total() { return total; }
    /** a: the coefficient of x in (2). */
    public Coefficient a() { return a; }
    /** b: the coefficient of M in (3). */
    public Coefficient b() { return b; }
    /** c': the coefficient of x in (3). */
    public Coefficient direct() { return direct; }
    /** a b. */
    public double indirect() { return indirect; }
    public double sobelSe() { return sobelSe; }
    public double sobelZ() { return sobelZ; }
    public double sobelP() { return sobelP; }
    /** a b / c. */
    public double proportion() { return proportion; }
    /** c - c' - a b (zero up to rounding when the equations share the sample and no regressor was dropped). */
    public double identityGap() { return identityGap; }
    public double level() { return level; }
    /** Bootstrap replications asked for (0: none). */
    public int reps() { return reps; }
    /** Replications in which x or M could not be estimated (left out of the intervals). */
    public int failedReps() { return failedReps; }
    /** a*b* of every replication in order (NaN where it failed; a copy). */
    public double[] replicates() { return replicates.clone(); }
    /** Standard deviation of the finite replicates. */
    public double bootstrapSe() { return bootSe; }
    /** Percentile interval of a b: {low, high}. */
    public double[] percentile() { return percentile.clone(); }
    /** Bias-corrected interval of a b: {low, high}. */
    public double[] biasCorrected() { return biasCorrected.clone(); }
    /** The bias correction z0. */
    public double z0() { return z0; }
    /** Percentile interval of the proportion mediated: {low, high}. */
    public double[] proportionPercentile() { return proportionPercentile.clone(); }

    static final class Builder {
        String mediator;
        int observations;
        int clusters;
        FixedEffectsResult totalFit;
        FixedEffectsResult mediatorFit;
        FixedEffectsResult outcomeFit;
        Coefficient total;
        Coefficient a;
        Coefficient b;
        Coefficient direct;
        double indirect;
        double sobelSe;
        double sobelZ;
        double sobelP;
        double proportion;
        double identityGap;
        double level;
        int reps;
        int failedReps;
        double[] replicates = new double[0];
        double bootSe = Double.NaN;
        double[] percentile = {Double.NaN, Double.NaN};
        double[] biasCorrected = {Double.NaN, Double.NaN};
        double z0 = Double.NaN;
        double[] proportionPercentile = {Double.NaN, Double.NaN};
    }
}
