package org.panelkit.knime.compare;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.panelkit.engine.compare.ComparisonResult;
import org.panelkit.engine.compare.SubsampleComparison;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.split.SplitSpec;
import org.panelkit.knime.node.EngineThreads;
import org.panelkit.knime.node.PanelKitNodeModel;
import org.panelkit.knime.support.compare.DifferenceReport;
import org.panelkit.knime.support.compare.DifferenceTestOptions;
import org.panelkit.knime.support.split.SplitOptions;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;
import org.panelkit.knime.table.KnimeTables;

/** Coefficient Difference Test: {@link SubsampleComparison#compare} on the panel; the tests are the engine's. */
public final class CoefficientDifferenceTestNodeModel extends PanelKitNodeModel<CoefficientDifferenceTestParameters> {

    CoefficientDifferenceTestNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL},
            new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE},
            CoefficientDifferenceTestParameters.class);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs, final CoefficientDifferenceTestParameters p)
        throws InvalidSettingsException {
        DataTableSpec in = (DataTableSpec)inSpecs[0];
        DataTableSpec mapping = inSpecs.length > 1 ? (DataTableSpec)inSpecs[1] : null;
        p.toOptions(in).validate(KnimeTables.schema(in), mapping == null ? null : KnimeTables.schema(mapping));
        return new PortObjectSpec[]{KnimeTables.spec(DifferenceReport.DIFFERENCE_COLUMNS),
            KnimeTables.spec(DifferenceReport.TEST_COLUMNS), KnimeTables.spec(DifferenceReport.GROUP_COLUMNS)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec,
        final CoefficientDifferenceTestParameters p) throws Exception {
        BufferedDataTable table = (BufferedDataTable)inObjects[0];
        BufferedDataTable mappingTable = inObjects.length > 1 ? (BufferedDataTable)inObjects[1] : null;
        TableSchema schema = KnimeTables.schema(table.getDataTableSpec());
        TableSchema mappingSchema = mappingTable == null ? null : KnimeTables.schema(mappingTable.getDataTableSpec());
        DifferenceTestOptions o = p.toOptions(table.getDataTableSpec());
        ModelSpec model = o.validate(schema, mappingSchema);
        ColumnSource mapping = null;
        if (o.split().method() == SplitOptions.Method.MAPPING) {
            ColumnsBuilder m = ColumnsBuilder.forRows(mappingTable.size());
            o.split().declareMappingColumns(mappingSchema, m);
            mapping = KnimeTables.read(mappingTable, m, exec.createSubProgress(0.05));
        }
        SplitSpec split = o.splitSpec(schema, mapping);
        ColumnsBuilder columns = ColumnsBuilder.forRows(table.size());
        o.declareColumns(schema, columns);
        var data = KnimeTables.read(table, columns, exec.createSubProgress(0.25));
        ComparisonResult result = EngineThreads.call(() -> SubsampleComparison.compare(data, model, split,
            progress(exec.createSubProgress(0.65))));
        DifferenceReport report = new DifferenceReport(result);
        setWarnings(report.warnings());
        return new PortObject[]{KnimeTables.write(report.differences(), exec), KnimeTables.write(report.tests(), exec),
            KnimeTables.write(report.groups(), exec)};
    }
}
