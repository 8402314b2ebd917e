package org.panelkit.knime.table;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.AbstractCellFactory;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.container.filter.TableFilter;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.sort.BufferedDataTableSorter;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.ResultTable;
import org.panelkit.knime.support.table.TableSchema;

/**
 * The one adapter between KNIME tables and the engine: KNIME specs to {@link TableSchema}s, table cells to engine
 * columns (through the KNIME-free {@link ColumnsBuilder}: double, int, long, boolean and string cells, missing
 * cells), {@link ResultTable}s to KNIME tables, and per-row engine results appended to an input table. The nodes
 * hold no conversion logic of their own.
 */
public final class KnimeTables {
    private KnimeTables() {
    }

    /** The kind of a KNIME column type (booleans first: KNIME's boolean cells are also numbers). */
    public static ColumnKind kind(final DataType type) {
        if (type.isCompatible(BooleanValue.class)) {
            return ColumnKind.BOOLEAN;
        }
        if (type.isCompatible(IntValue.class)) {
            return ColumnKind.INTEGER;
        }
        if (type.isCompatible(LongValue.class)) {
            return ColumnKind.LONG;
        }
        if (type.isCompatible(DoubleValue.class)) {
            return ColumnKind.DOUBLE;
        }
        if (type.isCompatible(StringValue.class)) {
            return ColumnKind.STRING;
        }
        return ColumnKind.OTHER;
    }

    public static ColumnKind kind(final DataColumnSpec column) {
        return kind(column.getType());
    }

    public static TableSchema schema(final DataTableSpec spec) {
        var b = TableSchema.builder();
        for (DataColumnSpec c : spec) {
            b.add(c.getName(), kind(c));
        }
        return b.build();
    }

    /**
     * Reads the declared columns of a table into engine columns; only those columns are materialized.
     *
     * @param columns the builder with the declared columns (from the node's option mapping)
     * @param exec progress and cancellation
     */
    public static ColumnSource read(final BufferedDataTable table, final ColumnsBuilder columns,
        final ExecutionMonitor exec) throws CanceledExecutionException {
        DataTableSpec spec = table.getDataTableSpec();
        int slots = columns.size();
        int[] index = new int[slots];
        ColumnKind[] kinds = new ColumnKind[slots];
        for (int s = 0; s < slots; s++) {
            index[s] = spec.findColumnIndex(columns.name(s));
            if (index[s] < 0) {
                throw new IllegalArgumentException("column '" + columns.name(s) + "' is not in the input table");
            }
            kinds[s] = columns.kind(s);
        }
        long rows = table.size();
        int row = 0;
        try (CloseableRowIterator it = table.filter(TableFilter.materializeCols(index)).iterator()) {
            while (it.hasNext()) {
                DataRow r = it.next();
                for (int s = 0; s < slots; s++) {
                    DataCell cell = r.getCell(index[s]);
                    if (cell.isMissing()) {
                        columns.setMissing(s, row);
                        continue;
                    }
                    switch (kinds[s]) {
                        case BOOLEAN -> columns.setBoolean(s, row, ((BooleanValue)cell).getBooleanValue());
                        case INTEGER -> columns.setDouble(s, row, ((IntValue)cell).getIntValue());
                        case LONG -> columns.setLong(s, row, ((LongValue)cell).getLongValue());
                        case DOUBLE -> columns.setDouble(s, row, ((DoubleValue)cell).getDoubleValue());
                        case STRING -> columns.setString(s, row, ((StringValue)cell).getStringValue());
                        default -> throw new IllegalArgumentException(
                            "column '" + columns.name(s) + "' cannot be read by PanelKit");
                    }
                }
                row++;
                if ((row & 0xFFF) == 0) {
                    exec.checkCanceled();
                    exec.setProgress(row / (double)rows, "reading row " + row + " of " + rows);
                }
            }
        }
        return columns.build();
    }

    public static DataType type(final ColumnKind kind) {
        return switch (kind) {
            case DOUBLE -> DoubleCell.TYPE;
            case INTEGER -> IntCell.TYPE;
            case LONG -> LongCell.TYPE;
            case BOOLEAN -> BooleanCell.TYPE;
            case STRING -> StringCell.TYPE;
            case OTHER -> throw new IllegalArgumentException("no KNIME type for " + kind);
        };
    }

    /** The KNIME spec of a result table (available at configure time from the static column lists). */
    public static DataTableSpec spec(final List<ResultTable.Column> columns) {
        List<DataColumnSpec> specs = new ArrayList<>();
        for (ResultTable.Column c : columns) {
            specs.add(new DataColumnSpecCreator(c.name(), type(c.kind())).createSpec());
        }
        return new DataTableSpec(specs.toArray(DataColumnSpec[]::new));
    }

    /** Writes a result table; rows without a key are numbered Row0, Row1, ... */
    public static BufferedDataTable write(final ResultTable table, final ExecutionContext exec) {
        DataTableSpec spec = spec(table.columns());
        BufferedDataContainer out = exec.createDataContainer(spec);
        int n = table.columns().size();
        for (int r = 0; r < table.rowCount(); r++) {
            DataCell[] cells = new DataCell[n];
            for (int c = 0; c < n; c++) {
                cells[c] = cell(table.value(r, c));
            }
            String key = table.rowKey(r);
            out.addRowToTable(new DefaultRow(key == null ? RowKey.createRowKey((long)r) : new RowKey(key), cells));
        }
        out.close();
        return out.getTable();
    }

    /** A cell for a result value: Double (NaN = missing), Integer, Long, Boolean, String; null is missing. */
    public static DataCell cell(final Object value) {
        if (value == null) {
            return DataType.getMissingCell();
        }
        if (value instanceof Double d) {
            return d.isNaN() ? DataType.getMissingCell() : new DoubleCell(d);
        }
        if (value instanceof Integer i) {
            return new IntCell(i);
        }
        if (value instanceof Long l) {
            return new LongCell(l);
        }
        if (value instanceof Boolean b) {
            return BooleanCell.BooleanCellFactory.create(b);
        }
        return new StringCell(value.toString());
    }

    /** The spec of the input with columns replaced (same name, new type) and appended. */
    public static DataTableSpec rearrangedSpec(final DataTableSpec in, final List<CellColumn> replaced,
        final List<CellColumn> appended) {
        return rearranger(in, replaced, appended).createSpec();
    }

    /**
     * The input table with columns replaced and appended, without copying the other columns; the values of
     * {@link CellColumn}s are by input row.
     */
    public static BufferedDataTable rearrange(final BufferedDataTable in, final List<CellColumn> replaced,
        final List<CellColumn> appended, final ExecutionContext exec) throws CanceledExecutionException {
        return exec.createColumnRearrangeTable(in, rearranger(in.getDataTableSpec(), replaced, appended), exec);
    }

    private static ColumnRearranger rearranger(final DataTableSpec in, final List<CellColumn> replaced,
        final List<CellColumn> appended) {
        ColumnRearranger r = new ColumnRearranger(in);
        if (!replaced.isEmpty()) {
            r.replace(factory(replaced), replaced.stream().mapToInt(c -> in.findColumnIndex(c.name())).toArray());
        }
        if (!appended.isEmpty()) {
            r.append(factory(appended));
        }
        return r;
    }

    private static AbstractCellFactory factory(final List<CellColumn> columns) {
        DataColumnSpec[] specs = columns.stream()
            .map(c -> new DataColumnSpecCreator(c.name(), c.type()).createSpec()).toArray(DataColumnSpec[]::new);
        return new AbstractCellFactory(specs) {
            @Override
            public DataCell[] getCells(final DataRow row, final long rowIndex) {
                DataCell[] cells = new DataCell[columns.size()];
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = columns.get(c).cell((int)rowIndex);
                }
                return cells;
            }
        };
    }

    /**
     * A cell of a key column's kind from the engine's label (entity) or number (time), for rows the engine inserts.
     */
    public static DataCell keyCell(final ColumnKind kind, final String label, final double number) {
        return switch (kind) {
            case INTEGER -> new IntCell((int)number);
            case LONG -> new LongCell((long)number);
            case DOUBLE -> new DoubleCell(number);
            default -> new StringCell(label);
        };
    }

    /** Sorts a table by an integer column (ascending) and removes that column. */
    public static BufferedDataTable sortByAndDrop(final BufferedDataTable table, final String orderColumn,
        final ExecutionContext exec) throws CanceledExecutionException {
        // a mutable list: KNIME's sorter asks inclList.contains(null), which List.of answers with an NPE
        BufferedDataTable sorted =
            new BufferedDataTableSorter(table, java.util.Arrays.asList(orderColumn), new boolean[]{true})
            .sort(exec.createSubExecutionContext(0.8));
        ColumnRearranger r = new ColumnRearranger(sorted.getDataTableSpec());
        r.remove(orderColumn);
        return exec.createColumnRearrangeTable(sorted, r, exec.createSubProgress(0.2));
    }
}
