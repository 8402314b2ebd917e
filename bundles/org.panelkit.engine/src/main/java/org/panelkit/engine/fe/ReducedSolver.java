package org.panelkit.engine.fe;

import org.panelkit.engine.linalg.Sums;

/**
 * Solves the singular reduced normal equations C g = r of the secondary fixed effects ({@link ReducedSystem}) by
 * a Cholesky factorization that skips dependent columns: in the order of the columns, a column whose pivot falls
 * below {@value #PIVOT_TOL} of its diagonal element (or that is declared dependent beforehand) is a linear
 * combination of the columns before it; its row and column of L are zero and its coefficient is set to 0. For
 * the independent set I, C_II = L_II L_II' is positive definite and rank(C_II) = rank(C), so
 * g = [C_II^-1 r_I, 0] solves C g = r for every r in the range of C; M_P D_Q g, which is all the projection uses,
 * is the same for every solution. Only the envelope of C is visited (row j of L is zero before the first non-zero of
 * row j of C, George and Liu 1981, ch. 4): C is block diagonal when the secondary levels fall into separate groups
 * with consecutive codes (industry x year cells of firms that stay in one industry). Cost: at most q^3 / 6
 * multiply-adds once, q^2 per solve.
 */
final class ReducedSolver {
    /** A pivot below this share of its diagonal element marks a dependent column. */
    static final double PIVOT_TOL = 1e-9;

    /** Rows of the lower-triangular factor (row j has j + 1 entries, zero before {@code first[j]}). */
    private final double[][] l;
    /** The first column of the envelope of each row: first[j] = the first i with c_ji != 0 (j when none). */
    private final int[] first;
    private final boolean[] dependent;

    private ReducedSolver(double[][] l, int[] first, boolean[] dependent) {
        this.l = l;
        this.first = first;
        this.dependent = dependent;
    }

    /**
     * Factors the symmetric positive semi-definite {@code c}; {@code known} marks columns known to be dependent
     * (may be null).
     */
    static ReducedSolver factor(double[][] c, boolean[] known) {
        int q = c.length;
        double[][] l = new double[q][];
        int[] first = new int[q];
        boolean[] dependent = known == null ? new boolean[q] : known.clone();
        for (int j = 0; j < q; j++) {
            double[] lj = new double[j + 1];
            double[] cj = c[j];
            int fj = 0;
            while (fj < j && cj[fj] == 0) {
                fj++;
            }
            first[j] = fj;
            for (int i = fj; i < j; i++) {
                double[] li = l[i];
                if (li[i] == 0) {
                    continue; // a dependent column: zero in L
                }
                lj[i] = (cj[i] - Sums.dot(lj, li, Math.max(fj, first[i]), i)) / li[i];
            }
            if (!dependent[j]) {
                double sum = cj[j] - Sums.dot(lj, lj, fj, j);
                if (cj[j] > 0 && sum > PIVOT_TOL * cj[j]) {
                    lj[j] = Math.sqrt(sum);
                } else {
                    dependent[j] = true;
                }
            }
            if (dependent[j]) {
                java.util.Arrays.fill(lj, 0);
            }
            l[j] = lj;
        }
        return new ReducedSolver(l, first, dependent);
    }

    /** Columns found (or declared) dependent. */
    boolean[] dependent() {
        return dependent.clone();
    }

    /** Number of independent columns: rank(C). */
    int rank() {
        int r = 0;
        for (boolean d : dependent) {
            if (!d) {
                r++;
            }
        }
        return r;
    }

    /** g with C g = r (r in the range of C); g is 0 on the dependent columns. */
    double[] solve(double[] r) {
        int q = l.length;
        double[] z = new double[q];
        for (int j = 0; j < q; j++) {
            if (dependent[j]) {
                continue;
            }
            double[] lj = l[j];
            z[j] = (r[j] - Sums.dot(lj, z, first[j], j)) / lj[j];
        }
        // back substitution with L' by rows of L: g_i = z_i / l_ii, then remove g_i from the rows above
        for (int i = q - 1; i >= 0; i--) {
            if (dependent[i]) {
                z[i] = 0;
                continue;
            }
            double[] li = l[i];
            double g = z[i] / li[i];
            z[i] = g;
            for (int k = first[i]; k < i; k++) {
                z[k] -= li[k] * g;
            }
        }
        return z;
    }

    /** The symmetric generalized inverse G = [C_II^-1, 0] (dense, q x q): S G S' is the projection on S. */
    double[][] inverse() {
        int q = l.length;
        double[][] g = new double[q][];
        double[] e = new double[q];
        for (int j = 0; j < q; j++) {
            java.util.Arrays.fill(e, 0);
            e[j] = 1;
            g[j] = solve(e);
        }
        return g;
    }
}
