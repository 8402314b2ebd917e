package org.panelkit.knime.table;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.panelkit.knime.support.table.ColumnKind;

/**
 * An engine result per input row (a column to append to, or replace in, an input table): its name, kind and a
 * cell per row. At configure time the values are null and only name and kind are used.
 */
public final class CellColumn {
    private final String m_name;
    private final ColumnKind m_kind;
    private final double[] m_doubles;
    private final boolean[] m_booleans;
    private final int[] m_ints;

    private final String[] m_strings;

    private CellColumn(final String name, final ColumnKind kind, final double[] doubles, final boolean[] booleans,
        final int[] ints, final String[] strings) {
        m_name = name;
        m_kind = kind;
        m_doubles = doubles;
        m_booleans = booleans;
        m_ints = ints;
        m_strings = strings;
    }

    /** Numbers; NaN is missing. Null values: spec only. */
    public static CellColumn doubles(final String name, final double[] values) {
        return new CellColumn(name, ColumnKind.DOUBLE, values, null, null, null);
    }

    public static CellColumn booleans(final String name, final boolean[] values) {
        return new CellColumn(name, ColumnKind.BOOLEAN, null, values, null, null);
    }

    public static CellColumn ints(final String name, final int[] values) {
        return new CellColumn(name, ColumnKind.INTEGER, null, null, values, null);
    }

    /** Text; null is missing. Null values: spec only. */
    public static CellColumn strings(final String name, final String[] values) {
        return new CellColumn(name, ColumnKind.STRING, null, null, null, values);
    }

    public String name() {
        return m_name;
    }

    public ColumnKind kind() {
        return m_kind;
    }

    DataType type() {
        return KnimeTables.type(m_kind);
    }

    DataCell cell(final int row) {
        return switch (m_kind) {
            case DOUBLE -> Double.isNaN(m_doubles[row]) ? DataType.getMissingCell() : new DoubleCell(m_doubles[row]);
            case BOOLEAN -> BooleanCell.BooleanCellFactory.create(m_booleans[row]);
            case INTEGER -> new IntCell(m_ints[row]);
            case STRING -> m_strings[row] == null ? DataType.getMissingCell() : new StringCell(m_strings[row]);
            default -> throw new IllegalStateException(m_kind.toString());
        };
    }
}
