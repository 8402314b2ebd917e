package org.panelkit.engine.mediation;

import java.util.Arrays;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Bootstrap confidence intervals from a vector of replicates t*_1..t*_R (non-finite values are dropped first),
 * with the order-statistic rule of R's {@code boot} package (Davison and Hinkley 1997, section 5.2.3): the
 * alpha quantile is t*_(k) when (R+1) alpha = k is an integer, otherwise the interpolation on the normal scale
 * between t*_(k) and t*_(k+1), k = floor((R+1) alpha):
 * <pre>
 *   t*_(k) + (Phi^-1(alpha) - Phi^-1(k/(R+1))) / (Phi^-1((k+1)/(R+1)) - Phi^-1(k/(R+1))) (t*_(k+1) - t*_(k))
 * </pre>
 * (t*_(1) when k = 0, t*_(R) when k = R).
 * <ul>
 * <li>percentile: the (1-level)/2 and (1+level)/2 quantiles ({@code boot.ci(type = "perc")});</li>
 * <li>bias-corrected (BC, Efron 1982): z0 = Phi^-1(#{t* &lt; t_hat}/R), quantiles
 * Phi(2 z0 + z_{(1-level)/2}) and Phi(2 z0 + z_{(1+level)/2}); this is boot's BCa with acceleration 0 (boot has
 * no BC type).</li>
 * </ul>
 */
public final class BootstrapIntervals {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1, 1e-16);

    private BootstrapIntervals() {
    }

    /** The percentile interval {low, high}. */
    public static double[] percentile(double[] replicates, double level) {
        double[] t = sortedFinite(replicates);
        return new double[] {quantile(t, (1 - level) / 2), quantile(t, (1 + level) / 2)};
    }

    /** The bias-correction z0 = Phi^-1(#{t* &lt; estimate} / R) (infinite when no or every replicate is below). */
    public static double biasCorrection(double[] replicates, double estimate) {
        double[] t = sortedFinite(replicates);
        int below = 0;
        for (double v : t) {
            if (v < estimate) {
                below++;
            }
        }
        return NORMAL.inverseCumulativeProbability((double) below / t.length);
    }

    /** The bias-corrected interval {low, high}; NaN when z0 is infinite. */
    public static double[] biasCorrected(double[] replicates, double estimate, double level) {
        double z0 = biasCorrection(replicates, estimate);
        if (Double.isInfinite(z0) || Double.isNaN(z0)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] t = sortedFinite(replicates);
        double lo = NORMAL.cumulativeProbability(2 * z0 + NORMAL.inverseCumulativeProbability((1 - level) / 2));
        double hi = NORMAL.cumulativeProbability(2 * z0 + NORMAL.inverseCumulativeProbability((1 + level) / 2));
        return new double[] {quantile(t, lo), quantile(t, hi)};
    }

    /** The alpha quantile of sorted finite replicates by boot's rule. */
    static double quantile(double[] sorted, double alpha) {
        int r = sorted.length;
        if (r == 0) {
            return Double.NaN;
        }
        double rk = (r + 1) * alpha;
        int k = (int) Math.floor(rk);
        if (k <= 0) {
            return sorted[0];
        }
        if (k >= r) {
            return sorted[r - 1];
        }
        if (k == rk) {
            return sorted[k - 1];
        }
        double z = NORMAL.inverseCumulativeProbability(alpha);
        double zk = NORMAL.inverseCumulativeProbability((double) k / (r + 1));
        double zk1 = NORMAL.inverseCumulativeProbability((k + 1.0) / (r + 1));
        double tk = sorted[k - 1];
        double tk1 = sorted[k];
        return tk + (z - zk) / (zk1 - zk) * (tk1 - tk);
    }

    static double[] sortedFinite(double[] replicates) {
        double[] t = Arrays.stream(replicates).filter(Double::isFinite).toArray();
        Arrays.sort(t);
        return t;
    }
}
