package org.panelkit.knime.report;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.port.PortType;
import org.knime.node.parameters.NodeParameters;
import org.panelkit.knime.node.PanelKitConfigurableNodeFactory;
import org.panelkit.knime.support.doc.NodeDoc;
import org.panelkit.knime.support.report.ReportNodeText;

/**
 * Factory of the Regression Table node (registered in plugin.xml): an extendable input port group "Model" of data
 * tables, two ports (coefficients, statistics) per model, then an optional "Variable labels" table; one output table.
 */
public final class RegressionTableNodeFactory extends PanelKitConfigurableNodeFactory<RegressionTableNodeModel> {

    @Override
    protected void ports(final PortsConfigurationBuilder b) {
        b.addExtendableInputPortGroup(ReportNodeText.MODEL_PORT_GROUP, BufferedDataTable.TYPE);
        b.addOptionalInputPortGroup(ReportNodeText.LABELS_PORT_GROUP, BufferedDataTable.TYPE);
        b.addFixedOutputPortGroup("Regression table", BufferedDataTable.TYPE);
    }

    @Override
    protected RegressionTableNodeModel createNodeModel(final PortsConfiguration ports) {
        int[] labels = ports.getInputPortLocation().get(ReportNodeText.LABELS_PORT_GROUP);
        return new RegressionTableNodeModel(ports.getInputPorts(), ports.getOutputPorts(),
            labels == null || labels.length == 0 ? -1 : labels[0]);
    }

    @Override
    protected RegressionTableNodeModel createNodeModel(final PortType[] inPorts, final PortType[] outPorts) {
        return new RegressionTableNodeModel(inPorts, outPorts, -1);
    }

    @Override
    protected Class<? extends NodeParameters> parametersClass() {
        return RegressionTableParameters.class;
    }

    @Override
    protected NodeDoc.Builder description() {
        return ReportNodeText.regressionTable();
    }
}
