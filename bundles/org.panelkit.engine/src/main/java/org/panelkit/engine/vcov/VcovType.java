package org.panelkit.engine.vcov;

/** The variance estimator of the coefficients. */
public enum VcovType {
    /** Homoskedastic: s^2 (X~'X~)^-1 with s^2 = SSR / df_resid. */
    IID("iid"),
    /** White heteroskedasticity-robust without small-sample factor. */
    HC0("hc0"),
    /** White heteroskedasticity-robust with the convention's small-sample factor. */
    HC1("hc1"),
    /** One-way cluster-robust without small-sample factor. */
    CR0("cr0"),
    /** One-way cluster-robust with G/(G-1)(N-1)/(N-K), K by convention (Stata's default). */
    CLUSTER("cluster"),
    /** Bell-McCaffrey bias-reduced cluster-robust (CR2) with Satterthwaite degrees of freedom. */
    CR2("cr2"),
    /** Two-way cluster-robust (Cameron, Gelbach and Miller 2011). */
    TWOWAY("twoway"),
    /** Driscoll-Kraay: robust to cross-sectional and serial correlation (Bartlett kernel). */
    DRISCOLL_KRAAY("dk");

    private final String key;

    VcovType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public boolean isClustered() {
        return this == CR0 || this == CLUSTER || this == CR2 || this == TWOWAY;
    }

    public static VcovType fromKey(String key) {
        for (VcovType t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "unknown variance estimator '" + key + "' (expected iid, hc0, hc1, cr0, cluster, cr2, twoway or dk)");
    }
}
