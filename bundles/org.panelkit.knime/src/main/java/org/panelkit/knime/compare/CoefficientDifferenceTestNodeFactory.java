package org.panelkit.knime.compare;

import org.knime.node.parameters.NodeParameters;
import org.panelkit.knime.node.PanelKitNodeFactory;
import org.panelkit.knime.support.compare.DifferenceNodeText;
import org.panelkit.knime.support.doc.NodeDoc;

/** Factory of the Coefficient Difference Test node (registered in plugin.xml). */
public final class CoefficientDifferenceTestNodeFactory
    extends PanelKitNodeFactory<CoefficientDifferenceTestNodeModel> {

    @Override
    public CoefficientDifferenceTestNodeModel createNodeModel() {
        return new CoefficientDifferenceTestNodeModel();
    }

    @Override
    protected Class<? extends NodeParameters> parametersClass() {
        return CoefficientDifferenceTestParameters.class;
    }

    @Override
    protected NodeDoc.Builder description() {
        return DifferenceNodeText.doc();
    }
}
