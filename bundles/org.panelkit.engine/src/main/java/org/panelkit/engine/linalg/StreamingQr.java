package org.panelkit.engine.linalg;

import java.util.concurrent.ForkJoinTask;

import org.panelkit.engine.Parallelism;

/**
 * The R factor of a tall matrix given as columns, computed block by block without copying the matrix:
 * R of [R_prev; next rows] by Householder reflections, repeated (the "tall skinny QR" of Demmel et al. 2012);
 * the two halves of the rows are reduced in parallel (in the current fork/join pool, {@link Parallelism}) and their R factors combined by one more QR.
 * Since X = Q R with Q orthonormal, every column-subset least-squares problem on X has the same R, the same
 * Q'y and the same partial column norms as on R itself, so the pivoting decisions and the solve can then be
 * made on the small matrix R ({@link PivotedQr}) with the accuracy of a full Householder QR.
 */
public final class StreamingQr {
    private static final int BLOCK = 1024;
    private static final int PARALLEL_ROWS = 200_000;

    private StreamingQr() {
    }

    /**
     * R (w x w, upper triangular up to the signs of its rows) of the matrix whose column j is
     * {@code cols[j][i] * scale[j]}. Columns should be scaled to about unit norm.
     */
    public static double[][] r(double[][] cols, double[] scale) {
        int w = cols.length;
        int n = w == 0 ? 0 : cols[0].length;
        if (n < PARALLEL_ROWS) {
            return reduce(cols, scale, 0, n, null);
        }
        int half = n / 2;
        // the first half on another worker of the current pool (see Parallelism), the second here
        ForkJoinTask<double[][]> first = Parallelism.fork(() -> reduce(cols, scale, 0, half, null));
        double[][] second = reduce(cols, scale, half, n, null);
        return reduce(cols, scale, 0, 0, stack(first.join(), second));
    }

    private static double[][] stack(double[][] a, double[][] b) {
        int w = a.length;
        double[][] out = new double[w][2 * w]; // column-major: out[j] has 2w rows
        for (int j = 0; j < w; j++) {
            for (int i = 0; i < w; i++) {
                out[j][i] = a[i][j];
                out[j][w + i] = b[i][j];
            }
        }
        return out;
    }

    /**
     * R of rows [from, to) of the scaled columns, optionally after leading rows given column-major in
     * {@code head}.
     */
    private static double[][] reduce(double[][] cols, double[] scale, int from, int to, double[][] head) {
        int w = cols.length;
        int headRows = head == null ? 0 : head[0].length;
        double[][] a = new double[w][Math.max(w, headRows) + BLOCK]; // column-major block
        int top = 0;
        if (head != null) {
            for (int j = 0; j < w; j++) {
                System.arraycopy(head[j], 0, a[j], 0, headRows);
            }
            top = householder(a, headRows, w);
        }
        for (int start = from; start < to; start += BLOCK) {
            int rows = Math.min(BLOCK, to - start);
            for (int j = 0; j < w; j++) {
                double[] c = cols[j];
                double[] dst = a[j];
                double s = scale[j];
                for (int i = 0; i < rows; i++) {
                    dst[top + i] = c[start + i] * s;
                }
            }
            top = householder(a, top + rows, w);
        }
        double[][] r = new double[w][w];
        for (int i = 0; i < Math.min(top, w); i++) {
            for (int j = i; j < w; j++) {
                r[i][j] = a[j][i];
            }
        }
        return r;
    }

    /**
     * Householder triangularisation of the first m rows of the column-major block a; leaves R in the top rows,
     * zeros below, and returns the number of rows that hold R. The loops over rows are small methods ({@link Sums#dot},
     * {@link #subtractMultiple}), called thousands of times per QR: each is compiled once, early, on a fresh JVM (a
     * loop inside this method would be compiled on-stack once per loop).
     */
    private static int householder(double[][] a, int m, int w) {
        int steps = Math.min(w, m);
        for (int j = 0; j < steps; j++) {
            double[] cj = a[j];
            // columns arrive scaled to about unit norm, so a plain sum of squares cannot overflow
            double norm = Math.sqrt(Sums.dot(cj, cj, j, m));
            if (norm == 0) {
                continue;
            }
            double alpha = cj[j] > 0 ? -norm : norm;
            // v = x - alpha e_j, ||v||^2 = ||x||^2 - 2 alpha x_j + alpha^2 = 2 norm (norm + |x_j|): alpha has the
            // sign opposite to x_j, so nothing cancels (Golub and Van Loan 2013, alg. 5.1.1)
            double vnorm2 = 2 * norm * (norm + Math.abs(cj[j]));
            cj[j] -= alpha; // cj[j..m) now holds the reflector v
            for (int c = j + 1; c < w; c++) {
                double[] cc = a[c];
                double f = 2 * Sums.dot(cj, cc, j, m) / vnorm2;
                subtractMultiple(cc, f, cj, j, m);
            }
            cj[j] = alpha;
            java.util.Arrays.fill(cj, j + 1, m, 0);
        }
        return steps;
    }

    /** y_i -= f x_i over [from, to). */
    private static void subtractMultiple(double[] y, double f, double[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] -= f * x[i];
        }
    }
}
