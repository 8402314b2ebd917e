package org.panelkit.knime.mediation;

import org.knime.node.parameters.NodeParameters;
import org.panelkit.knime.node.PanelKitNodeFactory;
import org.panelkit.knime.support.doc.NodeDoc;
import org.panelkit.knime.support.mediation.MediationNodeText;

/** Factory of the Mediation Analysis node (registered in plugin.xml). */
public final class MediationAnalysisNodeFactory extends PanelKitNodeFactory<MediationAnalysisNodeModel> {

    @Override
    public MediationAnalysisNodeModel createNodeModel() {
        return new MediationAnalysisNodeModel();
    }

    @Override
    protected Class<? extends NodeParameters> parametersClass() {
        return MediationAnalysisParameters.class;
    }

    @Override
    protected NodeDoc.Builder description() {
        return MediationNodeText.doc();
    }
}
