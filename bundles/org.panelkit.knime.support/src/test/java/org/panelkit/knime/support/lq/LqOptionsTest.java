package org.panelkit.knime.support.lq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.lq.LocationQuotients;
import org.panelkit.engine.lq.LqSpec;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;

class LqOptionsTest {
    private static final TableSchema WIDE = TableSchema.of("province", ColumnKind.STRING, "year", ColumnKind.INTEGER,
            "ind", ColumnKind.DOUBLE, "rest", ColumnKind.DOUBLE, "label", ColumnKind.STRING,
            "ind_national", ColumnKind.DOUBLE);
    private static final TableSchema LONG = TableSchema.of("province", ColumnKind.STRING, "year", ColumnKind.INTEGER,
            "sector", ColumnKind.STRING, "output", ColumnKind.DOUBLE, "lq", ColumnKind.DOUBLE);

    @Test
    void wideMapsToEngineSpec() {
        LqSpec s = LqOptions.wide("province", "year", List.of("ind", "rest")).withIndices(true).toSpec(WIDE);
        assertEquals(LqSpec.Layout.WIDE, s.layout());
        assertEquals(List.of("ind", "rest"), s.industries());
        assertEquals(LqSpec.National.SUM_OF_REGIONS, s.national());
        assertTrue(s.indices());
        assertEquals(List.of("lq_ind", "lq_rest"),
                LqOptions.wide("province", "year", List.of("ind", "rest")).outputColumns());
    }

    @Test
    void validationNamesTheFix() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> LqOptions.wide("province", "year", List.of()).toSpec(WIDE));
        assertEquals("no industry columns selected: choose at least one numeric industry column (wide layout)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LqOptions.wide("province", "year", List.of("label")).toSpec(WIDE));
        assertEquals("column 'label' is not numeric (it holds string values): choose a numeric industry column",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LqOptions.wide("province", "year", List.of("ind"))
                .withNational(LqSpec.National.NATIONAL_ROWS, " ", "", "_national").toSpec(WIDE));
        assertTrue(e.getMessage().startsWith("no national region given: enter"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LqOptions.wide("province", "year", List.of("ind", "rest"))
                .withNational(LqSpec.National.NATIONAL_COLUMN, "", "", "_national").toSpec(WIDE));
        assertEquals("the national column 'rest_national' of industry 'rest' is not in the input table: add it (e.g. "
                + "with a Joiner) or change the national column suffix", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LqOptions.longFormat("province", "year", "sector", "output").toSpec(LONG));
        assertEquals("the input already has a column 'lq': rename it or change the output suffix", e.getMessage());
    }

    @Test
    void nationalColumnsBySuffix() {
        LqSpec s = LqOptions.wide("province", "year", List.of("ind"))
                .withNational(LqSpec.National.NATIONAL_COLUMN, "", "", "_national").toSpec(WIDE);
        assertEquals(List.of("ind_national"), s.nationalColumns());
        s = LqOptions.wide("province", "year", List.of("ind"))
                .withNational(LqSpec.National.NATIONAL_ROWS, " China ", "", "").toSpec(WIDE);
        assertEquals("China", s.nationalRegion());
    }

    @Test
    void longLayoutComputesThroughTheEngine() {
        TableSchema schema = TableSchema.of("province", ColumnKind.STRING, "year", ColumnKind.INTEGER,
                "sector", ColumnKind.STRING, "output", ColumnKind.DOUBLE);
        LqOptions o = LqOptions.longFormat("province", "year", "sector", "output");
        LqSpec spec = o.toSpec(schema);
        String[] p = {"A", "A", "B", "B"};
        String[] s = {"x", "y", "x", "y"};
        double[] v = {1, 3, 3, 1};
        ColumnsBuilder b = ColumnsBuilder.forRows(4);
        o.declareColumns(schema, spec, b);
        for (int i = 0; i < 4; i++) {
            b.setString(0, i, p[i]);
            b.setDouble(1, i, 2020);
            b.setString(2, i, s[i]);
            b.setDouble(3, i, v[i]);
        }
        LqReport r = new LqReport(LocationQuotients.compute(b.build(), spec));
        List<double[]> out = r.outputValues();
        assertEquals(4, out.size());
        assertEquals(4.0, out.get(0)[0], 1e-12); // region total of A
        assertEquals(0.5, out.get(3)[0], 1e-12); // (1/4) / (4/8)
        assertEquals(1.5, out.get(3)[1], 1e-12);
        assertEquals(0, r.specialization().rowCount());
        assertTrue(r.warnings().isEmpty());
    }
}
