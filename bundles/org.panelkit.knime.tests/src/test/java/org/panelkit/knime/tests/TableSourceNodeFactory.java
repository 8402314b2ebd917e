package org.panelkit.knime.tests;

import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;

/** A test source node that outputs one fixed table. */
public final class TableSourceNodeFactory extends SourceNodeFactory {
    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows;

    public TableSourceNodeFactory(final DataTableSpec spec, final List<DataRow> rows) {
        m_spec = spec;
        m_rows = List.copyOf(rows);
    }

    @Override
    protected DataTableSpec[] specs() {
        return new DataTableSpec[]{m_spec};
    }

    @Override
    protected BufferedDataTable[] tables(final ExecutionContext exec) {
        return new BufferedDataTable[]{write(exec, m_spec, m_rows)};
    }
}
