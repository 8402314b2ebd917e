package org.panelkit.knime.split;

import org.knime.node.parameters.NodeParameters;
import org.panelkit.knime.node.PanelKitNodeFactory;
import org.panelkit.knime.support.doc.NodeDoc;
import org.panelkit.knime.support.split.SplitNodeText;

/** Factory of the Panel Subsample Splitter node (registered in plugin.xml). */
public final class PanelSubsampleSplitterNodeFactory extends PanelKitNodeFactory<PanelSubsampleSplitterNodeModel> {

    @Override
    public PanelSubsampleSplitterNodeModel createNodeModel() {
        return new PanelSubsampleSplitterNodeModel();
    }

    @Override
    protected Class<? extends NodeParameters> parametersClass() {
        return PanelSubsampleSplitterParameters.class;
    }

    @Override
    protected NodeDoc.Builder description() {
        return SplitNodeText.doc();
    }
}
