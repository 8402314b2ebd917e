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

    private static final Set<String> INDUSTRY_NAMES = Set.of("industry", "sector", "branch", "activity", "naics",
            "nace", "isic", "行业", "产业");
    private static final Set<String> VALUE_NAMES = Set.of("value", "output", "employment", "emp", "valueadded",
            "gva", "amount", "产值", "值");

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

    /**
     * An identifier code rather than a variable: an integer column named like a code or an id ("province_code",
     * "code", "id", "firm_id", "GB code"). The value-column lists of the dialogs leave these out.
     */
    public static boolean isCode(String name, ColumnKind kind) {
        if (!kind.isIntegral()) {
            return false;
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.endsWith("code") || n.equals("id") || n.endsWith("_id") || n.endsWith(" id") || n.endsWith("代码");
    }

    /**
     * The industry column of a long table: a string column named like an industry ("industry", "sector"), else the
     * first string column that is neither of the given columns.
     */
    public static Optional<String> industry(TableSchema schema, String... notThese) {
        List<String> skip = List.of(notThese);
        List<String> strings = schema.names(k -> k == ColumnKind.STRING).stream().filter(n -> !skip.contains(n))
                .toList();
        for (String n : strings) {
            if (INDUSTRY_NAMES.contains(norm(n))) {
                return Optional.of(n);
            }
        }
        return strings.stream().findFirst();
    }

    /**
     * The value column of a long table: a numeric column named like a value ("value", "output", ...), else the
     * first double column, else the first numeric column that is neither of the given columns nor a code.
     */
    public static Optional<String> value(TableSchema schema, String... notThese) {
        List<String> skip = List.of(notThese);
        List<String> numeric = schema.names(k -> k.isNumeric() && k != ColumnKind.BOOLEAN).stream()
                .filter(n -> !skip.contains(n) && !isCode(n, schema.kind(n))).toList();
        for (String n : numeric) {
            if (VALUE_NAMES.contains(norm(n))) {
                return Optional.of(n);
            }
        }
        return numeric.stream().filter(n -> schema.kind(n) == ColumnKind.DOUBLE).findFirst()
                .or(() -> numeric.stream().findFirst());
    }

    private static String norm(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
    }
}
