package org.panelkit.knime.tests.dialog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.panelkit.knime.tests.SourceNodeFactory;

/**
 * A test-only source node: one table output per given table (spec and rows), e.g. the study panel and a mapping
 * table, and optionally flow variables (as a workflow's variables reach the nodes).
 */
public final class StudyTableSourceNodeFactory extends SourceNodeFactory {

    /** One output table. */
    public record Table(DataTableSpec spec, List<DataRow> rows) {
    }

    private final List<Table> m_tables;

    private final Map<String, Object> m_variables;

    public StudyTableSourceNodeFactory(final Table... tables) {
        this(Map.of(), tables);
    }

    /** Also pushes the flow variables (String, Integer or Double values). */
    public StudyTableSourceNodeFactory(final Map<String, Object> variables, final Table... tables) {
        m_tables = List.of(tables);
        m_variables = new LinkedHashMap<>(variables);
    }

    @Override
    protected DataTableSpec[] specs() {
        return m_tables.stream().map(Table::spec).toArray(DataTableSpec[]::new);
    }

    @Override
    protected BufferedDataTable[] tables(final ExecutionContext exec) {
        return m_tables.stream().map(t -> write(exec, t.spec(), t.rows())).toArray(BufferedDataTable[]::new);
    }

    @Override
    protected Map<String, Object> variables() {
        return m_variables;
    }
}
