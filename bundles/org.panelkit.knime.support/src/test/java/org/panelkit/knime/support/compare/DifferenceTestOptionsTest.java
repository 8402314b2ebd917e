package org.panelkit.knime.support.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.compare.SubsampleComparison;
import org.panelkit.engine.vcov.VcovType;
import org.panelkit.knime.support.fe.RegressionOptions;
import org.panelkit.knime.support.split.SplitOptions;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.ResultTable;
import org.panelkit.knime.support.table.TableSchema;

class DifferenceTestOptionsTest {
    private static final TableSchema PANEL = TableSchema.of("province", ColumnKind.STRING, "year", ColumnKind.INTEGER,
            "tu", ColumnKind.DOUBLE, "ic", ColumnKind.DOUBLE);

    private static DifferenceTestOptions options(VcovType se) {
        RegressionOptions model = RegressionOptions.builder().y("tu").regressors(List.of("ic")).entity("province")
                .time("year").seType(se).build();
        return new DifferenceTestOptions(model,
                SplitOptions.byRegion("province", "year").with(SplitOptions.Method.BREAK_YEAR).withBreak(2013));
    }

    @Test
    void breakYearComparison() {
        DifferenceTestOptions o = options(VcovType.CLUSTER);
        var spec = o.validate(PANEL, null);
        int n = 80;
        ColumnsBuilder b = ColumnsBuilder.forRows(n);
        o.declareColumns(PANEL, b);
        for (int i = 0; i < n; i++) {
            int e = i / 10;
            int t = i % 10;
            double ic = Math.sin(i * 1.7) + 0.2 * e;
            double slope = t < 5 ? 0.5 : 1.0;
            double tu = slope * ic + 0.3 * e + 0.1 * t + 0.05 * Math.sin(i * i * 0.37);
            for (int s = 0; s < b.size(); s++) {
                switch (b.name(s)) {
                    case "province" -> b.setString(s, i, "P" + e);
                    case "year" -> b.setDouble(s, i, 2008 + t);
                    case "tu" -> b.setDouble(s, i, tu);
                    case "ic" -> b.setDouble(s, i, ic);
                    default -> throw new AssertionError(b.name(s));
                }
            }
        }
        var r = new DifferenceReport(SubsampleComparison.compare(b.build(), spec, o.splitSpec(PANEL, null),
                ProgressMonitor.NONE));
        ResultTable d = r.differences();
        assertEquals(2, d.rowCount()); // pooled and suest, one term, one non-base group
        assertEquals("pooled", d.value(0, 0));
        assertEquals(0.5, (Double) d.value(0, d.columnIndex("difference")), 0.05);
        assertEquals((Double) d.value(0, d.columnIndex("difference")), (Double) d.value(1, d.columnIndex("difference")),
                1e-9); // same point estimates, two variances
        assertEquals(4, r.tests().rowCount()); // per method: ic, joint
        assertEquals(4, r.groups().rowCount() + 2); // ic in two groups
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void validationNamesTheFix() {
        var e = assertThrows(IllegalArgumentException.class, () -> options(VcovType.CR2).validate(PANEL, null));
        assertTrue(e.getMessage().startsWith("the difference test needs one-way clustered"), e.getMessage());
    }

    /** Every standard error of the shared model options: the four the node offers pass, the others name the fix. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(VcovType.class)
    void everyStandardErrorIsOfferedOrNamesTheChoices(VcovType se) {
        if (java.util.Set.of(VcovType.CLUSTER, VcovType.CR0, VcovType.HC1, VcovType.HC0).contains(se)) {
            options(se).validate(PANEL, null);
            return;
        }
        var e = assertThrows(IllegalArgumentException.class, () -> options(se).validate(PANEL, null));
        assertTrue(e.getMessage().contains("not " + se.key() + ": set 'Standard errors' to Clustered (CR1), "
                + "Clustered (CR0), Robust (HC1) or Robust (HC0)"), e.getMessage());
    }

    @Test
    void oneClusterDimension() {
        RegressionOptions model = RegressionOptions.builder().y("tu").regressors(List.of("ic")).entity("province")
                .time("year").clusterBy(org.panelkit.knime.support.fe.ClusterBy.ENTITY_AND_TIME).build();
        var o = new DifferenceTestOptions(model,
                SplitOptions.byRegion("province", "year").with(SplitOptions.Method.BREAK_YEAR).withBreak(2013));
        var e = assertThrows(IllegalArgumentException.class, () -> o.validate(PANEL, null));
        assertTrue(e.getMessage().contains("set 'Cluster by'"), e.getMessage());
    }
}
