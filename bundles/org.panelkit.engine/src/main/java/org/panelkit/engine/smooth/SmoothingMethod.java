package org.panelkit.engine.smooth;

/** Smoothing within each entity. */
public enum SmoothingMethod {
    /** Centred moving average over an odd window of periods. */
    MA("ma", "ma"),
    /** Trailing moving average: the period itself and the window - 1 periods before it. */
    TRAILING_MA("trailing-ma", "trailing_ma"),
    /** Hodrick-Prescott filter: trend and cycle. */
    HP("hp", "hp");

    private final String key;
    private final String suffix;

    SmoothingMethod(String key, String suffix) {
        this.key = key;
        this.suffix = suffix;
    }

    /** The stable key used on the command line and in saved settings. */
    public String key() {
        return key;
    }

    /** Suffix of the output column: {@code <column>_<suffix>} (a hyphen would need quoting in R and Stata). */
    public String suffix() {
        return suffix;
    }

    public static SmoothingMethod fromKey(String key) {
        for (SmoothingMethod m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown smoothing method '" + key + "' (expected ma, trailing-ma or hp)");
    }
}
