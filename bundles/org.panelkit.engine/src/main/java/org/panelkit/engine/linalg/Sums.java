package org.panelkit.engine.linalg;

/**
 * The sums of the row loops (inner products, totals, sums of squares), each in four interleaved partial sums added
 * pairwise at the end: four independent chains of additions instead of one. Java never reorders floating-point
 * additions, so a single running sum waits for each addition to finish; with four the loop runs at the speed of the
 * loads and multiplications. No less accurate than the running sum (each partial sum has a quarter of the terms;
 * Higham 2002, sec. 4.2), but not bit for bit the same.
 */
public final class Sums {
    private Sums() {
    }

    /** The sum of x_i y_i over i in [from, to). */
    public static double dot(double[] x, double[] y, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }
        for (; i < to; i++) {
            s0 += x[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The sum of the v_i. */
    public static double sum(double[] v) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = v.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += v[i];
            s1 += v[i + 1];
            s2 += v[i + 2];
            s3 += v[i + 3];
        }
        for (; i < n; i++) {
            s0 += v[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The sum of (v_i - m)^2. */
    public static double centredSquares(double[] v, double m) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = v.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double d0 = v[i] - m;
            double d1 = v[i + 1] - m;
            double d2 = v[i + 2] - m;
            double d3 = v[i + 3] - m;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < n; i++) {
            double d = v[i] - m;
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }
}
