package org.panelkit.knime.support.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The columns of an input table (name and {@link ColumnKind}, in table order), as the configure step sees them.
 * The {@code require...} methods are the validation every node runs before it executes: they throw an
 * {@link IllegalArgumentException} whose message names the column, what is wrong and the fix, e.g.
 * {@code column 'year' is not numeric: choose a numeric time column}.
 */
public final class TableSchema {
    private final Map<String, ColumnKind> columns;

    private TableSchema(Map<String, ColumnKind> columns) {
        this.columns = Collections.unmodifiableMap(columns);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Shorthand for tests and simple callers: alternating names and kinds. */
    public static TableSchema of(Object... nameKindPairs) {
        if (nameKindPairs.length % 2 != 0) {
            throw new IllegalArgumentException("expected name/kind pairs");
        }
        Builder b = builder();
        for (int i = 0; i < nameKindPairs.length; i += 2) {
            b.add((String) nameKindPairs[i], (ColumnKind) nameKindPairs[i + 1]);
        }
        return b.build();
    }

    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /** The kind of a column, or null if there is no such column. */
    public ColumnKind kind(String name) {
        return columns.get(name);
    }

    /** Column names whose kind satisfies the predicate, in table order. */
    public List<String> names(Predicate<ColumnKind> kinds) {
        List<String> out = new ArrayList<>();
        columns.forEach((n, k) -> {
            if (kinds.test(k)) {
                out.add(n);
            }
        });
        return out;
    }

    /**
     * A numeric column chosen for {@code role} (e.g. "dependent variable", "regressor", "time column").
     *
     * @throws IllegalArgumentException naming the fix when nothing is chosen, the column is absent or not numeric
     */
    public String requireNumeric(String column, String role) {
        requirePresent(column, role, "numeric ");
        if (!kind(column).isNumeric()) {
            throw new IllegalArgumentException("column '" + column + "' is not numeric (it holds "
                    + kind(column).text() + " values): choose a numeric " + role);
        }
        return column;
    }

    /**
     * A column used as a panel key for {@code role} (entity, time, cluster, group): numbers or strings.
     *
     * @throws IllegalArgumentException naming the fix
     */
    public String requireKey(String column, String role) {
        requirePresent(column, role, "");
        if (!kind(column).isKey()) {
            throw new IllegalArgumentException("column '" + column + "' holds " + kind(column).text()
                    + " values, which cannot identify panel units or periods: choose a string or integer " + role);
        }
        return column;
    }

    /** A column of any usable kind. */
    public String requirePresent(String column, String role) {
        return requirePresent(column, role, "");
    }

    private String requirePresent(String column, String role, String kindWord) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("no " + role + " selected: choose a " + kindWord + role);
        }
        if (!has(column)) {
            throw new IllegalArgumentException("column '" + column + "' (" + role
                    + ") is not in the input table: choose one of its " + kindWord + "columns");
        }
        return column;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableSchema t && t.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return columns.toString();
    }

    /** Collects columns in table order. */
    public static final class Builder {
        private final Map<String, ColumnKind> columns = new LinkedHashMap<>();

        public Builder add(String name, ColumnKind kind) {
            Objects.requireNonNull(name);
            Objects.requireNonNull(kind);
            if (columns.putIfAbsent(name, kind) != null) {
                throw new IllegalArgumentException("column '" + name + "' appears twice");
            }
            return this;
        }

        public TableSchema build() {
            return new TableSchema(new LinkedHashMap<>(columns));
        }
    }
}
