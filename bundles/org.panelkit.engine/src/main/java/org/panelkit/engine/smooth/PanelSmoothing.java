package org.panelkit.engine.smooth;

import java.util.List;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.interp.PanelOrder;

/**
 * Smoothing within each entity, ordered by time (rows may come in any order; duplicate keys and a non-numeric
 * time are errors, see {@link PanelOrder}).
 * <p>
 * <b>Moving averages.</b> Windows are measured in periods, the distinct time values of the panel, not in rows:
 * the centred average at period p with window w = 2h + 1 covers periods p - h .. p + h, the trailing one
 * p - w + 1 .. p. A period without a row for the entity, or with a missing value, simply contributes nothing;
 * the average is the mean of the observed values in the window and is reported (also at a row whose own value is
 * missing) when there are at least {@code minPeriods} of them, else it is missing. Near the ends the window is
 * cut off and the same rule applies. Direct summation, O(rows x window).
 * <p>
 * <b>Hodrick-Prescott.</b> {@link HodrickPrescott} on each entity's series from its first to its last observed
 * value, which must have a value in every period in between (a gap is an error naming entity, column and
 * period: fill it first); rows before the first or after the last observation get missing trend and cycle.
 */
public final class PanelSmoothing {
    private PanelSmoothing() {
    }

    public static SmoothingResult run(ColumnSource data, SmoothingSpec spec) {
        return run(data, spec, ProgressMonitor.NONE);
    }

    public static SmoothingResult run(ColumnSource data, SmoothingSpec spec, ProgressMonitor monitor) {
        List<String> columns = spec.columns();
        for (String c : columns) {
            if (!data.has(c)) {
                throw new PanelKitException("unknown column '" + c + "' (columns: " + String.join(", ", data.columnNames()) + ")");
            }
        }
        monitor.progress(0.0, "ordering the panel by entity and time");
        PanelOrder order = PanelOrder.of(data, spec.entity(), spec.time(), false);
        int m = order.rowCount();
        int[] src = order.sourceRows();
        int[] p = order.periods();
        double[][] smoothed = new double[columns.size()][];
        double[][] cycle = new double[columns.size()][];
        int[] computed = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            monitor.progress(0.1 + 0.9 * c / columns.size(), "smoothing " + name);
            double[] in = data.numeric(name);
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                y[i] = in[src[i]];
                if (Double.isInfinite(y[i])) {
                    throw new PanelKitException("column '" + name + "', " + spec.entity() + " '" + order.entityLabel(i)
                            + "', " + spec.time() + " " + order.timeLabel(i) + ": value is infinite");
                }
            }
            double[] out = new double[m];
            java.util.Arrays.fill(out, Double.NaN);
            for (int e = 0; e < order.entityCount(); e++) {
                int s = order.entityStart(e);
                int end = order.entityStart(e + 1);
                if (spec.method() == SmoothingMethod.HP) {
                    hp(y, p, s, end, spec, name, order, out);
                } else {
                    movingAverage(y, p, s, end, spec, out);
                }
                if ((e & 1023) == 0) {
                    monitor.checkCanceled();
                }
            }
            int count = 0;
            for (double v : out) {
                count += Double.isNaN(v) ? 0 : 1;
            }
            computed[c] = count;
            smoothed[c] = out;
            if (spec.method() == SmoothingMethod.HP) {
                double[] cyc = new double[m];
                for (int i = 0; i < m; i++) {
                    cyc[i] = y[i] - out[i];
                }
                cycle[c] = cyc;
            }
        }
        monitor.progress(1.0, "done");
        return new SmoothingResult(spec, order, smoothed, cycle, computed);
    }

    /** Moving average over the periods [p_i - before, p_i + after] of rows s..e-1 (see the class comment). */
    static void movingAverage(double[] y, int[] p, int s, int e, SmoothingSpec spec, double[] out) {
        int w = spec.window();
        int before = spec.method() == SmoothingMethod.MA ? w / 2 : w - 1;
        int after = spec.method() == SmoothingMethod.MA ? w / 2 : 0;
        int minPeriods = spec.minPeriods();
        int lo = s;
        int hi = s; // window rows are lo .. hi-1
        for (int i = s; i < e; i++) {
            while (lo < e && p[lo] < p[i] - before) {
                lo++;
            }
            while (hi < e && p[hi] <= p[i] + after) {
                hi++;
            }
            double sum = 0;
            int count = 0;
            for (int j = lo; j < hi; j++) {
                double v = y[j];
                if (!Double.isNaN(v)) {
                    sum += v;
                    count++;
                }
            }
            out[i] = count >= minPeriods && count > 0 ? sum / count : Double.NaN;
        }
    }

    static void hp(double[] y, int[] p, int s, int e, SmoothingSpec spec, String column, PanelOrder order, double[] out) {
        int first = s;
        while (first < e && Double.isNaN(y[first])) {
            first++;
        }
        if (first == e) {
            return;
        }
        int last = e - 1;
        while (Double.isNaN(y[last])) {
            last--;
        }
        for (int i = first + 1; i <= last; i++) {
            if (Double.isNaN(y[i])) {
                throw new PanelKitException("column '" + column + "', " + spec.entity() + " '" + order.entityLabel(i)
                        + "': the HP filter needs a value in every period between the first and the last observation, but "
                        + spec.time() + " " + order.timeLabel(i) + " is missing (fill gaps first, e.g. panelkit interpolate)");
            }
            if (p[i] != p[i - 1] + 1) {
                throw new PanelKitException("column '" + column + "', " + spec.entity() + " '" + order.entityLabel(i)
                        + "': the HP filter needs a value in every period, but there is no row for the "
                        + (p[i] - p[i - 1] - 1) + " period(s) between " + spec.time() + " " + order.timeLabel(i - 1)
                        + " and " + order.timeLabel(i) + " (complete and fill first: panelkit interpolate --complete)");
            }
        }
        HodrickPrescott.trend(y, first, last - first + 1, spec.lambda(), out, first);
    }
}
