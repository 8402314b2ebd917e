package org.panelkit.knime.lq;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.lq.LocationQuotients;
import org.panelkit.engine.lq.LqResult;
import org.panelkit.engine.lq.LqSpec;
import org.panelkit.knime.node.EngineThreads;
import org.panelkit.knime.node.PanelKitNodeModel;
import org.panelkit.knime.support.lq.LqNationalTable;
import org.panelkit.knime.support.lq.LqOptions;
import org.panelkit.knime.support.lq.LqReport;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;
import org.panelkit.knime.table.CellColumn;
import org.panelkit.knime.table.KnimeTables;

/** Location Quotient: {@link LocationQuotients#compute} on the input; the values are the engine's. */
public final class LocationQuotientNodeModel extends PanelKitNodeModel<LocationQuotientParameters> {

    LocationQuotientNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL},
            new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE},
            LocationQuotientParameters.class);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs, final LocationQuotientParameters p)
        throws InvalidSettingsException {
        DataTableSpec in = (DataTableSpec)inSpecs[0];
        DataTableSpec reference = inSpecs.length > 1 ? (DataTableSpec)inSpecs[1] : null;
        LqOptions o = p.toOptions(in);
        if (p.nationalFromTable()) {
            LqNationalTable.toSpec(o, KnimeTables.schema(in), reference == null ? null : KnimeTables.schema(reference));
        } else {
            o.toSpec(KnimeTables.schema(in));
        }
        return new PortObjectSpec[]{KnimeTables.rearrangedSpec(in, List.of(), appended(o, null)),
            KnimeTables.spec(LqReport.SPECIALIZATION_COLUMNS), KnimeTables.spec(LqReport.LOCALIZATION_COLUMNS)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec,
        final LocationQuotientParameters p) throws Exception {
        BufferedDataTable table = (BufferedDataTable)inObjects[0];
        TableSchema schema = KnimeTables.schema(table.getDataTableSpec());
        LqOptions o = p.toOptions(table.getDataTableSpec());
        LqSpec spec;
        ColumnSource data;
        ColumnsBuilder columns = ColumnsBuilder.forRows(table.size());
        if (p.nationalFromTable()) {
            BufferedDataTable referenceTable = inObjects.length > 1 ? (BufferedDataTable)inObjects[1] : null;
            TableSchema reference =
                referenceTable == null ? null : KnimeTables.schema(referenceTable.getDataTableSpec());
            spec = LqNationalTable.toSpec(o, schema, reference);
            ColumnsBuilder referenceColumns = ColumnsBuilder.forRows(referenceTable.size());
            LqNationalTable.declareReferenceColumns(o, reference, referenceColumns);
            ColumnSource national = KnimeTables.read(referenceTable, referenceColumns, exec.createSubProgress(0.05));
            LqNationalTable.declareColumns(o, schema, columns);
            data = LqNationalTable.join(o, KnimeTables.read(table, columns, exec.createSubProgress(0.25)), national);
        } else {
            spec = o.toSpec(schema);
            o.declareColumns(schema, spec, columns);
            data = KnimeTables.read(table, columns, exec.createSubProgress(0.3));
        }
        LqSpec engineSpec = spec;
        ColumnSource engineData = data;
        LqResult result = EngineThreads.call(() -> LocationQuotients.compute(engineData, engineSpec,
            progress(exec.createSubProgress(0.4))));
        LqReport report = new LqReport(result);
        BufferedDataTable out =
            KnimeTables.rearrange(table, List.of(), appended(o, report), exec.createSubExecutionContext(0.25));
        setWarnings(report.warnings());
        return new PortObject[]{out, KnimeTables.write(report.specialization(), exec),
            KnimeTables.write(report.localization(), exec)};
    }

    private static List<CellColumn> appended(final LqOptions o, final LqReport r) {
        List<String> names = o.outputColumns();
        List<double[]> values = r == null ? null : r.outputValues();
        List<CellColumn> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(CellColumn.doubles(names.get(i), values == null ? null : values.get(i)));
        }
        return out;
    }
}
