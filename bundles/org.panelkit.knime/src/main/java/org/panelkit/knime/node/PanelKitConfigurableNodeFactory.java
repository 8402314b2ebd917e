package org.panelkit.knime.node;

import java.util.Optional;

import org.apache.xmlbeans.XmlException;
import org.knime.core.node.ConfigurableNodeFactory;
import org.knime.core.node.NodeDescription;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;
import org.knime.core.node.context.NodeCreationConfiguration;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.port.PortType;
import org.knime.core.webui.node.dialog.NodeDialog;
import org.knime.core.webui.node.dialog.NodeDialogFactory;
import org.knime.core.webui.node.dialog.SettingsType;
import org.knime.core.webui.node.dialog.defaultdialog.DefaultNodeDialog;
import org.knime.node.parameters.NodeParameters;
import org.panelkit.knime.support.doc.NodeDoc;

/**
 * Base of the PanelKit nodes with configurable ports (an extendable group of model inputs): like
 * {@link PanelKitNodeFactory} (modern dialog from the {@link NodeParameters} class, generated description, no
 * Swing dialog, no view) on KNIME's {@link ConfigurableNodeFactory}, whose {@link PortsConfigurationBuilder} declares
 * the port groups.
 *
 * @param <M> the node model
 */
@SuppressWarnings("restriction") // the dialog classes are exported x-internal by org.knime.core.ui (5.7 - 5.11)
public abstract class PanelKitConfigurableNodeFactory<M extends NodeModel> extends ConfigurableNodeFactory<M>
    implements NodeDialogFactory {

    protected PanelKitConfigurableNodeFactory() {
        super(true);
        init();
    }

    /** The parameters class of the node's model (must not depend on instance state: called from the constructor). */
    protected abstract Class<? extends NodeParameters> parametersClass();

    /** Name, icon, intro, ports and keywords (must not depend on instance state). */
    protected abstract NodeDoc.Builder description();

    /** Declares the port groups. */
    protected abstract void ports(PortsConfigurationBuilder builder);

    /** The model for the configured input and output ports. */
    protected abstract M createNodeModel(PortType[] inPorts, PortType[] outPorts);

    @Override
    protected final Optional<PortsConfigurationBuilder> createPortsConfigBuilder() {
        var b = new PortsConfigurationBuilder();
        ports(b);
        return Optional.of(b);
    }

    /**
     * The model for the configured ports; override to know which input belongs to which port group
     * ({@link PortsConfiguration#getInputPortLocation()}).
     */
    protected M createNodeModel(final PortsConfiguration ports) {
        return createNodeModel(ports.getInputPorts(), ports.getOutputPorts());
    }

    @Override
    protected final M createNodeModel(final NodeCreationConfiguration creationConfig) {
        return createNodeModel(creationConfig.getPortConfig().orElseThrow());
    }

    @Override
    protected final NodeDescription createNodeDescription() throws XmlException {
        return PanelKitNodeFactory.nodeDescription(description(), parametersClass());
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

    // The three methods below are abstract in NodeFactory / ConfigurableNodeFactory but deprecated for removal since
    // 5.6 (Swing dialogs and views; ConfigurableNodeFactory re-declares createNodeDialogPane(NodeCreationConfiguration)
    // abstract). KNIME 5.7 - 5.11 offer no other way for a ConfigurableNodeFactory (its own DefaultNodeFactory and
    // knime-base's web-UI nodes implement them too), so they are implemented WITHOUT @Override: once KNIME removes
    // them, these become plain unused methods and this class still compiles (docs/knime-nodes.md, "KNIME API used").

    /** No Swing dialog: the dialog is {@link #createNodeDialog()}. */
    @SuppressWarnings({"removal", "deprecation", "javadoc"})
    protected final NodeDialogPane createNodeDialogPane(final NodeCreationConfiguration creationConfig) {
        return null;
    }

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
}
