package org.panelkit.engine.lq;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.panelkit.engine.ProgressMonitor;

/**
 * The quotients themselves, per cell: LQ_ijt = (Y_ijt / Y_it) / (Y_jt / Y_t) (Isard 1960, ch. 7), with Y_it from
 * {@link RegionalTotals} and Y_jt, Y_t from {@link NationalTotals}, all under the missing-value rule; and the
 * warnings that explain every missing quotient. A missing value gives a missing LQ; a missing total gives a
 * missing LQ (counted, with examples naming the total); a zero denominator (Y_it, Y_jt or Y_t) gives a missing
 * LQ (counted, with examples); a value of 0 with non-zero totals gives 0.
 */
final class Quotients {
    /** Region values that usually name national rows rather than a region. */
    private static final Set<String> NATIONAL_NAMES = Set.of("china", "national", "nation", "total", "all",
            "national total", "全国", "中国", "全国合计", "合计", "总计");
    private static final int EXAMPLES = LocationQuotients.EXAMPLES;

    private final LqCells c;
    private final RegionalTotals sums;
    private final NationalTotals national;
    private final LqSpec spec;

    private Quotients(LqCells c, RegionalTotals sums, NationalTotals national, LqSpec spec) {
        this.c = c;
        this.sums = sums;
        this.national = national;
        this.spec = spec;
    }

    static LqResult compute(LqCells c, RegionalTotals sums, NationalTotals national, LqSpec spec,
            ProgressMonitor monitor) {
        return new Quotients(c, sums, national, spec).run(monitor);
    }

    private LqResult run(ProgressMonitor monitor) {
        int n = c.n;
        int times = c.times;
        boolean wide = c.wide;
        double[] regionTotal = new double[n];
        double[] nationalTotal = new double[n];
        double[] industryNational = wide ? null : new double[n];
        double[][] lq = new double[c.width][n];
        boolean skip = spec.missing() == LqSpec.Missing.SKIP;
        double[] refInd = national.industry;
        double[] refTot = national.total;
        int missingTotals = 0;
        int zero = 0;
        Set<String> zeroExamples = new LinkedHashSet<>();
        Set<String> totalExamples = new LinkedHashSet<>();
        for (int row = 0; row < n; row++) {
            if ((row & (LocationQuotients.CHECK_EVERY - 1)) == 0) {
                monitor.checkCanceled();
            }
            int r = c.reg[row];
            int t = c.tim[row];
            int a = r * times + t;
            double yit = sums.regionTotal(a, skip);
            double yt = refTot[t];
            regionTotal[row] = yit;
            nationalTotal[row] = yt;
            for (int q = 0; q < c.width; q++) {
                int j = wide ? q : c.ind[row];
                double yjt = refInd[j * times + t];
                if (!wide) {
                    industryNational[row] = yjt;
                }
                double x = c.val[q][row];
                double v;
                if (x != x) {
                    v = Double.NaN;
                } else if (yit != yit || yjt != yjt || yt != yt) {
                    v = Double.NaN;
                    missingTotals++;
                    if (totalExamples.size() < EXAMPLES) {
                        totalExamples.add(missingTotalText(yit, yjt, r, j, t));
                    }
                } else if (yit == 0 || yjt == 0 || yt == 0) {
                    v = Double.NaN;
                    zero++;
                    if (zeroExamples.size() < EXAMPLES) {
                        zeroExamples.add(zeroText(yit, yjt, r, j, t));
                    }
                } else {
                    v = (x / yit) / (yjt / yt);
                }
                lq[q][row] = v;
            }
        }
        List<String> w = warnings(skip, missingTotals, totalExamples, zero, zeroExamples);
        SpecializationTable specialization = null;
        LocalizationTable localization = null;
        if (spec.indices()) {
            monitor.progress(0.8, "computing indices");
            specialization = ConcentrationIndices.specialization(c, sums, national);
            monitor.checkCanceled();
            localization = ConcentrationIndices.localization(c, sums);
        }
        return new LqResult(spec, n, List.of(c.industryNames), regionTotal, industryNational, nationalTotal, lq,
                c.missingValues, missingTotals, zero, w, specialization, localization);
    }

    /** In order: missing values, missing totals, zero denominators, absent rows, national gaps, national names. */
    private List<String> warnings(boolean skip, int missingTotals, Set<String> totalExamples, int zero,
            Set<String> zeroExamples) {
        List<String> w = new ArrayList<>();
        int missingValues = c.missingValues;
        String cols = c.wide ? "the industry columns" : "column '" + spec.value() + "'";
        if (missingValues > 0) {
            w.add(missingValues + " missing value" + (missingValues == 1 ? "" : "s") + " in " + cols + " (e.g. "
                    + String.join("; ", c.missingExamples) + "); their location quotients are missing"
                    + (skip ? " and the totals are sums over the observed values" : ""));
        }
        if (missingTotals > 0) {
            w.add(missingTotals + " location quotient" + (missingTotals == 1 ? " is" : "s are")
                    + " missing because a total " + (missingTotals == 1 ? "it needs" : "they need") + " is missing ("
                    + String.join("; ", totalExamples) + ")"
                    + (skip || missingValues == 0 ? "" : "; totals include missing values as missing (choose"
                            + " 'skip' to sum the observed values)"));
        }
        if (zero > 0) {
            w.add(zero + " location quotient" + (zero == 1 ? " is" : "s are") + " missing because a denominator is"
                    + " zero (" + String.join("; ", zeroExamples) + ")");
        }
        if (!c.wide) {
            absentWarning(w);
        }
        w.addAll(national.warnings);
        if (spec.national() == LqSpec.National.SUM_OF_REGIONS) {
            for (int r = 0; r < c.regions; r++) {
                String name = c.regionKey.level(r);
                if (NATIONAL_NAMES.contains(name.strip().toLowerCase(Locale.ROOT))) {
                    w.add("region '" + name + "' looks like a national total but is summed as a region; if its rows"
                            + " hold the national values, name them as the national rows (--national-region "
                            + name + ")");
                }
            }
        }
        return w;
    }

    private String missingTotalText(double yit, double yjt, int r, int j, int t) {
        String when = " in " + c.timeKey.level(t);
        if (yit != yit) {
            return "region total of " + c.regionKey.level(r) + when;
        }
        if (yjt != yjt) {
            return "national value of " + c.industryNames[j] + when;
        }
        return "national total" + when;
    }

    private String zeroText(double yit, double yjt, int r, int j, int t) {
        String when = " in " + c.timeKey.level(t);
        if (yit == 0) {
            return "region total of " + c.regionKey.level(r) + when + " is 0";
        }
        if (yjt == 0) {
            return "national value of " + c.industryNames[j] + when + " is 0";
        }
        return "national total" + when + " is 0";
    }

    /**
     * Long layout: region-years that lack rows for some industries present in that year (an absent row adds
     * nothing to Y_it, so the region's total covers fewer industries than the nation's).
     */
    private void absentWarning(List<String> w) {
        int times = c.times;
        int[] perYear = new int[times];
        for (int j = 0; j < c.industries; j++) {
            for (int t = 0; t < times; t++) {
                if (sums.tabCells[j * times + t] > 0) {
                    perYear[t]++;
                }
            }
        }
        long absent = 0;
        String example = null;
        for (int r = 0; r < c.regions; r++) {
            if (r == c.natRegion) {
                continue;
            }
            for (int t = 0; t < times; t++) {
                int a = r * times + t;
                int cells = sums.regCells[a];
                if (cells > 0 && cells < perYear[t]) {
                    absent += perYear[t] - cells;
                    if (example == null) {
                        example = c.regionKey.level(r) + " in " + c.timeKey.level(t) + " has rows for " + cells
                                + " of the " + perYear[t] + " industries";
                    }
                }
            }
        }
        if (absent > 0) {
            w.add(absent + " region-year-industry combinations have no row (e.g. " + example
                    + "); an absent row adds nothing to the totals");
        }
    }
}
