package org.panelkit.engine.lq;

import org.panelkit.engine.ProgressMonitor;

/**
 * The sums over the table's cells that the quotients and the indices are made of:
 * <ul>
 * <li>per region-year (every region, including national rows): Y_it = Σ_j Y_ijt;</li>
 * <li>per industry-year over the regions of the table (not the national rows): Σ_i Y_ijt, the default Y_jt;</li>
 * <li>per year over the regions of the table: Σ_i Σ_j Y_ijt, the default Y_t.</li>
 * </ul>
 * Each in two versions: raw (strict, NaN as soon as a cell is missing: {@link LqSpec.Missing#PROPAGATE}) and
 * skip (the sum of the observed cells, NaN when none is observed: {@link LqSpec.Missing#SKIP}), with the counts
 * of observed values and of cells. One pass over the cells, compensated ({@link CompensatedSums}).
 * Immutable once built; arrays indexed r * times + t (region-year) and j * times + t (industry-year).
 */
final class RegionalTotals {
    final double[] regRaw;
    final double[] regSkip;
    final int[] regObs;
    final int[] regCells;
    final double[] tabRaw;
    final double[] tabSkip;
    final int[] tabObs;
    final int[] tabCells;
    final double[] totRaw;
    final double[] totSkip;
    final int[] totObs;

    private RegionalTotals(double[] regRaw, double[] regSkip, int[] regObs, int[] regCells, double[] tabRaw,
            double[] tabSkip, int[] tabObs, int[] tabCells, double[] totRaw, double[] totSkip, int[] totObs) {
        this.regRaw = regRaw;
        this.regSkip = regSkip;
        this.regObs = regObs;
        this.regCells = regCells;
        this.tabRaw = tabRaw;
        this.tabSkip = tabSkip;
        this.tabObs = tabObs;
        this.tabCells = tabCells;
        this.totRaw = totRaw;
        this.totSkip = totSkip;
        this.totObs = totObs;
    }

    static RegionalTotals of(LqCells c, ProgressMonitor monitor) {
        int times = c.times;
        int rt = c.regions * times;
        int jt = c.industries * times;
        double[] regComp = new double[rt];
        double[] tabComp = new double[jt];
        double[] totComp = new double[times];
        double[] regSkip = new double[rt];
        int[] regObs = new int[rt];
        int[] regCells = new int[rt];
        double[] tabSkip = new double[jt];
        int[] tabObs = new int[jt];
        int[] tabCells = new int[jt];
        double[] totSkip = new double[times];
        int[] totObs = new int[times];
        int[] totCells = new int[times];
        boolean wide = c.wide;
        int[] reg = c.reg;
        int[] tim = c.tim;
        int[] ind = c.ind;
        double[][] val = c.val;
        for (int row = 0; row < c.n; row++) {
            if ((row & (LocationQuotients.CHECK_EVERY - 1)) == 0) {
                monitor.checkCanceled();
            }
            int r = reg[row];
            int t = tim[row];
            int a = r * times + t;
            boolean region = r != c.natRegion;
            for (int q = 0; q < c.width; q++) {
                double x = val[q][row];
                regCells[a]++;
                if (region) {
                    tabCells[(wide ? q : ind[row]) * times + t]++;
                    totCells[t]++;
                }
                if (x != x) {
                    continue;
                }
                CompensatedSums.add(regSkip, regComp, a, x);
                regObs[a]++;
                if (region) {
                    int b = (wide ? q : ind[row]) * times + t;
                    CompensatedSums.add(tabSkip, tabComp, b, x);
                    tabObs[b]++;
                    CompensatedSums.add(totSkip, totComp, t, x);
                    totObs[t]++;
                }
            }
        }
        double[] regRaw = CompensatedSums.finish(regSkip, regComp, regObs, regCells);
        double[] tabRaw = CompensatedSums.finish(tabSkip, tabComp, tabObs, tabCells);
        double[] totRaw = CompensatedSums.finish(totSkip, totComp, totObs, totCells);
        return new RegionalTotals(regRaw, regSkip, regObs, regCells, tabRaw, tabSkip, tabObs, tabCells, totRaw,
                totSkip, totObs);
    }

    /** Y_it of region-year a under the missing-value rule. */
    double regionTotal(int a, boolean skip) {
        return pick(regRaw[a], regSkip[a], regObs[a], skip);
    }

    /** The strict total, or under {@code skip} the sum of the observed values (NaN when none is observed). */
    static double pick(double raw, double skipped, int observed, boolean skip) {
        if (!skip) {
            return raw;
        }
        return observed == 0 ? Double.NaN : skipped;
    }
}
