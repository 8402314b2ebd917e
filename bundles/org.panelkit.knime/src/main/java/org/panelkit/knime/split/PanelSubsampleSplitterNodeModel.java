package org.panelkit.knime.split;

import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.split.PanelSplitter;
import org.panelkit.engine.split.SplitResult;
import org.panelkit.engine.split.SplitSpec;
import org.panelkit.knime.node.EngineThreads;
import org.panelkit.knime.node.PanelKitNodeModel;
import org.panelkit.knime.support.split.SplitOptions;
import org.panelkit.knime.support.split.SplitReport;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;
import org.panelkit.knime.table.CellColumn;
import org.panelkit.knime.table.KnimeTables;

/** Panel Subsample Splitter: {@link PanelSplitter#split} on the input; the groups are the engine's. */
public final class PanelSubsampleSplitterNodeModel extends PanelKitNodeModel<PanelSubsampleSplitterParameters> {

    PanelSubsampleSplitterNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL},
            new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE}, PanelSubsampleSplitterParameters.class);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs, final PanelSubsampleSplitterParameters p)
        throws InvalidSettingsException {
        DataTableSpec in = (DataTableSpec)inSpecs[0];
        DataTableSpec mapping = inSpecs.length > 1 ? (DataTableSpec)inSpecs[1] : null;
        SplitOptions o = p.toOptions();
        o.validate(KnimeTables.schema(in), mapping == null ? null : KnimeTables.schema(mapping));
        return new PortObjectSpec[]{
            KnimeTables.rearrangedSpec(in, List.of(), List.of(CellColumn.strings(o.groupColumn(), null))),
            KnimeTables.spec(SplitReport.SUMMARY_COLUMNS)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec,
        final PanelSubsampleSplitterParameters p) throws Exception {
        BufferedDataTable table = (BufferedDataTable)inObjects[0];
        BufferedDataTable mappingTable = inObjects.length > 1 ? (BufferedDataTable)inObjects[1] : null;
        TableSchema schema = KnimeTables.schema(table.getDataTableSpec());
        TableSchema mappingSchema = mappingTable == null ? null : KnimeTables.schema(mappingTable.getDataTableSpec());
        SplitOptions o = p.toOptions();
        o.validate(schema, mappingSchema);
        ColumnSource mapping = null;
        if (o.method() == SplitOptions.Method.MAPPING) {
            ColumnsBuilder m = ColumnsBuilder.forRows(mappingTable.size());
            o.declareMappingColumns(mappingSchema, m);
            mapping = KnimeTables.read(mappingTable, m, exec.createSubProgress(0.05));
        }
        SplitSpec spec = o.toSpec(schema, mapping);
        ColumnsBuilder columns = ColumnsBuilder.forRows(table.size());
        o.declareColumns(schema, columns);
        var data = KnimeTables.read(table, columns, exec.createSubProgress(0.3));
        SplitResult result = EngineThreads.call(() -> PanelSplitter.split(data, spec,
            progress(exec.createSubProgress(0.3))));
        SplitReport report = new SplitReport(result);
        BufferedDataTable out = KnimeTables.rearrange(table, List.of(),
            List.of(CellColumn.strings(o.groupColumn(), report.groups())), exec.createSubExecutionContext(0.3));
        setWarnings(report.warnings());
        return new PortObject[]{out, KnimeTables.write(report.summary(), exec)};
    }
}
