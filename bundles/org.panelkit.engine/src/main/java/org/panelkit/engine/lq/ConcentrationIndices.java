package org.panelkit.engine.lq;

import java.util.Arrays;

/**
 * The indices of {@link LqSpec#indices()}, from the same cells and totals as the quotients but always strict
 * (a missing value makes the index missing):
 * <ul>
 * <li>{@link SpecializationTable}: Krugman's K_it = Σ_j |s_ijt - s_jt| with s_ijt = Y_ijt / Y_it and
 * s_jt = Y_jt / Y_t, per region-year;</li>
 * <li>{@link LocalizationTable}: per industry-year, with a_ijt = Y_ijt / Σ_i Y_ijt (the region's share of the
 * industry) and b_it = Y_it / Σ_i Y_it (its share of all activity), Hoover's H = ½ Σ_i |a_i - b_i|, the
 * locational Gini (area between the Lorenz curve of a against b and the diagonal) and HHI = Σ_i a_i^2.</li>
 * </ul>
 * Sources in the two table classes. Regions with no row for an industry count with share 0: the sums over
 * them are carried by Σ s_jt (resp. Σ b_it) and by adding |0 - s| = s, so only the rows present are visited:
 * K = Σ_j s_jt + Σ_(rows) (|s_ij - s_j| - s_j), and likewise for H.
 */
final class ConcentrationIndices {
    private ConcentrationIndices() {
    }

    static SpecializationTable specialization(LqCells c, RegionalTotals sums, NationalTotals national) {
        int times = c.times;
        double[] refInd = national.industryStrict;
        double[] refTot = national.totalStrict;
        double[] sumS = new double[times];
        for (int j = 0; j < c.industries; j++) {
            for (int t = 0; t < times; t++) {
                if (national.present[j * times + t]) {
                    sumS[t] += refInd[j * times + t] / refTot[t];
                }
            }
        }
        double[] acc = new double[c.regions * times];
        for (int row = 0; row < c.n; row++) {
            int r = c.reg[row];
            if (r == c.natRegion) {
                continue;
            }
            int t = c.tim[row];
            int a = r * times + t;
            for (int q = 0; q < c.width; q++) {
                double x = c.val[q][row];
                if (x < 0) {
                    acc[a] = Double.NaN;
                    continue;
                }
                int j = c.industryOf(row, q);
                double sj = refInd[j * times + t] / refTot[t];
                double sij = x / sums.regRaw[a];
                acc[a] += Math.abs(sij - sj) - sj;
            }
        }
        int count = 0;
        for (int r = 0; r < c.regions; r++) {
            for (int t = 0; t < times; t++) {
                if (r != c.natRegion && sums.regCells[r * times + t] > 0) {
                    count++;
                }
            }
        }
        String[] rl = new String[count];
        String[] tl = new String[count];
        double[] k = new double[count];
        int i = 0;
        for (int r = 0; r < c.regions; r++) {
            for (int t = 0; t < times; t++) {
                int a = r * times + t;
                if (r != c.natRegion && sums.regCells[a] > 0) {
                    rl[i] = c.regionKey.level(r);
                    tl[i] = c.timeKey.level(t);
                    double v = acc[a] + sumS[t];
                    k[i] = Double.isFinite(v) && sums.regRaw[a] != 0 && refTot[t] != 0 ? Math.max(v, 0) : Double.NaN;
                    i++;
                }
            }
        }
        return new SpecializationTable(rl, tl, k);
    }

    static LocalizationTable localization(LqCells c, RegionalTotals sums) {
        int times = c.times;
        int jt = c.industries * times;
        double[] sumB = new double[times];
        for (int r = 0; r < c.regions; r++) {
            if (r == c.natRegion) {
                continue;
            }
            for (int t = 0; t < times; t++) {
                int a = r * times + t;
                if (sums.regCells[a] > 0) {
                    sumB[t] += sums.regRaw[a] / sums.totRaw[t];
                }
            }
        }
        double[] accH = new double[jt];
        double[] hhi = new double[jt];
        // group the regions' cells by industry-year (counting sort) for the Gini
        int[] start = new int[jt + 1];
        for (int b = 0; b < jt; b++) {
            start[b + 1] = start[b] + sums.tabCells[b];
        }
        int cells = start[jt];
        double[] ga = new double[cells];
        double[] gb = new double[cells];
        int[] fill = Arrays.copyOf(start, jt);
        for (int row = 0; row < c.n; row++) {
            int r = c.reg[row];
            if (r == c.natRegion) {
                continue;
            }
            int t = c.tim[row];
            double bi = sums.regRaw[r * times + t] / sums.totRaw[t];
            for (int q = 0; q < c.width; q++) {
                int b = c.industryYear(row, q);
                double x = c.val[q][row];
                double ai = x / sums.tabRaw[b];
                if (x < 0) {
                    accH[b] = Double.NaN;
                }
                accH[b] += Math.abs(ai - bi) - bi;
                hhi[b] += ai * ai;
                int p = fill[b]++;
                ga[p] = ai;
                gb[p] = bi;
            }
        }
        int count = 0;
        for (int b = 0; b < jt; b++) {
            if (sums.tabCells[b] > 0) {
                count++;
            }
        }
        String[] il = new String[count];
        String[] tl = new String[count];
        double[] h = new double[count];
        double[] g = new double[count];
        double[] hh = new double[count];
        int i = 0;
        for (int j = 0; j < c.industries; j++) {
            for (int t = 0; t < times; t++) {
                int b = j * times + t;
                if (sums.tabCells[b] == 0) {
                    continue;
                }
                il[i] = c.industryNames[j];
                tl[i] = c.timeKey.level(t);
                double hv = 0.5 * (accH[b] + sumB[t]);
                boolean ok = Double.isFinite(hv) && sums.tabRaw[b] != 0 && sums.totRaw[t] != 0;
                h[i] = ok ? Math.max(hv, 0) : Double.NaN;
                hh[i] = ok ? hhi[b] : Double.NaN;
                g[i] = ok ? gini(ga, gb, start[b], start[b + 1]) : Double.NaN;
                i++;
            }
        }
        return new LocalizationTable(il, tl, h, g, hh);
    }

    /**
     * Locational Gini of the cells {@code [from, to)} (industry shares a, activity shares b). Regions without
     * a row for the industry hold the rest of the activity share with a = 0: they come first on the Lorenz
     * curve, where their segment adds nothing to the area term.
     */
    private static double gini(double[] a, double[] b, int from, int to) {
        int m = to - from;
        double[] ratio = new double[m];
        double[] wa = new double[m];
        double[] wb = new double[m];
        for (int k = 0; k < m; k++) {
            wa[k] = a[from + k];
            wb[k] = b[from + k];
            ratio[k] = wb[k] == 0 ? 0 : wa[k] / wb[k];
        }
        heapSort(ratio, wa, wb);
        double y = 0;
        double area = 0; // Σ (X_k - X_{k-1})(Y_k + Y_{k-1}); the absent regions' segment adds 0
        for (int k = 0; k < m; k++) {
            double next = y + wa[k];
            area += wb[k] * (y + next);
            y = next;
        }
        return Math.max(1 - area, 0);
    }

    /**
     * Sorts {@code key} ascending, permuting {@code p1} and {@code p2} alike (a heap sort: in place, and the
     * order of ties, which the Gini's area does not depend on, needs no stability).
     */
    private static void heapSort(double[] key, double[] p1, double[] p2) {
        int m = key.length;
        for (int i = m / 2 - 1; i >= 0; i--) {
            siftDown(key, p1, p2, i, m);
        }
        for (int end = m - 1; end > 0; end--) {
            swap(key, p1, p2, 0, end);
            siftDown(key, p1, p2, 0, end);
        }
    }

    private static void siftDown(double[] key, double[] p1, double[] p2, int i, int m) {
        while (true) {
            int c = 2 * i + 1;
            if (c >= m) {
                return;
            }
            if (c + 1 < m && key[c + 1] > key[c]) {
                c++;
            }
            if (key[i] >= key[c]) {
                return;
            }
            swap(key, p1, p2, i, c);
            i = c;
        }
    }

    private static void swap(double[] key, double[] p1, double[] p2, int i, int j) {
        double t = key[i];
        key[i] = key[j];
        key[j] = t;
        t = p1[i];
        p1[i] = p1[j];
        p1[j] = t;
        t = p2[i];
        p2[i] = p2[j];
        p2[j] = t;
    }
}
