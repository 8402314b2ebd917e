package org.panelkit.engine.interp;

/** What interpolation did to one column: cells observed, filled, and still missing (over the output rows). */
public final class ColumnSummary {
    private final String column;
    private final int observed;
    private final int filled;
    private final int missing;

    public ColumnSummary(String column, int observed, int filled, int missing) {
        this.column = column;
        this.observed = observed;
        this.filled = filled;
        this.missing = missing;
    }

    public String column() { return column; }
    /** Cells with a value in the input. */
    public int observed() { return observed; }
    /** Missing cells (including those of inserted rows) that got a value. */
    public int filled() { return filled; }
    /** Cells still missing afterwards. */
    public int missing() { return missing; }
    /** All cells: observed + filled + missing = the output's row count. */
    public int cells() { return observed + filled + missing; }
}
