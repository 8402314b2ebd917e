package org.panelkit.knime.report;

import java.util.List;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.panelkit.engine.report.ModelSummary;
import org.panelkit.engine.report.RegressionTable;
import org.panelkit.knime.node.PanelKitNodeModel;
import org.panelkit.knime.support.report.ModelInput;
import org.panelkit.knime.support.report.RegressionTableOptions;
import org.panelkit.knime.table.KnimeTables;

/** Regression Table: {@link RegressionTable#of} on the connected models; the layout and texts are the engine's. */
public final class RegressionTableNodeModel extends PanelKitNodeModel<RegressionTableParameters> {

    RegressionTableNodeModel(final PortType[] inPorts, final PortType[] outPorts) {
        super(inPorts, outPorts, RegressionTableParameters.class);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs, final RegressionTableParameters p)
        throws InvalidSettingsException {
        int models = ModelInputs.validate(inSpecs);
        p.toOptions().toTableOptions(models, KnimeOutputContext.current());
        return new PortObjectSpec[]{KnimeTables.spec(RegressionTableOptions.gridColumns(models))};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec,
        final RegressionTableParameters p) throws Exception {
        int n = ModelInputs.validate(java.util.Arrays.stream(inObjects)
            .map(o -> ((BufferedDataTable)o).getDataTableSpec()).toArray(PortObjectSpec[]::new));
        RegressionTableOptions o = p.toOptions();
        var context = KnimeOutputContext.current();
        var options = o.toTableOptions(n, context);
        List<ModelSummary> models =
            ModelInputs.read(inObjects, ModelInput.labels(o.modelLabels(), n), exec.createSubProgress(0.6));
        exec.setProgress(0.7, "laying out the table");
        RegressionTable table = RegressionTable.of(models, options);
        exec.checkCanceled();
        if (o.writeFiles()) {
            exec.setProgress(0.8, "writing files");
            o.write(table, context);
        }
        return new PortObject[]{KnimeTables.write(RegressionTableOptions.grid(table), exec)};
    }
}
