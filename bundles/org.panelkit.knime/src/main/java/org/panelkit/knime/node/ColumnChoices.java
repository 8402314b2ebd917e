package org.panelkit.knime.node;

import java.util.List;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.node.parameters.NodeParametersInput;
import org.knime.node.parameters.widget.choices.ColumnChoicesProvider;
import org.knime.node.parameters.widget.choices.filter.ColumnFilter;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.table.KnimeTables;

/** Column choices of the PanelKit dialogs, by what the engine accepts ({@link ColumnKind}), on the first input. */
public final class ColumnChoices {
    private ColumnChoices() {
    }

    static List<DataColumnSpec> columns(final NodeParametersInput input, final int port,
        final java.util.function.Predicate<ColumnKind> kinds) {
        return input.getInTableSpec(port).stream().flatMap(DataTableSpec::stream)
            .filter(c -> kinds.test(KnimeTables.kind(c))).toList();
    }

    /**
     * The numeric columns a column filter selects, in table order.
     *
     * @throws IllegalArgumentException naming a selected column that is gone or no longer numeric
     */
    public static String[] selectedNumeric(final ColumnFilter filter, final DataTableSpec spec, final String role) {
        var numeric = spec.stream().filter(c -> KnimeTables.kind(c).isNumeric()).toList();
        String[] missing = filter.getMissingSelected(numeric);
        if (missing.length > 0) {
            throw new IllegalArgumentException("column '" + missing[0] + "' (" + role
                + ") is not a numeric column of the input table: update the " + role);
        }
        return filter.filter(numeric);
    }

    /**
     * The readable columns (numbers, booleans, strings) a column filter selects, in table order.
     *
     * @throws IllegalArgumentException naming a selected column that is gone
     */
    public static String[] selectedReadable(final ColumnFilter filter, final DataTableSpec spec, final String role) {
        var readable = spec.stream().filter(c -> KnimeTables.kind(c) != ColumnKind.OTHER).toList();
        String[] missing = filter.getMissingSelected(readable);
        if (missing.length > 0) {
            throw new IllegalArgumentException("column '" + missing[0] + "' (" + role
                + ") is not in the input table: update the " + role);
        }
        return filter.filter(readable);
    }

    /** Columns of every kind the engine reads (numbers, booleans, strings) of the first input. */
    public static final class Readable implements ColumnChoicesProvider {
        @Override
        public List<DataColumnSpec> columnChoices(final NodeParametersInput input) {
            return columns(input, 0, k -> k != ColumnKind.OTHER);
        }
    }

    /** Numeric columns (double, integer, long, boolean) of the first input. */
    public static final class Numeric implements ColumnChoicesProvider {
        @Override
        public List<DataColumnSpec> columnChoices(final NodeParametersInput input) {
            return columns(input, 0, ColumnKind::isNumeric);
        }
    }

    /** Columns that can be panel keys (strings and numbers) of the first input. */
    public static final class Keys implements ColumnChoicesProvider {
        @Override
        public List<DataColumnSpec> columnChoices(final NodeParametersInput input) {
            return columns(input, 0, ColumnKind::isKey);
        }
    }

    /** Columns that can be panel keys (strings and numbers) of the second input. */
    public static final class KeysOfSecondInput implements ColumnChoicesProvider {
        @Override
        public List<DataColumnSpec> columnChoices(final NodeParametersInput input) {
            return columns(input, 1, ColumnKind::isKey);
        }
    }

    /** Numeric columns of the second input. */
    public static final class NumericOfSecondInput implements ColumnChoicesProvider {
        @Override
        public List<DataColumnSpec> columnChoices(final NodeParametersInput input) {
            return columns(input, 1, ColumnKind::isNumeric);
        }
    }
}
