package org.panelkit.engine.smooth;

import java.util.List;
import java.util.Objects;

import org.panelkit.engine.data.PanelColumns;

/**
 * What to smooth: numeric columns within each entity, ordered by the numeric time column. Immutable; build with
 * {@link #builder(String, String, List)}. The moving averages need a window (odd for the centred one) and take
 * the minimum number of observed values in the window (default: the whole window); the HP filter needs lambda.
 */
public final class SmoothingSpec {
    private final String entity;
    private final String time;
    private final List<String> columns;
    private final SmoothingMethod method;
    private final int window;
    private final int minPeriods;
    private final double lambda;

    private SmoothingSpec(Builder b) {
        this.entity = b.entity;
        this.time = b.time;
        this.columns = List.copyOf(b.columns);
        this.method = b.method;
        this.window = b.window;
        this.minPeriods = b.minPeriods > 0 ? b.minPeriods : b.window;
        this.lambda = b.lambda;
    }

    public static Builder builder(String entity, String time, List<String> columns) {
        return new Builder(entity, time, columns);
    }

    public String entity() { return entity; }
    public String time() { return time; }
    public List<String> columns() { return columns; }
    public SmoothingMethod method() { return method; }
    /** Window length in periods (moving averages; 0 for HP). */
    public int window() { return window; }
    /** Fewest observed values in a window for the average to be reported (moving averages). */
    public int minPeriods() { return minPeriods; }
    /** HP smoothing parameter (NaN for the moving averages). */
    public double lambda() { return lambda; }

    /** Name of the smoothed output column for {@code column}. */
    public String outputName(String column) {
        return column + "_" + method.suffix();
    }

    /** Name of the HP cycle column for {@code column}. */
    public String cycleName(String column) {
        return column + "_cycle";
    }

    /** Builder with validation in {@link #build()}. */
    public static final class Builder {
        private final String entity;
        private final String time;
        private final List<String> columns;
        private SmoothingMethod method = SmoothingMethod.MA;
        private int window;
        private int minPeriods;
        private double lambda = Double.NaN;

        private Builder(String entity, String time, List<String> columns) {
            this.entity = entity;
            this.time = time;
            this.columns = columns == null ? List.of() : List.copyOf(columns);
        }

        public Builder method(SmoothingMethod v) { this.method = Objects.requireNonNull(v); return this; }
        public Builder window(int v) { this.window = v; return this; }
        /** 0 (the default) means the whole window. */
        public Builder minPeriods(int v) { this.minPeriods = v; return this; }
        public Builder lambda(double v) { this.lambda = v; return this; }

        public SmoothingSpec build() {
            PanelColumns.check(entity, time, columns, "smooth", "smoothed");
            if (method == SmoothingMethod.HP) {
                if (!(lambda > 0) || Double.isInfinite(lambda)) {
                    throw new IllegalArgumentException("the HP filter needs a positive lambda (annual data: 100, or 6.25 "
                            + "after Ravn and Uhlig 2002; quarterly: 1600), got " + lambda);
                }
                if (window != 0 || minPeriods != 0) {
                    throw new IllegalArgumentException("window and minimum periods apply to the moving averages, not to hp");
                }
            } else {
                if (window < 1) {
                    throw new IllegalArgumentException("the moving average needs a window of 1 or more periods, got " + window);
                }
                if (method == SmoothingMethod.MA && window % 2 == 0) {
                    throw new IllegalArgumentException("the centred moving average needs an odd window, got " + window
                            + " (use an odd window or trailing-ma)");
                }
                if (minPeriods < 0 || minPeriods > window) {
                    throw new IllegalArgumentException("minimum periods must be between 1 and the window (" + window
                            + "), got " + minPeriods);
                }
                if (!Double.isNaN(lambda)) {
                    throw new IllegalArgumentException("lambda applies to hp, not to the moving averages");
                }
            }
            return new SmoothingSpec(this);
        }
    }
}
