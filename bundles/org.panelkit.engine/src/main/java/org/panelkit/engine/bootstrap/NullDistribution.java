package org.panelkit.engine.bootstrap;

/**
 * The bootstrap t statistics of all draws as functions of the null value b0: draw b was summarised by
 * (n0, n1, q00, q01, q11), and t*_b(b0) = (n0 + b0 n1) / sqrt(f (q00 + 2 b0 q01 + b0^2 q11)). Evaluating the
 * p-value at a new b0 costs O(B), which makes the confidence interval by test inversion cheap (Roodman et al.
 * 2019, section 3.4).
 */
final class NullDistribution {
    /** Relative tolerance under which |t*| and |t| count as tied (a tie does not count as exceeding). */
    static final double TIE = 1e-10;

    private final double[] draws;
    private final int reps;
    private final double factor;

    NullDistribution(double[] draws, int reps, double factor) {
        this.draws = draws;
        this.reps = reps;
        this.factor = factor;
    }

    int reps() {
        return reps;
    }

    double tStar(int b, double b0) {
        int o = 5 * b;
        double num = draws[o] + b0 * draws[o + 1];
        double var = factor * (draws[o + 2] + 2 * b0 * draws[o + 3] + b0 * b0 * draws[o + 4]);
        return num / Math.sqrt(Math.max(var, 0));
    }

    /** Symmetric p-value: (1/B) #{b : |t*_b(b0)| &gt; |t|}, ties within {@link #TIE} relative not counted. */
    double pValue(double b0, double t) {
        double bound = Math.abs(t) * (1 + TIE);
        int count = 0;
        for (int b = 0; b < reps; b++) {
            double ts = Math.abs(tStar(b, b0));
            if (ts > bound) { // NaN (0/0) never exceeds
                count++;
            }
        }
        return (double) count / reps;
    }
}
