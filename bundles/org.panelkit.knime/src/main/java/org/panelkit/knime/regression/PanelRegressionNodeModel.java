package org.panelkit.knime.regression;

import java.util.List;
import java.util.Map;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.inactive.InactiveBranchPortObject;
import org.knime.core.node.port.inactive.InactiveBranchPortObjectSpec;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.fe.FixedEffectsRegression;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.knime.node.EngineThreads;
import org.panelkit.knime.node.PanelKitNodeModel;
import org.panelkit.knime.support.fe.RegressionOptions;
import org.panelkit.knime.support.fe.RegressionReport;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;
import org.panelkit.knime.table.CellColumn;
import org.panelkit.knime.table.KnimeTables;

/**
 * Panel Regression (Fixed Effects): reads the model columns, calls
 * {@link FixedEffectsRegression#fit(ColumnSource, ModelSpec, org.panelkit.engine.ProgressMonitor)} and writes the
 * engine's result as three tables, a warning and flow variables. All statistics are the engine's.
 */
public final class PanelRegressionNodeModel extends PanelKitNodeModel<PanelRegressionParameters> {

    PanelRegressionNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE},
            new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE},
            PanelRegressionParameters.class);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs, final PanelRegressionParameters parameters)
        throws InvalidSettingsException {
        DataTableSpec in = (DataTableSpec)inSpecs[0];
        RegressionOptions options = parameters.toOptions(in);
        options.toModelSpec(KnimeTables.schema(in)); // validation only
        return new PortObjectSpec[]{KnimeTables.spec(RegressionReport.COEFFICIENT_COLUMNS),
            KnimeTables.spec(RegressionReport.STATISTICS_COLUMNS), options.appendResiduals()
                ? KnimeTables.rearrangedSpec(in, List.of(), appended(options, null))
                : InactiveBranchPortObjectSpec.INSTANCE};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec,
        final PanelRegressionParameters parameters) throws Exception {
        BufferedDataTable table = (BufferedDataTable)inObjects[0];
        DataTableSpec in = table.getDataTableSpec();
        TableSchema schema = KnimeTables.schema(in);
        RegressionOptions options = parameters.toOptions(in);
        ModelSpec spec = options.toModelSpec(schema);

        // Progress weights from measurements on a 3.6M-row panel (docs/knime-nodes.md, "Speed"): reading the
        // model columns and estimating take about equal time; writing a residual and a fitted value per row, when
        // asked for, takes about three quarters of the whole.
        boolean writeRows = options.appendResiduals();
        double read = writeRows ? 0.1 : 0.45;
        double fit = writeRows ? 0.15 : 0.55;
        exec.setMessage("reading the panel");
        ColumnsBuilder columns = ColumnsBuilder.forRows(table.size());
        options.declareColumns(schema, columns);
        ColumnSource data = KnimeTables.read(table, columns, exec.createSubProgress(read));

        exec.setMessage("estimating");
        FixedEffectsResult result = EngineThreads.call(() -> FixedEffectsRegression.fit(data, spec,
            progress(exec.createSubProgress(fit))));
        RegressionReport report = new RegressionReport(result);

        exec.setMessage("writing the results");
        BufferedDataTable coefficients = KnimeTables.write(report.coefficientTable(), exec);
        BufferedDataTable statistics = KnimeTables.write(report.statisticsTable(), exec);
        PortObject residuals = writeRows ? KnimeTables.rearrange(table, List.of(),
            appended(options, report.residualsAndFitted()), exec.createSubExecutionContext(1 - read - fit))
            : InactiveBranchPortObject.INSTANCE;

        warn(report.notice());
        for (Map.Entry<String, Object> v : report.flowVariables().entrySet()) {
            if (v.getValue() instanceof Integer i) {
                pushFlowVariableInt(v.getKey(), i);
            } else if (v.getValue() instanceof Double d) {
                pushFlowVariableDouble(v.getKey(), d);
            } else {
                pushFlowVariableString(v.getKey(), v.getValue().toString());
            }
        }
        return new PortObject[]{coefficients, statistics, residuals};
    }

    /** Residual and fitted columns (values null at configure time). */
    private static List<CellColumn> appended(final RegressionOptions options, final double[][] values) {
        return List.of(CellColumn.doubles(options.residualColumn(), values == null ? null : values[0]),
            CellColumn.doubles(options.fittedColumn(), values == null ? null : values[1]));
    }
}
