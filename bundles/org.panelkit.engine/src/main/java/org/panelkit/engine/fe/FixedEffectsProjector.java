package org.panelkit.engine.fe;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.linalg.SymmetricEigen;

/**
 * The demeaning kernel: replaces a column v by its residual from the least-squares projection on the fixed
 * effects, M v = v - D (D'D)^+ D' v, exactly and for unbalanced panels.
 *
 * <p>One dimension: subtract group means. Two dimensions (entity and time): with P the dimension with more
 * levels ("primary", absorbed by group means) and Q the other ("secondary"), the Frisch-Waugh-Lovell theorem
 * gives M v = M_P v - M_P D_Q g with g solving the reduced normal equations
 * C g = D_Q' M_P v, C = D_Q' M_P D_Q = diag(n_q) - sum_p c_p c_p' / n_p (Q x Q, c_p = the secondary levels
 * present in group p). C is singular (one null direction per connected component of the panel), so g uses
 * its pseudo-inverse; rank(C) + P is the rank of the fixed-effects block. This is a direct solve, not an
 * iteration: four passes over the data per column after one O(sum_p n_p^2 + Q^3) set-up.
 */
public final class FixedEffectsProjector {
    /** Largest secondary dimension for the direct two-way solve. */
    static final int MAX_SECONDARY_LEVELS = 5000;
    private static final double RANK_TOL = 1e-10;

    enum Kind { IDENTITY, INTERCEPT, ONE_WAY, TWO_WAY }

    final Kind kind;
    final int n;
    /** Primary codes and counts (one- and two-way). */
    final int[] primary;
    final int primaryLevels;
    final double[] primaryCount;
    /** Secondary codes and counts (two-way). */
    final int[] secondary;
    final int secondaryLevels;
    final double[] secondaryCount;
    /** Pseudo-inverse of the reduced matrix C (two-way). */
    final double[][] cPinv;
    /** Whether the primary dimension is the entity (else time); meaningful for two-way. */
    final boolean primaryIsEntity;
    private final int rank;
    private final int components;

    private FixedEffectsProjector(Kind kind, int n, int[] primary, int primaryLevels, int[] secondary,
            int secondaryLevels, boolean primaryIsEntity) {
        this.kind = kind;
        this.n = n;
        this.primary = primary;
        this.primaryLevels = primaryLevels;
        this.secondary = secondary;
        this.secondaryLevels = secondaryLevels;
        this.primaryIsEntity = primaryIsEntity;
        this.primaryCount = primary == null ? null : counts(primary, primaryLevels);
        this.secondaryCount = secondary == null ? null : counts(secondary, secondaryLevels);
        switch (kind) {
        case IDENTITY:
            rank = 0;
            components = 0;
            cPinv = null;
            break;
        case INTERCEPT:
            rank = 1;
            components = 1;
            cPinv = null;
            break;
        case ONE_WAY:
            rank = primaryLevels;
            components = 1;
            cPinv = null;
            break;
        default:
            if (secondaryLevels > MAX_SECONDARY_LEVELS) {
                throw new PanelKitException("two-way fixed effects with more than " + MAX_SECONDARY_LEVELS
                        + " levels in both dimensions are not supported (" + primaryLevels + " x "
                        + secondaryLevels + ")");
            }
            SymmetricEigen eig = SymmetricEigen.of(reducedMatrix());
            int r = eig.rank(RANK_TOL);
            rank = primaryLevels + r;
            components = secondaryLevels - r;
            cPinv = eig.pseudoInverse(RANK_TOL);
        }
    }

    /** The projector for the sample's fixed effects. */
    static FixedEffectsProjector of(EstimationSample s, Effects effects, boolean constant) {
        switch (effects) {
        case NONE:
            return new FixedEffectsProjector(constant ? Kind.INTERCEPT : Kind.IDENTITY, s.n, null, 0, null, 0, true);
        case ENTITY:
            return new FixedEffectsProjector(Kind.ONE_WAY, s.n, s.entity, s.groups, null, 0, true);
        case TIME:
            return new FixedEffectsProjector(Kind.ONE_WAY, s.n, s.time, s.periods, null, 0, false);
        default:
            return twoWay(s, s.groups >= s.periods);
        }
    }

    /** A two-way projector with the given primary dimension (used by CR2 for the other nesting). */
    static FixedEffectsProjector twoWay(EstimationSample s, boolean entityPrimary) {
        return entityPrimary
                ? new FixedEffectsProjector(Kind.TWO_WAY, s.n, s.entity, s.groups, s.time, s.periods, true)
                : new FixedEffectsProjector(Kind.TWO_WAY, s.n, s.time, s.periods, s.entity, s.groups, false);
    }

    private static double[] counts(int[] codes, int levels) {
        double[] c = new double[levels];
        for (int code : codes) {
            c[code]++;
        }
        return c;
    }

    /**
     * C = diag(n_q) - sum_p c_p c_p' / n_p, accumulated group by group (upper triangle, then mirrored); the
     * groups are split between two threads (of the current fork/join pool, see
     * {@link org.panelkit.engine.Parallelism}) on large panels.
     */
    private double[][] reducedMatrix() {
        int q = secondaryLevels;
        int[] start = groupStarts();
        int[] members = groupMembers(start);
        int mid = primaryLevels / 2;
        double[][] c;
        if (n > 200_000) {
            java.util.concurrent.ForkJoinTask<double[][]> first = org.panelkit.engine.Parallelism
                    .fork(() -> outerProducts(start, members, 0, mid));
            double[][] second = outerProducts(start, members, mid, primaryLevels);
            c = first.join();
            for (int a = 0; a < q; a++) {
                for (int b = a; b < q; b++) {
                    c[a][b] += second[a][b];
                }
            }
        } else {
            c = outerProducts(start, members, 0, primaryLevels);
        }
        for (int m = 0; m < q; m++) {
            c[m][m] += secondaryCount[m];
            for (int m2 = 0; m2 < m; m2++) {
                c[m][m2] = c[m2][m];
            }
        }
        return c;
    }

    /** -sum over primary groups [from, to) of c_p c_p' / n_p, upper triangle only. */
    private double[][] outerProducts(int[] start, int[] members, int from, int to) {
        double[][] c = new double[secondaryLevels][secondaryLevels];
        int[] codes = new int[16];
        for (int p = from; p < to; p++) {
            int size = start[p + 1] - start[p];
            if (codes.length < size) {
                codes = new int[size];
            }
            for (int a = 0; a < size; a++) {
                codes[a] = secondary[members[start[p] + a]];
            }
            double w = 1.0 / primaryCount[p];
            for (int a = 0; a < size; a++) {
                int qa = codes[a];
                double[] row = c[qa];
                for (int b = 0; b < size; b++) {
                    int qb = codes[b];
                    if (qb >= qa) {
                        row[qb] -= w;
                    }
                }
            }
        }
        return c;
    }

    int[] groupStarts() {
        int[] start = new int[primaryLevels + 1];
        for (int code : primary) {
            start[code + 1]++;
        }
        for (int p = 0; p < primaryLevels; p++) {
            start[p + 1] += start[p];
        }
        return start;
    }

    /** Observation indices grouped by primary level (CSR with {@link #groupStarts()}). */
    int[] groupMembers(int[] start) {
        int[] fill = start.clone();
        int[] members = new int[n];
        for (int i = 0; i < n; i++) {
            members[fill[primary[i]]++] = i;
        }
        return members;
    }

    /** Rank of the fixed-effects dummy block, K_fe. */
    public int rank() {
        return rank;
    }

    /** Connected components of a two-way panel (1 for a connected panel and for one-way effects). */
    public int components() {
        return components;
    }

    /** Replaces {@code v} by M v. */
    public void residualize(double[] v) {
        switch (kind) {
        case IDENTITY:
            return;
        case INTERCEPT: {
            double mean = 0;
            for (double d : v) {
                mean += d;
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                v[i] -= mean;
            }
            return;
        }
        case ONE_WAY:
            subtractGroupMeans(v, primary, primaryCount);
            return;
        default:
            twoWay(v);
        }
    }

    private static void subtractGroupMeans(double[] v, int[] codes, double[] count) {
        double[] mean = new double[count.length];
        for (int i = 0; i < v.length; i++) {
            mean[codes[i]] += v[i];
        }
        for (int l = 0; l < mean.length; l++) {
            mean[l] /= count[l];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] -= mean[codes[i]];
        }
    }

    private void twoWay(double[] v) {
        subtractGroupMeans(v, primary, primaryCount);       // w = M_P v
        double[] g = secondaryCoefficients(v);              // g = C^+ D_Q' w
        double[] gm = new double[primaryLevels];            // group means of g_q over each primary group
        for (int i = 0; i < n; i++) {
            gm[primary[i]] += g[secondary[i]];
        }
        for (int p = 0; p < primaryLevels; p++) {
            gm[p] /= primaryCount[p];
        }
        for (int i = 0; i < n; i++) {
            v[i] -= g[secondary[i]] - gm[primary[i]];
        }
    }

    /** g = C^+ D_Q' w for a primary-demeaned w. */
    double[] secondaryCoefficients(double[] w) {
        double[] r = new double[secondaryLevels];
        for (int i = 0; i < n; i++) {
            r[secondary[i]] += w[i];
        }
        double[] g = new double[secondaryLevels];
        for (int a = 0; a < secondaryLevels; a++) {
            double s = 0;
            double[] row = cPinv[a];
            for (int b = 0; b < secondaryLevels; b++) {
                s += row[b] * r[b];
            }
            g[a] = s;
        }
        return g;
    }

    /**
     * The fixed effects of a residual r = y - X b: for two-way models {entity effects, time effects} with the
     * first period's effect set to zero (Stata's base level); for one-way models the group means. Returns
     * {entityEffects or null, timeEffects or null}.
     */
    double[][] effects(double[] r) {
        switch (kind) {
        case IDENTITY:
        case INTERCEPT:
            return new double[][] {null, null};
        case ONE_WAY: {
            double[] mean = new double[primaryLevels];
            for (int i = 0; i < n; i++) {
                mean[primary[i]] += r[i];
            }
            for (int l = 0; l < primaryLevels; l++) {
                mean[l] /= primaryCount[l];
            }
            return primaryIsEntity ? new double[][] {mean, null} : new double[][] {null, mean};
        }
        default: {
            double[] w = r.clone();
            subtractGroupMeans(w, primary, primaryCount);
            double[] g = secondaryCoefficients(w);
            double base = g[0];
            for (int m = 0; m < g.length; m++) {
                g[m] -= base;
            }
            double[] a = new double[primaryLevels];
            for (int i = 0; i < n; i++) {
                a[primary[i]] += r[i] - g[secondary[i]];
            }
            for (int p = 0; p < primaryLevels; p++) {
                a[p] /= primaryCount[p];
            }
            if (!primaryIsEntity) {
                // time is primary: normalise so the first period's effect is zero, entities absorb the shift
                double shift = a[0];
                for (int p = 0; p < primaryLevels; p++) {
                    a[p] -= shift;
                }
                for (int m = 0; m < g.length; m++) {
                    g[m] += shift;
                }
                return new double[][] {g, a};
            }
            return new double[][] {a, g};
        }
        }
    }
}
