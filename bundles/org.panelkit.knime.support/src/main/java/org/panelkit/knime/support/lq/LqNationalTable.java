package org.panelkit.knime.support.lq;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.lq.LqSpec;
import org.panelkit.engine.lq.LqSpec.Layout;
import org.panelkit.engine.lq.LqSpec.National;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;

/**
 * National totals Y_jt from a reference table (the Location Quotient node's optional second input) instead of the
 * regions' sum, national rows or national columns of the first input. The reference table has no region: in the
 * wide layout it holds the time column and one numeric column per industry (named as in the first input), one row
 * per period; in the long layout the time, industry and value columns (named as in the first input), one row per
 * period and industry.
 * <p>
 * The engine gets the reference values as national columns ({@link National#NATIONAL_COLUMN}): each row of the
 * first input is given the national value of its period (and industry), looked up in the reference table; the
 * periods (and industries) are matched by their value, so an integer 2001 matches a string "2001".
 */
public final class LqNationalTable {
    /** Wide layout: the national value of industry X is in the column X + this suffix. */
    static final String WIDE_SUFFIX = "__panelkit_national";
    /** Long layout: the national value of the row's industry and period. */
    static final String LONG_COLUMN = "__panelkit_national";

    private LqNationalTable() {
    }

    /** The options the engine runs with: national columns that {@link #join} adds to the first input. */
    public static LqOptions engineOptions(LqOptions o) {
        return o.layout() == Layout.WIDE ? o.withNational(National.NATIONAL_COLUMN, "", "", WIDE_SUFFIX)
                : o.withNational(National.NATIONAL_COLUMN, "", LONG_COLUMN, o.nationalSuffix());
    }

    /** The first input's columns plus the national columns {@link #join} adds. */
    public static TableSchema withNationalColumns(TableSchema schema, LqOptions o) {
        TableSchema.Builder b = TableSchema.builder();
        for (String n : schema.names()) {
            b.add(n, schema.kind(n));
        }
        for (String n : nationalColumns(o)) {
            if (!schema.has(n)) {
                b.add(n, ColumnKind.DOUBLE);
            }
        }
        return b.build();
    }

    private static List<String> nationalColumns(LqOptions o) {
        return o.layout() == Layout.WIDE ? o.industries().stream().map(c -> c + WIDE_SUFFIX).toList()
                : List.of(LONG_COLUMN);
    }

    /**
     * The engine specification for the first input with national totals from the reference table.
     *
     * @param reference the reference table's columns, null when the second input is not connected
     * @throws IllegalArgumentException naming the fix
     */
    public static LqSpec toSpec(LqOptions o, TableSchema schema, TableSchema reference) {
        LqSpec spec = engineOptions(o).toSpec(withNationalColumns(schema, o));
        validate(o, reference);
        return spec;
    }

    /**
     * Checks the reference table: the time column and the industry columns (wide) or the time, industry and value
     * columns (long) of the first input.
     *
     * @throws IllegalArgumentException naming the fix
     */
    public static void validate(LqOptions o, TableSchema reference) {
        if (reference == null) {
            throw new IllegalArgumentException("no national totals table: connect a table with the national values "
                    + "(" + expected(o) + ") to the second input, or choose another source of national totals");
        }
        requireKey(reference, o.time(), "time", o);
        if (o.layout() == Layout.WIDE) {
            for (String c : o.industries()) {
                requireNumeric(reference, c, "industry", o);
            }
        } else {
            requireKey(reference, o.industry(), "industry", o);
            requireNumeric(reference, o.value(), "value", o);
        }
    }

    private static String expected(LqOptions o) {
        return o.layout() == Layout.WIDE ? "the time column '" + o.time() + "' and the industry columns, one row per "
                + "period"
                : "the columns '" + o.time() + "', '" + o.industry() + "' and '" + o.value() + "', one row per "
                        + "period and industry";
    }

    private static void requirePresent(TableSchema reference, String column, String role, LqOptions o) {
        if (!reference.has(column)) {
            throw new IllegalArgumentException("the national totals table (second input) has no " + role
                    + " column '" + column + "': give it " + expected(o) + ", named as in the first input");
        }
    }

    private static void requireKey(TableSchema reference, String column, String role, LqOptions o) {
        requirePresent(reference, column, role, o);
        if (!reference.kind(column).isKey()) {
            throw new IllegalArgumentException("column '" + column + "' of the national totals table holds "
                    + reference.kind(column).text() + " values: it must be a string or integer " + role + " column");
        }
    }

    private static void requireNumeric(TableSchema reference, String column, String role, LqOptions o) {
        requirePresent(reference, column, role, o);
        if (!reference.kind(column).isNumeric()) {
            throw new IllegalArgumentException("column '" + column + "' of the national totals table holds "
                    + reference.kind(column).text() + " values: it must be numeric (the national " + role + ")");
        }
    }

    /** Declares the reference table's columns the lookup reads. */
    public static void declareReferenceColumns(LqOptions o, TableSchema reference, ColumnsBuilder b) {
        b.key(o.time(), reference.kind(o.time()));
        if (o.layout() == Layout.WIDE) {
            for (String c : o.industries()) {
                b.numeric(c, reference.kind(c));
            }
        } else {
            b.key(o.industry(), reference.kind(o.industry()));
            b.numeric(o.value(), reference.kind(o.value()));
        }
    }

    /** Declares the first input's columns the engine reads (without national columns: {@link #join} adds them). */
    public static void declareColumns(LqOptions o, TableSchema schema, ColumnsBuilder b) {
        LqOptions own = o.withNational(National.SUM_OF_REGIONS, "", "", o.nationalSuffix());
        own.declareColumns(schema, own.toSpec(schema), b);
    }

    /**
     * The first input's columns with the national columns of the engine options: each row's national value of its
     * period (and industry) from the reference table; missing where the row's period (or industry) is missing.
     *
     * @throws IllegalArgumentException when the reference table has a period (and industry) twice or lacks one the
     *             first input has
     */
    public static ColumnSource join(LqOptions o, ColumnSource data, ColumnSource reference) {
        KeyColumn refTime = reference.key(o.time());
        KeyColumn refIndustry = o.layout() == Layout.LONG ? reference.key(o.industry()) : null;
        Map<String, Integer> rowOf = new HashMap<>();
        for (int r = 0; r < reference.rowCount(); r++) {
            String t = label(refTime, r);
            if (t == null) {
                continue;
            }
            String key = refIndustry == null ? t : t + '\u0000' + label(refIndustry, r);
            if (rowOf.putIfAbsent(key, r) != null) {
                throw new IllegalArgumentException("the national totals table has two rows for period " + t
                        + (refIndustry == null ? "" : " and industry " + label(refIndustry, r))
                        + ": keep one row per period" + (refIndustry == null ? "" : " and industry"));
            }
        }
        KeyColumn time = data.key(o.time());
        KeyColumn industry = o.layout() == Layout.LONG ? data.key(o.industry()) : null;
        int n = data.rowCount();
        int[] refRow = new int[n];
        for (int i = 0; i < n; i++) {
            String t = label(time, i);
            String ind = industry == null ? "" : label(industry, i);
            if (t == null || ind == null) {
                refRow[i] = -1;
                continue;
            }
            Integer r = rowOf.get(industry == null ? t : t + '\u0000' + ind);
            if (r == null) {
                throw new IllegalArgumentException("the national totals table has no row for period " + t
                        + (industry == null ? "" : " and industry " + ind) + " (" + data.rowLabel(i)
                        + " of the first input): add it");
            }
            refRow[i] = r;
        }
        Map<String, double[]> added = new LinkedHashMap<>();
        if (o.layout() == Layout.WIDE) {
            for (String c : o.industries()) {
                added.put(c + WIDE_SUFFIX, lookUp(reference.numeric(c), refRow));
            }
        } else {
            added.put(LONG_COLUMN, lookUp(reference.numeric(o.value()), refRow));
        }
        return new Joined(data, added);
    }

    private static double[] lookUp(double[] reference, int[] refRow) {
        double[] out = new double[refRow.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = refRow[i] < 0 ? Double.NaN : reference[refRow[i]];
        }
        return out;
    }

    /** The value of a key cell as text (whole numbers without a decimal point), null when missing. */
    static String label(KeyColumn k, int row) {
        int code = k.code(row);
        if (code < 0) {
            return null;
        }
        if (k.isNumeric()) {
            double v = k.numericLevel(code);
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        String s = k.level(code).strip();
        try {
            double v = Double.parseDouble(s);
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
        } catch (NumberFormatException e) { // NOSONAR: not a number, the text itself
        }
        return s;
    }

    /** A column source with added numeric columns. */
    private record Joined(ColumnSource data, Map<String, double[]> added) implements ColumnSource {
        @Override
        public int rowCount() {
            return data.rowCount();
        }

        @Override
        public List<String> columnNames() {
            List<String> out = new java.util.ArrayList<>(data.columnNames());
            out.addAll(added.keySet());
            return out;
        }

        @Override
        public boolean has(String name) {
            return added.containsKey(name) || data.has(name);
        }

        @Override
        public double[] numeric(String name) {
            double[] v = added.get(name);
            return v != null ? v : data.numeric(name);
        }

        @Override
        public KeyColumn key(String name) {
            return data.key(name);
        }

        @Override
        public String rowLabel(int row) {
            return data.rowLabel(row);
        }
    }
}
