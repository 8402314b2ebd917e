package org.panelkit.engine.bootstrap;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.fe.WithinDesign;

/**
 * The cluster-level algebra of the wild cluster restricted bootstrap (Roodman, Nielsen, MacKinnon and Webb 2019,
 * "Fast and wild", Stata Journal 19(1), sections 3-5) for coefficient j of a model with the fixed effects
 * partialled out (FWL: y~ = M_D y, X~ = M_D X, A = (X~'X~)^-1, a = row j of A).
 *
 * <p>The restricted residuals are affine in the null value b0: u(b0) = u0 + b0 u1 with u0 = M_{-j} y~,
 * u1 = -M_{-j} x~_j (M_{-j}: residual from X~ without column j). A replication with weights v (one per cluster)
 * has y* = fitted restricted model + u∘v; re-fitting the full model gives
 * <pre>
 *   b*_j - b0 = a' X~' (u∘v) = sum_h v_h r_h,            r_h = a' S_h,   S_h = X~_h' u_h
 *   residuals  M_D(u∘v) - X~ A X~'(u∘v)
 *   a' (score sum of cluster g) = (Q v)_g,   Q_gh = a' X~_g' (M_D (u∘1_h))_g - c_g' S_h,   c_g = A X~_g'X~_g a
 * </pre>
 * so t*(b0) = r'v / sqrt(f ||Q v||^2) with f the model's small-sample factor. Every quantity is affine in b0
 * (r = r0 + b0 r1, Q = Q0 + b0 Q1), so each draw is summarised by five numbers: r0'v, r1'v, ||Q0v||^2, Q0v·Q1v,
 * ||Q1v||^2. When the fixed effects are nested in the clusters, X~_g'(M_D w)_g = X~_g' w_g and
 * Q v = r∘v - C (S'v): O(G k) per draw and no G x G matrix. Otherwise (e.g. period effects with entity clusters)
 * Q is formed explicitly from G applications of M_D, and a draw costs O(G^2).
 */
final class RestrictedScores {
    /** Largest G for which the dense G x G matrices of non-nested fixed effects are formed. */
    static final int MAX_DENSE_CLUSTERS = 2500;

    final int g;
    final int k;
    final double[] r0;
    final double[] r1;
    /** Nested case: S0, S1 (G x k) and C (G x k); null otherwise. */
    final double[][] s0;
    final double[][] s1;
    final double[][] c;
    /** Non-nested case: dense Q0, Q1 (G x G); null otherwise. */
    final double[][] q0;
    final double[][] q1;

    RestrictedScores(WithinDesign d, int j, int[] cluster, int clusters, ProgressMonitor monitor) {
        this.g = clusters;
        this.k = d.k();
        int n = d.n();
        double[][] x = new double[k][];
        for (int p = 0; p < k; p++) {
            x[p] = d.x(p);
        }
        double[][] a = inverse(gram(x));
        double[] aj = a[j];
        double[] u0 = d.y();
        double[] u1 = x[j].clone();
        for (int i = 0; i < n; i++) {
            u1[i] = -u1[i];
        }
        if (k > 1) {
            double[][] others = new double[k - 1][];
            for (int p = 0, q = 0; p < k; p++) {
                if (p != j) {
                    others[q++] = x[p];
                }
            }
            double[][] b = inverse(gram(others));
            residualizeOn(others, b, u0);
            residualizeOn(others, b, u1);
        }
        double[][] sm0 = clusterSums(x, u0, cluster);
        double[][] sm1 = clusterSums(x, u1, cluster);
        r0 = new double[g];
        r1 = new double[g];
        for (int h = 0; h < g; h++) {
            r0[h] = dot(aj, sm0[h]);
            r1[h] = dot(aj, sm1[h]);
        }
        // c_g = A (X~_g'X~_g) a
        double[][] cg = new double[g][k];
        double[][][] hg = clusterGrams(x, cluster);
        for (int h = 0; h < g; h++) {
            double[] ha = new double[k];
            for (int p = 0; p < k; p++) {
                ha[p] = dot(hg[h][p], aj);
            }
            for (int p = 0; p < k; p++) {
                cg[h][p] = dot(a[p], ha);
            }
        }
        if (d.effectsNestedIn(cluster)) {
            s0 = sm0;
            s1 = sm1;
            c = cg;
            q0 = null;
            q1 = null;
        } else {
            if (g > MAX_DENSE_CLUSTERS) {
                throw new PanelKitException("the wild bootstrap with fixed effects that are not nested in the "
                        + "clusters supports at most " + MAX_DENSE_CLUSTERS + " clusters; the sample has " + g);
            }
            s0 = null;
            s1 = null;
            c = null;
            double[] ax = new double[n];
            for (int p = 0; p < k; p++) {
                for (int i = 0; i < n; i++) {
                    ax[i] += aj[p] * x[p][i];
                }
            }
            q0 = dense(d, ax, u0, sm0, cg, cluster, monitor);
            q1 = dense(d, ax, u1, sm1, cg, cluster, monitor);
        }
    }

    /** Q_gh = sum_{i in g} (a'x~_i) (M_D(u∘1_h))_i - c_g'S_h. */
    private double[][] dense(WithinDesign d, double[] ax, double[] u, double[][] s, double[][] cg, int[] cluster,
            ProgressMonitor monitor) {
        int n = u.length;
        double[][] q = new double[g][g];
        int[] start = new int[g + 1];
        for (int cl : cluster) {
            start[cl + 1]++;
        }
        for (int h = 0; h < g; h++) {
            start[h + 1] += start[h];
        }
        int[] members = new int[n];
        int[] fill = start.clone();
        for (int i = 0; i < n; i++) {
            members[fill[cluster[i]]++] = i;
        }
        double[] w = new double[n];
        for (int h = 0; h < g; h++) {
            monitor.checkCanceled();
            java.util.Arrays.fill(w, 0);
            for (int m = start[h]; m < start[h + 1]; m++) {
                w[members[m]] = u[members[m]];
            }
            d.residualize(w);
            for (int i = 0; i < n; i++) {
                q[cluster[i]][h] += ax[i] * w[i];
            }
            for (int gg = 0; gg < g; gg++) {
                q[gg][h] -= dot(cg[gg], s[h]);
            }
        }
        return q;
    }

    /**
     * Summarises one draw v into {r0'v, r1'v, ||Q0v||^2, Q0v·Q1v, ||Q1v||^2}, written to {@code out} at
     * {@code 5 b}; {@code work} has length at least 2 max(G, k).
     */
    void summarise(double[] v, double[] out, int b, double[] work) {
        double n0 = 0;
        double n1 = 0;
        for (int h = 0; h < g; h++) {
            n0 += r0[h] * v[h];
            n1 += r1[h] * v[h];
        }
        double a00 = 0;
        double a01 = 0;
        double a11 = 0;
        if (q0 == null) {
            double[] sv0 = work;
            int off = k;
            for (int p = 0; p < 2 * k; p++) {
                work[p] = 0;
            }
            for (int h = 0; h < g; h++) {
                double vh = v[h];
                double[] r0h = s0[h];
                double[] r1h = s1[h];
                for (int p = 0; p < k; p++) {
                    sv0[p] += vh * r0h[p];
                    work[off + p] += vh * r1h[p];
                }
            }
            for (int h = 0; h < g; h++) {
                double[] ch = c[h];
                double x0 = r0[h] * v[h];
                double x1 = r1[h] * v[h];
                for (int p = 0; p < k; p++) {
                    x0 -= ch[p] * sv0[p];
                    x1 -= ch[p] * work[off + p];
                }
                a00 += x0 * x0;
                a01 += x0 * x1;
                a11 += x1 * x1;
            }
        } else {
            for (int h = 0; h < g; h++) {
                double[] row0 = q0[h];
                double[] row1 = q1[h];
                double x0 = 0;
                double x1 = 0;
                for (int m = 0; m < g; m++) {
                    x0 += row0[m] * v[m];
                    x1 += row1[m] * v[m];
                }
                a00 += x0 * x0;
                a01 += x0 * x1;
                a11 += x1 * x1;
            }
        }
        int o = 5 * b;
        out[o] = n0;
        out[o + 1] = n1;
        out[o + 2] = a00;
        out[o + 3] = a01;
        out[o + 4] = a11;
    }

    /** Sum over each cluster of x_i u_i (G x k). */
    private double[][] clusterSums(double[][] x, double[] u, int[] cluster) {
        double[][] s = new double[g][k];
        for (int p = 0; p < k; p++) {
            double[] xp = x[p];
            for (int i = 0; i < u.length; i++) {
                s[cluster[i]][p] += xp[i] * u[i];
            }
        }
        return s;
    }

    /** X~_g'X~_g for every cluster (G x k x k). */
    private double[][][] clusterGrams(double[][] x, int[] cluster) {
        double[][][] h = new double[g][k][k];
        int n = x[0].length;
        for (int p = 0; p < k; p++) {
            for (int q = p; q < k; q++) {
                double[] xp = x[p];
                double[] xq = x[q];
                for (int i = 0; i < n; i++) {
                    h[cluster[i]][p][q] += xp[i] * xq[i];
                }
            }
        }
        for (double[][] m : h) {
            for (int p = 0; p < k; p++) {
                for (int q = 0; q < p; q++) {
                    m[p][q] = m[q][p];
                }
            }
        }
        return h;
    }

    /** X'X of the given columns. */
    static double[][] gram(double[][] cols) {
        int m = cols.length;
        double[][] out = new double[m][m];
        for (int p = 0; p < m; p++) {
            for (int q = p; q < m; q++) {
                double s = dot(cols[p], cols[q]);
                out[p][q] = s;
                out[q][p] = s;
            }
        }
        return out;
    }

    /** Inverse of a symmetric positive definite matrix (Cholesky, EJML). */
    static double[][] inverse(double[][] m) {
        int n = m.length;
        DMatrixRMaj in = new DMatrixRMaj(m);
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        if (!CommonOps_DDRM.invertSPD(in, out)) {
            throw new PanelKitException("the regressors are collinear after removing the fixed effects");
        }
        double[][] r = new double[n][n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                r[p][q] = out.get(p, q);
            }
        }
        return r;
    }

    /** v &lt;- v - X (X'X)^-1 X'v with {@code b} = (X'X)^-1. */
    private static void residualizeOn(double[][] cols, double[][] b, double[] v) {
        int m = cols.length;
        double[] xtv = new double[m];
        for (int p = 0; p < m; p++) {
            xtv[p] = dot(cols[p], v);
        }
        for (int p = 0; p < m; p++) {
            double gp = dot(b[p], xtv);
            double[] col = cols[p];
            for (int i = 0; i < v.length; i++) {
                v[i] -= gp * col[i];
            }
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
