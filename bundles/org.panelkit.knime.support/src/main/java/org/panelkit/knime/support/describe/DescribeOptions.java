package org.panelkit.knime.support.describe;

import java.util.List;

import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;

/**
 * Options of the Panel Diagnostics node: the entity and time columns (panel keys) and the columns whose missing
 * cells are counted (numbers, booleans or strings; an empty list counts none).
 */
public record DescribeOptions(String entity, String time, List<String> columns) {

    public DescribeOptions {
        columns = List.copyOf(columns);
    }

    /**
     * @throws IllegalArgumentException naming the option to fix
     */
    public void validate(TableSchema schema) {
        schema.requireKey(entity, "entity column");
        schema.requireKey(time, "time column");
        if (entity.equals(time)) {
            throw new IllegalArgumentException("'" + entity + "' is both the entity and the time column: choose two "
                    + "different columns");
        }
        for (String c : columns) {
            schema.requirePresent(c, "column to check");
            if (schema.kind(c) == ColumnKind.OTHER) {
                throw new IllegalArgumentException("column '" + c + "' holds values PanelKit cannot read: remove it "
                        + "from the columns to check");
            }
        }
    }

    /** The columns whose missing cells are counted, without the keys (they are counted as rows without a key). */
    public List<String> checkedColumns() {
        return columns.stream().filter(c -> !c.equals(entity) && !c.equals(time)).toList();
    }

    /** Declares the keys, numeric columns as numbers and the others as keys. */
    public void declareColumns(TableSchema schema, ColumnsBuilder b) {
        b.key(entity, schema.kind(entity));
        b.key(time, schema.kind(time));
        for (String c : checkedColumns()) {
            if (schema.kind(c).isNumeric()) {
                b.numeric(c, schema.kind(c));
            } else {
                b.key(c, schema.kind(c));
            }
        }
    }
}
