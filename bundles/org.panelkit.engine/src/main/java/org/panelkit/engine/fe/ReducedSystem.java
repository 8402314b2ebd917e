package org.panelkit.engine.fe;

import java.util.List;
import java.util.concurrent.ForkJoinTask;

import org.panelkit.engine.Parallelism;

/**
 * The reduced normal equations of the "secondary" fixed-effect terms once a "primary" term is absorbed by
 * (weighted) group means (Frisch-Waugh-Lovell): C = D_Q' W M_P D_Q = D_Q' W D_Q - sum_p c_p c_p' / w_p, with D_Q
 * the dummies of all secondary terms side by side (Q columns), c_p = sum over the rows i of primary group p of
 * w_i (the indicator of i's secondary levels), w_p = sum of w_i over the group and W = diag(w) (unit weights
 * without weights). Without a primary term C = D_Q' W D_Q. Built group by group (upper triangle, then
 * mirrored), in four parts on parallel threads on large samples.
 */
final class ReducedSystem {
    private ReducedSystem() {
    }

    /**
     * @param primary primary codes per row, or null for none
     * @param secondary the secondary terms' codes per row
     * @param offset first column of each secondary term in C
     * @param weight weights per row, or null
     */
    static double[][] build(int[] primary, int primaryLevels, double[] primaryWeight, List<int[]> secondary,
            int[] offset, int q, double[] weight) {
        return build(primary, primaryLevels, primaryWeight, null, secondary, offset, q, weight);
    }

    /**
     * As above; {@code primaryStart}, when not null, gives where each primary level's rows start (rows ordered by
     * the primary term), which saves grouping the rows.
     */
    static double[][] build(int[] primary, int primaryLevels, double[] primaryWeight, int[] primaryStart,
            List<int[]> secondary, int[] offset, int q, double[] weight) {
        int n = secondary.get(0).length;
        // one secondary term: D'WD is diagonal, the weighted level counts, a pass of its own on another thread while
        // the outer products are built (large samples)
        ForkJoinTask<double[]> diagonal = secondary.size() == 1 && n > 200_000
                ? Parallelism.fork(() -> levelTotals(secondary.get(0), q, weight)) : null;
        double[][] c;
        if (primary == null) {
            c = new double[q][q];
        } else {
            Groups groups = primaryStart != null ? new Groups(primaryStart, null) : Groups.of(primary, primaryLevels);
            if (n > 200_000) {
                // four parts, three forked: the pool's threads and this one each take a part as they become free
                // (another thread may be busy with other work at first); summed in part order
                int parts = 4;
                List<ForkJoinTask<double[][]>> forked = new java.util.ArrayList<>();
                for (int part = 0; part < parts - 1; part++) {
                    int from = (int) ((long) primaryLevels * part / parts);
                    int to = (int) ((long) primaryLevels * (part + 1) / parts);
                    forked.add(Parallelism.fork(() -> outerProducts(groups, primaryWeight, secondary, offset, q,
                            weight, from, to)));
                }
                double[][] last = outerProducts(groups, primaryWeight, secondary, offset, q, weight,
                        (int) ((long) primaryLevels * (parts - 1) / parts), primaryLevels);
                for (int part = parts - 2; part >= 0; part--) {
                    forked.get(part).join(); // last forked first: this thread runs it if no other thread has
                }
                c = forked.get(0).join();
                for (int part = 1; part < parts; part++) {
                    double[][] add = part < parts - 1 ? forked.get(part).join() : last;
                    for (int a = 0; a < q; a++) {
                        for (int b = a; b < q; b++) {
                            c[a][b] += add[a][b];
                        }
                    }
                }
            } else {
                c = outerProducts(groups, primaryWeight, secondary, offset, q, weight, 0, primaryLevels);
            }
        }
        if (diagonal != null) {
            double[] d = diagonal.join();
            for (int a = 0; a < q; a++) {
                c[offset[0] + a][offset[0] + a] += d[a];
            }
        } else {
            addCrossCounts(c, secondary, offset, weight);
        }
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < a; b++) {
                c[a][b] = c[b][a];
            }
        }
        return c;
    }

    /** The sum of the weights (the number of rows without weights) of each level of {@code codes}. */
    private static double[] levelTotals(int[] codes, int levels, double[] weight) {
        double[] t = new double[levels];
        for (int i = 0; i < codes.length; i++) {
            t[codes[i]] += weight == null ? 1 : weight[i];
        }
        return t;
    }

    /** D_Q' W D_Q, upper triangle: the weighted counts of each pair of secondary levels met on a row. */
    private static void addCrossCounts(double[][] c, List<int[]> secondary, int[] offset, double[] weight) {
        int m = secondary.size();
        int n = secondary.get(0).length;
        if (m == 1) {
            // one term: D'WD is diagonal, the weighted level counts
            int[] codes = secondary.get(0);
            int off = offset[0];
            for (int i = 0; i < n; i++) {
                c[off + codes[i]][off + codes[i]] += weight == null ? 1 : weight[i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double w = weight == null ? 1 : weight[i];
            for (int t = 0; t < m; t++) {
                int a = offset[t] + secondary.get(t)[i];
                for (int u = 0; u < m; u++) {
                    int b = offset[u] + secondary.get(u)[i];
                    if (b > a || (b == a && u == t)) {
                        c[a][b] += w;
                    }
                }
            }
        }
    }

    /** -sum over primary groups [from, to) of c_p c_p' / w_p, upper triangle only. */
    private static double[][] outerProducts(Groups groups, double[] primaryWeight, List<int[]> secondary,
            int[] offset, int q, double[] weight, int from, int to) {
        double[][] c = new double[q][q];
        int[][] codes = secondary.toArray(new int[0][]);
        int[] idx = new int[16];
        double[] wt = new double[16];
        for (int p = from; p < to; p++) {
            int size = groups.size(p) * codes.length;
            if (idx.length < size) {
                idx = new int[size];
                wt = new double[size];
            }
            levelsOfGroup(groups, p, codes, offset, weight, idx, wt);
            double inv = 1.0 / primaryWeight[p];
            if (weight == null) {
                subtractPairs(c, idx, size, inv);
            } else {
                subtractWeightedPairs(c, idx, wt, size, inv);
            }
        }
        return c;
    }

    /** The secondary levels (columns of C) of group p's rows, term by term, with each row's weight. */
    private static void levelsOfGroup(Groups groups, int p, int[][] codes, int[] offset, double[] weight, int[] idx,
            double[] wt) {
        int e = 0;
        for (int a = groups.start[p]; a < groups.start[p + 1]; a++) {
            int i = groups.members == null ? a : groups.members[a];
            double w = weight == null ? 1 : weight[i];
            for (int t = 0; t < codes.length; t++) {
                idx[e] = offset[t] + codes[t][i];
                wt[e++] = w;
            }
        }
    }

    /**
     * One primary group with unit weights: every ordered pair (a, b) with idx[b] >= idx[a] subtracts 1 / n_p (the
     * two-way panels' hot loop). With idx sorted, those are b >= a, plus b < a where the levels are equal: each entry
     * gets the same number of equal subtractions as in any order, so the same number. A method of its own, called
     * once per group: a fresh JVM compiles it early, instead of compiling the loop over the groups on the stack.
     */
    private static void subtractPairs(double[][] c, int[] idx, int size, double inv) {
        sortSmall(idx, size);
        for (int a = 0; a < size; a++) {
            int qa = idx[a];
            double[] row = c[qa];
            for (int b = a; b < size; b++) {
                row[idx[b]] -= inv;
            }
            for (int b = a - 1; b >= 0 && idx[b] == qa; b--) {
                row[qa] -= inv;
            }
        }
    }

    /** One primary group with weights: c_ab -= w_a w_b / w_p for every pair with idx[b] >= idx[a]. */
    private static void subtractWeightedPairs(double[][] c, int[] idx, double[] wt, int size, double inv) {
        for (int a = 0; a < size; a++) {
            int qa = idx[a];
            double[] row = c[qa];
            double wa = wt[a] * inv;
            for (int b = 0; b < size; b++) {
                int qb = idx[b];
                if (qb >= qa) {
                    row[qb] -= wa * wt[b];
                }
            }
        }
    }

    /** Sorts a[0..size) ascending (insertion sort: a few dozen entries, usually sorted already). */
    private static void sortSmall(int[] a, int size) {
        for (int i = 1; i < size; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    /**
     * Rows grouped by a code (compressed sparse rows: members[start[g] .. start[g+1]) are group g's rows; members
     * null: rows start[g] .. start[g+1] themselves).
     */
    static final class Groups {
        final int[] start;
        final int[] members;

        private Groups(int[] start, int[] members) {
            this.start = start;
            this.members = members;
        }

        static Groups of(int[] codes, int levels) {
            int[] start = new int[levels + 1];
            for (int code : codes) {
                start[code + 1]++;
            }
            for (int g = 0; g < levels; g++) {
                start[g + 1] += start[g];
            }
            int[] fill = start.clone();
            int[] members = new int[codes.length];
            for (int i = 0; i < codes.length; i++) {
                members[fill[codes[i]]++] = i;
            }
            return new Groups(start, members);
        }

        int size(int g) {
            return start[g + 1] - start[g];
        }
    }
}
