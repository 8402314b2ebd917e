package org.panelkit.engine.linalg;

/**
 * Householder QR of a tall matrix held as columns, with R's {@code lm()} (LINPACK dqrdc2) limited column
 * pivoting: columns are taken in their given order, and a column whose norm, after the reflections of the
 * columns before it, falls below {@code tol} times its original norm is moved to the end and reported as
 * collinear. Used on the within-transformed, unit-scaled regressors, so the tolerance is relative.
 *
 * <p>The input columns are overwritten with the reflector vectors; callers pass a copy.
 */
public final class PivotedQr {
    private final double[][] a;     // columns, overwritten with Householder vectors
    private final int n;
    private final int[] pivot;      // pivot[j] = original column index at position j
    private final int rank;
    private final double[][] r;     // rank x rank upper triangle, r[i][j] for j >= i

    private PivotedQr(double[][] a, int n, int[] pivot, int rank, double[][] r) {
        this.a = a;
        this.n = n;
        this.pivot = pivot;
        this.rank = rank;
        this.r = r;
    }

    /** Decomposes the columns {@code cols} (each of length n), overwriting them. */
    public static PivotedQr decompose(double[][] cols, double tol) {
        int k = cols.length;
        int n = k == 0 ? 0 : cols[0].length;
        double[] original = new double[k];
        for (int j = 0; j < k; j++) {
            original[j] = norm(cols[j], 0, n);
        }
        int[] pivot = new int[k];
        for (int j = 0; j < k; j++) {
            pivot[j] = j;
        }
        double[][] work = cols.clone();
        double[] orig = original.clone();
        double[] rdiag = new double[k];
        int rank = 0;
        int last = k; // columns at positions >= last are the rejected ones
        int pos = 0;
        while (pos < last) {
            double[] col = work[pos];
            double nrm = norm(col, pos, n);
            if (!(nrm > tol * orig[pos]) || orig[pos] == 0) {
                // rotate this column to the end, keep order of the rest (dqrdc2's limited pivoting)
                double[] c = work[pos];
                int p = pivot[pos];
                double o = orig[pos];
                for (int j = pos; j < k - 1; j++) {
                    work[j] = work[j + 1];
                    pivot[j] = pivot[j + 1];
                    orig[j] = orig[j + 1];
                }
                work[k - 1] = c;
                pivot[k - 1] = p;
                orig[k - 1] = o;
                last--;
                continue;
            }
            // Householder reflector for column pos on rows pos..n-1.
            double alpha = col[pos] > 0 ? -nrm : nrm;
            col[pos] -= alpha;
            double vnorm2 = 0;
            for (int i = pos; i < n; i++) {
                vnorm2 += col[i] * col[i];
            }
            rdiag[pos] = alpha;
            for (int j = pos + 1; j < k; j++) {
                double[] cj = work[j];
                double dot = 0;
                for (int i = pos; i < n; i++) {
                    dot += col[i] * cj[i];
                }
                double f = 2 * dot / vnorm2;
                for (int i = pos; i < n; i++) {
                    cj[i] -= f * col[i];
                }
            }
            normalizeReflector(col, pos, vnorm2);
            pos++;
            rank++;
        }
        double[][] r = new double[rank][rank];
        for (int i = 0; i < rank; i++) {
            r[i][i] = rdiag[i];
            for (int j = i + 1; j < rank; j++) {
                r[i][j] = work[j][i];
            }
        }
        return new PivotedQr(work, n, pivot, rank, r);
    }

    private static void normalizeReflector(double[] col, int pos, double vnorm2) {
        // Scale v so that H = I - v v' (|v|^2 = 2): applying Q' later needs no extra factor.
        double s = Math.sqrt(2.0 / vnorm2);
        for (int i = pos; i < col.length; i++) {
            col[i] *= s;
        }
    }

    private static double norm(double[] v, int from, int to) {
        // scaled two-norm, safe against overflow for large columns
        double scale = 0;
        double ssq = 1;
        for (int i = from; i < to; i++) {
            double a = Math.abs(v[i]);
            if (a != 0) {
                if (scale < a) {
                    ssq = 1 + ssq * (scale / a) * (scale / a);
                    scale = a;
                } else {
                    ssq += (a / scale) * (a / scale);
                }
            }
        }
        return scale * Math.sqrt(ssq);
    }

    public int rank() {
        return rank;
    }

    /** Original index of the column at position {@code j}; positions {@code >= rank} are the dropped ones. */
    public int pivot(int j) {
        return pivot[j];
    }

    /** Q'y for the first {@code rank} components (y is not modified). */
    public double[] qtyHead(double[] y) {
        double[] w = y.clone();
        for (int p = 0; p < rank; p++) {
            double[] v = a[p];
            double dot = 0;
            for (int i = p; i < n; i++) {
                dot += v[i] * w[i];
            }
            for (int i = p; i < n; i++) {
                w[i] -= dot * v[i];
            }
        }
        return java.util.Arrays.copyOf(w, rank);
    }

    /** Solves R b = c by back substitution. */
    public double[] solveR(double[] c) {
        double[] b = new double[rank];
        for (int i = rank - 1; i >= 0; i--) {
            double s = c[i];
            for (int j = i + 1; j < rank; j++) {
                s -= r[i][j] * b[j];
            }
            b[i] = s / r[i][i];
        }
        return b;
    }

    /** Solves R'w = c by forward substitution. */
    public double[] solveRTransposed(double[] c) {
        double[] w = new double[rank];
        for (int i = 0; i < rank; i++) {
            double s = c[i];
            for (int j = 0; j < i; j++) {
                s -= r[j][i] * w[j];
            }
            w[i] = s / r[i][i];
        }
        return w;
    }

    /** (R'R)^-1 = R^-1 R^-T, the bread (X'X)^-1 in pivoted order, without forming X'X. */
    public double[][] inverseGram() {
        double[][] rinv = new double[rank][rank];
        for (int c = 0; c < rank; c++) {
            // column c of R^-1 solves R z = e_c
            for (int i = c; i >= 0; i--) {
                double s = i == c ? 1 : 0;
                for (int j = i + 1; j <= c; j++) {
                    s -= r[i][j] * rinv[j][c];
                }
                rinv[i][c] = s / r[i][i];
            }
        }
        double[][] out = new double[rank][rank];
        for (int i = 0; i < rank; i++) {
            for (int j = i; j < rank; j++) {
                double s = 0;
                for (int m = Math.max(i, j); m < rank; m++) {
                    s += rinv[i][m] * rinv[j][m];
                }
                out[i][j] = s;
                out[j][i] = s;
            }
        }
        return out;
    }
}
