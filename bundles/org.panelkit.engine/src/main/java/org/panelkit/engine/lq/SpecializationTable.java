package org.panelkit.engine.lq;

/**
 * The Krugman specialization index per region and year (regions of the table only, not the national rows),
 * ordered by region, then time.
 *
 * <p>K_it = Σ_j |Y_ijt/Y_it − Y_jt/Y_t|: the distance between the region's industry shares and the nation's,
 * with the same national reference Y_jt, Y_t as the location quotients; an industry the region has no row for
 * counts with share 0. 0 = the region's structure equals the nation's; the maximum is 2 (no industry in common).
 * Source: Krugman, P. (1991), <i>Geography and Trade</i>, MIT Press, appendix D (there between two regions);
 * the region-versus-reference form as in Midelfart-Knarvik, K. H., Overman, H. G., Redding, S. J. and
 * Venables, A. J. (2000), "The location of European industry", European Commission, Economic Papers 142.
 * Missing when any value of the region-year is missing or negative, or a total it needs is missing or zero.
 */
public final class SpecializationTable {
    private final String[] region;
    private final String[] time;
    private final double[] krugman;

    SpecializationTable(String[] region, String[] time, double[] krugman) {
        this.region = region;
        this.time = time;
        this.krugman = krugman;
    }

    public int size() { return krugman.length; }
    public String region(int k) { return region[k]; }
    public String time(int k) { return time[k]; }
    /** Krugman index of row {@code k}; NaN when missing. */
    public double krugman(int k) { return krugman[k]; }
}
