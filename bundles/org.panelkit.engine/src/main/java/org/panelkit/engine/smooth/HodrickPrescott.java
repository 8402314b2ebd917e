package org.panelkit.engine.smooth;

/**
 * The Hodrick-Prescott filter (Hodrick and Prescott 1997): the trend tau minimises
 * sum_t (y_t - tau_t)^2 + lambda sum_{t=2}^{T-1} (tau_{t+1} - 2 tau_t + tau_{t-1})^2, i.e. solves
 * (I + lambda K'K) tau = y with K the (T-2) x T second-difference matrix; cycle = y - tau. The matrix is
 * symmetric positive definite and pentadiagonal, so it is factored as L D L' with unit lower-triangular L of
 * bandwidth 2, without pivoting, in O(T) time and memory (Golub and Van Loan, <i>Matrix Computations</i>,
 * 4th ed., 4.3.6). This is the exact textbook filter (not a frequency-domain approximation). For T &lt;= 2 there
 * is no second difference and the trend is the series itself.
 */
public final class HodrickPrescott {
    private HodrickPrescott() {
    }

    /** The HP trend of {@code y} (no missing values). */
    public static double[] trend(double[] y, double lambda) {
        double[] out = new double[y.length];
        trend(y, 0, y.length, lambda, out, 0);
        return out;
    }

    /** The HP trend of {@code y[from .. from+n)}, written to {@code out[outFrom ..]}. */
    public static void trend(double[] y, int from, int n, double lambda, double[] out, int outFrom) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("lambda must be positive, got " + lambda);
        }
        if (n <= 2) {
            System.arraycopy(y, from, out, outFrom, n);
            return;
        }
        // bands of A = I + lambda K'K: a = diagonal, b[i] = A[i+1][i], c[i] = A[i+2][i]
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        for (int r = 0; r < n - 2; r++) { // row r of K has (1, -2, 1) in columns r, r+1, r+2
            a[r] += lambda;
            a[r + 1] += 4 * lambda;
            a[r + 2] += lambda;
            b[r] -= 2 * lambda;
            b[r + 1] -= 2 * lambda;
            c[r] += lambda;
        }
        for (int i = 0; i < n; i++) {
            a[i] += 1;
        }
        // A = L D L': l1[i] = L[i][i-1], l2[i] = L[i][i-2]
        double[] d = new double[n];
        double[] l1 = new double[n + 2];
        double[] l2 = new double[n + 2];
        for (int i = 0; i < n; i++) {
            double di = a[i];
            if (i >= 1) {
                di -= l1[i] * l1[i] * d[i - 1];
            }
            if (i >= 2) {
                di -= l2[i] * l2[i] * d[i - 2];
            }
            d[i] = di;
            if (i + 1 < n) {
                double v = b[i];
                if (i >= 1) {
                    v -= l2[i + 1] * l1[i] * d[i - 1];
                }
                l1[i + 1] = v / di;
            }
            if (i + 2 < n) {
                l2[i + 2] = c[i] / di;
            }
        }
        // L z = y, then D w = z, then L' tau = w
        double[] z = a; // reuse
        for (int i = 0; i < n; i++) {
            double v = y[from + i];
            if (i >= 1) {
                v -= l1[i] * z[i - 1];
            }
            if (i >= 2) {
                v -= l2[i] * z[i - 2];
            }
            z[i] = v;
        }
        for (int i = 0; i < n; i++) {
            z[i] /= d[i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double v = z[i];
            if (i + 1 < n) {
                v -= l1[i + 1] * out[outFrom + i + 1];
            }
            if (i + 2 < n) {
                v -= l2[i + 2] * out[outFrom + i + 2];
            }
            out[outFrom + i] = v;
        }
    }
}
