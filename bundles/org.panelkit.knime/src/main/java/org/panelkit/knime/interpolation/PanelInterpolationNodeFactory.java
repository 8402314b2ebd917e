package org.panelkit.knime.interpolation;

import org.knime.node.parameters.NodeParameters;
import org.panelkit.knime.node.PanelKitNodeFactory;
import org.panelkit.knime.support.doc.NodeDoc;
import org.panelkit.knime.support.prep.PrepNodeText;

/** Factory of the Panel Interpolation node (registered in plugin.xml). */
public final class PanelInterpolationNodeFactory extends PanelKitNodeFactory<PanelInterpolationNodeModel> {

    @Override
    public PanelInterpolationNodeModel createNodeModel() {
        return new PanelInterpolationNodeModel();
    }

    @Override
    protected Class<? extends NodeParameters> parametersClass() {
        return PanelInterpolationParameters.class;
    }

    @Override
    protected NodeDoc.Builder description() {
        return PrepNodeText.interpolation();
    }
}
