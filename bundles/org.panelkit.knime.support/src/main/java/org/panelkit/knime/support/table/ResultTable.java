package org.panelkit.knime.support.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A small output table (coefficients, model statistics, summaries) as plain values, written as a KNIME table
 * by the KNIME adapter. Cell values are {@link Double} (NaN and null are missing), {@link Integer},
 * {@link Long}, {@link Boolean} or {@link String} matching the column's {@link ColumnKind}; null is missing.
 * Rows may carry a row key (otherwise the adapter numbers them).
 */
public final class ResultTable {
    /** A column: name, kind, and a one-line description (for the node description and docs). */
    public record Column(String name, ColumnKind kind, String description) {
        public Column {
            Objects.requireNonNull(name);
            Objects.requireNonNull(kind);
            if (kind == ColumnKind.OTHER) {
                throw new IllegalArgumentException("result column '" + name + "' needs a concrete kind");
            }
        }
    }

    private final List<Column> columns;
    private final List<String> rowKeys;
    private final List<Object[]> rows;

    private ResultTable(List<Column> columns, List<String> rowKeys, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        this.rowKeys = Collections.unmodifiableList(new ArrayList<>(rowKeys));
        this.rows = List.copyOf(rows);
    }

    /** Starts a table with the given columns (see {@link #columns()} for configure-time specs). */
    public static Builder builder(List<Column> columns) {
        return new Builder(columns);
    }

    public List<Column> columns() {
        return columns;
    }

    public int rowCount() {
        return rows.size();
    }

    /** The key of row i, or null when the adapter should number the rows. */
    public String rowKey(int row) {
        return rowKeys.get(row);
    }

    /** The value of a cell, null when missing (a NaN double is also missing). */
    public Object value(int row, int column) {
        return rows.get(row)[column];
    }

    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column '" + name + "'");
    }

    /** Adds rows; checks every value against its column's kind. */
    public static final class Builder {
        private final List<Column> columns;
        private final List<String> keys = new ArrayList<>();
        private final List<Object[]> rows = new ArrayList<>();
        private final Set<String> usedKeys = new HashSet<>();

        private Builder(List<Column> columns) {
            Set<String> names = new HashSet<>();
            for (Column c : columns) {
                if (!names.add(c.name())) {
                    throw new IllegalArgumentException("column '" + c.name() + "' appears twice");
                }
            }
            this.columns = List.copyOf(columns);
        }

        /** Adds a row with a key (null: numbered by the adapter) and one value per column. */
        public Builder row(String key, Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size()
                        + " columns");
            }
            for (int i = 0; i < values.length; i++) {
                check(columns.get(i), values[i]);
            }
            if (key != null && !usedKeys.add(key)) {
                throw new IllegalArgumentException("row key '" + key + "' appears twice");
            }
            keys.add(key);
            rows.add(values.clone());
            return this;
        }

        private static void check(Column c, Object v) {
            if (v == null) {
                return;
            }
            boolean ok = switch (c.kind()) {
                case DOUBLE -> v instanceof Double;
                case INTEGER -> v instanceof Integer;
                case LONG -> v instanceof Long;
                case BOOLEAN -> v instanceof Boolean;
                case STRING -> v instanceof String;
                case OTHER -> false;
            };
            if (!ok) {
                throw new IllegalArgumentException("column '" + c.name() + "' (" + c.kind() + ") cannot hold "
                        + v.getClass().getSimpleName() + " " + v);
            }
        }

        public ResultTable build() {
            return new ResultTable(columns, keys, rows);
        }
    }
}
