package org.panelkit.engine.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A categorical column (panel unit, period, cluster) encoded as integer codes {@code 0..levels-1} with
 * {@code -1} for a missing cell. Levels are ordered: numerically when every value is a number (so that
 * periods 1999, 2000, 2001 are in time order and lags are meaningful), otherwise lexicographically.
 */
public final class KeyColumn {
    private final String name;
    private final int[] codes;
    /** The level names; for numeric keys made from numbers, written on first use (firm ids: millions). */
    private volatile String[] levels;
    private final double[] numericLevels; // null unless every level is a number
    /** Whether every level is the code of some row (true for levels found in the data). */
    private final boolean everyLevelOccurs;

    private KeyColumn(String name, int[] codes, String[] levels, double[] numericLevels, boolean everyLevelOccurs) {
        this.name = name;
        this.codes = codes;
        this.levels = levels;
        this.numericLevels = numericLevels;
        this.everyLevelOccurs = everyLevelOccurs;
    }

    /** Builds a key column from numbers; NaN is missing. */
    public static KeyColumn ofNumbers(String name, double[] values) {
        Objects.requireNonNull(name);
        int n = values.length;
        // the row loops are small methods of their own: a fresh JVM compiles each quickly (see fe.Kernels)
        double[] range = range(values);
        double min = range[0];
        double max = range[1];
        boolean integral = range[2] != 0;
        int[] codes = new int[n];
        if (min > max) { // all missing
            Arrays.fill(codes, -1);
            return new KeyColumn(name, codes, new String[0], new double[0], true);
        }
        if (integral && max - min < 50_000_000) {
            // Dense integer keys (years, province codes, firm ids): a direct lookup table, no hashing.
            int range0 = (int) (max - min) + 1;
            int[] slot = new int[range0];
            markSlots(values, min, slot);
            double[] lv = numberSlots(slot, min);
            lookUp(values, min, slot, codes);
            return new KeyColumn(name, codes, null, lv, true);
        }
        // v + 0.0: -0 and 0 are one level (as in the lookup table above), not two
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).map(v -> v + 0.0).sorted().distinct()
                .toArray();
        for (int i = 0; i < n; i++) {
            double v = values[i];
            codes[i] = Double.isNaN(v) ? -1 : Arrays.binarySearch(sorted, v + 0.0);
        }
        return new KeyColumn(name, codes, null, sorted, true);
    }

    /** The missing cell of a key column of whole numbers ({@link #ofIntegers}). */
    public static final int MISSING_INTEGER = Integer.MIN_VALUE;

    /**
     * Builds a key column from whole numbers, {@link #MISSING_INTEGER} missing: the same column as
     * {@link #ofNumbers} of the same values as doubles, from arrays of half the size (firm ids, years and codes as
     * a reader finds them).
     */
    public static KeyColumn ofIntegers(String name, int[] values) {
        Objects.requireNonNull(name);
        int n = values.length;
        int[] codes = new int[n];
        long[] range = integerRange(values);
        long min = range[0];
        long max = range[1];
        if (min > max) { // all missing
            Arrays.fill(codes, -1);
            return new KeyColumn(name, codes, new String[0], new double[0], true);
        }
        if (max - min < 50_000_000) {
            // dense keys: a direct lookup table, as ofNumbers
            int span = (int) (max - min) + 1;
            int[] slot = new int[span];
            markIntegerSlots(values, (int) min, slot);
            double[] lv = numberSlots(slot, min);
            lookUpIntegers(values, (int) min, slot, codes);
            return new KeyColumn(name, codes, null, lv, true);
        }
        int[] sorted = Arrays.stream(values).filter(v -> v != MISSING_INTEGER).sorted().distinct().toArray();
        double[] lv = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            lv[i] = sorted[i];
        }
        for (int i = 0; i < n; i++) {
            codes[i] = values[i] == MISSING_INTEGER ? -1 : Arrays.binarySearch(sorted, values[i]);
        }
        return new KeyColumn(name, codes, null, lv, true);
    }

    /**
     * Builds a key column from text; {@code null} or an empty string is missing. If every value parses as a
     * number the levels are ordered numerically.
     */
    public static KeyColumn ofStrings(String name, String[] values) {
        Objects.requireNonNull(name);
        boolean numeric = true;
        double[] asNumbers = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            String s = values[i];
            if (s == null || s.isEmpty()) {
                asNumbers[i] = Double.NaN;
                continue;
            }
            if (numeric) {
                try {
                    asNumbers[i] = Double.parseDouble(s.trim());
                    if (!Double.isFinite(asNumbers[i])) {
                        numeric = false;
                    }
                } catch (NumberFormatException e) {
                    numeric = false;
                }
            }
        }
        if (numeric) {
            return ofNumbers(name, asNumbers);
        }
        Map<String, Integer> first = new HashMap<>();
        int[] raw = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            String s = values[i];
            if (s == null || s.isEmpty()) {
                raw[i] = -1;
                continue;
            }
            Integer c = first.get(s);
            if (c == null) {
                c = first.size();
                first.put(s, c);
            }
            raw[i] = c;
        }
        String[] levels = first.keySet().toArray(new String[0]);
        Arrays.sort(levels);
        int[] rank = new int[levels.length];
        for (int i = 0; i < levels.length; i++) {
            rank[first.get(levels[i])] = i;
        }
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] >= 0) {
                raw[i] = rank[raw[i]];
            }
        }
        return new KeyColumn(name, raw, levels, null, true);
    }

    /** Wraps codes that are already {@code 0..levels.length-1} (or -1 for missing). */
    public static KeyColumn ofCodes(String name, int[] codes, String[] levels) {
        for (int c : codes) {
            if (c < -1 || c >= levels.length) {
                throw new IllegalArgumentException("code " + c + " outside 0.." + (levels.length - 1));
            }
        }
        return new KeyColumn(name, codes, levels.clone(), null, false);
    }

    /** Wraps codes with numeric levels (kept numeric, so time order and numeric use survive a subset). */
    public static KeyColumn ofCodes(String name, int[] codes, String[] levels, double[] numericLevels) {
        if (numericLevels.length != levels.length) {
            throw new IllegalArgumentException("levels and numeric levels differ in length");
        }
        KeyColumn k = ofCodes(name, codes, levels);
        return new KeyColumn(name, k.codes, k.levels, numericLevels.clone(), false);
    }

    /** {min, max, 1 if every value is an integer else 0} over the values that are not missing. */
    private static double[] range(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean integral = true;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
            if (integral && v != Math.rint(v)) {
                integral = false;
            }
        }
        return new double[] {min, max, integral ? 1 : 0};
    }

    private static void markSlots(double[] values, double min, int[] slot) {
        for (double v : values) {
            if (!Double.isNaN(v)) {
                slot[(int) (v - min)] = 1;
            }
        }
    }

    /**
     * The lookup table of dense keys: slot[v - min], marked non-zero where value v occurs, becomes the level of v
     * (levels in value order; -1 where v does not occur); returns the value of each level.
     */
    private static double[] numberSlots(int[] slot, double min) {
        int count = 0;
        for (int i = 0; i < slot.length; i++) {
            slot[i] = slot[i] != 0 ? count++ : -1;
        }
        double[] lv = new double[count];
        for (int i = 0; i < slot.length; i++) {
            if (slot[i] >= 0) {
                lv[slot[i]] = min + i;
            }
        }
        return lv;
    }

    /** {min, max} of the values that are not missing ({min > max} when all are). */
    private static long[] integerRange(int[] values) {
        int min = Integer.MAX_VALUE;
        int max = MISSING_INTEGER;
        for (int v : values) {
            if (v != MISSING_INTEGER) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return max == MISSING_INTEGER ? new long[] {1, 0} : new long[] {min, max};
    }

    private static void markIntegerSlots(int[] values, int min, int[] slot) {
        for (int v : values) {
            if (v != MISSING_INTEGER) {
                slot[v - min] = 1;
            }
        }
    }

    private static void lookUpIntegers(int[] values, int min, int[] slot, int[] codes) {
        for (int i = 0; i < values.length; i++) {
            int v = values[i];
            codes[i] = v == MISSING_INTEGER ? -1 : slot[v - min];
        }
    }

    private static void lookUp(double[] values, double min, int[] slot, int[] codes) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            codes[i] = Double.isNaN(v) ? -1 : slot[(int) (v - min)];
        }
    }

    private static String[] formatNumbers(double[] values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            s[i] = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        return s;
    }

    public String name() {
        return name;
    }

    public int size() {
        return codes.length;
    }

    /** Code of row {@code i}, {@code -1} when missing. */
    public int code(int i) {
        return codes[i];
    }

    /** The codes array itself (not copied: do not modify). */
    public int[] codes() {
        return codes;
    }

    public int levelCount() {
        return levels != null ? levels.length : numericLevels.length;
    }

    public String level(int code) {
        String[] names = levels;
        if (names == null) {
            names = formatNumbers(numericLevels); // two threads may both format: same names, either wins
            levels = names;
        }
        return names[code];
    }

    /** The value of every row (NaN where missing) of a numeric key column. */
    public double[] numericValues() {
        if (numericLevels == null) {
            throw new IllegalStateException("column '" + name + "' is not numeric");
        }
        double[] v = new double[codes.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = codes[i] < 0 ? Double.NaN : numericLevels[codes[i]];
        }
        return v;
    }

    /**
     * Whether every level is known to be the code of some row: true when the levels were found in the data (made
     * from numbers or text), false when they were given ({@link #ofCodes}: a level may be unused).
     */
    public boolean everyLevelOccurs() {
        return everyLevelOccurs;
    }

    /** True when every level is a number (then {@link #numericLevel(int)} is available). */
    public boolean isNumeric() {
        return numericLevels != null;
    }

    public double numericLevel(int code) {
        if (numericLevels == null) {
            throw new IllegalStateException("column '" + name + "' is not numeric");
        }
        return numericLevels[code];
    }
}
