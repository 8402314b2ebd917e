package org.panelkit.knime.describe;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.panelkit.engine.describe.PanelDescriber;
import org.panelkit.engine.describe.PanelDescription;
import org.panelkit.knime.node.EngineThreads;
import org.panelkit.knime.node.PanelKitNodeModel;
import org.panelkit.knime.support.describe.DescribeOptions;
import org.panelkit.knime.support.describe.DescribeReport;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;
import org.panelkit.knime.table.KnimeTables;

/** Panel Diagnostics: {@link PanelDescriber#describe} on the input; the figures are the engine's. */
public final class PanelDiagnosticsNodeModel extends PanelKitNodeModel<PanelDiagnosticsParameters> {

    PanelDiagnosticsNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE},
            new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE},
            PanelDiagnosticsParameters.class);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs, final PanelDiagnosticsParameters p)
        throws InvalidSettingsException {
        DataTableSpec in = (DataTableSpec)inSpecs[0];
        p.toOptions(in).validate(KnimeTables.schema(in));
        return new PortObjectSpec[]{KnimeTables.spec(DescribeReport.SUMMARY_COLUMNS),
            KnimeTables.spec(DescribeReport.GAP_COLUMNS), KnimeTables.spec(DescribeReport.MISSING_COLUMNS)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec,
        final PanelDiagnosticsParameters p) throws Exception {
        BufferedDataTable table = (BufferedDataTable)inObjects[0];
        TableSchema schema = KnimeTables.schema(table.getDataTableSpec());
        DescribeOptions o = p.toOptions(table.getDataTableSpec());
        o.validate(schema);
        ColumnsBuilder columns = ColumnsBuilder.forRows(table.size());
        o.declareColumns(schema, columns);
        var data = KnimeTables.read(table, columns, exec.createSubProgress(0.5));
        PanelDescription d = EngineThreads.call(() -> PanelDescriber.describe(data, o.entity(), o.time(),
            o.checkedColumns(), progress(exec.createSubProgress(0.45))));
        DescribeReport report = new DescribeReport(d);
        setWarnings(report.warnings());
        return new PortObject[]{KnimeTables.write(report.summary(), exec), KnimeTables.write(report.gaps(), exec),
            KnimeTables.write(report.missing(), exec)};
    }
}
