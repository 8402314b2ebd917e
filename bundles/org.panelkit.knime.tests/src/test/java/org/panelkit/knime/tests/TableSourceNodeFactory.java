package org.panelkit.knime.tests;

import java.io.File;
import java.util.List;

import org.apache.xmlbeans.XmlException;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeDescription;
import org.knime.core.node.NodeDescription53Proxy;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NodeView;
import org.panelkit.knime.support.doc.NodeDoc;
import org.panelkit.knime.support.doc.NodeDocXml;

/**
 * A test node that outputs a fixed table (the "test source node" that feeds the node under test): the factory
 * instance carries the table, so it is added with {@code addNodeAndApplyContext(new TableSourceNodeFactory(t), ..)}.
 */
public final class TableSourceNodeFactory extends NodeFactory<NodeModel> {
    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows;

    public TableSourceNodeFactory(final DataTableSpec spec, final List<DataRow> rows) {
        super(true);
        m_spec = spec;
        m_rows = List.copyOf(rows);
        init();
    }

    @Override
    protected NodeDescription createNodeDescription() throws XmlException {
        return new NodeDescription53Proxy(NodeDocXml.toDocument(NodeDoc.builder("Test table").type("Source")
            .shortDescription("A fixed table.").outPort("Table", "The table.").build()));
    }

    @Override
    public NodeModel createNodeModel() {
        return new NodeModel(0, 1) {
            @Override
            protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) {
                return new DataTableSpec[]{m_spec};
            }

            @Override
            protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec) {
                BufferedDataContainer c = exec.createDataContainer(m_spec);
                m_rows.forEach(c::addRowToTable);
                c.close();
                return new BufferedDataTable[]{c.getTable()};
            }

            @Override
            protected void loadInternals(final File dir, final ExecutionMonitor exec) {
            }

            @Override
            protected void saveInternals(final File dir, final ExecutionMonitor exec) {
            }

            @Override
            protected void saveSettingsTo(final NodeSettingsWO settings) {
            }

            @Override
            protected void validateSettings(final NodeSettingsRO settings) {
            }

            @Override
            protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) {
            }

            @Override
            protected void reset() {
            }
        };
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    @SuppressWarnings({"removal", "deprecation"})
    public NodeView<NodeModel> createNodeView(final int viewIndex, final NodeModel nodeModel) {
        return null;
    }

    @Override
    @SuppressWarnings({"removal", "deprecation"})
    protected boolean hasDialog() {
        return false;
    }

    @Override
    @SuppressWarnings({"removal", "deprecation"})
    protected NodeDialogPane createNodeDialogPane() {
        return null;
    }
}
