package org.panelkit.knime.node;

import org.apache.xmlbeans.XmlException;
import org.knime.core.node.NodeDescription;
import org.knime.core.node.NodeDescription53Proxy;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;
import org.knime.core.webui.node.dialog.NodeDialog;
import org.knime.core.webui.node.dialog.NodeDialogFactory;
import org.knime.core.webui.node.dialog.SettingsType;
import org.knime.core.webui.node.dialog.defaultdialog.DefaultNodeDialog;
import org.knime.node.parameters.NodeParameters;
import org.panelkit.knime.support.doc.NodeDoc;
import org.panelkit.knime.support.doc.NodeDocXml;

/**
 * Base of the PanelKit node factories: a classic {@link NodeFactory} with the modern (web UI) dialog generated from
 * the node's {@link NodeParameters} class, and a node description generated from the same class (each option's
 * {@code @Widget} title and description, grouped by dialog section, with its settings key) plus the node texts of
 * the KNIME-free support bundle. No Swing dialog and no view: like {@code DefaultNodeFactory},
 * {@link #hasDialog()} is false and the dialog comes from {@link #createNodeDialog()}.
 *
 * @param <M> the node model
 */
@SuppressWarnings("restriction") // the dialog classes are exported x-internal by org.knime.core.ui (5.7 - 5.11)
public abstract class PanelKitNodeFactory<M extends NodeModel> extends NodeFactory<M> implements NodeDialogFactory {
    private static final NodeLogger LOGGER = NodeLogger.getLogger(PanelKitNodeFactory.class);

    protected PanelKitNodeFactory() {
        super(true);
        init();
    }

    /** The parameters class of the node's model (must not depend on instance state: called from the constructor). */
    protected abstract Class<? extends NodeParameters> parametersClass();

    /** Name, icon, intro, ports and keywords (must not depend on instance state). */
    protected abstract NodeDoc.Builder description();

    @Override
    protected final NodeDescription createNodeDescription() throws XmlException {
        return nodeDescription(description(), parametersClass());
    }

    /**
     * The v5.3 node description from the node texts and the options of the parameters class. Never throws for a
     * problem of our texts (KNIME could not create the node): a malformed text is logged and written as plain
     * text, and if the description cannot be built at all, a minimal one with the node's name is used.
     */
    static NodeDescription nodeDescription(final NodeDoc.Builder description,
        final Class<? extends NodeParameters> parametersClass) throws XmlException {
        NodeDoc doc = null;
        try {
            doc = description.tabs(ParameterDocs.tabs(parametersClass)).build();
            NodeDoc d = doc;
            return new NodeDescription53Proxy(NodeDocXml.toDocument(d,
                problem -> LOGGER.coding("Description of node '" + d.name() + "': " + problem)));
        } catch (RuntimeException e) { // NOSONAR: a factory must never throw for its description
            String name = doc != null ? doc.name() : parametersClass.getSimpleName();
            LOGGER.coding("Description of node '" + name + "' could not be built, using a minimal one: " + e, e);
            return new NodeDescription53Proxy(NodeDocXml.toDocument(NodeDoc.builder(name)
                .shortDescription(NodeDocXml.escape(name)).build(), problem -> { }));
        }
    }

    /** The node's description (texts and the parameters' options) before it is written as XML. */
    public final NodeDoc nodeDoc() {
        return description().tabs(ParameterDocs.tabs(parametersClass())).build();
    }

    /** The parameters class of the node's settings (for tests and tools). */
    public final Class<? extends NodeParameters> nodeParametersClass() {
        return parametersClass();
    }

    @Override
    public final NodeDialog createNodeDialog() {
        return new DefaultNodeDialog(SettingsType.MODEL, parametersClass());
    }

    @Override
    protected final int getNrNodeViews() {
        return 0;
    }

    // The three methods below are abstract in NodeFactory but deprecated for removal since 5.6 (Swing dialogs and
    // views). They are implemented without @Override so that this class keeps compiling once they are removed.

    /** No Swing view. */
    @SuppressWarnings({"removal", "deprecation", "javadoc"})
    public final NodeView<M> createNodeView(final int viewIndex, final M nodeModel) {
        return null;
    }

    /** No Swing dialog: the dialog is {@link #createNodeDialog()}. */
    @SuppressWarnings({"removal", "deprecation", "javadoc"})
    protected final boolean hasDialog() {
        return false;
    }

    /** No Swing dialog: the dialog is {@link #createNodeDialog()}. */
    @SuppressWarnings({"removal", "deprecation", "javadoc"})
    protected final NodeDialogPane createNodeDialogPane() {
        return null;
    }
}
