package org.panelkit.knime.support.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.split.PanelSplitter;
import org.panelkit.engine.split.SplitSpec;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.ResultTable;
import org.panelkit.knime.support.table.TableSchema;

class SplitOptionsTest {
    private static final TableSchema SCHEMA = TableSchema.of("province", ColumnKind.STRING, "year", ColumnKind.INTEGER,
            "tu", ColumnKind.DOUBLE, "subsample", ColumnKind.STRING);
    private static final TableSchema IN = TableSchema.of("province", ColumnKind.STRING, "year", ColumnKind.INTEGER);
    private static final TableSchema MAP = TableSchema.of("name", ColumnKind.STRING, "zone", ColumnKind.STRING);

    private static ColumnSource data(SplitOptions o, String[] p, double[] y) {
        ColumnsBuilder b = ColumnsBuilder.forRows(p.length);
        o.declareColumns(IN, b);
        int ps = -1;
        int ys = -1;
        for (int s = 0; s < b.size(); s++) {
            if (b.name(s).equals("province")) {
                ps = s;
            } else {
                ys = s;
            }
        }
        for (int i = 0; i < p.length; i++) {
            if (p[i] == null) {
                b.setMissing(ps, i);
            } else {
                b.setString(ps, i, p[i]);
            }
            if (ys >= 0) {
                b.setDouble(ys, i, y[i]);
            }
        }
        return b.build();
    }

    @Test
    void validationNamesTheFix() {
        var o = SplitOptions.byRegion("province", "year");
        var e = assertThrows(IllegalArgumentException.class, () -> o.validate(SCHEMA, null));
        assertEquals("the input already has a column 'subsample': choose another name for the group column",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> o.with(SplitOptions.Method.MAPPING).validate(IN, null));
        assertEquals("no mapping table: connect a table with an entity and a group column to the second input, or "
                + "choose another split", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> o.with(SplitOptions.Method.BREAK_YEAR).withSource("x").validate(
                        TableSchema.of("province", ColumnKind.STRING, "year", ColumnKind.STRING), null));
        assertEquals("column 'year' is not numeric (it holds string values): choose a numeric time column",
                e.getMessage());
    }

    @Test
    void regionsWithUnmappedRows() {
        var o = SplitOptions.byRegion("province", "year");
        o.validate(IN, null);
        String[] p = {"Beijing", "四川", "Hong Kong", "Henan", null};
        ColumnSource d = data(o, p, new double[5]);
        SplitSpec spec = o.toSpec(IN, null);
        SplitReport r = new SplitReport(PanelSplitter.split(d, spec));
        assertArrayEquals(new String[]{"East", "West", null, "Central", null}, r.groups());
        ResultTable s = r.summary();
        assertEquals("(unassigned)", s.value(s.rowCount() - 1, 0));
        assertEquals(2, s.value(s.rowCount() - 1, 1));
        assertTrue(r.warnings().get(0).startsWith("2 rows have no group (missing in the group column): "),
                r.warnings().get(0));
        assertTrue(r.warnings().get(0).contains("'Hong Kong'"), r.warnings().get(0));
    }

    @Test
    void breakYearAndMappingTable() {
        var o = SplitOptions.byRegion("province", "year").with(SplitOptions.Method.BREAK_YEAR).withBreak(2017);
        ColumnSource d = data(o, new String[]{"A", "A", "B"}, new double[]{2015, 2017, 2018});
        SplitReport r = new SplitReport(PanelSplitter.split(d, o.toSpec(IN, null)));
        assertEquals(r.groups()[1], r.groups()[2]);
        assertTrue(!r.groups()[0].equals(r.groups()[1]));

        var m = SplitOptions.byRegion("province", "year").with(SplitOptions.Method.MAPPING).withMapping("name", "zone");
        m.validate(IN, MAP);
        ColumnsBuilder mb = ColumnsBuilder.forRows(3);
        m.declareMappingColumns(MAP, mb);
        String[][] rows = {{"A", "north"}, {"B", "south"}, {"A", "south"}};
        for (int i = 0; i < 3; i++) {
            mb.setString(0, i, rows[i][0]);
            mb.setString(1, i, rows[i][1]);
        }
        var e = assertThrows(IllegalArgumentException.class, () -> m.toSpec(IN, mb.build()));
        assertEquals("the mapping table puts 'A' in two groups ('north' and 'south'): keep one row per entity",
                e.getMessage());
        ColumnsBuilder ok = ColumnsBuilder.forRows(2);
        m.declareMappingColumns(MAP, ok);
        for (int i = 0; i < 2; i++) {
            ok.setString(0, i, rows[i][0]);
            ok.setString(1, i, rows[i][1]);
        }
        SplitReport mr = new SplitReport(PanelSplitter.split(data(m, new String[]{"B", "A", "C"}, new double[3]),
                m.toSpec(IN, ok.build())));
        assertArrayEquals(new String[]{"south", "north", null}, mr.groups());
        assertNull(mr.groups()[2]);
    }
}
