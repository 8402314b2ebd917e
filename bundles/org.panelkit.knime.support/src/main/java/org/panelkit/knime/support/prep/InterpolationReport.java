package org.panelkit.knime.support.prep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.panelkit.engine.interp.ColumnSummary;
import org.panelkit.engine.interp.InterpolationResult;
import org.panelkit.knime.support.Notice;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ResultTable;
import org.panelkit.knime.support.table.ResultTable.Column;

/**
 * An interpolation result in the shape the node writes it: the filled columns and flags in input row order, the
 * rows inserted to complete the grid, the output position of every row (to sort by entity and time), a summary
 * table and warnings with the counts of cells filled and left missing.
 */
public final class InterpolationReport {
    public static final List<Column> SUMMARY_COLUMNS = List.of(
            new Column("column", ColumnKind.STRING, "interpolated column"),
            new Column("observed", ColumnKind.INTEGER, "cells with a value in the input"),
            new Column("filled", ColumnKind.INTEGER, "missing cells that got a value (including inserted rows)"),
            new Column("still_missing", ColumnKind.INTEGER, "cells still missing afterwards"),
            new Column("cells", ColumnKind.INTEGER, "cells of the output"));

    /** A row inserted to complete the grid: its output position, entity and time labels, time value, values. */
    public record InsertedRow(int position, String entity, String timeLabel, double time, double[] values) {
    }

    private final InterpolationResult result;
    private final int inputRows;

    public InterpolationReport(InterpolationResult result, int inputRows) {
        this.result = result;
        this.inputRows = inputRows;
    }

    /** Values of an interpolated column, by input row. */
    public double[] values(String column) {
        return PanelColumns.byInputRow(result.values(column), sources(), inputRows);
    }

    /** Imputation flags of a column, by input row. */
    public boolean[] imputed(String column) {
        boolean[] flags = result.imputed(column);
        boolean[] out = new boolean[inputRows];
        int[] src = sources();
        for (int i = 0; i < src.length; i++) {
            if (src[i] >= 0) {
                out[src[i]] = flags[i];
            }
        }
        return out;
    }

    /** Output position (entity, then time order) of every input row. */
    public int[] positionOfInputRow() {
        int[] pos = new int[inputRows];
        int[] src = sources();
        for (int i = 0; i < src.length; i++) {
            if (src[i] >= 0) {
                pos[src[i]] = i;
            }
        }
        return pos;
    }

    /** Rows inserted by completing the grid, in output order; values in the order of the interpolated columns. */
    public List<InsertedRow> insertedRows() {
        List<InsertedRow> rows = new ArrayList<>();
        int[] src = sources();
        List<String> cols = result.columns();
        for (int i = 0; i < src.length; i++) {
            if (src[i] < 0) {
                double[] v = new double[cols.size()];
                for (int c = 0; c < v.length; c++) {
                    v[c] = result.values(cols.get(c))[i];
                }
                rows.add(new InsertedRow(i, result.order().entityLabel(i), result.order().timeLabel(i),
                        result.order().time(i), v));
            }
        }
        return rows;
    }

    /** Whether output row {@code position} (an inserted row) has column {@code c} imputed. */
    public boolean insertedImputed(int position, String column) {
        return result.imputed(column)[position];
    }

    public ResultTable summaryTable() {
        ResultTable.Builder b = ResultTable.builder(SUMMARY_COLUMNS);
        for (ColumnSummary s : result.summary()) {
            b.row(s.column(), s.column(), s.observed(), s.filled(), s.missing(), s.cells());
        }
        return b.build();
    }

    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (result.insertedRows() > 0) {
            w.add(result.insertedRows() + " rows inserted to complete the panel grid");
        }
        for (ColumnSummary s : result.summary()) {
            if (s.filled() > 0 || s.missing() > 0) {
                w.add("'" + s.column() + "': " + s.filled() + " cells filled, " + s.missing() + " left missing");
            }
        }
        return w;
    }

    /**
     * The warnings as one notice: "17 columns interpolated, 560 cells filled" (with the cells left missing and the
     * rows inserted), the per-column counts in the details. Empty when nothing was filled, left missing or inserted.
     */
    public Optional<Notice> notice() {
        List<String> details = warnings();
        if (details.isEmpty()) {
            return Optional.empty();
        }
        long columns = 0;
        long filled = 0;
        long missing = 0;
        for (ColumnSummary s : result.summary()) {
            if (s.filled() > 0) {
                columns++;
            }
            filled += s.filled();
            missing += s.missing();
        }
        StringBuilder summary = new StringBuilder(Notice.count(columns, "column", "columns") + " interpolated, "
                + Notice.count(filled, "cell", "cells") + " filled");
        List<String> resolutions = new ArrayList<>();
        if (missing > 0) {
            summary.append(", ").append(Notice.count(missing, "cell", "cells")).append(" left missing");
            resolutions.add("To fill more cells, raise 'Maximum gap' (-1 = any gap) or set 'Ends' to fill before the "
                    + "first and after the last observed value.");
        }
        if (result.insertedRows() > 0) {
            summary.append(", ").append(Notice.count(result.insertedRows(), "row", "rows")).append(" inserted");
        }
        return Optional.of(new Notice(summary.toString(), details, resolutions));
    }

    private int[] sources() {
        return result.order().sourceRows();
    }
}
