package org.panelkit.engine.vcov;

import org.panelkit.engine.linalg.Sums;

/**
 * The "meat" of the sandwich estimators, V = B M B (bread B = (Z'Z)^-1). Formulas and the packages they
 * reproduce are in the oracle README (testdata/oracle) and in the docs of each method.
 */
public final class Meat {
    private Meat() {
    }

    /** White (1980): M = sum_i e_i^2 z_i z_i'. */
    public static double[][] heteroskedastic(Scores s) {
        int w = s.width;
        double[][] m = new double[w][w];
        for (int a = 0; a < w; a++) {
            double[] za = s.z[a];
            for (int b = a; b < w; b++) {
                double[] zb = s.z[b];
                double sum = 0;
                for (int i = 0; i < s.n; i++) {
                    double e = s.e[i];
                    sum += e * e * za[i] * zb[i];
                }
                m[a][b] = sum;
                m[b][a] = sum;
            }
        }
        return m;
    }

    /** Liang-Zeger / Arellano: M = sum_g u_g u_g', u_g = sum over cluster g of z_i e_i. */
    public static double[][] clustered(Scores s, int[] codes, int levels) {
        // the cluster sums column by column, M_ab = u_.a' u_.b (no array per cluster: 200,000 firms are 200,000
        // small arrays otherwise)
        double[][] u = s.summedByColumn(codes, levels);
        int w = s.width;
        double[][] m = new double[w][w];
        for (int a = 0; a < w; a++) {
            for (int b = a; b < w; b++) {
                m[a][b] = Sums.dot(u[a], u[b], 0, levels);
                m[b][a] = m[a][b];
            }
        }
        return m;
    }

    /**
     * Driscoll and Kraay (1998) with Newey-West (Bartlett) weights: h_t = sum_i z_it e_it,
     * M = G_0 + sum_{j=1..L} (1 - j/(L+1)) (G_j + G_j'), G_j = sum_t h_t h_{t-j}'. Lags count positions in the
     * ordered list of periods (plm's vcovSCC).
     */
    public static double[][] driscollKraay(Scores s, int[] time, int periods, int lag) {
        double[][] h = s.summed(time, periods);
        int w = s.width;
        double[][] m = Matrices.crossprod(h, w);
        for (int j = 1; j <= lag; j++) {
            double weight = 1.0 - j / (lag + 1.0);
            for (int t = j; t < periods; t++) {
                double[] ht = h[t];
                double[] hl = h[t - j];
                for (int a = 0; a < w; a++) {
                    for (int b = 0; b < w; b++) {
                        m[a][b] += weight * (ht[a] * hl[b] + hl[a] * ht[b]);
                    }
                }
            }
        }
        return m;
    }

    /** plm's default Driscoll-Kraay lag: floor(max_i T_i^(1/4)). */
    public static int plmDefaultLag(int maxPeriodsPerEntity) {
        return (int) Math.floor(Math.pow(maxPeriodsPerEntity, 0.25));
    }
}
