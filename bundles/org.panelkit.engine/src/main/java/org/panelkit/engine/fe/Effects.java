package org.panelkit.engine.fe;

/** Which fixed effects the model absorbs. */
public enum Effects {
    /** Pooled OLS (with or without a constant). */
    NONE("none"),
    /** Entity (panel unit) fixed effects, as {@code xtreg, fe}. */
    ENTITY("entity"),
    /** Period fixed effects only. */
    TIME("time"),
    /** Entity and period fixed effects, as {@code reghdfe, absorb(id year)} or {@code xtreg ... i.year, fe}. */
    TWOWAY("twoway"),
    /** A list of fixed-effect terms ({@link ModelSpec#absorb()}), e.g. {@code firm,year,industry^year}. */
    TERMS("terms");

    private final String key;

    Effects(String key) {
        this.key = key;
    }

    /** The stable key used on the command line and in saved settings. */
    public String key() {
        return key;
    }

    public boolean hasEntity() {
        return this == ENTITY || this == TWOWAY;
    }

    public boolean hasTime() {
        return this == TIME || this == TWOWAY;
    }

    public static Effects fromKey(String key) {
        for (Effects e : values()) {
            if (e != TERMS && e.key.equals(key) || (e == TWOWAY && "twoways".equals(key))) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown fixed effects '" + key + "' (expected none, entity, time or twoway)");
    }
}
