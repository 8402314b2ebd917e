package org.panelkit.knime.support.prep;

import java.util.List;

import org.panelkit.engine.smooth.SmoothingMethod;
import org.panelkit.engine.smooth.SmoothingSpec;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;

/**
 * Options of the Panel Smoothing node: centred or trailing moving average (window, minimum periods; 0 = the whole
 * window) or the Hodrick-Prescott filter (lambda), per entity. Output columns are named by the engine:
 * {@code <col>_ma}, {@code <col>_trailing_ma}, {@code <col>_hp} and {@code <col>_cycle}.
 */
public record SmoothingOptions(String entity, String time, List<String> columns, SmoothingMethod method, int window,
        int minPeriods, double lambda) {

    public SmoothingOptions {
        columns = List.copyOf(columns);
    }

    /** Centred 3-period moving average; HP lambda 100 (annual data) when the method is switched to hp. */
    public static SmoothingOptions defaults(String entity, String time, List<String> columns) {
        return new SmoothingOptions(entity, time, columns, SmoothingMethod.MA, 3, 0, 100);
    }

    public SmoothingSpec toSpec(TableSchema schema) {
        PanelColumns.validate(schema, entity, time, columns, "to smooth");
        SmoothingSpec.Builder b = SmoothingSpec.builder(entity, time, columns).method(method);
        if (method == SmoothingMethod.HP) {
            b.lambda(lambda);
        } else {
            b.window(window).minPeriods(minPeriods);
        }
        SmoothingSpec spec = b.build();
        PanelColumns.checkNewColumns(schema, outputColumns(spec));
        return spec;
    }

    public void declareColumns(TableSchema schema, ColumnsBuilder b) {
        PanelColumns.declare(schema, entity, time, columns, b);
    }

    /** Appended columns, in order: per column the smoothed values, then (hp) the cycle. */
    public static List<String> outputColumns(SmoothingSpec spec) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (String c : spec.columns()) {
            names.add(spec.outputName(c));
            if (spec.method() == SmoothingMethod.HP) {
                names.add(spec.cycleName(c));
            }
        }
        return names;
    }
}
