package org.panelkit.engine.interp;

/** What happens to missing cells before an entity's first or after its last observed value. */
public enum Ends {
    /** Leading and trailing gaps stay missing (except the direction LOCF and NOCB carry by definition). */
    NONE("none"),
    /** Leading and trailing gaps get the nearest observed value ({@code approx(rule = 2)}). */
    CONSTANT("constant"),
    /**
     * The method's own curve is continued: linear and loglinear extend the line through the two end
     * observations, the natural spline its linear continuation (second derivative zero), pchip its end cubic
     * piece (as MATLAB); the piecewise constant methods (locf, nocb, nearest) the end value.
     */
    EXTRAPOLATE("extrapolate");

    private final String key;

    Ends(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Ends fromKey(String key) {
        for (Ends e : values()) {
            if (e.key.equals(key)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown ends rule '" + key + "' (expected none, constant or extrapolate)");
    }
}
