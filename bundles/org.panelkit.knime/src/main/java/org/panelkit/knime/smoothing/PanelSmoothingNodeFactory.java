package org.panelkit.knime.smoothing;

import org.knime.node.parameters.NodeParameters;
import org.panelkit.knime.node.PanelKitNodeFactory;
import org.panelkit.knime.support.doc.NodeDoc;
import org.panelkit.knime.support.prep.PrepNodeText;

/** Factory of the Panel Smoothing node (registered in plugin.xml). */
public final class PanelSmoothingNodeFactory extends PanelKitNodeFactory<PanelSmoothingNodeModel> {

    @Override
    public PanelSmoothingNodeModel createNodeModel() {
        return new PanelSmoothingNodeModel();
    }

    @Override
    protected Class<? extends NodeParameters> parametersClass() {
        return PanelSmoothingParameters.class;
    }

    @Override
    protected NodeDoc.Builder description() {
        return PrepNodeText.smoothing();
    }
}
