package org.panelkit.engine.vcov;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.linalg.SymmetricEigen;

/**
 * CR2 cluster-robust variance (Bell and McCaffrey 2002; Pustejovsky and Tipton 2018), as R's clubSandwich
 * {@code vcovCR(type = "CR2")} computes it for fixed-effects models with working model Phi = I:
 *
 * <pre>
 *   V = sum_g E_g e_g e_g' E_g',   E_g = B Z_g' A_g,   A_g = (I - H_gg)^(-1/2)
 *   H = X~ B X~' + P_S            (P_S: fixed effects not nested in the clusters, see HatComplement)
 * </pre>
 *
 * and the Satterthwaite degrees of freedom of coefficient r: with g_g = row r of E_g,
 * P_gh = [g = h] g_g'g_g - g_g'U_g M_U U_h'g_h (U = [X~, S]), df_r = tr(P)^2 / ||P||_F^2.
 * A_g uses the symmetric inverse square root over eigenvalues above 1e-12 (clubSandwich's Sym_power).
 */
public final class BellMcCaffreyVariance {
    /** Largest cluster for which the n_g x n_g adjustment matrices are formed. */
    public static final int MAX_CLUSTER_SIZE = 5000;
    private static final double EIGEN_FLOOR = 1e-12;

    private final double[][] matrix;
    private final double[] satterthwaite;

    private BellMcCaffreyVariance(double[][] matrix, double[] satterthwaite) {
        this.matrix = matrix;
        this.satterthwaite = satterthwaite;
    }

    /** V in the coordinates of the score design z. */
    public double[][] matrix() {
        return matrix;
    }

    /** Satterthwaite degrees of freedom of each contrast. */
    public double[] satterthwaite() {
        return satterthwaite;
    }

    /**
     * @param s scores; the first {@code k} columns of {@code s.z} are the within-transformed regressors X~
     * @param k number of regressors in X~
     * @param xBread (X~'X~)^-1 (k x k)
     * @param cluster cluster code per observation, {@code 0..levels-1}
     * @param contrasts rows c of the linear combinations c'theta whose Satterthwaite df are wanted (the
     *        reported coefficients in score-design coordinates)
     */
    public static BellMcCaffreyVariance estimate(Scores s, int k, double[][] xBread, int[] cluster, int levels,
            HatComplement hat, double[][] contrasts) {
        int n = s.n;
        int w = s.width;
        int m = hat.dimension();
        double[][] metric = hat.metric();
        int[] start = new int[levels + 1];
        for (int c : cluster) {
            start[c + 1]++;
        }
        for (int g = 0; g < levels; g++) {
            start[g + 1] += start[g];
            if (start[g + 1] - start[g] > MAX_CLUSTER_SIZE) {
                throw new PanelKitException("CR2 standard errors: a cluster has more than " + MAX_CLUSTER_SIZE
                        + " observations; use --vcov cluster");
            }
        }
        int[] members = new int[n];
        int[] fill = start.clone();
        for (int i = 0; i < n; i++) {
            members[fill[cluster[i]]++] = i;
        }

        double[][] v = new double[w][w];
        // per cluster and coefficient: g'g, X~'g (k), Phi'g (m) for the Satterthwaite step
        int nc = contrasts.length;
        double[][] gg = new double[nc][levels];
        double[][][] xg = new double[nc][levels][k];
        double[][][] pg = new double[nc][levels][m];
        double[] phiA = new double[m];
        double[] phiB = new double[m];
        for (int g = 0; g < levels; g++) {
            int ng = start[g + 1] - start[g];
            int[] obs = new int[ng];
            System.arraycopy(members, start[g], obs, 0, ng);
            // I - H_gg
            double[][] ih = new double[ng][ng];
            double[][] phi = new double[ng][];
            for (int a = 0; a < ng; a++) {
                if (m > 0) {
                    hat.phi(obs[a], phiA);
                    phi[a] = phiA.clone();
                }
            }
            for (int a = 0; a < ng; a++) {
                for (int b = a; b < ng; b++) {
                    double h = 0;
                    for (int p = 0; p < k; p++) {
                        double xa = s.z[p][obs[a]];
                        for (int q = 0; q < k; q++) {
                            h += xa * xBread[p][q] * s.z[q][obs[b]];
                        }
                    }
                    if (m > 0) {
                        h += quadratic(phi[a], metric, phi[b], phiB);
                    }
                    double val = (a == b ? 1.0 : 0.0) - h;
                    ih[a][b] = val;
                    ih[b][a] = val;
                }
            }
            double[][] adj = SymmetricEigen.of(ih).power(-0.5, EIGEN_FLOOR);
            // E_g = B Z_g' A_g (w x ng)
            double[][] zta = new double[w][ng];
            for (int p = 0; p < w; p++) {
                for (int b = 0; b < ng; b++) {
                    double sum = 0;
                    for (int a = 0; a < ng; a++) {
                        sum += s.z[p][obs[a]] * adj[a][b];
                    }
                    zta[p][b] = sum;
                }
            }
            double[][] eg = Matrices.multiply(s.bread, zta);
            double[] ve = new double[w];
            for (int p = 0; p < w; p++) {
                double sum = 0;
                for (int a = 0; a < ng; a++) {
                    sum += eg[p][a] * s.e[obs[a]];
                }
                ve[p] = sum;
            }
            for (int p = 0; p < w; p++) {
                for (int q = 0; q < w; q++) {
                    v[p][q] += ve[p] * ve[q];
                }
            }
            for (int r = 0; r < nc; r++) {
                double[] row = new double[ng];
                for (int p = 0; p < w; p++) {
                    double cp = contrasts[r][p];
                    if (cp != 0) {
                        for (int a = 0; a < ng; a++) {
                            row[a] += cp * eg[p][a];
                        }
                    }
                }
                double sgg = 0;
                for (int a = 0; a < ng; a++) {
                    sgg += row[a] * row[a];
                    for (int p = 0; p < k; p++) {
                        xg[r][g][p] += s.z[p][obs[a]] * row[a];
                    }
                    for (int p = 0; p < m; p++) {
                        pg[r][g][p] += phi[a][p] * row[a];
                    }
                }
                gg[r][g] = sgg;
            }
        }
        double[] df = new double[nc];
        for (int r = 0; r < nc; r++) {
            df[r] = satterthwaite(gg[r], xg[r], xBread, pg[r], metric);
        }
        return new BellMcCaffreyVariance(v, df);
    }

    private static double quadratic(double[] a, double[][] metric, double[] b, double[] tmp) {
        int m = a.length;
        double s = 0;
        for (int i = 0; i < m; i++) {
            if (a[i] == 0) {
                continue;
            }
            double[] row = metric[i];
            double t = 0;
            for (int j = 0; j < m; j++) {
                t += row[j] * b[j];
            }
            s += a[i] * t;
        }
        return s;
    }

    /** df = tr(P)^2 / ||P||_F^2 with P = diag(g'g) - X B X' - Phi W Phi'. */
    private static double satterthwaite(double[] gg, double[][] xg, double[][] bread, double[][] pg,
            double[][] metric) {
        int levels = gg.length;
        double[][] xb = Matrices.multiply(xg, bread);
        double[][] pw = pg[0].length == 0 ? null : Matrices.multiply(pg, metric);
        double trace = 0;
        double frob = 0;
        for (int g = 0; g < levels; g++) {
            for (int h = 0; h < levels; h++) {
                double p = g == h ? gg[g] : 0;
                p -= dot(xb[g], xg[h]);
                if (pw != null) {
                    p -= dot(pw[g], pg[h]);
                }
                if (g == h) {
                    trace += p;
                }
                frob += p * p;
            }
        }
        return trace * trace / frob;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
