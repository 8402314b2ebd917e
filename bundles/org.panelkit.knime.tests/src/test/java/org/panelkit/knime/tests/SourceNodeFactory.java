package org.panelkit.knime.tests;

import java.io.File;
import java.util.Map;

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
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.panelkit.knime.support.doc.NodeDoc;
import org.panelkit.knime.support.doc.NodeDocXml;

/**
 * Base of the tests' source nodes (the "test source node" that feeds a node under test): no input, one table per
 * {@link #specs()} entry, made by {@link #tables(ExecutionContext)}, and optionally flow variables. The factory
 * instance carries the data, so it is added with {@code addNodeAndApplyContext(factory, null, -1)}; no settings,
 * no dialog, no view.
 */
public abstract class SourceNodeFactory extends NodeFactory<NodeModel> {

    protected SourceNodeFactory() {
        super(true);
        init();
    }

    /** The output specs (known at configure time). */
    protected abstract DataTableSpec[] specs();

    /** The output tables. */
    protected abstract BufferedDataTable[] tables(ExecutionContext exec) throws Exception;

    /** Flow variables pushed at configure and execute (String, Integer or Double values). */
    protected Map<String, Object> variables() {
        return Map.of();
    }

    @Override
    protected NodeDescription createNodeDescription() throws org.apache.xmlbeans.XmlException {
        // fixed text: called from the constructor, before subclass fields are set
        return new NodeDescription53Proxy(NodeDocXml.toDocument(NodeDoc.builder("Test source").type("Source")
            .shortDescription("Tables for a test.").build()));
    }

    @Override
    public NodeModel createNodeModel() {
        DataTableSpec[] specs = specs();
        return new NodeModel(new PortType[0], java.util.Arrays.stream(specs).map(s -> BufferedDataTable.TYPE)
            .toArray(PortType[]::new)) {
            @Override
            protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) {
                push();
                return specs.clone();
            }

            @Override
            protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec)
                throws Exception {
                push();
                return tables(exec);
            }

            private void push() {
                variables().forEach((name, value) -> {
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
            protected void loadInternals(final File dir, final ExecutionMonitor exec) {
                // no internals
            }

            @Override
            protected void saveInternals(final File dir, final ExecutionMonitor exec) {
                // no internals
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
        };
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    /** No view (abstract in NodeFactory, deprecated for removal). */
    @SuppressWarnings({"removal", "deprecation", "javadoc"})
    public NodeView<NodeModel> createNodeView(final int viewIndex, final NodeModel nodeModel) {
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

    /** Writes rows into a new table of the context. */
    protected static BufferedDataTable write(final ExecutionContext exec, final DataTableSpec spec,
        final Iterable<org.knime.core.data.DataRow> rows) {
        var c = exec.createDataContainer(spec);
        rows.forEach(c::addRowToTable);
        c.close();
        return c.getTable();
    }
}
