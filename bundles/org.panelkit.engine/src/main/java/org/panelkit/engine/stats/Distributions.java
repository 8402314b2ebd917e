package org.panelkit.engine.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;

/**
 * Tail probabilities computed directly from the regularized incomplete beta function, so that tiny p-values
 * (1e-100 and below) keep full relative precision instead of underflowing in 1 - CDF:
 * <ul>
 * <li>two-sided t: P(|T_df| > |t|) = I_{df/(df+t^2)}(df/2, 1/2)</li>
 * <li>two-sided normal: erfc(|z|/sqrt 2)</li>
 * <li>upper F: P(F_{d1,d2} > f) = I_{d2/(d2+d1 f)}(d2/2, d1/2)</li>
 * </ul>
 * An infinite df means the normal distribution.
 */
public final class Distributions {
    private static final double EPS = 1e-15;
    private static final int MAX_ITER = 100_000;

    private Distributions() {
    }

    public static double twoSidedT(double t, double df) {
        if (Double.isNaN(t) || Double.isNaN(df)) {
            return Double.NaN;
        }
        if (Double.isInfinite(df)) {
            return Erf.erfc(Math.abs(t) / Math.sqrt(2.0));
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        double x = df / (df + t * t);
        return Beta.regularizedBeta(x, df / 2.0, 0.5, EPS, MAX_ITER);
    }

    public static double upperF(double f, double df1, double df2) {
        if (Double.isNaN(f) || f < 0) {
            return Double.NaN;
        }
        if (Double.isInfinite(df2)) {
            // chi-square(df1)/df1 limit
            return org.apache.commons.math3.special.Gamma.regularizedGammaQ(df1 / 2.0, df1 * f / 2.0);
        }
        double x = df2 / (df2 + df1 * f);
        return Beta.regularizedBeta(x, df2 / 2.0, df1 / 2.0, EPS, MAX_ITER);
    }

    /** The (1 + level)/2 quantile of t with df degrees of freedom (normal for infinite df). */
    public static double criticalValue(double level, double df) {
        double p = 0.5 + level / 2.0;
        if (Double.isInfinite(df)) {
            return new NormalDistribution(null, 0, 1, 1e-16).inverseCumulativeProbability(p);
        }
        return new TDistribution(null, df, 1e-14).inverseCumulativeProbability(p);
    }

    /** Stars at the conventional 0.1 / 0.05 / 0.01 thresholds. */
    public static String stars(double p) {
        if (p < 0.01) {
            return "***";
        }
        if (p < 0.05) {
            return "**";
        }
        if (p < 0.1) {
            return "*";
        }
        return "";
    }
}
