package org.panelkit.knime.lq;

import org.knime.node.parameters.NodeParameters;
import org.panelkit.knime.node.PanelKitNodeFactory;
import org.panelkit.knime.support.doc.NodeDoc;
import org.panelkit.knime.support.lq.LqNodeText;

/** Factory of the Location Quotient node (registered in plugin.xml). */
public final class LocationQuotientNodeFactory extends PanelKitNodeFactory<LocationQuotientNodeModel> {

    @Override
    public LocationQuotientNodeModel createNodeModel() {
        return new LocationQuotientNodeModel();
    }

    @Override
    protected Class<? extends NodeParameters> parametersClass() {
        return LocationQuotientParameters.class;
    }

    @Override
    protected NodeDoc.Builder description() {
        return LqNodeText.doc();
    }
}
