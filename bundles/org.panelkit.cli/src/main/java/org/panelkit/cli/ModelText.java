package org.panelkit.cli;

import java.util.List;
import java.util.Locale;

import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.vcov.VarianceEstimate;

/** A readable, Stata-like regression table for {@code panelkit fe --format text}. */
final class ModelText {
    private ModelText() {
    }

    static String render(FixedEffectsResult r, List<String> warnings) {
        StringBuilder sb = new StringBuilder();
        VarianceEstimate v = r.variance();
        String title;
        switch (r.spec().effects()) {
        case NONE:
            title = "Pooled OLS";
            break;
        case ENTITY:
            title = "Fixed-effects (within) regression: entity effects";
            break;
        case TIME:
            title = "Fixed-effects regression: time effects";
            break;
        default:
            title = "Fixed-effects regression: entity and time effects";
        }
        stat(sb, title, "Number of obs", Integer.toString(r.observations()));
        if (r.spec().effects() != Effects.NONE || r.groups() > 0) {
            stat(sb, "Entity: " + nz(r.spec().entity()), "Number of groups", Integer.toString(r.groups()));
            stat(sb, "Time:   " + nz(r.spec().time()), "Number of periods", Integer.toString(r.periods()));
        }
        if (v.clusters().length > 0) {
            StringBuilder c = new StringBuilder();
            for (int g : v.clusters()) {
                c.append(c.length() == 0 ? "" : " x ").append(g);
            }
            stat(sb, "", "Clusters", c.toString());
        }
        stat(sb, "", String.format(Locale.ROOT, "F(%d, %s)", (int) r.waldTest().df1(), df(r.waldTest().df2())),
                String.format(Locale.ROOT, "%.2f", r.waldTest().statistic()));
        stat(sb, "", "Prob > F", String.format(Locale.ROOT, "%.4f", r.waldTest().pValue()));
        if (!Double.isNaN(r.r2Within())) {
            stat(sb, "", "R2 within", String.format(Locale.ROOT, "%.4f", r.r2Within()));
        }
        if (!Double.isNaN(r.r2WithinEntity())) {
            stat(sb, "", "R2 within (Stata)", String.format(Locale.ROOT, "%.4f", r.r2WithinEntity()));
        }
        stat(sb, "", "R2 LSDV", String.format(Locale.ROOT, "%.4f", r.r2Lsdv()));
        sb.append(String.format(Locale.ROOT, "Std. errors: %s%n", v.description()));
        String rule = ruleText(v.dfRule(), r);
        sb.append(String.format(Locale.ROOT, "t tests: %s%n", rule));
        String dash = "-".repeat(98);
        sb.append(dash).append('\n');
        int level = (int) Math.round(r.spec().level() * 100);
        line(sb, "%-20s %12s %12s %9s %8s %14s %14s", r.spec().y(), "Coef.", "Std. err.", "t", "P>|t|",
                "[" + level + "% conf.", "interval]");
        sb.append(dash).append('\n');
        for (Coefficient c : r.coefficients()) {
            row(sb, c);
        }
        if (r.constant() != null) {
            row(sb, r.constant());
        }
        sb.append(dash).append('\n');
        line(sb, "sigma = %.6g   SSR = %.6g   df_resid = %d   fixed effects absorbed = %d", r.sigma(), r.ssr(),
                r.dfResid(), r.fixedEffectsRank());
        line(sb, "* p<0.1, ** p<0.05, *** p<0.01");
        for (String w : warnings) {
            sb.append("Note: ").append(w).append('\n');
        }
        return sb.toString();
    }

    /** One header line: left text, then "label = value" with every "=" in the same column. */
    private static void stat(StringBuilder sb, String left, String label, String value) {
        line(sb, "%-52s %-17s = %10s", left, label, value);
    }

    private static String ruleText(String rule, FixedEffectsResult r) {
        switch (rule) {
        case "G-1":
            return "t with G-1 degrees of freedom";
        case "min(G)-1":
            return "t with min(G1, G2)-1 degrees of freedom";
        case "T-1":
            return "t with T-1 degrees of freedom";
        case "Satterthwaite":
            return "t with Satterthwaite degrees of freedom (Bell-McCaffrey)";
        default:
            return "t with " + r.dfResid() + " residual degrees of freedom";
        }
    }

    private static void row(StringBuilder sb, Coefficient c) {
        line(sb, "%-20s %12.7g %12.7g %9.2f %8.3f %14.7g %14.7g %s", trim(c.term()), c.estimate(), c.stdError(),
                c.statistic(), c.pValue(), c.confLow(), c.confHigh(), c.stars());
    }

    private static String trim(String s) {
        return s.length() <= 20 ? s : s.substring(0, 19) + "~";
    }

    private static String df(double d) {
        return Double.isInfinite(d) ? "inf" : d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }

    private static void line(StringBuilder sb, String fmt, Object... args) {
        sb.append(String.format(Locale.ROOT, fmt, args).stripTrailing()).append('\n');
    }
}
