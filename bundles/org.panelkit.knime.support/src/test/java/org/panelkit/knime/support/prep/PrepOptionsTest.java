package org.panelkit.knime.support.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.interp.Ends;
import org.panelkit.engine.interp.InterpolationMethod;
import org.panelkit.engine.interp.InterpolationSpec;
import org.panelkit.engine.interp.PanelInterpolation;
import org.panelkit.engine.smooth.PanelSmoothing;
import org.panelkit.engine.smooth.SmoothingMethod;
import org.panelkit.engine.smooth.SmoothingResult;
import org.panelkit.engine.smooth.SmoothingSpec;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.ResultTable;
import org.panelkit.knime.support.table.TableSchema;

class PrepOptionsTest {
    private static final TableSchema SCHEMA = TableSchema.of("province", ColumnKind.STRING, "year", ColumnKind.INTEGER,
            "gdp", ColumnKind.DOUBLE, "label", ColumnKind.STRING, "year_text", ColumnKind.STRING);

    /** Two provinces, rows shuffled: A 2001..2004 with 2002 missing; B 2001, 2003 (2002 absent), 2004 missing. */
    private static org.panelkit.engine.data.ColumnSource data(InterpolationOptions o) {
        String[] p = {"B", "A", "A", "A", "B", "A", "B"};
        double[] y = {2001, 2003, 2001, 2002, 2003, 2004, 2004};
        double[] v = {10, 30, 10, Double.NaN, 30, 40, Double.NaN};
        ColumnsBuilder b = ColumnsBuilder.forRows(p.length);
        o.declareColumns(SCHEMA, b);
        for (int i = 0; i < p.length; i++) {
            b.setString(0, i, p[i]);
            b.setDouble(1, i, y[i]);
            b.setDouble(2, i, v[i]);
        }
        return b.build();
    }

    @Test
    void timeMustBeNumeric() {
        var o = InterpolationOptions.defaults("province", "year_text", List.of("gdp"));
        var e = assertThrows(IllegalArgumentException.class, () -> o.toSpec(SCHEMA));
        assertEquals("column 'year_text' is not numeric (it holds string values): choose a numeric time column", e.getMessage());
    }

    @Test
    void columnsMustBeNumericAndNotKeys() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> InterpolationOptions.defaults("province", "year", List.of("label")).toSpec(SCHEMA));
        assertEquals("column 'label' is not numeric (it holds string values): choose a numeric column to interpolate",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> InterpolationOptions.defaults("province", "year", List.of("year")).toSpec(SCHEMA));
        assertEquals("column 'year' is the time column: remove it from the columns to interpolate", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> InterpolationOptions.defaults("province", "year", List.of()).toSpec(SCHEMA));
        assertEquals("no columns to interpolate selected: choose at least one numeric column", e.getMessage());
    }

    @Test
    void flagColumnsMustBeNew() {
        TableSchema s = TableSchema.of("province", ColumnKind.STRING, "year", ColumnKind.INTEGER, "gdp",
                ColumnKind.DOUBLE, "gdp_imputed", ColumnKind.BOOLEAN);
        var e = assertThrows(IllegalArgumentException.class,
                () -> InterpolationOptions.defaults("province", "year", List.of("gdp")).toSpec(s));
        assertTrue(e.getMessage().startsWith("the input already has a column 'gdp_imputed'"), e.getMessage());
    }

    @Test
    void interpolationByInputRow() {
        var o = InterpolationOptions.defaults("province", "year", List.of("gdp"));
        InterpolationSpec spec = o.toSpec(SCHEMA);
        var report = new InterpolationReport(PanelInterpolation.run(data(o), spec), 7);
        double[] v = report.values("gdp");
        assertEquals(20.0, v[3], 1e-12); // A 2002 between 10 and 30
        assertTrue(Double.isNaN(v[6])); // B 2004 trailing: ends none
        assertTrue(report.imputed("gdp")[3]);
        assertFalse(report.imputed("gdp")[6]);
        assertArrayEquals(new int[] {4, 2, 0, 1, 5, 3, 6}, report.positionOfInputRow());
        assertEquals(List.of(), report.insertedRows());
        assertEquals(List.of("'gdp': 1 cells filled, 1 left missing"), report.warnings());
        ResultTable s = report.summaryTable();
        assertEquals(1, s.value(0, s.columnIndex("filled")));
    }

    @Test
    void completingTheGridInsertsRows() {
        var o = new InterpolationOptions("province", "year", List.of("gdp"), InterpolationMethod.LINEAR, Ends.CONSTANT,
                -1, true, true, "_imputed");
        var report = new InterpolationReport(PanelInterpolation.run(data(o), o.toSpec(SCHEMA)), 7);
        var inserted = report.insertedRows();
        assertEquals(1, inserted.size());
        assertEquals("B", inserted.get(0).entity());
        assertEquals(2002.0, inserted.get(0).time());
        assertEquals(20.0, inserted.get(0).values()[0], 1e-12);
        assertTrue(report.insertedImputed(inserted.get(0).position(), "gdp"));
        assertEquals(30.0, report.values("gdp")[6], 1e-12); // constant end
        assertEquals("1 rows inserted to complete the panel grid", report.warnings().get(0));
    }

    @Test
    void smoothingOutputs() {
        var o = SmoothingOptions.defaults("province", "year", List.of("gdp"));
        SmoothingSpec spec = o.toSpec(SCHEMA);
        assertEquals(List.of("gdp_ma"), SmoothingOptions.outputColumns(spec));
        var hp = new SmoothingOptions("province", "year", List.of("gdp"), SmoothingMethod.HP, 3, 0, 100).toSpec(SCHEMA);
        assertEquals(List.of("gdp_hp", "gdp_cycle"), SmoothingOptions.outputColumns(hp));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SmoothingOptions("province", "year", List.of("gdp"), SmoothingMethod.MA, 4, 0, 100).toSpec(SCHEMA));
        assertTrue(e.getMessage().contains("odd window"), e.getMessage());
        ColumnsBuilder b = ColumnsBuilder.forRows(3);
        o.declareColumns(SCHEMA, b);
        for (int i = 0; i < 3; i++) {
            b.setString(0, i, "A");
            b.setDouble(1, i, 2003 - i);
            b.setDouble(2, i, 3 - i);
        }
        SmoothingResult r = PanelSmoothing.run(b.build(), spec);
        double[] byInput = PanelColumns.byInputRow(r.values("gdp_ma"), r.order().sourceRows(), 3);
        assertEquals(2.0, byInput[1], 1e-12); // centre of 1, 2, 3
    }
}
