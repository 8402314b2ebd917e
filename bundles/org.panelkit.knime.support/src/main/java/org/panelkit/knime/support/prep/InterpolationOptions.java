package org.panelkit.knime.support.prep;

import java.util.ArrayList;
import java.util.List;

import org.panelkit.engine.interp.Ends;
import org.panelkit.engine.interp.InterpolationMethod;
import org.panelkit.engine.interp.InterpolationSpec;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;

/**
 * Options of the Panel Interpolation node. Defaults: linear, leading and trailing gaps left missing, no gap limit,
 * grid not completed, flags added with suffix {@code _imputed}.
 */
public record InterpolationOptions(String entity, String time, List<String> columns, InterpolationMethod method,
        Ends ends, int maxGap, boolean complete, boolean flags, String flagSuffix) {

    public static final String DEFAULT_FLAG_SUFFIX = "_imputed";

    public InterpolationOptions {
        columns = List.copyOf(columns);
    }

    /** The study's defaults for the given columns. */
    public static InterpolationOptions defaults(String entity, String time, List<String> columns) {
        return new InterpolationOptions(entity, time, columns, InterpolationMethod.LINEAR, Ends.NONE,
                InterpolationSpec.NO_LIMIT, false, true, DEFAULT_FLAG_SUFFIX);
    }

    /** Validates against the input and builds the engine's spec. */
    public InterpolationSpec toSpec(TableSchema schema) {
        PanelColumns.validate(schema, entity, time, columns, "to interpolate");
        if (maxGap < InterpolationSpec.NO_LIMIT) {
            throw new IllegalArgumentException("maximum gap must be -1 (no limit) or 0 and more periods, got " + maxGap);
        }
        if (flags) {
            if (flagSuffix == null || flagSuffix.isEmpty()) {
                throw new IllegalArgumentException("the flag suffix is empty: enter e.g. " + DEFAULT_FLAG_SUFFIX);
            }
            PanelColumns.checkNewColumns(schema, flagColumns());
        }
        return InterpolationSpec.builder(entity, time, columns).method(method).ends(ends).maxGap(maxGap)
                .complete(complete).build();
    }

    public void declareColumns(TableSchema schema, ColumnsBuilder b) {
        PanelColumns.declare(schema, entity, time, columns, b);
    }

    /** Names of the appended flag columns (empty without flags). */
    public List<String> flagColumns() {
        List<String> out = new ArrayList<>();
        if (flags) {
            for (String c : columns) {
                out.add(c + flagSuffix);
            }
        }
        return out;
    }
}
