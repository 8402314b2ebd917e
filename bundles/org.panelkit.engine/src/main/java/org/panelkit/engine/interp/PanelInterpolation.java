package org.panelkit.engine.interp;

import java.util.ArrayList;
import java.util.List;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.data.ColumnSource;

/**
 * Interpolation within each entity: orders the panel by entity and time ({@link PanelOrder}: duplicate keys and a
 * non-numeric time are errors, rows may come in any order, the grid is optionally completed), then fills each
 * column's missing cells entity by entity with the actual time values as x ({@link SeriesInterpolator} has the
 * formulas). Values never cross from one entity to another. O(rows) time and memory per column.
 */
public final class PanelInterpolation {
    private PanelInterpolation() {
    }

    public static InterpolationResult run(ColumnSource data, InterpolationSpec spec) {
        return run(data, spec, ProgressMonitor.NONE);
    }

    public static InterpolationResult run(ColumnSource data, InterpolationSpec spec, ProgressMonitor monitor) {
        List<String> columns = spec.columns();
        for (String c : columns) {
            if (!data.has(c)) {
                throw new PanelKitException("unknown column '" + c + "' (columns: " + String.join(", ", data.columnNames()) + ")");
            }
        }
        monitor.progress(0.0, "ordering the panel by entity and time");
        PanelOrder order = PanelOrder.of(data, spec.entity(), spec.time(), spec.complete());
        monitor.checkCanceled();
        int m = order.rowCount();
        int[] src = order.sourceRows();
        int[] p = order.periods();
        double[] t = new double[m];
        for (int i = 0; i < m; i++) {
            t[i] = order.time(i);
        }
        int entities = order.entityCount();
        double[][] values = new double[columns.size()][];
        boolean[][] imputed = new boolean[columns.size()][];
        List<ColumnSummary> summary = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            monitor.progress(0.1 + 0.9 * c / columns.size(), "interpolating " + name);
            double[] in = data.numeric(name);
            double[] y = new double[m];
            int observed = 0;
            for (int i = 0; i < m; i++) {
                double v = src[i] < 0 ? Double.NaN : in[src[i]];
                if (!Double.isNaN(v)) {
                    check(v, name, spec, order, i);
                    observed++;
                }
                y[i] = v;
            }
            boolean[] flags = new boolean[m];
            SeriesInterpolator interpolator = new SeriesInterpolator(spec.method(), spec.ends(), spec.maxGap());
            int filled = 0;
            for (int e = 0; e < entities; e++) {
                filled += interpolator.fill(t, p, y, flags, order.entityStart(e), order.entityStart(e + 1));
                if ((e & 1023) == 0) {
                    monitor.checkCanceled();
                }
            }
            values[c] = y;
            imputed[c] = flags;
            summary.add(new ColumnSummary(name, observed, filled, m - observed - filled));
        }
        monitor.progress(1.0, "done");
        return new InterpolationResult(spec, order, values, imputed, summary);
    }

    private static void check(double v, String column, InterpolationSpec spec, PanelOrder order, int i) {
        if (Double.isInfinite(v)) {
            throw new PanelKitException("column '" + column + "', " + spec.entity() + " '" + order.entityLabel(i) + "', "
                    + spec.time() + " " + order.timeLabel(i) + ": value is infinite");
        }
        if (spec.method() == InterpolationMethod.LOGLINEAR && v <= 0) {
            throw new PanelKitException("loglinear interpolation needs positive values, but column '" + column + "', "
                    + spec.entity() + " '" + order.entityLabel(i) + "', " + spec.time() + " " + order.timeLabel(i)
                    + " is " + v + " (use linear, or transform the column)");
        }
    }
}
