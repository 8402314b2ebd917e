package org.panelkit.knime.support.mediation;

import java.util.ArrayList;
import java.util.List;

import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.mediation.MediationResult;
import org.panelkit.engine.mediation.MediatorResult;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ResultTable;
import org.panelkit.knime.support.table.ResultTable.Column;

/** A mediation result as the node writes it: one row per mediator, warnings. */
public final class MediationReport {
    public static final List<Column> COLUMNS;

    static {
        List<Column> c = new ArrayList<>(List.of(
                new Column("mediator", ColumnKind.STRING, "the mediator M (analysed on its own)"),
                new Column("n", ColumnKind.INTEGER, "observations of its complete-case sample"),
                new Column("clusters", ColumnKind.INTEGER, "clusters (the bootstrap's resampling units)")));
        for (String[] eq : new String[][] {{"total", "c: total effect of x on y (y ~ x)"},
                {"a", "a: effect of x on M (M ~ x)"}, {"b", "b: effect of M on y given x (y ~ x + M)"},
                {"direct", "c': direct effect of x on y given M"}}) {
            c.add(new Column(eq[0], ColumnKind.DOUBLE, eq[1]));
            c.add(new Column(eq[0] + "_se", ColumnKind.DOUBLE, "its standard error"));
            c.add(new Column(eq[0] + "_p", ColumnKind.DOUBLE, "its p-value"));
        }
        c.addAll(List.of(
                new Column("indirect", ColumnKind.DOUBLE, "indirect effect a b (= c - c')"),
                new Column("sobel_se", ColumnKind.DOUBLE, "Sobel standard error of a b"),
                new Column("sobel_z", ColumnKind.DOUBLE, "Sobel z"),
                new Column("sobel_p", ColumnKind.DOUBLE, "Sobel p-value"),
                new Column("proportion", ColumnKind.DOUBLE, "share mediated a b / c"),
                new Column("boot_se", ColumnKind.DOUBLE, "cluster-bootstrap standard error of a b"),
                new Column("pct_low", ColumnKind.DOUBLE, "percentile interval, lower end"),
                new Column("pct_high", ColumnKind.DOUBLE, "percentile interval, upper end"),
                new Column("bc_low", ColumnKind.DOUBLE, "bias-corrected interval, lower end"),
                new Column("bc_high", ColumnKind.DOUBLE, "bias-corrected interval, upper end"),
                new Column("reps", ColumnKind.INTEGER, "bootstrap replications"),
                new Column("failed_reps", ColumnKind.INTEGER, "replications that could not be estimated"),
                new Column("level", ColumnKind.DOUBLE, "confidence level of the intervals")));
        COLUMNS = List.copyOf(c);
    }

    private final MediationResult result;

    public MediationReport(MediationResult result) {
        this.result = result;
    }

    public ResultTable table() {
        var b = ResultTable.builder(COLUMNS);
        for (MediatorResult m : result.mediators()) {
            List<Object> row = new ArrayList<>(List.of(m.mediator(), m.observations(), m.clusters()));
            for (Coefficient c : List.of(m.total(), m.a(), m.b(), m.direct())) {
                row.add(c.estimate());
                row.add(c.stdError());
                row.add(c.pValue());
            }
            double[] pct = m.reps() > 0 ? m.percentile() : new double[] {Double.NaN, Double.NaN};
            double[] bc = m.reps() > 0 ? m.biasCorrected() : new double[] {Double.NaN, Double.NaN};
            row.addAll(List.of(m.indirect(), m.sobelSe(), m.sobelZ(), m.sobelP(), m.proportion(),
                    m.reps() > 0 ? m.bootstrapSe() : Double.NaN, pct[0], pct[1], bc[0], bc[1], m.reps(),
                    m.failedReps(), m.level()));
            b.row(null, row.toArray());
        }
        return b.build();
    }

    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        for (MediatorResult m : result.mediators()) {
            if (m.failedReps() > 0) {
                w.add("mediator '" + m.mediator() + "': " + m.failedReps() + " of " + m.reps() + " bootstrap "
                        + "replications could not be estimated and were left out");
            }
        }
        return w;
    }
}
