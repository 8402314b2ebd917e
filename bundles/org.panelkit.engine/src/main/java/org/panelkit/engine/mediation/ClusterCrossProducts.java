package org.panelkit.engine.mediation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.linalg.SymmetricEigen;

/**
 * Least squares on cluster bootstrap samples from cluster-level cross-products, without touching the rows
 * again. In a resample the entities are (slot, entity), so the entity effects are nested in the drawn clusters:
 * with every variable W (outcome, mediator, treatment, controls) demeaned within its (cluster, entity) cell
 * (entity effects), the period effects as period dummies D (demeaned the same way) and the intercept of pooled
 * OLS as a column of ones, a resample's cross-products are sums of the drawn clusters' P_c = [W D]_c'[W D]_c.
 * Frisch-Waugh-Lovell then gives the within cross-products S = P_WW - P_WD P_DD^+ P_DW (the pseudo-inverse
 * handles periods missing from a resample and the dummies' collinearity with the entity effects), and each
 * equation is solved from S. This is the same estimator as re-fitting the fixed-effects model on the stacked
 * resample (MediationTest checks replications against full fits). Variables are centred first when the model
 * absorbs a constant, which keeps the cross-products well conditioned.
 */
final class ClusterCrossProducts {
    private static final double PINV_TOL = 1e-10;
    private static final double ABSORBED = 1e-14;

    private final int nw;
    private final int nd;
    private final int d;
    /** Per cluster (codes 0..G-1 in level order of the unit column): packed d x d cross-products. */
    private final double[][] perCluster;

    /**
     * @param w the variables, in the order later used by {@link #within(int[])}
     * @param unitCodes cluster (resampling unit) of every row, 0..G-1
     */
    ClusterCrossProducts(ColumnSource sample, List<String> w, ModelSpec model, int[] unitCodes, int clusters) {
        int n = sample.rowCount();
        Effects fx = model.effects();
        boolean constantAbsorbed = fx != Effects.NONE || model.constant();
        double[][] cols = new double[w.size()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = sample.numeric(w.get(j)).clone();
            if (constantAbsorbed) {
                center(cols[j]);
            }
        }
        int[] time = null;
        int periods = 0;
        if (fx.hasTime()) {
            KeyColumn t = sample.key(model.time());
            time = t.codes();
            periods = t.levelCount();
        }
        boolean intercept = fx == Effects.NONE && model.constant();
        nw = cols.length;
        nd = fx.hasTime() ? periods : intercept ? 1 : 0;
        d = nw + nd;
        double[][] dummies = new double[nd][n];
        for (int i = 0; i < n; i++) {
            if (time != null) {
                dummies[time[i]][i] = 1;
            } else if (intercept) {
                dummies[0][i] = 1;
            }
        }
        if (fx.hasEntity()) {
            int[] cell = cells(unitCodes, sample.key(model.entity()).codes(), clusters);
            for (double[] c : cols) {
                demean(c, cell);
            }
            for (double[] c : dummies) {
                demean(c, cell);
            }
        }
        double[][] all = new double[d][];
        System.arraycopy(cols, 0, all, 0, nw);
        System.arraycopy(dummies, 0, all, nw, nd);
        perCluster = new double[clusters][d * d];
        for (int i = 0; i < n; i++) {
            double[] p = perCluster[unitCodes[i]];
            for (int a = 0; a < d; a++) {
                double va = all[a][i];
                if (va == 0) {
                    continue;
                }
                int row = a * d;
                for (int b = a; b < d; b++) {
                    p[row + b] += va * all[b][i];
                }
            }
        }
    }

    /** S = the cross-products of W with the fixed effects partialled out, for the drawn clusters (nw x nw). */
    double[][] within(int[] drawn) {
        double[] p = new double[d * d];
        for (int c : drawn) {
            double[] pc = perCluster[c];
            for (int i = 0; i < p.length; i++) {
                p[i] += pc[i];
            }
        }
        double[][] s = new double[nw][nw];
        for (int a = 0; a < nw; a++) {
            for (int b = a; b < nw; b++) {
                s[a][b] = p[a * d + b];
                s[b][a] = s[a][b];
            }
        }
        if (nd == 0) {
            return s;
        }
        double[][] dd = new double[nd][nd];
        for (int a = 0; a < nd; a++) {
            for (int b = a; b < nd; b++) {
                dd[a][b] = p[(nw + a) * d + nw + b];
                dd[b][a] = dd[a][b];
            }
        }
        double[][] pinv = SymmetricEigen.of(dd).pseudoInverse(PINV_TOL);
        double[][] wd = new double[nw][nd];
        for (int a = 0; a < nw; a++) {
            for (int b = 0; b < nd; b++) {
                wd[a][b] = p[a * d + nw + b];
            }
        }
        for (int a = 0; a < nw; a++) {
            double[] t = new double[nd];
            for (int x = 0; x < nd; x++) {
                double sum = 0;
                for (int y = 0; y < nd; y++) {
                    sum += wd[a][y] * pinv[y][x];
                }
                t[x] = sum;
            }
            for (int b = a; b < nw; b++) {
                double sum = 0;
                for (int x = 0; x < nd; x++) {
                    sum += t[x] * wd[b][x];
                }
                s[a][b] -= sum;
                s[b][a] = s[a][b];
            }
        }
        return s;
    }

    /**
     * Least-squares coefficients of W[dep] on W[regressors] from within cross-products {@code s}; NaN when a
     * regressor has no within variation left or the regressors are collinear.
     */
    static double[] solve(double[][] s, int dep, int[] regressors) {
        int k = regressors.length;
        double maxDiag = 0;
        for (int r : regressors) {
            maxDiag = Math.max(maxDiag, s[r][r]);
        }
        DMatrixRMaj a = new DMatrixRMaj(k, k);
        DMatrixRMaj rhs = new DMatrixRMaj(k, 1);
        for (int i = 0; i < k; i++) {
            if (!(s[regressors[i]][regressors[i]] > ABSORBED * maxDiag)) {
                return nan(k);
            }
            for (int j = 0; j < k; j++) {
                a.set(i, j, s[regressors[i]][regressors[j]]);
            }
            rhs.set(i, 0, s[regressors[i]][dep]);
        }
        DMatrixRMaj inv = new DMatrixRMaj(k, k);
        if (!CommonOps_DDRM.invertSPD(a, inv)) {
            return nan(k);
        }
        DMatrixRMaj b = new DMatrixRMaj(k, 1);
        CommonOps_DDRM.mult(inv, rhs, b);
        return b.getData().clone();
    }

    private static double[] nan(int k) {
        double[] out = new double[k];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }

    private static void center(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        for (int i = 0; i < v.length; i++) {
            v[i] -= m;
        }
    }

    /** Cell id of every row: its (cluster, entity) pair. */
    private static int[] cells(int[] unit, int[] entity, int clusters) {
        Map<Long, Integer> ids = new HashMap<>();
        int[] cell = new int[unit.length];
        for (int i = 0; i < unit.length; i++) {
            long key = (long) entity[i] * clusters + unit[i];
            Integer id = ids.get(key);
            if (id == null) {
                id = ids.size();
                ids.put(key, id);
            }
            cell[i] = id;
        }
        return cell;
    }

    private static void demean(double[] v, int[] cell) {
        int m = 0;
        for (int c : cell) {
            m = Math.max(m, c + 1);
        }
        double[] sum = new double[m];
        double[] count = new double[m];
        for (int i = 0; i < v.length; i++) {
            sum[cell[i]] += v[i];
            count[cell[i]]++;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] -= sum[cell[i]] / count[cell[i]];
        }
    }
}
