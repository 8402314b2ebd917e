package org.panelkit.knime.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
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
import org.panelkit.knime.support.report.VariableLabelTable;
import org.panelkit.knime.table.KnimeTables;

/**
 * Regression Table: {@link RegressionTable#of} on the connected models; the layout and texts are the engine's. The
 * optional last input is a table of variable labels.
 */
public final class RegressionTableNodeModel extends PanelKitNodeModel<RegressionTableParameters> {

    /** Index of the optional Variable labels input, or -1. */
    private final int m_labelPort;

    RegressionTableNodeModel(final PortType[] inPorts, final PortType[] outPorts, final int labelPort) {
        super(inPorts, outPorts, RegressionTableParameters.class);
        m_labelPort = labelPort;
    }

    /** The inputs without the Variable labels port: the Model pairs. */
    private <T> T[] models(final T[] in) {
        if (m_labelPort < 0) {
            return in;
        }
        List<T> out = new ArrayList<>(Arrays.asList(in));
        out.remove(m_labelPort);
        return out.toArray(Arrays.copyOf(in, 0));
    }

    private static VariableLabelTable labelColumns(final DataTableSpec spec) {
        List<String> names = new ArrayList<>();
        List<Boolean> strings = new ArrayList<>();
        for (var c : spec) {
            names.add(c.getName());
            strings.add(c.getType().isCompatible(StringValue.class));
        }
        return VariableLabelTable.of(names, strings);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs, final RegressionTableParameters p)
        throws InvalidSettingsException {
        int models = ModelInputs.validate(models(inSpecs));
        if (m_labelPort >= 0 && inSpecs[m_labelPort] instanceof DataTableSpec s) {
            labelColumns(s);
        }
        p.toOptions().toTableOptions(models, KnimeOutputContext.current());
        return new PortObjectSpec[]{KnimeTables.spec(RegressionTableOptions.gridColumns(models))};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec,
        final RegressionTableParameters p) throws Exception {
        PortObject[] modelObjects = models(inObjects);
        int n = ModelInputs.validate(Arrays.stream(modelObjects)
            .map(o -> ((BufferedDataTable)o).getDataTableSpec()).toArray(PortObjectSpec[]::new));
        Map<String, String> tableLabels = Map.of();
        if (m_labelPort >= 0 && inObjects[m_labelPort] instanceof BufferedDataTable t) {
            VariableLabelTable labels = labelColumns(t.getDataTableSpec());
            long row = 0;
            for (DataRow r : t) {
                row++;
                labels.add(text(r.getCell(labels.termColumn())), text(r.getCell(labels.labelColumn())), row);
            }
            tableLabels = labels.labels();
        }
        RegressionTableOptions o = p.toOptions();
        var context = KnimeOutputContext.current();
        var options = o.toTableOptions(n, context, tableLabels);
        List<ModelSummary> models =
            ModelInputs.read(modelObjects, ModelInput.labels(o.modelLabels(), n), exec.createSubProgress(0.6));
        exec.setProgress(0.7, "laying out the table");
        RegressionTable table = RegressionTable.of(models, options);
        exec.checkCanceled();
        if (o.writeFiles()) {
            exec.setProgress(0.8, "writing files");
            o.write(table, context);
        }
        return new PortObject[]{KnimeTables.write(RegressionTableOptions.grid(table), exec)};
    }

    private static String text(final DataCell c) {
        return c.isMissing() ? null : ((StringValue)c).getStringValue();
    }
}
