package org.panelkit.knime.support.prep;

import java.util.List;

import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;

/**
 * The part shared by the within-panel nodes (interpolation, smoothing): an entity column, a numeric time column
 * and numeric value columns, validated with messages that name the fix.
 */
public final class PanelColumns {
    private PanelColumns() {
    }

    /**
     * @throws IllegalArgumentException e.g. {@code column 'year' is not numeric (it holds string values): choose a
     *             numeric time column}
     */
    public static void validate(TableSchema schema, String entity, String time, List<String> columns, String what) {
        schema.requireKey(entity, "entity column");
        schema.requireNumeric(time, "time column");
        if (entity.equals(time)) {
            throw new IllegalArgumentException("'" + entity + "' is both the entity and the time column: choose two different columns");
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no columns " + what + " selected: choose at least one numeric column");
        }
        for (String c : columns) {
            if (c.equals(entity) || c.equals(time)) {
                throw new IllegalArgumentException("column '" + c + "' is the " + (c.equals(entity) ? "entity" : "time")
                        + " column: remove it from the columns " + what);
            }
            schema.requireNumeric(c, "column " + what);
        }
    }

    public static void declare(TableSchema schema, String entity, String time, List<String> columns, ColumnsBuilder b) {
        b.key(entity, schema.kind(entity));
        b.key(time, schema.kind(time));
        for (String c : columns) {
            b.numeric(c, schema.kind(c));
        }
    }

    /** Checks that appended output columns are new and distinct. */
    public static void checkNewColumns(TableSchema schema, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (schema.has(n)) {
                throw new IllegalArgumentException("the input already has a column '" + n
                        + "': rename it or change the output suffix");
            }
            if (names.indexOf(n) != i) {
                throw new IllegalArgumentException("two output columns would be named '" + n + "': change the output suffix");
            }
        }
    }

    /** Values in output order scattered back to input order (rows the output does not hold stay NaN). */
    public static double[] byInputRow(double[] outputOrder, int[] sourceRows, int inputRows) {
        double[] out = new double[inputRows];
        java.util.Arrays.fill(out, Double.NaN);
        for (int i = 0; i < sourceRows.length; i++) {
            if (sourceRows[i] >= 0) {
                out[sourceRows[i]] = outputOrder[i];
            }
        }
        return out;
    }
}
