package org.panelkit.engine.report;

import java.util.Locale;

/** Fixed-decimal formatting as tables print numbers: locale-independent, no "-0.000", blank for NaN. */
final class Numbers {
    private Numbers() {
    }

    static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.startsWith("-") && s.chars().noneMatch(ch -> ch >= '1' && ch <= '9')) {
            s = s.substring(1);
        }
        return s;
    }

    static String integer(int v) {
        return Integer.toString(v);
    }
}
