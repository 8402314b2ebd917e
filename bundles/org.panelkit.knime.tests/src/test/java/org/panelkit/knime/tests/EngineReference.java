package org.panelkit.knime.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.knime.core.data.DataCell;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.StringCell;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.data.RowSelection;
import org.panelkit.engine.data.ColumnSource;

/**
 * The engine's view of a test table, built straight from the cells (not through the nodes' table adapter or option
 * mapping), so that a node's output can be compared with the engine called directly on the same data.
 */
final class EngineReference {
    private EngineReference() {
    }

    /** Engine columns of a table: string columns as keys, numeric ones as numbers (NaN = missing); {@code keys} also as keys. */
    static Columns columns(final KnimeTestSupport.Table t, final String... numericKeys) {
        int n = t.size();
        Columns c = new Columns(n);
        List<String> keyNames = List.of(numericKeys);
        for (int col = 0; col < t.spec().getNumColumns(); col++) {
            String name = t.spec().getColumnSpec(col).getName();
            boolean string = t.spec().getColumnSpec(col).getType().equals(StringCell.TYPE);
            if (string) {
                String[] v = new String[n];
                for (int r = 0; r < n; r++) {
                    DataCell cell = t.rows().get(r).getCell(col);
                    v[r] = cell.isMissing() ? null : cell.toString();
                }
                c.addKey(name, KeyColumn.ofStrings(name, v));
                continue;
            }
            double[] v = new double[n];
            for (int r = 0; r < n; r++) {
                DataCell cell = t.rows().get(r).getCell(col);
                v[r] = cell.isMissing() ? Double.NaN : ((DoubleValue)cell).getDoubleValue();
            }
            if (keyNames.contains(name)) {
                c.addKey(name, KeyColumn.ofNumbers(name, v));
            } else {
                c.addNumeric(name, v);
            }
        }
        return c;
    }

    /** The rows where {@code keep} holds. */
    static ColumnSource select(final ColumnSource data, final java.util.function.IntPredicate keep) {
        int[] rows = IntStream.range(0, data.rowCount()).filter(keep).toArray();
        return new RowSelection(data, rows);
    }

    static List<Integer> rowsWhere(final KnimeTestSupport.Table t, final java.util.function.IntPredicate keep) {
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            if (keep.test(r)) {
                out.add(r);
            }
        }
        return out;
    }
}
