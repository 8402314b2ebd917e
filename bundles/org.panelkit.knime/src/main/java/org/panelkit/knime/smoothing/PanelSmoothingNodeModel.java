package org.panelkit.knime.smoothing;

import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.panelkit.engine.smooth.PanelSmoothing;
import org.panelkit.engine.smooth.SmoothingResult;
import org.panelkit.engine.smooth.SmoothingSpec;
import org.panelkit.knime.node.EngineThreads;
import org.panelkit.knime.node.PanelKitNodeModel;
import org.panelkit.knime.support.prep.PanelColumns;
import org.panelkit.knime.support.prep.SmoothingOptions;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;
import org.panelkit.knime.table.CellColumn;
import org.panelkit.knime.table.KnimeTables;

/** Panel Smoothing: {@link PanelSmoothing} on the selected columns; the values are the engine's. */
public final class PanelSmoothingNodeModel extends PanelKitNodeModel<PanelSmoothingParameters> {

    PanelSmoothingNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE}, new PortType[]{BufferedDataTable.TYPE},
            PanelSmoothingParameters.class);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs, final PanelSmoothingParameters p)
        throws InvalidSettingsException {
        DataTableSpec in = (DataTableSpec)inSpecs[0];
        SmoothingSpec spec = p.toOptions(in).toSpec(KnimeTables.schema(in));
        List<CellColumn> out = SmoothingOptions.outputColumns(spec).stream()
            .map(n -> CellColumn.doubles(n, null)).toList();
        return new PortObjectSpec[]{KnimeTables.rearrangedSpec(in, List.of(), out)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec,
        final PanelSmoothingParameters p) throws Exception {
        BufferedDataTable table = (BufferedDataTable)inObjects[0];
        TableSchema schema = KnimeTables.schema(table.getDataTableSpec());
        SmoothingOptions o = p.toOptions(table.getDataTableSpec());
        SmoothingSpec spec = o.toSpec(schema);
        ColumnsBuilder columns = ColumnsBuilder.forRows(table.size());
        o.declareColumns(schema, columns);
        var data = KnimeTables.read(table, columns, exec.createSubProgress(0.3));
        SmoothingResult result = EngineThreads.call(() -> PanelSmoothing.run(data, spec,
            progress(exec.createSubProgress(0.4))));
        int[] sources = result.order().sourceRows();
        List<CellColumn> out = SmoothingOptions.outputColumns(spec).stream()
            .map(n -> CellColumn.doubles(n, PanelColumns.byInputRow(result.values(n), sources, columns.rows())))
            .toList();
        return new PortObject[]{KnimeTables.rearrange(table, List.of(), out, exec.createSubExecutionContext(0.3))};
    }
}
