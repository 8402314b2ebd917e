package org.panelkit.knime.tests;

import java.io.File;

import org.apache.xmlbeans.XmlException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeDescription;
import org.knime.core.node.NodeDescription53Proxy;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NodeView;
import org.knime.core.node.port.PortType;
import org.panelkit.knime.support.doc.NodeDoc;
import org.panelkit.knime.support.doc.NodeDocXml;

/**
 * Base of the tests' own helper nodes (sources, a concatenation): a description from {@link #doc()}, no dialog, no
 * view, and a {@link Model} without settings or internals. Not registered: a test adds an instance with
 * {@code addNodeAndApplyContext(factory, null, -1)}.
 */
public abstract class TestNodeFactory extends NodeFactory<NodeModel> {

    protected TestNodeFactory() {
        super(true);
        init();
    }

    /** The node's description (fixed text: called from the constructor, before subclass fields are set). */
    protected abstract NodeDoc doc();

    @Override
    protected final NodeDescription createNodeDescription() throws XmlException {
        return new NodeDescription53Proxy(NodeDocXml.toDocument(doc()));
    }

    @Override
    protected final int getNrNodeViews() {
        return 0;
    }

    /** No view (abstract in NodeFactory, deprecated for removal). */
    @SuppressWarnings({"removal", "deprecation", "javadoc"})
    public final NodeView<NodeModel> createNodeView(final int viewIndex, final NodeModel nodeModel) {
        return null;
    }

    /** No dialog. */
    @SuppressWarnings({"removal", "deprecation", "javadoc"})
    protected final boolean hasDialog() {
        return false;
    }

    /** No dialog. */
    @SuppressWarnings({"removal", "deprecation", "javadoc"})
    protected final NodeDialogPane createNodeDialogPane() {
        return null;
    }

    /** A node model without settings, internals or state. */
    protected abstract static class Model extends NodeModel {
        protected Model(final PortType[] in, final PortType[] out) {
            super(in, out);
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
    }
}
