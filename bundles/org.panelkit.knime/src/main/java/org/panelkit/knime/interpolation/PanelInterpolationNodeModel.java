package org.panelkit.knime.interpolation;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.panelkit.engine.interp.InterpolationResult;
import org.panelkit.engine.interp.PanelInterpolation;
import org.panelkit.knime.node.EngineThreads;
import org.panelkit.knime.node.PanelKitNodeModel;
import org.panelkit.knime.support.prep.InterpolationOptions;
import org.panelkit.knime.support.prep.InterpolationReport;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;
import org.panelkit.knime.table.CellColumn;
import org.panelkit.knime.table.KnimeTables;

/** Panel Interpolation: {@link PanelInterpolation} on the selected columns; the values are the engine's. */
public final class PanelInterpolationNodeModel extends PanelKitNodeModel<PanelInterpolationParameters> {
    private static final String ORDER_COLUMN = "__panelkit_order";

    PanelInterpolationNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE}, new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE},
            PanelInterpolationParameters.class);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs, final PanelInterpolationParameters p)
        throws InvalidSettingsException {
        DataTableSpec in = (DataTableSpec)inSpecs[0];
        InterpolationOptions o = p.toOptions(in);
        o.toSpec(KnimeTables.schema(in));
        return new PortObjectSpec[]{KnimeTables.rearrangedSpec(in, replaced(o, null), flags(o, null)),
            KnimeTables.spec(InterpolationReport.SUMMARY_COLUMNS)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec,
        final PanelInterpolationParameters p) throws Exception {
        BufferedDataTable table = (BufferedDataTable)inObjects[0];
        DataTableSpec in = table.getDataTableSpec();
        TableSchema schema = KnimeTables.schema(in);
        InterpolationOptions o = p.toOptions(in);
        var spec = o.toSpec(schema);
        ColumnsBuilder columns = ColumnsBuilder.forRows(table.size());
        o.declareColumns(schema, columns);
        var data = KnimeTables.read(table, columns, exec.createSubProgress(0.2));
        InterpolationResult result = EngineThreads.call(() -> PanelInterpolation.run(data, spec,
            progress(exec.createSubProgress(0.4))));
        InterpolationReport report = new InterpolationReport(result, columns.rows());

        List<CellColumn> appended = new ArrayList<>(flags(o, report));
        if (o.complete()) {
            appended.add(CellColumn.ints(ORDER_COLUMN, report.positionOfInputRow()));
        }
        BufferedDataTable out = KnimeTables.rearrange(table, replaced(o, report), appended,
            exec.createSubExecutionContext(0.2));
        if (o.complete()) {
            BufferedDataTable inserted = inserted(out.getDataTableSpec(), schema, o, report, exec);
            BufferedDataTable all = exec.createConcatenateTable(exec.createSubProgress(0.05), out, inserted);
            out = KnimeTables.sortByAndDrop(all, ORDER_COLUMN, exec.createSubExecutionContext(0.15));
        }
        warn(report.notice());
        return new PortObject[]{out, KnimeTables.write(report.summaryTable(), exec)};
    }

    private static List<CellColumn> replaced(final InterpolationOptions o, final InterpolationReport r) {
        return o.columns().stream().map(c -> CellColumn.doubles(c, r == null ? null : r.values(c))).toList();
    }

    private static List<CellColumn> flags(final InterpolationOptions o, final InterpolationReport r) {
        List<CellColumn> out = new ArrayList<>();
        List<String> names = o.flagColumns();
        for (int i = 0; i < names.size(); i++) {
            String column = o.columns().get(i);
            out.add(CellColumn.booleans(names.get(i), r == null ? null : r.imputed(column)));
        }
        return out;
    }

    /**
     * The row key of an inserted row, from its entity and period ({@code panelkit_inserted_<entity>_<time>}): unique
     * within the node (each pair is inserted once) and across nodes (a pair the input already has is never
     * inserted), so the outputs of chained or parallel nodes can be concatenated.
     */
    static RowKey insertedRowKey(final InterpolationReport.InsertedRow row) {
        return new RowKey("panelkit_inserted_" + row.entity() + "_" + row.timeLabel());
    }

    /** The inserted rows: entity, time, the filled values, flags and their position; other columns missing. */
    private static BufferedDataTable inserted(final DataTableSpec spec, final TableSchema schema,
        final InterpolationOptions o, final InterpolationReport r, final ExecutionContext exec) {
        BufferedDataContainer c = exec.createDataContainer(spec);
        int entity = spec.findColumnIndex(o.entity());
        int time = spec.findColumnIndex(o.time());
        int order = spec.findColumnIndex(ORDER_COLUMN);
        List<String> flagNames = o.flagColumns();
        for (InterpolationReport.InsertedRow row : r.insertedRows()) {
            DataCell[] cells = new DataCell[spec.getNumColumns()];
            java.util.Arrays.fill(cells, DataType.getMissingCell());
            cells[entity] = KnimeTables.keyCell(schema.kind(o.entity()), row.entity(), Double.NaN);
            cells[time] = KnimeTables.keyCell(schema.kind(o.time()), row.timeLabel(), row.time());
            for (int k = 0; k < o.columns().size(); k++) {
                String column = o.columns().get(k);
                double v = row.values()[k];
                cells[spec.findColumnIndex(column)] = Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v);
                if (!flagNames.isEmpty()) {
                    cells[spec.findColumnIndex(flagNames.get(k))] =
                        BooleanCell.BooleanCellFactory.create(r.insertedImputed(row.position(), column));
                }
            }
            cells[order] = new IntCell(row.position());
            c.addRowToTable(new DefaultRow(insertedRowKey(row), cells));
        }
        c.close();
        return c.getTable();
    }
}
