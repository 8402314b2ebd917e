package org.panelkit.knime.regression;

import org.knime.node.parameters.NodeParameters;
import org.panelkit.knime.node.PanelKitNodeFactory;
import org.panelkit.knime.support.doc.NodeDoc;
import org.panelkit.knime.support.fe.RegressionNodeText;

/** Factory of the Panel Regression (Fixed Effects) node (registered in plugin.xml). */
public final class PanelRegressionNodeFactory extends PanelKitNodeFactory<PanelRegressionNodeModel> {

    @Override
    public PanelRegressionNodeModel createNodeModel() {
        return new PanelRegressionNodeModel();
    }

    @Override
    protected Class<? extends NodeParameters> parametersClass() {
        return PanelRegressionParameters.class;
    }

    @Override
    protected NodeDoc.Builder description() {
        return RegressionNodeText.doc();
    }
}
