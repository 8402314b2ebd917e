package org.panelkit.knime.tests;

import java.io.File;

import org.apache.xmlbeans.XmlException;
import org.knime.core.data.DataTableSpec;
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
 * A test node that concatenates its two input tables as KNIME's Concatenate node does by default: with
 * {@link ExecutionContext#createConcatenateTable}, which fails on a row key that both tables have.
 */
public final class ConcatenateNodeFactory extends NodeFactory<NodeModel> {

    public ConcatenateNodeFactory() {
        super(true);
        init();
    }

    @Override
    protected NodeDescription createNodeDescription() throws XmlException {
        return new NodeDescription53Proxy(NodeDocXml.toDocument(NodeDoc.builder("Test concatenate").type("Manipulator")
            .shortDescription("Both tables, one after the other.").inPort("First", "A table.")
            .inPort("Second", "A table with the same columns.").outPort("Table", "The rows of both.").build()));
    }

    @Override
    public NodeModel createNodeModel() {
        return new NodeModel(2, 1) {
            @Override
            protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) {
                return new DataTableSpec[]{inSpecs[0]};
            }

            @Override
            protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
                throws Exception {
                return new BufferedDataTable[]{exec.createConcatenateTable(exec, inData[0], inData[1])};
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
