package org.panelkit.knime.support.compare;

import java.util.ArrayList;
import java.util.List;

import org.panelkit.engine.compare.CoefficientDifference;
import org.panelkit.engine.compare.Comparison;
import org.panelkit.engine.compare.ComparisonResult;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.FTest;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ResultTable;
import org.panelkit.knime.support.table.ResultTable.Column;

/** A subsample comparison as the node writes it: differences, Wald tests, the separate fits, warnings. */
public final class DifferenceReport {
    public static final List<Column> DIFFERENCE_COLUMNS = List.of(
            new Column("method", ColumnKind.STRING, "pooled (fully interacted model, the model's own standard errors) "
                    + "or suest (seemingly unrelated estimation, z tests)"),
            new Column("term", ColumnKind.STRING, "regressor"),
            new Column("group", ColumnKind.STRING, "subsample"),
            new Column("base_group", ColumnKind.STRING, "the first subsample, the base of the difference"),
            new Column("difference", ColumnKind.DOUBLE, "b_group - b_base"),
            new Column("std_error", ColumnKind.DOUBLE, "standard error of the difference"),
            new Column("statistic", ColumnKind.DOUBLE, "t (pooled) or z (suest) statistic"),
            new Column("p_value", ColumnKind.DOUBLE, "two-sided p-value"),
            new Column("df", ColumnKind.DOUBLE, "degrees of freedom of the t test (missing = normal)"));
    public static final List<Column> TEST_COLUMNS = List.of(
            new Column("method", ColumnKind.STRING, "pooled or suest"),
            new Column("hypothesis", ColumnKind.STRING, "'<term> equal in all groups' or 'all terms equal in all "
                    + "groups'"),
            new Column("term", ColumnKind.STRING, "the term (missing for the joint test)"),
            new Column("f_statistic", ColumnKind.DOUBLE, "Wald statistic / restrictions"),
            new Column("df1", ColumnKind.DOUBLE, "restrictions"),
            new Column("df2", ColumnKind.DOUBLE, "denominator degrees of freedom (missing = chi-square)"),
            new Column("p_value", ColumnKind.DOUBLE, "p-value"));
    public static final List<Column> GROUP_COLUMNS = List.of(
            new Column("group", ColumnKind.STRING, "subsample"),
            new Column("term", ColumnKind.STRING, "regressor"),
            new Column("estimate", ColumnKind.DOUBLE, "coefficient in the subsample's own fit"),
            new Column("std_error", ColumnKind.DOUBLE, "its standard error"),
            new Column("p_value", ColumnKind.DOUBLE, "its p-value"),
            new Column("n", ColumnKind.INTEGER, "observations of the subsample's fit"));

    private final ComparisonResult result;

    public DifferenceReport(ComparisonResult result) {
        this.result = result;
    }

    public ResultTable differences() {
        var b = ResultTable.builder(DIFFERENCE_COLUMNS);
        for (Comparison c : List.of(result.pooled(), result.suest())) {
            for (CoefficientDifference d : c.differences()) {
                b.row(null, c.method(), d.term(), d.group(), d.baseGroup(), d.estimate(), d.stdError(), d.statistic(),
                        d.pValue(), Double.isInfinite(d.df()) ? null : d.df());
            }
        }
        return b.build();
    }

    public ResultTable tests() {
        var b = ResultTable.builder(TEST_COLUMNS);
        for (Comparison c : List.of(result.pooled(), result.suest())) {
            for (String t : result.terms()) {
                test(b, c.method(), t + " equal in all groups", t, c.termTest(t));
            }
            test(b, c.method(), "all terms equal in all groups", null, c.joint());
        }
        return b.build();
    }

    private static void test(ResultTable.Builder b, String method, String hypothesis, String term, FTest f) {
        if (f == null) {
            return;
        }
        b.row(null, method, hypothesis, term, f.statistic(), f.df1(), Double.isInfinite(f.df2()) ? null : f.df2(),
                f.pValue());
    }

    public ResultTable groups() {
        var b = ResultTable.builder(GROUP_COLUMNS);
        for (int g = 0; g < result.groups().size(); g++) {
            FixedEffectsResult f = result.separateFits().get(g);
            for (Coefficient c : f.coefficients()) {
                b.row(null, result.groups().get(g), c.term(), c.estimate(), c.stdError(), c.pValue(), f.observations());
            }
        }
        return b.build();
    }

    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (!result.notCompared().isEmpty()) {
            w.add("not compared (not estimated in every subsample): " + String.join(", ", result.notCompared()));
        }
        if (!result.emptyGroups().isEmpty()) {
            w.add("subsamples without rows, left out: " + String.join(", ", result.emptyGroups()));
        }
        if (result.unassignedRows() > 0) {
            w.add(result.unassignedRows() + " rows belong to no subsample and are left out (see the Panel Subsample "
                    + "Splitter for which)");
        }
        return w;
    }
}
