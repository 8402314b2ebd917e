package org.panelkit.engine.regions;

import java.util.List;

/**
 * The result of matching a column of region names or codes against {@link ChinaRegions}: the unit of every
 * row, and every value that could not be mapped with the rows that hold it.
 */
public final class RegionMatch {
    private final ChinaRegions table;
    private final int[] index;
    private final List<UnmappedValue> unmapped;
    private final int unmappedRows;

    RegionMatch(ChinaRegions table, int[] index, List<UnmappedValue> unmapped) {
        this.table = table;
        this.index = index;
        this.unmapped = unmapped;
        int u = 0;
        for (UnmappedValue v : unmapped) {
            u += v.count();
        }
        this.unmappedRows = u;
    }

    public int size() {
        return index.length;
    }

    /** The unit of a row, or {@code null} when the row's value could not be mapped (or is missing). */
    public Province province(int row) {
        int p = index[row];
        return p < 0 ? null : table.provinces().get(p);
    }

    /** Position of the row's unit in {@link ChinaRegions#provinces()}, or -1. */
    public int provinceIndex(int row) {
        return index[row];
    }

    /** Values not mapped (a missing cell has value {@code null}), in order of first appearance. */
    public List<UnmappedValue> unmapped() {
        return unmapped;
    }

    /** Number of rows not mapped. */
    public int unmappedRows() {
        return unmappedRows;
    }
}
