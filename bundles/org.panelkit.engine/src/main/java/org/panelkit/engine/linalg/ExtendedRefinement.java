package org.panelkit.engine.linalg;

/**
 * Iterative refinement of a least-squares solution with the residuals accumulated in extended (double-double)
 * precision, for ill-conditioned designs (the NIST StRD Filip and Wampler problems).
 * <p>
 * One pass over the data accumulates the Gram matrix G = [X y]'[X y] as unevaluated sums hi + lo of doubles
 * (error-free products by {@link Math#fma}, compensated sums: Ogita, Rump and Oishi 2005, "Accurate sum and dot
 * product"), so G is exact to about 1e-32 of |X|'|X|. Then each system G z = rhs (the normal equations X'X b = X'y
 * and the columns of the inverse (X'X)^-1 e_m) is refined from the double-precision solution of the QR factor:
 * z &lt;- z + A (rhs - G z), with the residual rhs - G z evaluated in double-double and A = R^-1 R^-T the
 * approximate inverse from the QR. Since R'R is the exact Gram matrix of a matrix within about 1e-16 of X, the
 * iteration contracts by about 1e-16 times the condition number of (scaled) X per step (Higham 2002, <i>Accuracy
 * and Stability of Numerical Algorithms</i>, ch. 12 and 20), and converges to the solution of the double-double
 * system: the slopes and the bread to nearly full double precision whenever the condition number is well below
 * 1e16. Whether the iteration converged is reported, so callers can tell a problem the refinement resolves from
 * one it does not.
 */
public final class ExtendedRefinement {
    /** Corrections below this share of the solution (a few units in the last place) end the iteration. */
    private static final double CONVERGED = 0x1p-50;
    /**
     * When the corrections stop shrinking (rounding noise of the residual), the iteration has converged if the
     * smallest correction was at most this share of the solution.
     */
    private static final double ACCEPTED = 1e-12;
    private static final int MAX_ITERATIONS = 12;

    private final double[][] hi;
    private final double[][] lo;
    private final int k;

    private ExtendedRefinement(double[][] hi, double[][] lo, int k) {
        this.hi = hi;
        this.lo = lo;
        this.k = k;
    }

    /** The double-double Gram matrix of [cols y] (one pass over the columns for each pair). */
    public static ExtendedRefinement gram(double[][] cols, double[] y) {
        return gram(cols, new double[cols.length][], y);
    }

    /**
     * The double-double Gram matrix of [cols y] where column j is the unevaluated sum cols[j] + low[j] (low[j]
     * may be null for a column that is exactly a double), e.g. x - mean represented exactly.
     */
    public static ExtendedRefinement gram(double[][] cols, double[][] low, double[] y) {
        int k = cols.length;
        int w = k + 1;
        double[][] all = new double[w][];
        double[][] allLow = new double[w][];
        System.arraycopy(cols, 0, all, 0, k);
        System.arraycopy(low, 0, allLow, 0, k);
        all[k] = y;
        double[][] hi = new double[w][w];
        double[][] lo = new double[w][w];
        double[] pair = new double[2];
        for (int j = 0; j < w; j++) {
            for (int l = j; l < w; l++) {
                dot(all[j], allLow[j], all[l], allLow[l], pair);
                hi[j][l] = pair[0];
                lo[j][l] = pair[1];
                hi[l][j] = pair[0];
                lo[l][j] = pair[1];
            }
        }
        return new ExtendedRefinement(hi, lo, k);
    }

    /** Compensated dot product a'b as hi + lo (Ogita-Rump-Oishi Dot2). */
    private static void dot(double[] a, double[] aLow, double[] b, double[] bLow, double[] out) {
        double s = 0;
        double c = 0;
        for (int i = 0; i < a.length; i++) {
            double p = a[i] * b[i];
            double ep = Math.fma(a[i], b[i], -p);
            if (aLow != null) {
                ep += aLow[i] * b[i];
            }
            if (bLow != null) {
                ep += a[i] * bLow[i];
            }
            double t = s + p;
            double z = t - s;
            c += ((s - (t - z)) + (p - z)) + ep;
            s = t;
        }
        double h = s + c;
        out[0] = h;
        out[1] = c - (h - s);
    }

    /**
     * Residuals y - X b with every product exact and the sum compensated, so each residual is correct to about
     * one rounding even when it is tiny compared with y; written into {@code out} (which may be y itself).
     */
    public static void residuals(double[][] cols, double[] y, double[] b, double[] out) {
        residuals(cols, new double[cols.length][], y, b, out);
    }

    /** As {@link #residuals(double[][], double[], double[], double[])} with columns cols[j] + low[j]. */
    public static void residuals(double[][] cols, double[][] low, double[] y, double[] b, double[] out) {
        int n = y.length;
        for (int i = 0; i < n; i++) {
            double s = y[i];
            double c = 0;
            for (int j = 0; j < cols.length; j++) {
                double p = -b[j] * cols[j][i];
                double ep = Math.fma(-b[j], cols[j][i], -p);
                if (low[j] != null) {
                    ep -= b[j] * low[j][i];
                }
                double t = s + p;
                double z = t - s;
                c += ((s - (t - z)) + (p - z)) + ep;
                s = t;
            }
            out[i] = s + c;
        }
    }

    /** The sum of v as hi + lo (compensated). */
    public static double[] sum(double[] v) {
        double s = 0;
        double c = 0;
        for (double p : v) {
            double t = s + p;
            double z = t - s;
            c += (s - (t - z)) + (p - z);
            s = t;
        }
        double h = s + c;
        return new double[] {h, c - (h - s)};
    }

    /**
     * Refines b towards the solution of X'X b = X'y; {@code scale[j]} is the norm of column j (the correction is
     * measured on the unit-scaled columns). Returns whether the iteration converged; b is updated either way.
     */
    public boolean refineSolution(double[][] approxInverse, double[] b, double[] scale) {
        return refineSolution(matrix(approxInverse), b, scale);
    }

    /** As {@link #refineSolution(double[][], double[], double[])} with the approximate inverse as an operator. */
    public boolean refineSolution(Preconditioner approxInverse, double[] b, double[] scale) {
        double[] rhsHi = new double[k];
        double[] rhsLo = new double[k];
        for (int j = 0; j < k; j++) {
            rhsHi[j] = hi[j][k];
            rhsLo[j] = lo[j][k];
        }
        return refine(approxInverse, rhsHi, rhsLo, b, scale);
    }

    /**
     * Refines the inverse (X'X)^-1, column by column from the approximate inverse (which is not modified), and
     * returns it symmetrised, or null when the iteration did not converge for some column.
     */
    public double[][] refineInverse(double[][] approxInverse, double[] scale) {
        return refineInverse(matrix(approxInverse), scale);
    }

    /** As {@link #refineInverse(double[][], double[])} with the approximate inverse as an operator. */
    public double[][] refineInverse(Preconditioner approxInverse, double[] scale) {
        double[][] inv = new double[k][k];
        double[] rhsLo = new double[k];
        for (int m = 0; m < k; m++) {
            double[] rhsHi = new double[k];
            rhsHi[m] = 1;
            double[] z = new double[k];
            approxInverse.apply(rhsHi, rhsLo, z);
            if (!refine(approxInverse, rhsHi, rhsLo, z, scale)) {
                return null;
            }
            for (int j = 0; j < k; j++) {
                inv[j][m] = z[j];
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double s = 0.5 * (inv[i][j] + inv[j][i]);
                inv[i][j] = s;
                inv[j][i] = s;
            }
        }
        return inv;
    }

    /**
     * An approximate inverse A of X'X applied to a vector given as hi + lo (the residual of the normal equations,
     * which may be much smaller than either part of a product it came from).
     */
    public interface Preconditioner {
        void apply(double[] hi, double[] lo, double[] out);
    }

    private static Preconditioner matrix(double[][] a) {
        return (hi, lo, out) -> {
            int k = hi.length;
            for (int j = 0; j < k; j++) {
                double d = 0;
                for (int l = 0; l < k; l++) {
                    d += a[j][l] * (hi[l] + lo[l]);
                }
                out[j] = d;
            }
        };
    }

    private boolean refine(Preconditioner a, double[] rhsHi, double[] rhsLo, double[] z, double[] scale) {
        double[] rh = new double[k];
        double[] rl = new double[k];
        double[] d = new double[k];
        double previous = Double.POSITIVE_INFINITY;
        double smallest = Double.POSITIVE_INFINITY;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            for (int j = 0; j < k; j++) {
                double s = rhsHi[j];
                double c = rhsLo[j];
                double[] gh = hi[j];
                double[] gl = lo[j];
                for (int l = 0; l < k; l++) {
                    double p = -gh[l] * z[l];
                    double ep = Math.fma(-gh[l], z[l], -p) - gl[l] * z[l];
                    double t = s + p;
                    double q = t - s;
                    c += ((s - (t - q)) + (p - q)) + ep;
                    s = t;
                }
                double h = s + c;
                rh[j] = h;
                rl[j] = c - (h - s);
            }
            a.apply(rh, rl, d);
            double corr = 0;
            double size = 0;
            for (int j = 0; j < k; j++) {
                z[j] += d[j];
                corr = Math.max(corr, Math.abs(d[j]) * scale[j]);
                size = Math.max(size, Math.abs(z[j]) * scale[j]);
            }
            if (corr <= CONVERGED * size) {
                return true;
            }
            smallest = Math.min(smallest, corr / size);
            if (it >= 2 && corr > 0.5 * previous) {
                // no longer contracting: rounding noise (converged) or a condition number too large to refine
                return smallest <= ACCEPTED;
            }
            previous = corr;
        }
        return smallest <= ACCEPTED;
    }
}
