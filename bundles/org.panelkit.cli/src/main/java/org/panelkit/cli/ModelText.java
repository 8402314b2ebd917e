package org.panelkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.panelkit.engine.fe.AbsorbedTerm;
import org.panelkit.engine.fe.Absorption;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.vcov.Convention;
import org.panelkit.engine.vcov.VarianceEstimate;

/** A readable, Stata-like regression table for {@code panelkit fe --format text}. */
final class ModelText {
    private ModelText() {
    }

    static String render(FixedEffectsResult r, List<String> warnings) {
        StringBuilder sb = new StringBuilder();
        VarianceEstimate v = r.variance();
        ModelSpec spec = r.spec();
        String title;
        switch (spec.effects()) {
        case NONE:
            title = "Pooled OLS";
            break;
        case ENTITY:
            title = "Fixed-effects (within) regression: entity effects";
            break;
        case TIME:
            title = "Fixed-effects regression: time effects";
            break;
        case TERMS:
            int m = spec.absorb().size();
            title = "Fixed-effects regression: " + m + " absorbed term" + (m == 1 ? "" : "s");
            break;
        default:
            title = "Fixed-effects regression: entity and time effects";
        }
        stat(sb, title, "Number of obs", Integer.toString(r.observations()));
        boolean terms = spec.effects() == Effects.TERMS;
        if (terms ? spec.entity() != null : spec.effects() != Effects.NONE || r.groups() > 0) {
            stat(sb, "Entity: " + nz(spec.entity()), "Number of groups", Integer.toString(r.groups()));
        }
        if (terms ? spec.time() != null : spec.effects() != Effects.NONE || r.groups() > 0) {
            stat(sb, "Time:   " + nz(spec.time()), "Number of periods", Integer.toString(r.periods()));
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
        line(sb, "Convention: %s (%s)", v.convention().key(), conventionSource(v.convention()));
        if (r.weightsColumn() != null) {
            line(sb, "Weights: %s (analytic weights); rows with weight 0 dropped: %d", r.weightsColumn(),
                    r.zeroWeightsDropped());
        }
        String dash = "-".repeat(98);
        sb.append(dash).append('\n');
        int level = (int) Math.round(spec.level() * 100);
        line(sb, "%-20s %12s %12s %9s %8s %14s %14s", spec.y(), "Coef.", "Std. err.", "t", "P>|t|",
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
        absorbed(sb, r.absorbed(), r.absorption());
        for (String w : warnings) {
            sb.append("Note: ").append(w).append('\n');
        }
        return sb.toString();
    }

    /**
     * reghdfe's "Absorbed degrees of freedom" table (categories, redundant, coefficients per term; "*" for a term
     * nested in a cluster, "?" where the redundant count is conservative) and the absorption method.
     */
    static void absorbed(StringBuilder sb, List<AbsorbedTerm> terms, Absorption a) {
        if (terms.isEmpty()) {
            return;
        }
        int width = 11;
        for (AbsorbedTerm t : terms) {
            width = Math.max(width, t.term().length());
        }
        String rule = "-".repeat(width + 2) + "+" + "-".repeat(42);
        sb.append('\n').append("Absorbed degrees of freedom:\n");
        sb.append(rule).append('\n');
        line(sb, " %" + width + "s | %10s - %10s = %10s", "Absorbed FE", "Categories", "Redundant", "Num. coefs");
        sb.append(rule).append('\n');
        boolean conservative = false;
        boolean nested = false;
        for (AbsorbedTerm t : terms) {
            String mark = (t.nestedInCluster() ? "*" : "") + (t.exact() ? "" : "?");
            conservative |= !t.exact();
            nested |= t.nestedInCluster();
            line(sb, " %" + width + "s | %10d - %10d = %10d %s", t.term(), t.levels(), t.redundant(),
                    t.coefficients(), mark);
        }
        sb.append(rule).append('\n');
        if (nested) {
            line(sb, "* = FE nested within a cluster: xtreg leaves it out of K, fixest counts it as one coefficient");
        }
        if (conservative) {
            line(sb, "? = conservative count (reghdfe's rule): the number of redundant categories may be higher");
        }
        if (a.iterative()) {
            line(sb, "Absorption: %s, %d iterations, tolerance %.1e, %s", a.method(), a.iterations(), a.tolerance(),
                    a.converged() ? "converged" : "NOT CONVERGED");
        } else {
            line(sb, "Absorption: %s (exact)", a.method());
        }
    }

    /** The warning for an iterative absorption that stopped before reaching its tolerance, or null. */
    static String convergenceWarning(Absorption a) {
        if (a.converged()) {
            return null;
        }
        return String.format(Locale.ROOT, "the absorption of the fixed effects (%s) did not converge in %d "
                + "iterations to the tolerance %.1e: the estimates and standard errors may be inaccurate",
                a.method(), a.iterations(), a.tolerance());
    }

    /** The warnings of the fit, with the convergence warning added when the engine did not state it. */
    static List<String> warnings(FixedEffectsResult r) {
        return warnings(r.warnings(), r.absorption());
    }

    /** {@code engine}'s warnings, with the convergence warning of {@code a} added when none mentions it. */
    static List<String> warnings(List<String> engine, Absorption a) {
        List<String> w = new ArrayList<>(engine);
        String c = convergenceWarning(a);
        if (c != null && w.stream().noneMatch(s -> s.contains("converge"))) {
            w.add(c);
        }
        return w;
    }

    /** What each convention reproduces, one short phrase. */
    static String conventionSource(Convention c) {
        switch (c) {
        case XTREG:
            return "Stata xtreg, fe and reghdfe";
        case PLM:
            return "R plm";
        case AREG:
            return "Stata areg";
        case FIXEST:
            return "R fixest::feols, default ssc()";
        case SANDWICH:
            return "R sandwich::vcovCL on the dummy regression";
        default:
            return c.key();
        }
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
