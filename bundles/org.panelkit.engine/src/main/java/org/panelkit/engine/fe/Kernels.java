package org.panelkit.engine.fe;

/**
 * The row loops of building the estimation sample, one small method each. Why: a loop over millions of rows
 * inside a large method is compiled "on stack replacement", and each hot loop recompiles the whole method (the
 * sample builder was compiled 22 times in one 3.6M-row fit on a fresh JVM, the command line's case); as small
 * methods each loop is compiled on its own, quickly.
 */
final class Kernels {
    private Kernels() {
    }

    /**
     * keep[i] &= v[i] is not missing; returns the first index of an infinite value (stopping there), or -1.
     * (v - v is 0 for finite v and NaN for both missing and infinite values: one test in the loop.)
     */
    static int keepFinite(boolean[] keep, double[] v) {
        for (int i = 0; i < keep.length; i++) {
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

    /** keep[i] &= codes[i] is a level (not missing). */
    static void keepCodes(boolean[] keep, int[] codes) {
        for (int i = 0; i < keep.length; i++) {
            keep[i] &= codes[i] >= 0;
        }
    }

    static int count(boolean[] keep) {
        int n = 0;
        for (boolean b : keep) {
            if (b) {
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

    /** The indices i with keep[i], ascending ({@code kept} of them). */
    static int[] indices(boolean[] keep, int kept) {
        int[] order = new int[kept];
        int p = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                order[p++] = i;
            }
        }
        return order;
    }

    /** Whether order[i] == i for every i. */
    static boolean isIdentity(int[] order) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** Whether the rows in {@code order} are sorted by (first, second) codes; either may be null. */
    static boolean isSorted(int[] order, int[] first, int[] second) {
        for (int i = 1; i < order.length; i++) {
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
