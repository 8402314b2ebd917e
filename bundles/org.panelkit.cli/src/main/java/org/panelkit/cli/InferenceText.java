package org.panelkit.cli;

import java.util.List;
import java.util.Locale;

import org.panelkit.engine.bootstrap.WildBootstrapResult;
import org.panelkit.engine.compare.CoefficientDifference;
import org.panelkit.engine.compare.Comparison;
import org.panelkit.engine.compare.ComparisonResult;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.FTest;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.mediation.MediationResult;
import org.panelkit.engine.mediation.MediatorResult;
import org.panelkit.engine.vcov.Convention;

/** Readable text of {@code fe --vcov wild}, {@code compare} and {@code mediation}. */
final class InferenceText {
    private static final String DASH = "-".repeat(98);

    private InferenceText() {
    }

    static String wildBootstrap(List<WildBootstrapResult> results) {
        StringBuilder sb = new StringBuilder();
        WildBootstrapResult f = results.get(0);
        int level = (int) Math.round(f.level() * 100);
        line(sb, "Wild cluster restricted bootstrap-t (WCR, null imposed): %s weights, %d replications%s, seed %d,",
                f.weights().key(), f.reps(), f.enumerated() ? " (all 2^G sign vectors)" : "", f.seed());
        line(sb, "%d clusters by %s; P* = share of |t*| > |t| (symmetric); interval by test inversion", f.clusters(),
                f.clusterColumn());
        sb.append(DASH).append('\n');
        line(sb, "%-20s %12s %12s %9s %8s %14s %14s", "H0: coef = null", "Coef.", "Std. err.", "t", "P*>|t|",
                "[" + level + "% boot.", "interval]");
        sb.append(DASH).append('\n');
        for (WildBootstrapResult r : results) {
            line(sb, "%-20s %12.7g %12.7g %9.2f %8.4f %14s %14s", trim(r.term() + (r.nullValue() == 0 ? ""
                    : " = " + r.nullValue())), r.estimate(), r.stdError(), r.tStat(), r.pValue(), g(r.confLow()),
                    g(r.confHigh()));
        }
        sb.append(DASH).append('\n');
        return sb.toString();
    }

    static String comparison(ComparisonResult r, String split) {
        StringBuilder sb = new StringBuilder();
        line(sb, "Coefficient differences across %d groups (split %s); base group: %s", r.groups().size(), split,
                r.groups().get(0));
        ModelSpec model = r.separateFits().get(0).spec();
        Convention conv = model.convention();
        line(sb, "Convention: %s (%s)", conv.key(), ModelText.conventionSource(conv));
        line(sb, "Fixed effects: %s", model.feKey().equals("none") ? "none"
                : model.feKey() + ", within each group (pooled model: every term by group)");
        if (model.weights() != null) {
            line(sb, "Analytic weights: %s", model.weights());
        }
        sb.append(DASH).append('\n');
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-20s", "Separate fits"));
        for (String g : r.groups()) {
            head.append(String.format(Locale.ROOT, " %16s", trim16(g)));
        }
        line(sb, "%s", head);
        sb.append(DASH).append('\n');
        for (String term : r.terms()) {
            StringBuilder est = new StringBuilder(String.format(Locale.ROOT, "%-20s", trim(term)));
            StringBuilder se = new StringBuilder(String.format(Locale.ROOT, "%-20s", ""));
            for (FixedEffectsResult f : r.separateFits()) {
                Coefficient c = f.coefficients().stream().filter(x -> x.term().equals(term)).findFirst().get();
                est.append(String.format(Locale.ROOT, " %16s", String.format(Locale.ROOT, "%.6g%s", c.estimate(),
                        c.stars())));
                se.append(String.format(Locale.ROOT, " %16s", String.format(Locale.ROOT, "(%.6g)", c.stdError())));
            }
            line(sb, "%s", est);
            line(sb, "%s", se);
        }
        boolean clustered = r.separateFits().get(0).spec().vcov().isClustered();
        boolean dk = r.separateFits().get(0).spec().vcov() == org.panelkit.engine.vcov.VcovType.DRISCOLL_KRAAY;
        StringBuilder n = new StringBuilder(String.format(Locale.ROOT, "%-20s",
                clustered ? "N / clusters" : dk ? "N / periods" : "N"));
        for (FixedEffectsResult f : r.separateFits()) {
            int[] cl = f.variance().clusters();
            n.append(String.format(Locale.ROOT, " %16s", f.observations()
                    + (cl.length > 0 && (clustered || dk) ? " / " + cl[0] : dk ? " / " + f.periods() : "")));
        }
        line(sb, "%s", n);
        sb.append(DASH).append('\n');
        method(sb, r.pooled(), "t");
        method(sb, r.suest(), "z");
        if (!r.notCompared().isEmpty()) {
            line(sb, "Not compared (not estimated in every group): %s", String.join(", ", r.notCompared()));
        }
        if (!r.emptyGroups().isEmpty()) {
            line(sb, "Groups without rows (left out): %s", String.join(", ", r.emptyGroups()));
        }
        if (r.unassignedRows() > 0) {
            line(sb, "Rows not assigned to any group (left out): %d", r.unassignedRows());
        }
        line(sb, "* p<0.1, ** p<0.05, *** p<0.01");
        return sb.toString();
    }

    private static void method(StringBuilder sb, Comparison c, String stat) {
        line(sb, "%s: %s", c.method().equals("pooled") ? "(a) Pooled" : "(b) SUEST", c.description());
        line(sb, "%-20s %-22s %12s %12s %9s %8s", "Difference", "group - base", "Coef.", "Std. err.", stat,
                "P>|" + stat + "|");
        for (CoefficientDifference d : c.differences()) {
            line(sb, "%-20s %-22s %12.6g %12.6g %9.2f %8.3f %s", trim(d.term()), trim22(d.group() + " - "
                    + d.baseGroup()), d.estimate(), d.stdError(), d.statistic(), d.pValue(),
                    org.panelkit.engine.stats.Distributions.stars(d.pValue()));
        }
        List<String> terms = c.differences().stream().map(CoefficientDifference::term).distinct().toList();
        boolean twoGroups = c.differences().size() == terms.size();
        if (!twoGroups) {
            for (String t : terms) {
                line(sb, "  %-40s %s", "all groups equal: " + t, test(c.termTest(t)));
            }
        }
        line(sb, "  %-40s %s", "joint: every coefficient equal", test(c.joint()));
        sb.append(DASH).append('\n');
    }

    private static String test(FTest t) {
        if (Double.isInfinite(t.df2())) {
            return String.format(Locale.ROOT, "chi2(%d) = %.4f   Prob > chi2 = %.4f", (int) t.df1(),
                    t.statistic() * t.df1(), t.pValue());
        }
        return String.format(Locale.ROOT, "F(%d, %s) = %.4f   Prob > F = %.4f", (int) t.df1(), df(t.df2()),
                t.statistic(), t.pValue());
    }

    static String mediation(MediationResult r) {
        StringBuilder sb = new StringBuilder();
        int level = (int) Math.round(r.spec().model().level() * 100);
        line(sb, "Mediation (three-step, fixed effects): %s -> mediator -> %s%s", r.spec().x(), r.spec().y(),
                r.spec().controls().isEmpty() ? "" : "; controls " + String.join(", ", r.spec().controls()));
        FixedEffectsResult f0 = r.mediators().get(0).totalFit();
        line(sb, "Effects: %s; std. errors: %s", f0.spec().feKey(), f0.variance().description());
        if (f0.spec().weights() != null) {
            line(sb, "Analytic weights: %s", f0.spec().weights());
        }
        Convention conv = r.spec().model().convention();
        line(sb, "Convention: %s (%s)", conv.key(), ModelText.conventionSource(conv));
        ModelSpec ms = r.spec().model();
        String unit = !ms.cluster().isEmpty() ? ms.cluster().get(0) : ms.entity();
        boolean clustered = ms.vcov().isClustered();
        if (r.spec().reps() > 0) {
            line(sb, "Cluster bootstrap of a*b: %d replications, seed %d, whole %s resampled", r.spec().reps(),
                    r.spec().seed(), clustered ? "clusters" : "units of " + unit);
        }
        for (MediatorResult m : r.mediators()) {
            sb.append(DASH).append('\n');
            if (clustered) {
                line(sb, "Mediator %s   (N = %d, clusters = %d)", m.mediator(), m.observations(), m.clusters());
            } else {
                line(sb, "Mediator %s   (N = %d, %s = %d, resampled by the bootstrap)", m.mediator(), m.observations(),
                        unit, m.clusters());
            }
            line(sb, "%-34s %12s %12s %9s %8s", "", "Coef.", "Std. err.", "t", "P>|t|");
            coef(sb, "c   total effect (x in (1))", m.total());
            coef(sb, "a   x -> mediator (x in (2))", m.a());
            coef(sb, "b   mediator -> y (M in (3))", m.b());
            coef(sb, "c'  direct effect (x in (3))", m.direct());
            line(sb, "%-34s %12.6g %12.6g %9.2f %8.3f  (Sobel z, normal)", "a*b indirect effect", m.indirect(),
                    m.sobelSe(), m.sobelZ(), m.sobelP());
            line(sb, "%-34s %12.6g", "proportion mediated a*b/c", m.proportion());
            if (m.reps() > 0) {
                line(sb, "bootstrap: s.e. %.6g; %d%% percentile [%.6g, %.6g]; %d%% bias-corrected [%.6g, %.6g]",
                        m.bootstrapSe(), level, m.percentile()[0], m.percentile()[1], level, m.biasCorrected()[0],
                        m.biasCorrected()[1]);
                line(sb, "           proportion mediated %d%% percentile [%.6g, %.6g]%s", level,
                        m.proportionPercentile()[0], m.proportionPercentile()[1], m.failedReps() > 0
                                ? "; " + m.failedReps() + " replications failed" : "");
            }
        }
        sb.append(DASH).append('\n');
        line(sb, "(1) y on x, (2) mediator on x, (3) y on x and mediator; controls and fixed effects in each; "
                + "c = c' + a*b");
        return sb.toString();
    }

    private static void coef(StringBuilder sb, String label, Coefficient c) {
        line(sb, "%-34s %12.6g %12.6g %9.2f %8.3f %s", label, c.estimate(), c.stdError(), c.statistic(), c.pValue(),
                c.stars());
    }

    private static String g(double v) {
        return Double.isInfinite(v) ? (v > 0 ? "+inf" : "-inf") : String.format(Locale.ROOT, "%.7g", v);
    }

    private static String df(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    private static String trim(String s) {
        return s.length() <= 20 ? s : s.substring(0, 19) + "~";
    }

    private static String trim16(String s) {
        return s.length() <= 16 ? s : s.substring(0, 15) + "~";
    }

    private static String trim22(String s) {
        return s.length() <= 22 ? s : s.substring(0, 21) + "~";
    }

    private static void line(StringBuilder sb, String fmt, Object... args) {
        sb.append(String.format(Locale.ROOT, fmt, args).stripTrailing()).append('\n');
    }
}
