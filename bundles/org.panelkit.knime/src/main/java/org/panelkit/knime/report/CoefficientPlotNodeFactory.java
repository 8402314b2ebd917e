package org.panelkit.knime.report;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.node.parameters.NodeParameters;
import org.panelkit.knime.node.PanelKitConfigurableNodeFactory;
import org.panelkit.knime.support.doc.NodeDoc;
import org.panelkit.knime.support.report.ReportNodeText;

/**
 * Factory of the Coefficient Plot node (registered in plugin.xml): an extendable input port group "Model" of data
 * tables, two ports (coefficients, statistics) per model; a PNG image and a table of the plotted points.
 */
public final class CoefficientPlotNodeFactory extends PanelKitConfigurableNodeFactory<CoefficientPlotNodeModel> {

    @Override
    protected void ports(final PortsConfigurationBuilder b) {
        b.addExtendableInputPortGroup(ReportNodeText.MODEL_PORT_GROUP, BufferedDataTable.TYPE);
        b.addFixedOutputPortGroup("Coefficient plot", ImagePortObject.TYPE);
        b.addFixedOutputPortGroup("Points", BufferedDataTable.TYPE);
    }

    @Override
    protected CoefficientPlotNodeModel createNodeModel(final PortType[] inPorts, final PortType[] outPorts) {
        return new CoefficientPlotNodeModel(inPorts, outPorts);
    }

    @Override
    protected Class<? extends NodeParameters> parametersClass() {
        return CoefficientPlotParameters.class;
    }

    @Override
    protected NodeDoc.Builder description() {
        return ReportNodeText.coefficientPlot();
    }
}
