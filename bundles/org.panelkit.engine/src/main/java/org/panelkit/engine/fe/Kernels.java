package org.panelkit.engine.fe;

/**
 * The row loops of building the estimation sample, one small method each. Why: a loop over millions of rows
 * inside a large method is compiled "on stack replacement", and each hot loop recompiles the whole method (the
 * sample builder was compiled 22 times in one 3.6M-row fit on a fresh JVM, the command line's case); as small
 * methods each loop is compiled on its own, quickly.
 */
final class Kernels {
    /** Rows from which {@link #halves} splits a pass between two threads. */
    static final int PARALLEL_ROWS = 1 << 20;

    private Kernels() {
    }

    /** Where {@link #halves} splits n rows: n / 2, or n (no split) below {@value #PARALLEL_ROWS} rows. */
    static int split(int n) {
        return n < PARALLEL_ROWS ? n : n / 2;
    }

    /** A pass over rows [from, to), the part-th of the parts of a pass. */
    interface RowRange {
        void run(int part, int from, int to);
    }

    /**
     * Runs {@code pass} on rows [0, n/2) as part 0 on this thread and on [n/2, n) as part 1 in the current fork/join
     * pool (see {@link org.panelkit.engine.Parallelism}), or on [0, n) as part 0 below {@value #PARALLEL_ROWS} rows.
     * The parts write disjoint rows (or part-indexed slots), so the result does not depend on the threads.
     */
    static void halves(int n, RowRange pass) {
        int half = split(n);
        if (half == n) {
            pass.run(0, 0, n);
            return;
        }
        java.util.concurrent.ForkJoinTask<Void> second = org.panelkit.engine.Parallelism.fork(() -> {
            pass.run(1, half, n);
            return null;
        });
        pass.run(0, 0, half);
        second.join();
    }

    /**
     * keep[i] &= v[i] is not missing, over [from, to); returns the first index of an infinite value (stopping there),
     * or -1.
     * (v - v is 0 for finite v and NaN for both missing and infinite values: one test in the loop.)
     */
    static int keepFinite(boolean[] keep, double[] v, int from, int to) {
        for (int i = from; i < to; i++) {
            double d = v[i] - v[i];
            if (d != d) {
                if (v[i] == v[i]) {
                    return i; // infinite
                }
                keep[i] = false;
            }
        }
        return -1;
    }

    /** keep[i] &= codes[i] is a level (not missing), over [from, to). */
    static void keepCodes(boolean[] keep, int[] codes, int from, int to) {
        for (int i = from; i < to; i++) {
            keep[i] &= codes[i] >= 0;
        }
    }

    /** The number of kept rows in [from, to). */
    static int count(boolean[] keep, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (keep[i]) {
                n++;
            }
        }
        return n;
    }

    /** The first index of an infinite value, or -1. */
    static int firstInfinite(double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (Double.isInfinite(v[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The indices i in [from, to) with keep[i], ascending, into order from position {@code at}. */
    static void indices(boolean[] keep, int from, int to, int[] order, int at) {
        int p = at;
        for (int i = from; i < to; i++) {
            if (keep[i]) {
                order[p++] = i;
            }
        }
    }

    /** Whether order[i] == i for every i in [from, to). */
    static boolean isIdentity(int[] order, int from, int to) {
        for (int i = from; i < to; i++) {
            if (order[i] != i) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the rows order[from - 1 .. to) are sorted by (first, second) codes (the pair before {@code from}
     * included); either may be null.
     */
    static boolean isSorted(int[] order, int[] first, int[] second, int from, int to) {
        for (int i = Math.max(1, from); i < to; i++) {
            int a = order[i - 1];
            int b = order[i];
            int cmp = first == null ? 0 : Integer.compare(first[a], first[b]);
            if (cmp == 0 && second != null) {
                cmp = Integer.compare(second[a], second[b]);
            }
            if (cmp > 0) {
                return false;
            }
        }
        return true;
    }

    static double[] gather(double[] src, int[] order) {
        double[] dst = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            dst[i] = src[order[i]];
        }
        return dst;
    }

    /** Rows of each level among the rows in {@code order}. */
    static int[] levelCounts(int[] order, int[] codes, int levels) {
        int[] c = new int[levels];
        for (int r : order) {
            c[codes[r]]++;
        }
        return c;
    }

    /** single[i] |= the row order[i] is alone in its level. */
    static void markSingletons(boolean[] single, int[] order, int[] codes, int[] counts) {
        for (int i = 0; i < order.length; i++) {
            single[i] |= counts[codes[order[i]]] == 1;
        }
    }

    /** Moves the entries of order that are not {@code drop}ped to its front, in order; returns their number. */
    static int compact(int[] order, boolean[] drop) {
        int m = 0;
        for (int i = 0; i < order.length; i++) {
            if (!drop[i]) {
                order[m++] = order[i];
            }
        }
        return m;
    }

    /**
     * New level numbers for the levels that occur among the rows in {@code order}, 0..L-1 in the old order;
     * -1 for the others.
     */
    static int[] renumber(int[] order, int[] codes, int levels) {
        int[] map = new int[levels];
        for (int r : order) {
            map[codes[r]] = 1;
        }
        int count = 0;
        for (int l = 0; l < levels; l++) {
            map[l] = map[l] != 0 ? count++ : -1;
        }
        return map;
    }

    /** map[codes[order[i]]] for every i. */
    static int[] mapCodes(int[] order, int[] codes, int[] map) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = map[codes[order[i]]];
        }
        return out;
    }
}
