package org.panelkit.engine.lq;

/**
 * Neumaier's compensated summation (Neumaier, A. (1974), "Rundungsfehleranalyse einiger Verfahren zur
 * Summation endlicher Summen", ZAMM 54, 39-51; the improved Kahan-Babuska algorithm): many sums side by side,
 * each with its running rounding error, so that totals of decimal data are correctly rounded rather than
 * carrying the drift of thousands of additions (the R reference sums in long double).
 */
final class CompensatedSums {
    private CompensatedSums() {
    }

    /** Adds x to sum[i], the rounding error of the addition to comp[i]. */
    static void add(double[] sum, double[] comp, int i, double x) {
        double s = sum[i];
        double t = s + x;
        if (Math.abs(s) >= Math.abs(x)) {
            comp[i] += (s - t) + x;
        } else {
            comp[i] += (x - t) + s;
        }
        sum[i] = t;
    }

    /**
     * Adds the compensation into {@code sum}, which then holds the skip-missing totals (NaN where nothing was
     * observed), and returns the strict totals (NaN where any of the cells was missing).
     */
    static double[] finish(double[] sum, double[] comp, int[] observed, int[] cells) {
        double[] strict = new double[sum.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] += comp[i];
            strict[i] = observed[i] < cells[i] ? Double.NaN : sum[i];
            if (observed[i] == 0) {
                sum[i] = Double.NaN;
            }
        }
        return strict;
    }
}
