package org.panelkit.knime.support.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.describe.PanelDescriber;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.ResultTable;
import org.panelkit.knime.support.table.TableSchema;

class DescribeOptionsTest {
    private static final TableSchema SCHEMA = TableSchema.of("province", ColumnKind.STRING, "year", ColumnKind.INTEGER,
            "gdp", ColumnKind.DOUBLE, "note", ColumnKind.STRING, "price", ColumnKind.DOUBLE);

    @Test
    void validationNamesTheFix() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new DescribeOptions("province", "", List.of()).validate(SCHEMA));
        assertEquals("no time column selected: choose a time column", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new DescribeOptions("year", "year", List.of()).validate(SCHEMA));
        assertEquals("'year' is both the entity and the time column: choose two different columns", e.getMessage());
    }

    @Test
    void describesGapsDuplicatesAndMissingCells() {
        var o = new DescribeOptions("province", "year", List.of("province", "gdp", "note"));
        o.validate(SCHEMA);
        assertEquals(List.of("gdp", "note"), o.checkedColumns());
        // A: 2001, 2003 (2002 missing inside its span), B: 2001, 2002, 2002 (duplicate), 2003
        String[] p = {"A", "A", "B", "B", "B", "B"};
        double[] y = {2001, 2003, 2001, 2002, 2002, 2003};
        double[] g = {1, Double.NaN, 2, 3, 4, Double.NaN};
        String[] n = {"x", null, "y", null, null, "z"};
        ColumnsBuilder b = ColumnsBuilder.forRows(p.length);
        o.declareColumns(SCHEMA, b);
        for (int i = 0; i < p.length; i++) {
            b.setString(0, i, p[i]);
            b.setDouble(1, i, y[i]);
            b.setDouble(2, i, g[i]);
            if (n[i] == null) {
                b.setMissing(3, i);
            } else {
                b.setString(3, i, n[i]);
            }
        }
        var r = new DescribeReport(PanelDescriber.describe(b.build(), "province", "year", o.checkedColumns(),
                org.panelkit.engine.ProgressMonitor.NONE));
        ResultTable s = r.summary();
        assertEquals(6, s.value(0, s.columnIndex("rows")));
        assertEquals(2, s.value(0, s.columnIndex("entities")));
        assertEquals(false, s.value(0, s.columnIndex("balanced")));
        assertEquals(1, s.value(0, s.columnIndex("duplicate_keys")));
        ResultTable gaps = r.gaps();
        assertEquals(1, gaps.rowCount());
        assertEquals("A", gaps.value(0, 0));
        assertEquals("2002", gaps.value(0, gaps.columnIndex("missing_periods")));
        ResultTable m = r.missing();
        assertEquals("gdp", m.value(0, 0));
        assertEquals(2, m.value(0, 1));
        assertEquals(3, m.value(1, 1));
        assertTrue(r.warnings().get(0).startsWith("1 (entity, time) pairs occur more than once: B 2002"),
                r.warnings().get(0));
    }
}
