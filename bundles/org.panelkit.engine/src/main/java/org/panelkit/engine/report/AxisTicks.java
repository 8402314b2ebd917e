package org.panelkit.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The x axis of a coefficient plot: the data range widened to include zero (the plot is read against zero) and
 * padded by 5% on each side so that no whisker cap or the zero line sits on the frame, with "nice" ticks (steps
 * of 1, 2 or 5 times a power of ten) inside it.
 */
final class AxisTicks {
    final double min;
    final double max;
    final List<Double> ticks;
    private final int decimals;

    private AxisTicks(double min, double max, List<Double> ticks, int decimals) {
        this.min = min;
        this.max = max;
        this.ticks = ticks;
        this.decimals = decimals;
    }

    static AxisTicks covering(double lo, double hi, int targetCount) {
        lo = Math.min(lo, 0);
        hi = Math.max(hi, 0);
        if (!(hi > lo)) {
            lo = -1;
            hi = 1;
        }
        double pad = 0.05 * (hi - lo);
        double min = lo - pad;
        double max = hi + pad;
        double raw = (max - min) / Math.max(1, targetCount);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / magnitude;
        double step = (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * magnitude;
        List<Double> ticks = new ArrayList<>();
        for (long i = (long) Math.ceil(min / step - 1e-9); i * step <= max + step * 1e-9; i++) {
            double t = i * step;
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return new AxisTicks(min, max, List.copyOf(ticks), decimals);
    }

    String label(double t) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", t);
        return s.startsWith("-") && Double.parseDouble(s) == 0 ? s.substring(1) : s;
    }
}
