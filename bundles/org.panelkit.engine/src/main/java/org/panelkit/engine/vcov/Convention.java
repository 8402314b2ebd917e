package org.panelkit.engine.vcov;

/**
 * Whose small-sample factor and inference degrees of freedom to reproduce. With N observations, k slopes,
 * K_fe the rank of the absorbed fixed effects and G clusters:
 * <ul>
 * <li>{@link #XTREG} (Stata {@code xtreg, fe vce(cluster)} and {@code reghdfe}): cluster factor
 * G/(G-1)(N-1)/(N-K) with K = k + K_fe minus the fixed effects nested in the clusters (the constant is
 * counted); HC1 N/(N-k-K_fe); t tests with G-1 degrees of freedom for clustered estimators.</li>
 * <li>{@link #PLM} (R {@code plm::vcovHC(type = "sss")}): K = k; t tests with df_resid throughout.</li>
 * <li>{@link #AREG} (Stata {@code areg}, R {@code sandwich::vcovCL} on the dummy regression, {@code estimatr}
 * "stata"): K = k + K_fe, every absorbed effect counted; G-1 for clustered estimators.</li>
 * <li>{@link #FIXEST} (R {@code fixest::feols}, default {@code ssc()}): factor (N-1)/(N-K) with
 * K = k + sum over terms of their levels - (terms - 1), a term nested in a cluster column counting 1 (group
 * counts, not the exact rank); times G/(G-1) for clustered estimators, with the smallest G for two-way
 * clustering applied to V1 + V2 - V12; t tests with min(G)-1 df for clustered estimators, N-K otherwise.</li>
 * <li>{@link #SANDWICH} (R {@code sandwich::vcovCL(multi0 = FALSE)} on the dummy regression): as areg, but
 * two-way clustering with G/(G-1) per component (V1, V2 and V12 each) and (N-1)/(N-K), K = k + K_fe.</li>
 * </ul>
 * For two-way clustering {@link #XTREG} follows {@code reghdfe}: one factor G_min/(G_min-1) (N-1)/(N-K) applied
 * to V1 + V2 - V12, K with the fixed effects nested in either cluster removed.
 */
public enum Convention {
    XTREG("xtreg"), PLM("plm"), AREG("areg"), FIXEST("fixest"), SANDWICH("sandwich");

    private final String key;

    Convention(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Convention fromKey(String key) {
        for (Convention c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown convention '" + key + "' (expected xtreg, plm, areg, fixest or sandwich)");
    }
}
