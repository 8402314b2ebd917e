package org.panelkit.knime.support.fe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.fe.FixedEffectsRegression;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.ResultTable;
import org.panelkit.knime.support.table.TableSchema;

class RegressionReportTest {
    private static final TableSchema SCHEMA = TableSchema.of("province", ColumnKind.STRING, "year", ColumnKind.INTEGER,
            "y", ColumnKind.DOUBLE, "x1", ColumnKind.DOUBLE, "x2", ColumnKind.DOUBLE, "twice", ColumnKind.DOUBLE,
            "coastal", ColumnKind.BOOLEAN);

    /** 6 provinces x 8 years; y = 2 x1 - x2 + effects + noise; 'twice' = 2 x1; 'coastal' time-invariant. */
    private static ColumnSource panel(RegressionOptions o) {
        int n = 48;
        ColumnsBuilder b = ColumnsBuilder.forRows(n);
        o.declareColumns(SCHEMA, b);
        long seed = 42;
        for (int i = 0; i < n; i++) {
            int e = i / 8;
            int t = i % 8;
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            double u = ((seed >>> 11) / (double) (1L << 53)) - 0.5;
            double x1 = Math.sin(i * 1.3) + e * 0.1;
            double x2 = Math.cos(i * 0.7) * 2;
            double y = 2 * x1 - x2 + e * 0.5 + t * 0.2 + u;
            for (int s = 0; s < b.size(); s++) {
                switch (b.name(s)) {
                    case "province" -> b.setString(s, i, "P" + e);
                    case "year" -> b.setDouble(s, i, 2001 + t);
                    case "y" -> b.setDouble(s, i, i == 5 ? Double.NaN : y);
                    case "x1" -> b.setDouble(s, i, x1);
                    case "x2" -> b.setDouble(s, i, x2);
                    case "twice" -> b.setDouble(s, i, 2 * x1);
                    case "coastal" -> b.setBoolean(s, i, e % 2 == 0);
                    default -> throw new AssertionError(b.name(s));
                }
            }
        }
        return b.build();
    }

    private static RegressionReport fit(RegressionOptions o) {
        FixedEffectsResult r = FixedEffectsRegression.fit(panel(o), o.toModelSpec(SCHEMA));
        return new RegressionReport(r);
    }

    private static RegressionOptions.Builder opts() {
        return RegressionOptions.builder().y("y").regressors(List.of("x1", "x2", "twice", "coastal"))
                .entity("province").time("year");
    }

    @Test
    void coefficientTable() {
        ResultTable t = fit(opts().build()).coefficientTable();
        assertEquals(RegressionReport.COEFFICIENT_COLUMNS, t.columns());
        assertEquals(3, t.rowCount()); // x1, x2, _cons
        assertEquals("x1", t.value(0, 0));
        assertEquals("x1", t.rowKey(0));
        assertEquals("_cons", t.value(2, 0));
        double b1 = (Double) t.value(0, 1);
        assertEquals(2.0, b1, 0.3);
        assertEquals(5.0, (Double) t.value(0, t.columnIndex("df")), 0.0); // G - 1 = 5 under xtreg clustering
        assertEquals("***", t.value(0, t.columnIndex("stars")));
    }

    @Test
    void statisticsRow() {
        ResultTable s = fit(opts().build()).statisticsTable();
        assertEquals(1, s.rowCount());
        assertEquals(RegressionReport.STATISTICS_COLUMNS, s.columns());
        assertEquals(47, s.value(0, s.columnIndex("n")));
        assertEquals(48, s.value(0, s.columnIndex("n_input")));
        assertEquals(1, s.value(0, s.columnIndex("n_dropped_missing")));
        assertEquals(6, s.value(0, s.columnIndex("groups")));
        assertEquals(6, s.value(0, s.columnIndex("clusters")));
        assertNull(s.value(0, s.columnIndex("clusters_2")));
        assertEquals("cluster", s.value(0, s.columnIndex("se_type")));
        assertEquals("xtreg", s.value(0, s.columnIndex("convention")));
        assertEquals("twoway", s.value(0, s.columnIndex("effects")));
        assertEquals("province", s.value(0, s.columnIndex("cluster_columns")));
        assertTrue(((String) s.value(0, s.columnIndex("dropped_regressors"))).contains("twice"));
    }

    @Test
    void residualsPerInputRow() {
        RegressionReport r = fit(opts().build());
        double[][] rf = r.residualsAndFitted();
        assertEquals(48, rf[0].length);
        assertTrue(Double.isNaN(rf[0][5]));
        assertTrue(Double.isNaN(rf[1][5]));
        assertTrue(Double.isFinite(rf[0][0]) && Double.isFinite(rf[1][0]));
    }

    @Test
    void warningsNameWhatWasRemoved() {
        List<String> w = fit(opts().build()).warnings();
        assertEquals("1 of 48 rows removed for missing values in the model's columns (listwise deletion)", w.get(0));
        assertTrue(w.stream().anyMatch(s -> s.startsWith("regressor 'twice' dropped: collinear")), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.startsWith("regressor 'coastal' dropped: absorbed")), w.toString());
    }

    @Test
    void noticeCountsWhatWasRemovedAndSaysWhatToDo() {
        var n = fit(opts().build()).notice().orElseThrow();
        assertEquals("1 row dropped for missing values; 2 regressors dropped", n.summary());
        assertEquals(fit(opts().build()).warnings(), n.details());
        assertEquals(2, n.resolutions().size());
        assertTrue(n.resolutions().get(0).contains("Panel Interpolation"), n.resolutions().toString());
        assertTrue(n.resolutions().get(1).contains("'Regressors'"), n.resolutions().toString());
    }

    @Test
    void noNoticeForACleanFit() {
        assertTrue(fit(opts().regressors(List.of("x1", "x2")).build()).notice().isPresent()); // the missing y row
        assertTrue(new RegressionReport(FixedEffectsRegression.fit(panel(opts().regressors(List.of("x1")).y("x2")
                .build()), opts().regressors(List.of("x1")).y("x2").build().toModelSpec(SCHEMA))).notice().isEmpty());
    }

    @Test
    void flowVariables() {
        Map<String, Object> v = fit(opts().build()).flowVariables();
        assertEquals(47, v.get("fe_n"));
        assertEquals(6, v.get("fe_clusters"));
        assertEquals("cluster", v.get("fe_se_type"));
        assertTrue(v.get("fe_b_x1") instanceof Double);
        assertTrue(v.containsKey("fe_p__cons"));
    }
}
