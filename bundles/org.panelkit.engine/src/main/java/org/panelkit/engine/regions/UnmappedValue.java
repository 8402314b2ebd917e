package org.panelkit.engine.regions;

import java.util.Arrays;

/**
 * A value that could not be assigned (a region name not in the table, a missing cell, a time outside the
 * split), with every row that holds it. Rows are 0-based; use the data source's row labels in messages.
 */
public final class UnmappedValue {
    private final String value;
    private final int[] rows;

    public UnmappedValue(String value, int[] rows) {
        this.value = value;
        this.rows = rows.clone();
    }

    /** The cell's text, or {@code null} for a missing cell. */
    public String value() { return value; }

    /** The 0-based rows holding the value, ascending. */
    public int[] rows() { return rows.clone(); }

    public int count() { return rows.length; }

    /** The first row holding the value. */
    public int firstRow() { return rows[0]; }

    @Override
    public String toString() {
        return (value == null ? "(missing)" : "'" + value + "'") + " in " + rows.length + " rows "
                + Arrays.toString(rows.length > 10 ? Arrays.copyOf(rows, 10) : rows);
    }
}
