package org.panelkit.engine.interp;

import java.util.List;

/**
 * The interpolated columns, in entity-then-time order (see {@link PanelOrder}), with the imputation flag of
 * every cell and the per-column summary. Row {@code i} came from input row {@link #sourceRow(int)}, or was
 * inserted to complete the grid (-1).
 */
public final class InterpolationResult {
    private final InterpolationSpec spec;
    private final PanelOrder order;
    private final List<String> columns;
    private final double[][] values;
    private final boolean[][] imputed;
    private final List<ColumnSummary> summary;

    InterpolationResult(InterpolationSpec spec, PanelOrder order, double[][] values, boolean[][] imputed,
            List<ColumnSummary> summary) {
        this.spec = spec;
        this.order = order;
        this.columns = spec.columns();
        this.values = values;
        this.imputed = imputed;
        this.summary = List.copyOf(summary);
    }

    public InterpolationSpec spec() { return spec; }
    /** Row order, entity and time of every output row. */
    public PanelOrder order() { return order; }
    public int rowCount() { return order.rowCount(); }
    /** Rows inserted by completing the grid. */
    public int insertedRows() { return order.insertedRows(); }
    /** Input row of output row {@code i}, -1 if inserted. */
    public int sourceRow(int i) { return order.sourceRow(i); }
    /** The interpolated columns, in the order of the spec. */
    public List<String> columns() { return columns; }

    /** Values of an interpolated column in output order, NaN where still missing (not copied: do not modify). */
    public double[] values(String column) {
        return values[index(column)];
    }

    /** True where the cell was missing and has been filled (not copied: do not modify). */
    public boolean[] imputed(String column) {
        return imputed[index(column)];
    }

    /** Per column, in the order of the spec. */
    public List<ColumnSummary> summary() { return summary; }

    private int index(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("column '" + column + "' was not interpolated");
        }
        return i;
    }
}
