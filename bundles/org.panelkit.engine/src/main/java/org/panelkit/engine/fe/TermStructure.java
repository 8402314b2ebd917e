package org.panelkit.engine.fe;

import java.util.ArrayList;
import java.util.List;

/**
 * What the absorbed terms identify, before any solving: which terms are redundant as a whole (a term whose
 * every level lies within one level of another term, e.g. {@code year} next to {@code industry^year}: its dummies
 * are sums of the other's), and the connected components of the bipartite graph of two terms (Abowd, Creecy and
 * Kramarz 2002): with two terms A and B the rank of [D_A D_B] is L_A + L_B - components, exactly.
 */
final class TermStructure {
    private TermStructure() {
    }

    /**
     * Marks the terms that are nested in another term (in the order given, so of two terms with the same levels
     * the later one is marked).
     */
    static boolean[] nestedTerms(List<int[]> codes, int[] levels) {
        int m = codes.size();
        boolean[] nested = new boolean[m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m && !nested[a]; b++) {
                if (a == b || nested[b] || levels[b] < levels[a]) {
                    continue;
                }
                boolean same = levels[a] == levels[b];
                // with equal level counts both are nested in each other: mark only the later one
                if (same && a < b) {
                    continue;
                }
                nested[a] = isFunctionOf(codes.get(a), codes.get(b), levels[b]);
            }
        }
        return nested;
    }

    /**
     * Whether each level of {@code fine} occurs with one level of {@code coarse} only (codes 0 and up). The two halves
     * of the rows are scanned in parallel on large samples ({@link Kernels#halves}), then the level each half saw
     * compared.
     */
    static boolean isFunctionOf(int[] coarse, int[] fine, int fineLevels) {
        if (coarse == fine) {
            return true; // the same codes (a term that is also the cluster column)
        }
        int[][] seen = new int[2][];
        boolean[] function = {true, true};
        Kernels.halves(fine.length, (part, from, to) -> {
            seen[part] = new int[fineLevels];
            function[part] = coarseOfFine(coarse, fine, from, to, seen[part]);
        });
        if (!function[0] || !function[1]) {
            return false;
        }
        if (seen[1] != null) {
            for (int l = 0; l < fineLevels; l++) {
                if (seen[0][l] > 0 && seen[1][l] > 0 && seen[0][l] != seen[1][l]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Rows [from, to): seen[f] = 1 + the coarse level met with fine level f (0: none yet); false at the first fine
     * level met with a second coarse level.
     */
    private static boolean coarseOfFine(int[] coarse, int[] fine, int from, int to, int[] seen) {
        for (int i = from; i < to; i++) {
            int f = fine[i];
            int c = coarse[i] + 1;
            if (seen[f] == 0) {
                seen[f] = c;
            } else if (seen[f] != c) {
                return false;
            }
        }
        return true;
    }

    /** Connected components of the graph linking level a_i of A to level b_i of B for every row i. */
    static int components(int[] a, int la, int[] b, int lb) {
        int[] parent = new int[la + lb];
        for (int v = 0; v < parent.length; v++) {
            parent[v] = v;
        }
        int count = la + lb;
        for (int i = 0; i < a.length; i++) {
            int ra = find(parent, a[i]);
            int rb = find(parent, la + b[i]);
            if (ra != rb) {
                parent[ra] = rb;
                count--;
            }
        }
        return count;
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]]; // path halving
            v = parent[v];
        }
        return v;
    }

    /** Indices of the terms not marked. */
    static List<Integer> active(boolean[] nested) {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < nested.length; j++) {
            if (!nested[j]) {
                out.add(j);
            }
        }
        return out;
    }
}
