package org.panelkit.knime.report;

import java.util.List;

import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.panelkit.engine.report.CoefficientPlot;
import org.panelkit.engine.report.ModelSummary;
import org.panelkit.knime.node.PanelKitNodeModel;
import org.panelkit.knime.support.report.CoefficientPlotOptions;
import org.panelkit.knime.support.report.ModelInput;
import org.panelkit.knime.table.KnimeTables;

/** Coefficient Plot: {@link CoefficientPlot#of} on the connected models; the image is the engine's. */
public final class CoefficientPlotNodeModel extends PanelKitNodeModel<CoefficientPlotParameters> {

    CoefficientPlotNodeModel(final PortType[] inPorts, final PortType[] outPorts) {
        super(inPorts, outPorts, CoefficientPlotParameters.class);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs, final CoefficientPlotParameters p)
        throws InvalidSettingsException {
        int models = ModelInputs.validate(inSpecs);
        p.toOptions().validate(models, KnimeOutputContext.current()); // the terms are checked when the models are read
        return new PortObjectSpec[]{new ImagePortObjectSpec(PNGImageContent.TYPE),
            KnimeTables.spec(CoefficientPlotOptions.POINT_COLUMNS)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec,
        final CoefficientPlotParameters p) throws Exception {
        int n = ModelInputs.validate(java.util.Arrays.stream(inObjects)
            .map(o -> ((BufferedDataTable)o).getDataTableSpec()).toArray(PortObjectSpec[]::new));
        CoefficientPlotOptions o = p.toOptions();
        var context = KnimeOutputContext.current();
        o.validate(n, context);
        List<ModelSummary> models =
            ModelInputs.read(inObjects, ModelInput.labels(o.modelLabels(), n), exec.createSubProgress(0.4));
        var options = o.toPlotOptions(n, models.stream().flatMap(m -> m.terms().stream()).toList());
        exec.setProgress(0.5, "drawing the plot");
        CoefficientPlot plot = CoefficientPlot.of(models, options);
        byte[] png = plot.png();
        exec.checkCanceled();
        if (o.writeFiles()) {
            exec.setProgress(0.8, "writing files");
            o.write(plot, context);
        }
        return new PortObject[]{
            new ImagePortObject(new PNGImageContent(png), new ImagePortObjectSpec(PNGImageContent.TYPE)),
            KnimeTables.write(CoefficientPlotOptions.points(plot), exec)};
    }
}
