package org.panelkit.engine.report;

import org.panelkit.engine.PanelKitException;

/**
 * Which R² a table reports. Fixed-effects software disagrees on "the" R² (plm and reghdfe report the within R²
 * net of all effects, Stata's xtreg the within R² net of entity means only, areg the R² of the dummy regression),
 * and the numbers differ a lot, so the table names the variant in the row label.
 */
public enum RSquared {
    /** 1 - SSR / sum of squares of y with every absorbed effect removed (plm, reghdfe "within"). */
    WITHIN("within", "Within R²", "within R² = 1 - SSR / sum of squares of y net of all fixed effects"),
    /** 1 - SSR / sum of squares of y demeaned by entity only (Stata xtreg "within", gretl). */
    WITHIN_ENTITY("within-entity", "Within R² (entity-demeaned)",
            "within R² (entity-demeaned) = 1 - SSR / sum of squares of y net of entity means (Stata xtreg)"),
    /** R² of the least-squares dummy-variable regression (Stata areg). */
    LSDV("lsdv", "R² (LSDV)", "R² (LSDV) = R² of the regression with a dummy for every fixed effect (Stata areg)");

    private final String key;
    private final String label;
    private final String definition;

    RSquared(String key, String label, String definition) {
        this.key = key;
        this.label = label;
        this.definition = definition;
    }

    public String key() {
        return key;
    }

    /** The row label, naming the variant. */
    public String label() {
        return label;
    }

    /** One sentence for the table's notes. */
    public String definition() {
        return definition;
    }

    /** This variant's value in a model (NaN where it does not apply). */
    public double value(ModelSummary m) {
        switch (this) {
        case WITHIN:
            return m.r2Within();
        case WITHIN_ENTITY:
            return m.r2WithinEntity();
        default:
            return m.r2Lsdv();
        }
    }

    public static RSquared fromKey(String key) {
        for (RSquared r : values()) {
            if (r.key.equals(key)) {
                return r;
            }
        }
        throw new PanelKitException("unknown R² '" + key + "' (expected within, within-entity or lsdv)");
    }
}
