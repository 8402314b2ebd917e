package org.panelkit.knime.support.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;

/**
 * Collects the cells of the columns an engine operation needs into an engine {@link ColumnSource}, one cell at
 * a time, without knowing where the cells come from (the KNIME adapter reads them from a data table).
 * <p>
 * Declare each column once with {@link #numeric} (a number per row, missing = NaN) or {@link #key} (panel unit,
 * period, cluster or group: numbers or text); a column declared both ways is stored once, as numbers when it is
 * numeric. Then set the cells; a cell that is never set is missing. Long keys are kept exactly (ids beyond 2^53
 * do not collide). Memory: one array of the column's type per column.
 */
public final class ColumnsBuilder {
    private static final double EXACT_LONG = 9007199254740992.0; // 2^53

    private final int rows;
    private final List<Slot> slots = new ArrayList<>();

    private ColumnsBuilder(int rows) {
        this.rows = rows;
    }

    /**
     * @param rows number of rows of the table (at most {@link Integer#MAX_VALUE} - 8)
     * @throws IllegalArgumentException for a table too large for one engine operation
     */
    public static ColumnsBuilder forRows(long rows) {
        if (rows < 0 || rows > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the input table has " + rows
                    + " rows; PanelKit handles at most " + (Integer.MAX_VALUE - 8) + " rows in one operation");
        }
        return new ColumnsBuilder((int) rows);
    }

    public int rows() {
        return rows;
    }

    /** Declares a column read as numbers; returns its slot. Its kind must be numeric. */
    public int numeric(String name, ColumnKind kind) {
        if (!kind.isNumeric()) {
            throw new IllegalArgumentException("column '" + name + "' is not numeric");
        }
        return declare(name, kind, true);
    }

    /** Declares a column read as a panel key; returns its slot. Its kind must be numbers or text. */
    public int key(String name, ColumnKind kind) {
        if (!kind.isKey()) {
            throw new IllegalArgumentException("column '" + name + "' cannot be a key");
        }
        return declare(name, kind, false);
    }

    private int declare(String name, ColumnKind kind, boolean numeric) {
        Objects.requireNonNull(name);
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            if (s.name.equals(name)) {
                if (s.kind != kind) {
                    throw new IllegalArgumentException("column '" + name + "' declared as " + s.kind + " and " + kind);
                }
                if (numeric && !s.numeric) {
                    slots.set(i, new Slot(name, kind, true, rows));
                }
                return i;
            }
        }
        slots.add(new Slot(name, kind, numeric || kind == ColumnKind.BOOLEAN, rows));
        return slots.size() - 1;
    }

    /** Number of declared columns; slots are {@code 0..size()-1} in declaration order. */
    public int size() {
        return slots.size();
    }

    public String name(int slot) {
        return slots.get(slot).name;
    }

    /** The kind the cells of this slot are read as (decides which setter the reader calls). */
    public ColumnKind kind(int slot) {
        return slots.get(slot).kind;
    }

    public void setDouble(int slot, int row, double value) {
        Slot s = slots.get(slot);
        if (s.doubles != null) {
            s.doubles[row] = value;
        } else if (s.longs != null) {
            if (Double.isNaN(value)) {
                s.missing.set(row);
            } else {
                s.longs[row] = (long) value;
                s.missing.clear(row);
            }
        } else {
            s.strings[row] = Double.isNaN(value) ? null : Double.toString(value);
        }
    }

    public void setLong(int slot, int row, long value) {
        Slot s = slots.get(slot);
        if (s.longs != null) {
            s.longs[row] = value;
            s.missing.clear(row);
        } else if (s.doubles != null) {
            s.doubles[row] = value;
        } else {
            s.strings[row] = Long.toString(value);
        }
    }

    public void setBoolean(int slot, int row, boolean value) {
        setDouble(slot, row, value ? 1.0 : 0.0);
    }

    /** A text cell; null or an empty string is missing. */
    public void setString(int slot, int row, String value) {
        Slot s = slots.get(slot);
        if (s.strings == null) {
            throw new IllegalArgumentException("column '" + s.name + "' is not a text column");
        }
        s.strings[row] = value == null || value.isEmpty() ? null : value;
    }

    public void setMissing(int slot, int row) {
        Slot s = slots.get(slot);
        if (s.doubles != null) {
            s.doubles[row] = Double.NaN;
        } else if (s.longs != null) {
            s.missing.set(row);
        } else {
            s.strings[row] = null;
        }
    }

    /** The engine columns (the builder must not be used afterwards). */
    public ColumnSource build() {
        Columns out = new Columns(rows);
        for (Slot s : slots) {
            if (s.numeric) {
                out.addNumeric(s.name, s.doubles);
            } else if (s.doubles != null) {
                out.addKey(s.name, KeyColumn.ofNumbers(s.name, s.doubles));
            } else if (s.longs != null) {
                out.addKey(s.name, longKey(s));
            } else {
                out.addKey(s.name, KeyColumn.ofStrings(s.name, s.strings));
            }
        }
        return out;
    }

    private KeyColumn longKey(Slot s) {
        boolean exact = true;
        for (int i = 0; i < rows && exact; i++) {
            if (!s.missing.get(i) && Math.abs((double) s.longs[i]) >= EXACT_LONG) {
                exact = false;
            }
        }
        if (exact) {
            double[] d = new double[rows];
            for (int i = 0; i < rows; i++) {
                d[i] = s.missing.get(i) ? Double.NaN : s.longs[i];
            }
            return KeyColumn.ofNumbers(s.name, d);
        }
        // ids beyond 2^53 would collide as doubles: code them exactly, levels in numeric order
        long[] distinct = new long[rows];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (!s.missing.get(i)) {
                distinct[n++] = s.longs[i];
            }
        }
        long[] sorted = Arrays.stream(distinct, 0, n).sorted().distinct().toArray();
        String[] levels = new String[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            levels[i] = Long.toString(sorted[i]);
        }
        int[] codes = new int[rows];
        for (int i = 0; i < rows; i++) {
            codes[i] = s.missing.get(i) ? -1 : Arrays.binarySearch(sorted, s.longs[i]);
        }
        return KeyColumn.ofCodes(s.name, codes, levels);
    }

    private static final class Slot {
        final String name;
        final ColumnKind kind;
        final boolean numeric;
        final double[] doubles;
        final long[] longs;
        final BitSet missing;
        final String[] strings;

        Slot(String name, ColumnKind kind, boolean numeric, int rows) {
            this.name = name;
            this.kind = kind;
            this.numeric = numeric;
            if (numeric || kind == ColumnKind.DOUBLE || kind == ColumnKind.INTEGER) {
                doubles = new double[rows];
                Arrays.fill(doubles, Double.NaN);
                longs = null;
                missing = null;
                strings = null;
            } else if (kind == ColumnKind.LONG) {
                doubles = null;
                longs = new long[rows];
                missing = new BitSet(rows);
                missing.set(0, rows);
                strings = null;
            } else {
                doubles = null;
                longs = null;
                missing = null;
                strings = new String[rows];
            }
        }
    }
}
