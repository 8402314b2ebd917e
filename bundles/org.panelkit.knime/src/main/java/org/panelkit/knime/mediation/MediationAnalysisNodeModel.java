package org.panelkit.knime.mediation;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.panelkit.engine.mediation.Mediation;
import org.panelkit.engine.mediation.MediationResult;
import org.panelkit.engine.mediation.MediationSpec;
import org.panelkit.knime.node.EngineThreads;
import org.panelkit.knime.node.PanelKitNodeModel;
import org.panelkit.knime.support.mediation.MediationOptions;
import org.panelkit.knime.support.mediation.MediationReport;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;
import org.panelkit.knime.table.KnimeTables;

/** Mediation Analysis: {@link Mediation#analyze} on the panel; every number is the engine's. */
public final class MediationAnalysisNodeModel extends PanelKitNodeModel<MediationAnalysisParameters> {

    MediationAnalysisNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE}, new PortType[]{BufferedDataTable.TYPE},
            MediationAnalysisParameters.class);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs, final MediationAnalysisParameters p)
        throws InvalidSettingsException {
        DataTableSpec in = (DataTableSpec)inSpecs[0];
        p.toOptions(in).toSpec(KnimeTables.schema(in));
        return new PortObjectSpec[]{KnimeTables.spec(MediationReport.COLUMNS)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec,
        final MediationAnalysisParameters p) throws Exception {
        BufferedDataTable table = (BufferedDataTable)inObjects[0];
        TableSchema schema = KnimeTables.schema(table.getDataTableSpec());
        MediationOptions o = p.toOptions(table.getDataTableSpec());
        MediationSpec spec = o.toSpec(schema);
        ColumnsBuilder columns = ColumnsBuilder.forRows(table.size());
        o.declareColumns(schema, columns);
        var data = KnimeTables.read(table, columns, exec.createSubProgress(0.1));
        MediationResult result = EngineThreads.call(() -> Mediation.analyze(data, spec,
            progress(exec.createSubProgress(0.85))));
        MediationReport report = new MediationReport(result);
        setWarnings(report.warnings());
        return new PortObject[]{KnimeTables.write(report.table(), exec)};
    }
}
