package org.panelkit.engine.smooth;

import java.util.ArrayList;
import java.util.List;

import org.panelkit.engine.interp.PanelOrder;

/**
 * Smoothed columns in entity-then-time order (see {@link PanelOrder}; no rows are inserted). For each input
 * column {@code c}: {@code c_ma}, {@code c_trailing_ma} or {@code c_hp} (the HP trend), and for HP also
 * {@code c_cycle} = c - c_hp. NaN where a value cannot be computed.
 */
public final class SmoothingResult {
    private final SmoothingSpec spec;
    private final PanelOrder order;
    private final double[][] smoothed;
    private final double[][] cycle;
    private final int[] computed;

    SmoothingResult(SmoothingSpec spec, PanelOrder order, double[][] smoothed, double[][] cycle, int[] computed) {
        this.spec = spec;
        this.order = order;
        this.smoothed = smoothed;
        this.cycle = cycle;
        this.computed = computed;
    }

    public SmoothingSpec spec() { return spec; }
    public PanelOrder order() { return order; }
    public int rowCount() { return order.rowCount(); }
    /** Input row of output row {@code i}. */
    public int sourceRow(int i) { return order.sourceRow(i); }

    /** Output column names: per input column the smoothed column, then (HP) its cycle. */
    public List<String> outputColumns() {
        List<String> names = new ArrayList<>();
        for (String c : spec.columns()) {
            names.add(spec.outputName(c));
            if (spec.method() == SmoothingMethod.HP) {
                names.add(spec.cycleName(c));
            }
        }
        return names;
    }

    /** An output column by its name (see {@link #outputColumns()}); not copied, do not modify. */
    public double[] values(String outputColumn) {
        List<String> cols = spec.columns();
        for (int i = 0; i < cols.size(); i++) {
            if (spec.outputName(cols.get(i)).equals(outputColumn)) {
                return smoothed[i];
            }
            if (cycle[i] != null && spec.cycleName(cols.get(i)).equals(outputColumn)) {
                return cycle[i];
            }
        }
        throw new IllegalArgumentException("no output column '" + outputColumn + "' (have " + outputColumns() + ")");
    }

    /** Smoothed values (MA or HP trend) of input column {@code column}. */
    public double[] smoothed(String column) {
        return smoothed[index(column)];
    }

    /** HP cycle of input column {@code column}; null for the moving averages. */
    public double[] cycle(String column) {
        return cycle[index(column)];
    }

    /** Number of rows with a smoothed value for input column {@code column}. */
    public int computed(String column) {
        return computed[index(column)];
    }

    private int index(String column) {
        int i = spec.columns().indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("column '" + column + "' was not smoothed");
        }
        return i;
    }
}
