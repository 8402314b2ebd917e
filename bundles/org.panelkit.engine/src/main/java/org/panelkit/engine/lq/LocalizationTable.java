package org.panelkit.engine.lq;

/**
 * Localization and concentration of each industry across the regions of the table, per year, ordered by
 * industry, then time. With a_i = Y_ijt / Σ_i Y_ijt (the region's share of the industry) and
 * b_i = Y_it / Σ_i Y_it (its share of all activity), sums over the regions of the table (not the national
 * rows, which are not a region):
 * <ul>
 * <li><b>Hoover</b> coefficient of localization H_jt = ½ Σ_i |a_i − b_i|, in [0, 1): 0 = the industry is spread
 * like activity as a whole. Hoover, E. M. (1936), "The measurement of industrial localization", <i>Review of
 * Economics and Statistics</i> 18(4), 162–171.</li>
 * <li><b>Gini</b> (locational Gini) G_jt: regions sorted by a_i/b_i (the location quotient within the table)
 * ascending, X_k and Y_k the cumulative sums of b and a, G = 1 − Σ_k (X_k − X_{k−1})(Y_k + Y_{k−1}); equal to
 * ½ Σ_i Σ_k b_i b_k |a_i/b_i − a_k/b_k|. In [0, 1). Krugman, P. (1991), <i>Geography and Trade</i>, MIT Press,
 * ch. 2 and appendix D.</li>
 * <li><b>HHI</b> of regional concentration HHI_jt = Σ_i a_i², in (0, 1]: 1 = the whole industry in one
 * region, 1/R = spread evenly over R regions. Hirschman, A. O. (1945), <i>National Power and the Structure
 * of Foreign Trade</i>; Herfindahl, O. C. (1950), <i>Concentration in the Steel Industry</i>, Columbia
 * University.</li>
 * </ul>
 * A region with no row for the industry counts with a_i = 0. Missing when any value of the industry-year or
 * any region total of the year is missing or negative, or the industry's total is zero.
 */
public final class LocalizationTable {
    private final String[] industry;
    private final String[] time;
    private final double[] hoover;
    private final double[] gini;
    private final double[] hhi;

    LocalizationTable(String[] industry, String[] time, double[] hoover, double[] gini, double[] hhi) {
        this.industry = industry;
        this.time = time;
        this.hoover = hoover;
        this.gini = gini;
        this.hhi = hhi;
    }

    public int size() { return hoover.length; }
    public String industry(int k) { return industry[k]; }
    public String time(int k) { return time[k]; }
    public double hoover(int k) { return hoover[k]; }
    public double gini(int k) { return gini[k]; }
    public double hhi(int k) { return hhi[k]; }
}
