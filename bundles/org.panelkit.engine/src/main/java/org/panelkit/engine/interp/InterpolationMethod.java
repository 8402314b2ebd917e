package org.panelkit.engine.interp;

/**
 * How a missing cell is filled from the observed values of the same entity, with the actual time values as x.
 * Formulas are in {@link SeriesInterpolator}.
 */
public enum InterpolationMethod {
    /** Straight line between the two observed neighbours (R {@code approx}, {@code zoo::na.approx}). */
    LINEAR("linear"),
    /**
     * Natural cubic spline through all observed points of the entity (second derivative zero at the end knots;
     * R {@code splinefun(method = "natural")}, {@code zoo::na.spline(method = "natural")}).
     */
    SPLINE("spline"),
    /**
     * Monotone piecewise cubic Hermite interpolation as MATLAB's {@code pchip} (Fritsch and Carlson 1980 with
     * the weighted harmonic mean of Fritsch and Butland 1984 for interior slopes and the one-sided three-point
     * end slopes of Moler, <i>Numerical Computing with MATLAB</i>, ch. 3); no overshoot between data points.
     */
    PCHIP("pchip"),
    /** Linear in the logarithm (constant growth rate between observations); positive values only. */
    LOGLINEAR("loglinear"),
    /** Last observation carried forward ({@code zoo::na.locf}). */
    LOCF("locf"),
    /** Next observation carried backward ({@code zoo::na.locf(fromLast = TRUE)}). */
    NOCB("nocb"),
    /** The observed value nearest in time; at an exact tie the earlier one. */
    NEAREST("nearest");

    private final String key;

    InterpolationMethod(String key) {
        this.key = key;
    }

    /** The stable key used on the command line and in saved settings. */
    public String key() {
        return key;
    }

    public static InterpolationMethod fromKey(String key) {
        for (InterpolationMethod m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown interpolation method '" + key
                + "' (expected linear, spline, pchip, loglinear, locf, nocb or nearest)");
    }
}
