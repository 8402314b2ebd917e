package org.panelkit.knime.support.mediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.mediation.Mediation;
import org.panelkit.engine.vcov.VcovType;
import org.panelkit.knime.support.fe.RegressionOptions;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.ResultTable;
import org.panelkit.knime.support.table.TableSchema;

class MediationOptionsTest {
    private static final TableSchema PANEL = TableSchema.of("province", ColumnKind.STRING, "year", ColumnKind.INTEGER,
            "tu", ColumnKind.DOUBLE, "ic", ColumnKind.DOUBLE, "tc", ColumnKind.DOUBLE, "gov", ColumnKind.DOUBLE);

    private static MediationOptions options(VcovType se, List<String> mediators, List<String> controls) {
        RegressionOptions model = RegressionOptions.builder().y("tu")
                .regressors(MediationOptions.regressors("ic", mediators, controls)).entity("province").time("year")
                .seType(se).build();
        return new MediationOptions("tu", "ic", mediators, controls, model, 99, 7);
    }

    @Test
    void decomposesThroughTheEngine() {
        MediationOptions o = options(VcovType.CLUSTER, List.of("tc"), List.of("gov"));
        var spec = o.toSpec(PANEL);
        int n = 120;
        ColumnsBuilder b = ColumnsBuilder.forRows(n);
        o.declareColumns(PANEL, b);
        for (int i = 0; i < n; i++) {
            int e = i / 10;
            int t = i % 10;
            double ic = Math.sin(i * 1.7) + 0.2 * e;
            double gov = Math.cos(i * 0.3);
            double tc = 0.8 * ic + 0.1 * gov + 0.3 * Math.sin(i * i * 0.11);
            double tu = 0.5 * tc + 0.2 * ic + 0.1 * gov + 0.1 * t + 0.3 * Math.cos(i * i * 0.23);
            for (int s = 0; s < b.size(); s++) {
                switch (b.name(s)) {
                    case "province" -> b.setString(s, i, "P" + e);
                    case "year" -> b.setDouble(s, i, 2008 + t);
                    case "tu" -> b.setDouble(s, i, tu);
                    case "ic" -> b.setDouble(s, i, ic);
                    case "tc" -> b.setDouble(s, i, tc);
                    case "gov" -> b.setDouble(s, i, gov);
                    default -> throw new AssertionError(b.name(s));
                }
            }
        }
        var r = new MediationReport(Mediation.analyze(b.build(), spec, ProgressMonitor.NONE));
        ResultTable t = r.table();
        assertEquals(MediationReport.COLUMNS, t.columns());
        assertEquals(1, t.rowCount());
        assertEquals("tc", t.value(0, 0));
        double total = (Double) t.value(0, t.columnIndex("total"));
        double direct = (Double) t.value(0, t.columnIndex("direct"));
        double indirect = (Double) t.value(0, t.columnIndex("indirect"));
        assertEquals(total - direct, indirect, 1e-9);
        assertEquals(99, t.value(0, t.columnIndex("reps")));
        assertTrue((Double) t.value(0, t.columnIndex("pct_low")) < indirect);
    }

    @Test
    void validationNamesTheFix() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> options(VcovType.CLUSTER, List.of(), List.of()).toSpec(PANEL));
        assertEquals("no mediators selected: choose at least one numeric mediator column", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> options(VcovType.HC1, List.of("tc"), List.of()).toSpec(PANEL));
        assertTrue(e.getMessage().startsWith("the cluster bootstrap needs clustered standard errors"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> options(VcovType.CLUSTER, List.of("tc"), List.of("tc")).toSpec(PANEL));
        assertEquals("column 'tc' is a mediator and a control: remove it from one of them", e.getMessage());
    }

    /** Every standard error of the shared model options: CR1 and CR0 pass, the others name the two choices. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(VcovType.class)
    void everyStandardErrorIsOfferedOrNamesTheChoices(VcovType se) {
        var o = options(se, List.of("tc"), List.of());
        if (se == VcovType.CLUSTER || se == VcovType.CR0) {
            o.toSpec(PANEL);
            return;
        }
        var e = assertThrows(IllegalArgumentException.class, () -> o.toSpec(PANEL));
        assertTrue(e.getMessage().endsWith("not " + se.key() + ": set 'Standard errors' to Clustered (CR1) or "
                + "Clustered (CR0) (se_type CLUSTER or CR0)"), e.getMessage());
    }
}
