package org.panelkit.knime.describe;

import org.knime.node.parameters.NodeParameters;
import org.panelkit.knime.node.PanelKitNodeFactory;
import org.panelkit.knime.support.describe.DescribeNodeText;
import org.panelkit.knime.support.doc.NodeDoc;

/** Factory of the Panel Diagnostics node (registered in plugin.xml). */
public final class PanelDiagnosticsNodeFactory extends PanelKitNodeFactory<PanelDiagnosticsNodeModel> {

    @Override
    public PanelDiagnosticsNodeModel createNodeModel() {
        return new PanelDiagnosticsNodeModel();
    }

    @Override
    protected Class<? extends NodeParameters> parametersClass() {
        return PanelDiagnosticsParameters.class;
    }

    @Override
    protected NodeDoc.Builder description() {
        return DescribeNodeText.doc();
    }
}
