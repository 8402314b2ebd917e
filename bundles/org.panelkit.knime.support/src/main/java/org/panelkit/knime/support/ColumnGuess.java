package org.panelkit.knime.support;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.TableSchema;

/**
 * Preselections for a freshly added node, from the column names and kinds of the connected table: the panel's
 * entity and time columns and a first numeric column. Only a suggestion - configure still validates whatever
 * the user keeps.
 */
public final class ColumnGuess {
    private static final Set<String> TIME_NAMES = Set.of("year", "time", "period", "t", "yr", "date", "年份", "年");
    private static final Set<String> ENTITY_NAMES = Set.of("id", "entity", "region", "province", "state", "country",
            "county", "city", "firm", "company", "unit", "code", "name", "prov", "省份", "地区", "地区名称", "省");

    private ColumnGuess() {
    }

    /** A time column: integral and named like a period ("year", "time", "period", ...). */
    public static Optional<String> time(TableSchema schema) {
        for (String n : schema.names(k -> k.isIntegral() || k == ColumnKind.DOUBLE)) {
            if (TIME_NAMES.contains(norm(n))) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /**
     * An entity column: one named like a panel unit ("province", "state", "id", ...), else the first string
     * column; never the time column.
     */
    public static Optional<String> entity(TableSchema schema) {
        String time = time(schema).orElse(null);
        for (String n : schema.names(ColumnKind::isKey)) {
            if (!n.equals(time) && ENTITY_NAMES.contains(norm(n))) {
                return Optional.of(n);
            }
        }
        return schema.names(k -> k == ColumnKind.STRING).stream().filter(n -> !n.equals(time)).findFirst();
    }

    /** The first numeric column that is neither the guessed entity nor the guessed time column. */
    public static Optional<String> firstNumeric(TableSchema schema) {
        List<String> skip = List.of(entity(schema).orElse(""), time(schema).orElse(""));
        return schema.names(ColumnKind::isNumeric).stream().filter(n -> !skip.contains(n)).findFirst();
    }

    private static String norm(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
    }
}
