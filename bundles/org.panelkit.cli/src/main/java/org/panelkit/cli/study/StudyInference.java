package org.panelkit.cli.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.bootstrap.AuxiliaryWeights;
import org.panelkit.engine.bootstrap.WildBootstrapResult;
import org.panelkit.engine.bootstrap.WildBootstrapSpec;
import org.panelkit.engine.bootstrap.WildClusterBootstrap;
import org.panelkit.engine.compare.CoefficientDifference;
import org.panelkit.engine.compare.Comparison;
import org.panelkit.engine.compare.ComparisonResult;
import org.panelkit.engine.compare.SubsampleComparison;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.FTest;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.mediation.Mediation;
import org.panelkit.engine.mediation.MediationResult;
import org.panelkit.engine.mediation.MediationSpec;
import org.panelkit.engine.mediation.MediatorResult;
import org.panelkit.engine.report.TextTable;
import org.panelkit.engine.split.SplitSpec;

/**
 * The study's inference beyond the coefficient tables: the test that the clustering effect differs before and
 * after the break (the paper compares 1.476 with 0.631 without testing), the mechanism table (three-step
 * mediation per channel with Sobel tests and cluster-bootstrap intervals), and wild cluster bootstrap
 * p-values for the clustering coefficient where clusters are few.
 */
final class StudyInference {
    private StudyInference() {
    }

    static TextTable differenceTest(ColumnSource panel, ModelSpec template, int breakYear, ProgressMonitor monitor) {
        List<String> x = new ArrayList<>(List.of("IC"));
        x.addAll(StudyVariables.CONTROLS);
        ComparisonResult r = SubsampleComparison.compare(panel, template.withVariables("TU", x),
                SplitSpec.byBreak("year", breakYear), monitor);
        Comparison pooled = r.pooled();
        Comparison suest = r.suest();
        List<String> groups = r.groups();
        List<List<String>> rows = new ArrayList<>();
        double[] coef = pooled.coefficients();
        for (int t = 0; t < r.terms().size(); t++) {
            String term = r.terms().get(t);
            CoefficientDifference dp = find(pooled, term);
            CoefficientDifference ds = find(suest, term);
            rows.add(List.of(StudyReport.LABELS.getOrDefault(term, term), num(coef[t * groups.size()]),
                    num(coef[t * groups.size() + 1]), num(dp.estimate()), num(dp.stdError()), p(dp.pValue()),
                    num(ds.stdError()), p(ds.pValue())));
        }
        FTest jp = pooled.joint();
        FTest js = suest.joint();
        return new TextTable("Difference test: " + groups.get(1) + " vs " + groups.get(0),
                List.of("Variable", groups.get(0), groups.get(1), "Difference", "SE (pooled)", "p (pooled)",
                        "SE (suest)", "p (suest)"),
                rows,
                List.of("Pooled: the model on all years with every regressor and the year effects interacted with "
                        + "the period (Chow); " + pooled.description() + "; "
                        + (Double.isInfinite(jp.df2()) ? "normal." : "t with " + df(jp.df2()) + " df.")
                        + " Suest: " + suest.description() + ".",
                        String.format(Locale.ROOT, "Joint test that all coefficients are equal: pooled F(%d, %s) = %.3f, "
                                + "p = %s; suest Wald/%d = %.3f, p = %s.", (int) jp.df1(), df(jp.df2()),
                                jp.statistic(), p(jp.pValue()), (int) js.df1(), js.statistic(), p(js.pValue()))));
    }

    private static CoefficientDifference find(Comparison c, String term) {
        for (CoefficientDifference d : c.differences()) {
            if (d.term().equals(term)) {
                return d;
            }
        }
        throw new IllegalStateException("no difference for " + term);
    }

    static TextTable mechanisms(ColumnSource panel, ModelSpec template, int reps, long seed, String seDescription,
            ProgressMonitor monitor) {
        MediationResult r = Mediation.analyze(panel, MediationSpec.builder("TU", "IC", StudyVariables.CHANNELS)
                .controls(StudyVariables.CONTROLS).model(template).reps(reps).seed(seed).build(), monitor);
        List<List<String>> rows = new ArrayList<>();
        for (MediatorResult m : r.mediators()) {
            double[] pc = m.percentile();
            double[] bc = m.biasCorrected();
            // esttab style: the estimates, and below them the standard errors (and the Sobel p-value)
            rows.add(List.of(StudyReport.LABELS.getOrDefault(m.mediator(), m.mediator()), est(m.a()), est(m.b()),
                    est(m.total()), est(m.direct()), num(m.indirect()), String.format(Locale.ROOT, "%.2f", m.sobelZ()),
                    "[" + num(pc[0]) + ", " + num(pc[1]) + "]", "[" + num(bc[0]) + ", " + num(bc[1]) + "]",
                    num(m.proportion())));
            rows.add(List.of("", se(m.a()), se(m.b()), se(m.total()), se(m.direct()), "", "(p = " + p(m.sobelP()) + ")",
                    "", "", ""));
        }
        return new TextTable("Mechanism test: mediation by channel",
                List.of("Channel (M)", "a: M on IC", "b: TU on M", "c: total", "c': direct", "a*b", "Sobel z",
                        "95% CI a*b (percentile)", "95% CI a*b (bias-corrected)", "Share mediated"),
                rows,
                List.of("Three equations per channel, each with the controls, province and year effects; standard "
                        + "errors " + seDescription + " (in parentheses, stars at 0.1/0.05/0.01).",
                        "Bootstrap: " + reps + " resamples of whole provinces, seed " + seed + "."));
    }

    /**
     * Wild cluster bootstrap p-values; {@code models} must have one-way clustered (CR1 or CR0) standard errors
     * ({@code refitNote}: why they differ from the tables' standard errors, or null).
     */
    static TextTable wildBootstrap(Map<String, StudyModel> models, int reps, long seed, String refitNote,
            ProgressMonitor monitor) {
        List<List<String>> rows = new ArrayList<>();
        for (StudyModel m : models.values()) {
            String term = m.regressors().get(0);
            WildBootstrapResult w = WildClusterBootstrap.test(m.result(), WildBootstrapSpec.builder().term(term)
                    .reps(reps).weights(AuxiliaryWeights.WEBB).seed(seed).build(), monitor);
            Coefficient c = m.result().coefficients().get(0);
            rows.add(List.of(m.label() + " (" + m.id() + ")", term, num(c.estimate()), num(c.stdError()),
                    p(c.pValue()), p(w.pValue()), "[" + num(w.confLow()) + ", " + num(w.confHigh()) + "]",
                    Integer.toString(w.clusters())));
        }
        boolean cr0 = !models.isEmpty()
                && models.values().iterator().next().result().variance().type() == org.panelkit.engine.vcov.VcovType.CR0;
        List<String> notes = new ArrayList<>();
        notes.add("Wild cluster restricted bootstrap-t (null imposed), Webb weights, " + reps
                + " replications, seed " + seed + "; interval by test inversion. With 8 to 11 clusters "
                + "the t test with G-1 df can over-reject; the bootstrap p-value is the safer guide.");
        if (refitNote != null) {
            notes.add(refitNote);
        }
        return new TextTable("Wild cluster bootstrap for the clustering coefficient",
                List.of("Model", "Term", "Estimate", cr0 ? "SE (CR0)" : "SE (CR1)", "p (t, G-1)", "p (wild)",
                        "95% CI (wild)", "Clusters"),
                rows, notes);
    }

    static String est(Coefficient c) {
        return num(c.estimate()) + c.stars();
    }

    static String se(Coefficient c) {
        return "(" + num(c.stdError()) + ")";
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String p(double v) {
        return Double.isNaN(v) ? "" : v < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String df(double d) {
        return Double.isInfinite(d) ? "inf" : String.valueOf((long) d);
    }
}
