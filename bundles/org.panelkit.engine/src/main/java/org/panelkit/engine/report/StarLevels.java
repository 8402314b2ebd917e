package org.panelkit.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.panelkit.engine.PanelKitException;

/**
 * Significance stars: p below the i-th threshold earns i+1 stars. The thresholds are part of the table (its note
 * states them), so they live in one value that both the cells and the note are made from. The default is the
 * economics convention * p&lt;0.1, ** p&lt;0.05, *** p&lt;0.01 (Stata's esttab with {@code star(* 0.10 ** 0.05
 * *** 0.01)}, the study's tables).
 */
public final class StarLevels {
    private static final StarLevels DEFAULT = new StarLevels(new double[] {0.1, 0.05, 0.01});
    private static final StarLevels NONE = new StarLevels(new double[0]);

    private final double[] thresholds;

    private StarLevels(double[] thresholds) {
        this.thresholds = thresholds;
    }

    /** * p&lt;0.1, ** p&lt;0.05, *** p&lt;0.01. */
    public static StarLevels conventional() {
        return DEFAULT;
    }

    /** No stars at all (some journals forbid them). */
    public static StarLevels none() {
        return NONE;
    }

    /** Custom thresholds, strictly decreasing in (0, 1), e.g. 0.05, 0.01, 0.001. */
    public static StarLevels of(double... thresholds) {
        for (int i = 0; i < thresholds.length; i++) {
            double t = thresholds[i];
            if (!(t > 0 && t < 1)) {
                throw new PanelKitException("star threshold must be between 0 and 1, got " + t);
            }
            if (i > 0 && !(t < thresholds[i - 1])) {
                throw new PanelKitException("star thresholds must decrease (e.g. 0.1,0.05,0.01), got "
                        + java.util.Arrays.toString(thresholds));
            }
        }
        return new StarLevels(thresholds.clone());
    }

    /** Stars for a p-value; empty for NaN or p at or above the first threshold. */
    public String stars(double p) {
        int n = 0;
        for (double t : thresholds) {
            if (p < t) {
                n++;
            }
        }
        return "*".repeat(n);
    }

    /** The thresholds, loosest first. */
    public List<Double> thresholds() {
        List<Double> l = new ArrayList<>();
        for (double t : thresholds) {
            l.add(t);
        }
        return l;
    }

    /** The legend, e.g. "* p&lt;0.1, ** p&lt;0.05, *** p&lt;0.01"; empty without stars. */
    public String legend() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < thresholds.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append("*".repeat(i + 1)).append(" p<").append(plain(thresholds[i]));
        }
        return sb.toString();
    }

    private static String plain(double t) {
        String s = String.format(Locale.ROOT, "%.6f", t);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
