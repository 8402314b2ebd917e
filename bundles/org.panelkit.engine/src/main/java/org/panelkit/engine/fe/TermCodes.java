package org.panelkit.engine.fe;

import java.util.Arrays;
import java.util.List;

import org.panelkit.engine.data.KeyColumn;

/**
 * The levels of a fixed-effect term over the input rows: a column's codes, or for an interaction one code per
 * combination of the columns' levels that occurs (ordered lexicographically by the columns' level orders), -1
 * where any of the columns is missing. Immutable.
 */
final class TermCodes {
    /** Largest product of level counts combined through a lookup table; beyond it, sorted keys. */
    private static final long TABLE_LIMIT = 1L << 24;

    final String name;
    final int[] codes;
    final int levels;
    /** Whether every level is the code of some row (an interaction's levels always are). */
    final boolean everyLevelOccurs;

    private TermCodes(String name, int[] codes, int levels, boolean everyLevelOccurs) {
        this.name = name;
        this.codes = codes;
        this.levels = levels;
        this.everyLevelOccurs = everyLevelOccurs;
    }

    static TermCodes of(String name, List<KeyColumn> columns) {
        KeyColumn first = columns.get(0);
        int[] codes = first.codes();
        int levels = first.levelCount();
        for (int c = 1; c < columns.size(); c++) {
            KeyColumn next = columns.get(c);
            int[] combined = new int[codes.length];
            levels = combine(codes, levels, next.codes(), next.levelCount(), combined);
            codes = combined;
        }
        return new TermCodes(name, codes, levels, columns.size() > 1 || first.everyLevelOccurs());
    }

    /** Codes of the pairs (a, b) present, in (a, b) order, into {@code out}; returns their number. */
    private static int combine(int[] a, int la, int[] b, int lb, int[] out) {
        int n = a.length;
        if ((long) la * lb <= TABLE_LIMIT) {
            int[] slot = new int[la * lb];
            for (int i = 0; i < n; i++) {
                if (a[i] >= 0 && b[i] >= 0) {
                    slot[a[i] * lb + b[i]] = 1;
                }
            }
            int count = 0;
            for (int s = 0; s < slot.length; s++) {
                slot[s] = slot[s] != 0 ? count++ : -1;
            }
            for (int i = 0; i < n; i++) {
                out[i] = a[i] >= 0 && b[i] >= 0 ? slot[a[i] * lb + b[i]] : -1;
            }
            return count;
        }
        long[] keys = new long[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] >= 0 && b[i] >= 0) {
                keys[m++] = (long) a[i] * lb + b[i];
            }
        }
        long[] uniq = Arrays.copyOf(keys, m);
        Arrays.sort(uniq);
        int u = 0;
        for (int i = 0; i < m; i++) {
            if (i == 0 || uniq[i] != uniq[i - 1]) {
                uniq[u++] = uniq[i];
            }
        }
        uniq = Arrays.copyOf(uniq, u);
        for (int i = 0; i < n; i++) {
            out[i] = a[i] >= 0 && b[i] >= 0 ? Arrays.binarySearch(uniq, (long) a[i] * lb + b[i]) : -1;
        }
        return u;
    }
}
