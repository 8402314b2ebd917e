package org.panelkit.knime.tests.dialog;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NoDescriptionProxy;
import org.knime.core.node.NodeDescription;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NodeView;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * A test-only source node: no inputs, one table output per given table (spec and rows), e.g. the study panel and a
 * mapping table, and optionally flow variables (as a workflow's variables reach the nodes). Not registered; added to a
 * workflow with {@code addNodeAndApplyContext(factory, null, -1)}.
 */
public final class StudyTableSourceNodeFactory extends NodeFactory<StudyTableSourceNodeFactory.SourceModel> {

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
        super(true);
        m_tables = List.of(tables);
        m_variables = new LinkedHashMap<>(variables);
        init();
    }

    @Override
    public SourceModel createNodeModel() {
        return new SourceModel(m_tables, m_variables);
    }

    @Override
    protected NodeDescription createNodeDescription() {
        return new NoDescriptionProxy(getClass());
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    /** No view (abstract in NodeFactory, deprecated for removal). */
    @SuppressWarnings({"removal", "deprecation", "javadoc"})
    public NodeView<SourceModel> createNodeView(final int viewIndex, final SourceModel nodeModel) {
        return null;
    }

    /** No dialog. */
    @SuppressWarnings({"removal", "deprecation", "javadoc"})
    protected boolean hasDialog() {
        return false;
    }

    /** No dialog. */
    @SuppressWarnings({"removal", "deprecation", "javadoc"})
    protected NodeDialogPane createNodeDialogPane() {
        return null;
    }

    /** Outputs the tables. */
    public static final class SourceModel extends NodeModel {
        private final List<Table> m_tables;

        private final Map<String, Object> m_variables;

        SourceModel(final List<Table> tables, final Map<String, Object> variables) {
            super(new PortType[0], tables.stream().map(t -> BufferedDataTable.TYPE).toArray(PortType[]::new));
            m_tables = tables;
            m_variables = variables;
        }

        @Override
        protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) {
            pushVariables();
            return m_tables.stream().map(Table::spec).toArray(PortObjectSpec[]::new);
        }

        private void pushVariables() {
            m_variables.forEach((name, value) -> {
                if (value instanceof Integer i) {
                    pushFlowVariableInt(name, i);
                } else if (value instanceof Double d) {
                    pushFlowVariableDouble(name, d);
                } else {
                    pushFlowVariableString(name, String.valueOf(value));
                }
            });
        }

        @Override
        protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) {
            pushVariables();
            PortObject[] out = new PortObject[m_tables.size()];
            for (int i = 0; i < out.length; i++) {
                var c = exec.createDataContainer(m_tables.get(i).spec());
                m_tables.get(i).rows().forEach(c::addRowToTable);
                c.close();
                out[i] = c.getTable();
            }
            return out;
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
            // no settings
        }

        @Override
        protected void validateSettings(final NodeSettingsRO settings) {
            // no settings
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) {
            // no settings
        }

        @Override
        protected void reset() {
            // no state
        }

        @Override
        protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
            // no internals
        }

        @Override
        protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
            // no internals
        }
    }
}
