package org.panelkit.knime.support.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.interp.Ends;
import org.panelkit.engine.interp.InterpolationMethod;
import org.panelkit.engine.interp.PanelInterpolation;
import org.panelkit.knime.support.Notice;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;

/** The Panel Interpolation node's warning as one notice: counts in the summary, per column in the details. */
class InterpolationNoticeTest {
    private static final TableSchema SCHEMA = TableSchema.of("province", ColumnKind.STRING, "year", ColumnKind.INTEGER,
            "gdp", ColumnKind.DOUBLE, "fdi", ColumnKind.DOUBLE);

    /** A 2001..2004 with 2002 missing in both; B 2001, 2003 (2002 absent), 2004 missing gdp. */
    private static InterpolationReport run(InterpolationOptions o) {
        String[] p = {"A", "A", "A", "A", "B", "B", "B"};
        double[] y = {2001, 2002, 2003, 2004, 2001, 2003, 2004};
        double[] gdp = {10, Double.NaN, 30, 40, 10, 30, Double.NaN};
        double[] fdi = {1, Double.NaN, 3, 4, 1, 3, 4};
        ColumnsBuilder b = ColumnsBuilder.forRows(p.length);
        o.declareColumns(SCHEMA, b);
        for (int i = 0; i < p.length; i++) {
            for (int s = 0; s < b.size(); s++) {
                switch (b.name(s)) {
                    case "province" -> b.setString(s, i, p[i]);
                    case "year" -> b.setDouble(s, i, y[i]);
                    case "gdp" -> b.setDouble(s, i, gdp[i]);
                    case "fdi" -> b.setDouble(s, i, fdi[i]);
                    default -> throw new AssertionError(b.name(s));
                }
            }
        }
        return new InterpolationReport(PanelInterpolation.run(b.build(), o.toSpec(SCHEMA)), p.length);
    }

    @Test
    void countsInTheSummaryColumnsInTheDetails() {
        Notice n = run(InterpolationOptions.defaults("province", "year", List.of("gdp", "fdi"))).notice()
                .orElseThrow();
        assertEquals("2 columns interpolated, 2 cells filled, 1 cell left missing", n.summary());
        assertEquals(List.of("'gdp': 1 cells filled, 1 left missing", "'fdi': 1 cells filled, 0 left missing"),
                n.details());
        assertEquals(1, n.resolutions().size());
        assertTrue(n.resolutions().get(0).contains("'Maximum gap'"), n.resolutions().toString());
    }

    @Test
    void insertedRowsAndNothingLeftMissing() {
        var o = new InterpolationOptions("province", "year", List.of("gdp"), InterpolationMethod.LINEAR, Ends.CONSTANT,
                -1, true, false, "_imputed");
        Notice n = run(o).notice().orElseThrow();
        assertEquals("1 column interpolated, 3 cells filled, 1 row inserted", n.summary());
        assertEquals("1 rows inserted to complete the panel grid", n.details().get(0));
        assertEquals(List.of(), n.resolutions());
    }

    @Test
    void everythingFilledNoResolution() {
        Notice n = run(InterpolationOptions.defaults("province", "year", List.of("fdi"))).notice().orElseThrow();
        assertEquals("1 column interpolated, 1 cell filled", n.summary());
        assertEquals(List.of("'fdi': 1 cells filled, 0 left missing"), n.details());
        assertEquals(List.of(), n.resolutions());
    }
}
