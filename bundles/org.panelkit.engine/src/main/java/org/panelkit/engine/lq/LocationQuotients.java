package org.panelkit.engine.lq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.KeyColumn;

/**
 * Location quotients for every region i, industry j and year t:
 *
 * <pre>
 *   LQ_ijt = (Y_ijt / Y_it) / (Y_jt / Y_t)
 * </pre>
 *
 * the industry's share in the region's activity over its share in the nation's (Isard, W. (1960), <i>Methods
 * of Regional Analysis</i>, MIT Press, ch. 7; the study's IC, after Liu and Deng 2017). Y_it = Σ_j Y_ijt, the
 * region's total over the industries of the table in year t. The national values come from
 * {@link LqSpec.National}: by default Y_jt = Σ_i Y_ijt over the regions of the table and Y_t = Σ_j Y_jt;
 * alternatively Y_jt from national rows (a region value naming them; they are then not a region) or from a
 * national column (one value per industry and year, checked to be the same in every row), with Y_t = Σ_j Y_jt
 * over the industries present that year.
 *
 * <p>Rules: every row needs a region, a time and (long layout) an industry; a key (region, time, industry) may
 * occur once; values must be finite and, unless {@link LqSpec#allowNegative()}, non-negative. A missing value
 * gives a missing LQ and, under {@link LqSpec.Missing#PROPAGATE}, makes every total that includes it missing.
 * A zero denominator (Y_it, Y_jt or Y_t) gives a missing LQ; both are counted and reported with examples in
 * {@link LqResult#warnings()}. A value of 0 with non-zero totals gives LQ 0. Time and memory are linear in the
 * number of rows (plus the region × year and industry × year totals).
 *
 * <p>With {@link LqSpec#indices()}, also the Krugman specialization index per region-year
 * ({@link SpecializationTable}) and the Hoover, Gini and HHI localization/concentration indices per
 * industry-year ({@link LocalizationTable}); these always propagate missing values.
 */
public final class LocationQuotients {
    private static final int CHECK_EVERY = 1 << 16;
    private static final int EXAMPLES = 5;
    /** Region values that usually name national rows rather than a region. */
    private static final Set<String> NATIONAL_NAMES = Set.of("china", "national", "nation", "total", "all",
            "national total", "全国", "中国", "全国合计", "合计", "总计");

    private LocationQuotients() {
    }

    public static LqResult compute(ColumnSource data, LqSpec spec) {
        return compute(data, spec, ProgressMonitor.NONE);
    }

    public static LqResult compute(ColumnSource data, LqSpec spec, ProgressMonitor monitor) {
        return new Computation(data, spec, monitor).run();
    }

    private static final class Computation {
        final ColumnSource data;
        final LqSpec spec;
        final ProgressMonitor monitor;
        final boolean wide;
        int n;
        int regions;
        int times;
        int industries;
        int width;
        KeyColumn regionKey;
        KeyColumn timeKey;
        KeyColumn industryKey;
        int[] reg;
        int[] tim;
        int[] ind;
        double[][] val;
        double[][] nat;
        String[] industryNames;
        int natRegion = -1;
        final List<String> warnings = new ArrayList<>();

        // totals: per region-year (all regions, incl. national rows), per industry-year and per year (regions of
        // the table only); raw = NaN-propagating, skip = over observed values, obs = observed count, cells = rows
        double[] regRaw;
        double[] regSkip;
        int[] regObs;
        int[] regCells;
        double[] tabRaw;
        double[] tabSkip;
        int[] tabObs;
        int[] tabCells;
        double[] totRaw;
        double[] totSkip;
        int[] totObs;
        // national reference (policy applied for LQ; strict for indices)
        double[] refInd;
        double[] refTot;
        double[] refIndStrict;
        double[] refTotStrict;
        boolean[] refPresent;

        int missingValues;
        final List<String> missingExamples = new ArrayList<>();

        Computation(ColumnSource data, LqSpec spec, ProgressMonitor monitor) {
            this.data = data;
            this.spec = spec;
            this.monitor = monitor;
            this.wide = spec.layout() == LqSpec.Layout.WIDE;
        }

        LqResult run() {
            monitor.progress(0, "checking the input");
            resolveColumns();
            checkKeys();
            checkValues();
            monitor.checkCanceled();
            checkDuplicates();
            monitor.checkCanceled();
            monitor.progress(0.3, "summing totals");
            sums();
            reference();
            monitor.checkCanceled();
            monitor.progress(0.6, "computing location quotients");
            LqResult r = quotients();
            monitor.progress(1, "done");
            return r;
        }

        // ---------------------------------------------------------------- input

        private void need(String name) {
            if (!data.has(name)) {
                throw new PanelKitException("unknown column '" + name + "' (columns: "
                        + String.join(", ", data.columnNames()) + ")");
            }
        }

        private double[] numeric(String name, String role) {
            need(name);
            try {
                return data.numeric(name);
            } catch (PanelKitException e) {
                throw new PanelKitException(e.getMessage() + " (it is the " + role + " column)");
            }
        }

        private void resolveColumns() {
            need(spec.region());
            need(spec.time());
            regionKey = data.key(spec.region());
            timeKey = data.key(spec.time());
            n = data.rowCount();
            if (wide) {
                industries = spec.industries().size();
                width = industries;
                industryNames = spec.industries().toArray(new String[0]);
                val = new double[industries][];
                for (int j = 0; j < industries; j++) {
                    val[j] = numeric(industryNames[j], "industry");
                }
            } else {
                need(spec.industry());
                industryKey = data.key(spec.industry());
                industries = industryKey.levelCount();
                width = 1;
                industryNames = new String[industries];
                for (int j = 0; j < industries; j++) {
                    industryNames[j] = industryKey.level(j);
                }
                val = new double[][] {numeric(spec.value(), "value")};
                ind = industryKey.codes();
            }
            if (!spec.nationalColumns().isEmpty()) {
                nat = new double[spec.nationalColumns().size()][];
                for (int q = 0; q < nat.length; q++) {
                    nat[q] = numeric(spec.nationalColumns().get(q), "national");
                }
            }
            regions = regionKey.levelCount();
            times = timeKey.levelCount();
            reg = regionKey.codes();
            tim = timeKey.codes();
            if (n == 0) {
                throw new PanelKitException("the table has no rows");
            }
            if (spec.nationalRegion() != null) {
                String name = spec.nationalRegion().strip();
                for (int c = 0; c < regions; c++) {
                    if (regionKey.level(c).equals(name)) {
                        natRegion = c;
                    }
                }
                if (natRegion < 0) {
                    List<String> some = new ArrayList<>();
                    for (int c = 0; c < Math.min(regions, 8); c++) {
                        some.add(regionKey.level(c));
                    }
                    throw new PanelKitException("no rows with " + spec.region() + " = '" + name
                            + "' (the national rows); its values are " + String.join(", ", some)
                            + (regions > 8 ? ", ..." : ""));
                }
                if (regions == 1) {
                    throw new PanelKitException("column '" + spec.region() + "' holds only the national rows '" + name
                            + "'; there is no region to compare");
                }
            }
        }

        private void checkKeys() {
            for (int row = 0; row < n; row++) {
                if (reg[row] < 0) {
                    throw missingKey(spec.region(), row);
                }
                if (tim[row] < 0) {
                    throw missingKey(spec.time(), row);
                }
                if (ind != null && ind[row] < 0) {
                    throw missingKey(spec.industry(), row);
                }
            }
        }

        private PanelKitException missingKey(String column, int row) {
            return new PanelKitException("column '" + column + "', " + data.rowLabel(row) + ": missing value; every row"
                    + " needs a region, a time" + (wide ? "" : " and an industry"));
        }

        private String columnOf(int q) {
            return wide ? industryNames[q] : spec.value();
        }

        private int industryOf(int row, int q) {
            return wide ? q : ind[row];
        }

        private String where(int row, int q) {
            return regionKey.level(reg[row]) + ", " + timeKey.level(tim[row]) + ", "
                    + industryNames[industryOf(row, q)];
        }

        private void checkValues() {
            for (int q = 0; q < width; q++) {
                double[] v = val[q];
                for (int row = 0; row < n; row++) {
                    double x = v[row];
                    if (x != x) {
                        if (missingValues++ < EXAMPLES) {
                            missingExamples.add(data.rowLabel(row) + " (" + where(row, q) + ")");
                        }
                    } else {
                        checkValue(x, columnOf(q), row, q);
                    }
                }
                monitor.checkCanceled();
            }
            if (nat != null) {
                for (int q = 0; q < nat.length; q++) {
                    double[] v = nat[q];
                    for (int row = 0; row < n; row++) {
                        if (v[row] == v[row]) {
                            checkValue(v[row], spec.nationalColumns().get(q), row, q);
                        }
                    }
                }
            }
        }

        private void checkValue(double x, String column, int row, int q) {
            if (Double.isInfinite(x)) {
                throw new PanelKitException("column '" + column + "', " + data.rowLabel(row) + ": value " + x
                        + " is not finite (" + where(row, q) + ")");
            }
            if (x < 0 && !spec.allowNegative()) {
                throw new PanelKitException("column '" + column + "', " + data.rowLabel(row) + ": negative value "
                        + fmt(x) + " (" + where(row, q) + "); location quotients need non-negative values (allow"
                        + " negative values explicitly, --allow-negative, to compute them anyway)");
            }
        }

        /** Each (region, time[, industry]) key at most once. Dense bit set when small enough, else sorting. */
        private void checkDuplicates() {
            long per = wide ? 1 : industries;
            long space = (long) regions * times * per;
            if (space <= Math.max(1L << 27, 16L * n)) {
                long[] bits = new long[(int) ((space + 63) >>> 6)];
                for (int row = 0; row < n; row++) {
                    long k = key(row, per);
                    int w = (int) (k >>> 6);
                    long m = 1L << (k & 63);
                    if ((bits[w] & m) != 0) {
                        throw duplicate(k, row, per);
                    }
                    bits[w] |= m;
                }
            } else {
                long[] keys = new long[n];
                for (int row = 0; row < n; row++) {
                    keys[row] = key(row, per);
                }
                Arrays.sort(keys);
                for (int i = 1; i < n; i++) {
                    if (keys[i] == keys[i - 1]) {
                        int second = -1;
                        int seen = 0;
                        for (int row = 0; row < n && second < 0; row++) {
                            if (key(row, per) == keys[i] && ++seen == 2) {
                                second = row;
                            }
                        }
                        throw duplicate(keys[i], second, per);
                    }
                }
            }
        }

        private long key(int row, long per) {
            return ((long) reg[row] * times + tim[row]) * per + (wide ? 0 : ind[row]);
        }

        private PanelKitException duplicate(long k, int second, long per) {
            int first = -1;
            for (int row = 0; row < second; row++) {
                if (key(row, per) == k) {
                    first = row;
                    break;
                }
            }
            String keyText = spec.region() + "=" + regionKey.level(reg[second]) + ", " + spec.time() + "="
                    + timeKey.level(tim[second]) + (wide ? "" : ", " + spec.industry() + "=" + industryKey.level(ind[second]));
            return new PanelKitException("duplicate key (" + keyText + ") in " + data.rowLabel(first) + " and "
                    + data.rowLabel(second) + "; each region may have one row per " + (wide ? "year" : "year and industry"));
        }

        // ---------------------------------------------------------------- totals

        /**
         * One pass over the cells: per total the sum of the observed values (Neumaier's compensated summation,
         * so that sums of decimal data are correctly rounded rather than carrying the drift of thousands of
         * additions), the number of observed values and the number of cells. Then raw = the sum if nothing is
         * missing else NaN, skip = the sum if anything is observed else NaN.
         */
        private void sums() {
            int rt = regions * times;
            int jt = industries * times;
            double[] regComp = new double[rt];
            double[] tabComp = new double[jt];
            double[] totComp = new double[times];
            regSkip = new double[rt];
            regObs = new int[rt];
            regCells = new int[rt];
            tabSkip = new double[jt];
            tabObs = new int[jt];
            tabCells = new int[jt];
            totSkip = new double[times];
            totObs = new int[times];
            int[] totCells = new int[times];
            for (int row = 0; row < n; row++) {
                if ((row & (CHECK_EVERY - 1)) == 0) {
                    monitor.checkCanceled();
                }
                int r = reg[row];
                int t = tim[row];
                int a = r * times + t;
                boolean region = r != natRegion;
                for (int q = 0; q < width; q++) {
                    double x = val[q][row];
                    regCells[a]++;
                    if (region) {
                        tabCells[(wide ? q : ind[row]) * times + t]++;
                        totCells[t]++;
                    }
                    if (x != x) {
                        continue;
                    }
                    add(regSkip, regComp, a, x);
                    regObs[a]++;
                    if (region) {
                        int b = (wide ? q : ind[row]) * times + t;
                        add(tabSkip, tabComp, b, x);
                        tabObs[b]++;
                        add(totSkip, totComp, t, x);
                        totObs[t]++;
                    }
                }
            }
            regRaw = finish(regSkip, regComp, regObs, regCells);
            tabRaw = finish(tabSkip, tabComp, tabObs, tabCells);
            totRaw = finish(totSkip, totComp, totObs, totCells);
        }

        /** Neumaier's compensated addition of x to sum[i], the running error in comp[i]. */
        private static void add(double[] sum, double[] comp, int i, double x) {
            double s = sum[i];
            double t = s + x;
            if (Math.abs(s) >= Math.abs(x)) {
                comp[i] += (s - t) + x;
            } else {
                comp[i] += (x - t) + s;
            }
            sum[i] = t;
        }

        /** Adds the compensation into {@code sum} (then the skip-missing totals) and returns the strict totals. */
        private static double[] finish(double[] sum, double[] comp, int[] observed, int[] cells) {
            double[] strict = new double[sum.length];
            for (int i = 0; i < sum.length; i++) {
                sum[i] += comp[i];
                strict[i] = observed[i] < cells[i] ? Double.NaN : sum[i];
                if (observed[i] == 0) {
                    sum[i] = Double.NaN;
                }
            }
            return strict;
        }

        private boolean skip() {
            return spec.missing() == LqSpec.Missing.SKIP;
        }

        private static double pick(double raw, double skipped, int observed, boolean skip) {
            if (!skip) {
                return raw;
            }
            return observed == 0 ? Double.NaN : skipped;
        }

        /** Y_jt and Y_t: under the missing rule (for LQ) and strict (for the indices). */
        private void reference() {
            int jt = industries * times;
            refPresent = new boolean[jt];
            switch (spec.national()) {
            case SUM_OF_REGIONS:
                refIndStrict = tabRaw;
                refTotStrict = totRaw;
                for (int b = 0; b < jt; b++) {
                    refPresent[b] = tabCells[b] > 0;
                }
                if (skip()) {
                    refInd = new double[jt];
                    for (int b = 0; b < jt; b++) {
                        refInd[b] = pick(tabRaw[b], tabSkip[b], tabObs[b], true);
                    }
                    refTot = new double[times];
                    for (int t = 0; t < times; t++) {
                        refTot[t] = pick(totRaw[t], totSkip[t], totObs[t], true);
                    }
                } else {
                    refInd = refIndStrict;
                    refTot = refTotStrict;
                }
                break;
            case NATIONAL_ROWS:
                refIndStrict = new double[jt];
                Arrays.fill(refIndStrict, Double.NaN);
                for (int row = 0; row < n; row++) {
                    if (reg[row] == natRegion) {
                        for (int q = 0; q < width; q++) {
                            int b = industryOf(row, q) * times + tim[row];
                            refIndStrict[b] = val[q][row];
                            refPresent[b] = true;
                        }
                    }
                }
                refInd = refIndStrict;
                nationalYearTotals("national rows '" + regionKey.level(natRegion) + "'");
                break;
            case NATIONAL_COLUMN:
                refIndStrict = new double[jt];
                Arrays.fill(refIndStrict, Double.NaN);
                int[] firstRow = new int[jt];
                for (int row = 0; row < n; row++) {
                    for (int q = 0; q < width; q++) {
                        int b = industryOf(row, q) * times + tim[row];
                        refPresent[b] = true;
                        double y = nat[q][row];
                        if (y != y) {
                            continue;
                        }
                        double before = refIndStrict[b];
                        if (before != before) {
                            refIndStrict[b] = y;
                            firstRow[b] = row;
                        } else if (before != y) {
                            String col = spec.nationalColumns().get(q);
                            throw new PanelKitException("column '" + col + "': different national values " + fmt(before)
                                    + " (" + data.rowLabel(firstRow[b]) + ") and " + fmt(y) + " (" + data.rowLabel(row)
                                    + ") for industry " + industryNames[industryOf(row, q)] + " in "
                                    + timeKey.level(tim[row]) + "; the national value must be the same in every row of"
                                    + " an industry and year");
                        }
                    }
                }
                refInd = refIndStrict;
                nationalYearTotals("column" + (nat.length > 1 ? "s " : " ") + String.join(", ", spec.nationalColumns()));
                break;
            default:
                throw new IllegalStateException();
            }
        }

        /** Y_t = Σ_j Y_jt over the industries with a national value slot in year t; warns about the gaps. */
        private void nationalYearTotals(String source) {
            double[] sum = new double[times];
            double[] comp = new double[times];
            int[] observed = new int[times];
            int[] slots = new int[times];
            List<String> gaps = new ArrayList<>();
            int gapCount = 0;
            for (int j = 0; j < industries; j++) {
                for (int t = 0; t < times; t++) {
                    int b = j * times + t;
                    if (refPresent[b]) {
                        double y = refIndStrict[b];
                        slots[t]++;
                        if (y == y) {
                            add(sum, comp, t, y);
                            observed[t]++;
                        } else if (tabCells[b] > 0 && gapCount++ < EXAMPLES) {
                            gaps.add(industryNames[j] + " in " + timeKey.level(t));
                        }
                    } else if (tabCells[b] > 0 && gapCount++ < EXAMPLES) {
                        gaps.add(industryNames[j] + " in " + timeKey.level(t));
                    }
                }
            }
            double[] skipped = sum;
            refTotStrict = finish(skipped, comp, observed, slots);
            for (int t = 0; t < times; t++) {
                if (slots[t] == 0) {
                    refTotStrict[t] = Double.NaN;
                }
            }
            if (gapCount > 0) {
                warnings.add(gapCount + " industry-years have regional values but no national value in the " + source
                        + " (e.g. " + String.join("; ", gaps) + "); their location quotients are missing");
            }
            if (skip()) {
                refTot = new double[times];
                for (int t = 0; t < times; t++) {
                    refTot[t] = skipped[t];
                }
            } else {
                refTot = refTotStrict;
            }
        }

        // ---------------------------------------------------------------- quotients

        private LqResult quotients() {
            double[] regionTotal = new double[n];
            double[] nationalTotal = new double[n];
            double[] industryNational = wide ? null : new double[n];
            double[][] lq = new double[width][n];
            boolean skip = skip();
            int missingTotals = 0;
            int zero = 0;
            Set<String> zeroExamples = new LinkedHashSet<>();
            Set<String> totalExamples = new LinkedHashSet<>();
            for (int row = 0; row < n; row++) {
                if ((row & (CHECK_EVERY - 1)) == 0) {
                    monitor.checkCanceled();
                }
                int r = reg[row];
                int t = tim[row];
                int a = r * times + t;
                double yit = pick(regRaw[a], regSkip[a], regObs[a], skip);
                double yt = refTot[t];
                regionTotal[row] = yit;
                nationalTotal[row] = yt;
                for (int q = 0; q < width; q++) {
                    int j = wide ? q : ind[row];
                    double yjt = refInd[j * times + t];
                    if (!wide) {
                        industryNational[row] = yjt;
                    }
                    double x = val[q][row];
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
            List<String> w = new ArrayList<>();
            String cols = wide ? "the industry columns" : "column '" + spec.value() + "'";
            if (missingValues > 0) {
                w.add(missingValues + " missing value" + (missingValues == 1 ? "" : "s") + " in " + cols + " (e.g. "
                        + String.join("; ", missingExamples) + "); their location quotients are missing"
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
            if (!wide) {
                absentWarning(w);
            }
            w.addAll(warnings);
            if (spec.national() == LqSpec.National.SUM_OF_REGIONS) {
                for (int r = 0; r < regions; r++) {
                    String name = regionKey.level(r);
                    if (NATIONAL_NAMES.contains(name.strip().toLowerCase(Locale.ROOT))) {
                        w.add("region '" + name + "' looks like a national total but is summed as a region; if its rows"
                                + " hold the national values, name them as the national rows (--national-region "
                                + name + ")");
                    }
                }
            }
            SpecializationTable spec1 = null;
            LocalizationTable spec2 = null;
            if (spec.indices()) {
                monitor.progress(0.8, "computing indices");
                spec1 = specialization();
                monitor.checkCanceled();
                spec2 = localization();
            }
            return new LqResult(spec, n, Arrays.asList(industryNames), regionTotal, industryNational, nationalTotal, lq,
                    missingValues, missingTotals, zero, w, spec1, spec2);
        }

        private String missingTotalText(double yit, double yjt, int r, int j, int t) {
            String when = " in " + timeKey.level(t);
            if (yit != yit) {
                return "region total of " + regionKey.level(r) + when;
            }
            if (yjt != yjt) {
                return "national value of " + industryNames[j] + when;
            }
            return "national total" + when;
        }

        private String zeroText(double yit, double yjt, int r, int j, int t) {
            String when = " in " + timeKey.level(t);
            if (yit == 0) {
                return "region total of " + regionKey.level(r) + when + " is 0";
            }
            if (yjt == 0) {
                return "national value of " + industryNames[j] + when + " is 0";
            }
            return "national total" + when + " is 0";
        }

        /** Long layout: region-years that lack rows for some industries present in that year. */
        private void absentWarning(List<String> w) {
            int[] perYear = new int[times];
            for (int j = 0; j < industries; j++) {
                for (int t = 0; t < times; t++) {
                    if (tabCells[j * times + t] > 0) {
                        perYear[t]++;
                    }
                }
            }
            long absent = 0;
            String example = null;
            for (int r = 0; r < regions; r++) {
                if (r == natRegion) {
                    continue;
                }
                for (int t = 0; t < times; t++) {
                    int a = r * times + t;
                    if (regCells[a] > 0 && regCells[a] < perYear[t]) {
                        absent += perYear[t] - regCells[a];
                        if (example == null) {
                            example = regionKey.level(r) + " in " + timeKey.level(t) + " has rows for " + regCells[a]
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

        // ---------------------------------------------------------------- indices

        private SpecializationTable specialization() {
            double[] sumS = new double[times];
            for (int j = 0; j < industries; j++) {
                for (int t = 0; t < times; t++) {
                    if (refPresent[j * times + t]) {
                        sumS[t] += refIndStrict[j * times + t] / refTotStrict[t];
                    }
                }
            }
            double[] acc = new double[regions * times];
            for (int row = 0; row < n; row++) {
                int r = reg[row];
                if (r == natRegion) {
                    continue;
                }
                int t = tim[row];
                int a = r * times + t;
                for (int q = 0; q < width; q++) {
                    double x = val[q][row];
                    if (x < 0) {
                        acc[a] = Double.NaN;
                        continue;
                    }
                    int j = wide ? q : ind[row];
                    double sj = refIndStrict[j * times + t] / refTotStrict[t];
                    double sij = x / regRaw[a];
                    acc[a] += Math.abs(sij - sj) - sj;
                }
            }
            int count = 0;
            for (int r = 0; r < regions; r++) {
                for (int t = 0; t < times; t++) {
                    if (r != natRegion && regCells[r * times + t] > 0) {
                        count++;
                    }
                }
            }
            String[] rl = new String[count];
            String[] tl = new String[count];
            double[] k = new double[count];
            int i = 0;
            for (int r = 0; r < regions; r++) {
                for (int t = 0; t < times; t++) {
                    int a = r * times + t;
                    if (r != natRegion && regCells[a] > 0) {
                        rl[i] = regionKey.level(r);
                        tl[i] = timeKey.level(t);
                        double v = acc[a] + sumS[t];
                        k[i] = Double.isFinite(v) && regRaw[a] != 0 && refTotStrict[t] != 0 ? Math.max(v, 0) : Double.NaN;
                        i++;
                    }
                }
            }
            return new SpecializationTable(rl, tl, k);
        }

        private LocalizationTable localization() {
            int jt = industries * times;
            double[] sumB = new double[times];
            for (int r = 0; r < regions; r++) {
                if (r == natRegion) {
                    continue;
                }
                for (int t = 0; t < times; t++) {
                    int a = r * times + t;
                    if (regCells[a] > 0) {
                        sumB[t] += regRaw[a] / totRaw[t];
                    }
                }
            }
            double[] accH = new double[jt];
            double[] hhi = new double[jt];
            // group the regions' cells by industry-year (counting sort) for the Gini
            int[] start = new int[jt + 1];
            for (int b = 0; b < jt; b++) {
                start[b + 1] = start[b] + tabCells[b];
            }
            int cells = start[jt];
            double[] ga = new double[cells];
            double[] gb = new double[cells];
            int[] fill = Arrays.copyOf(start, jt);
            for (int row = 0; row < n; row++) {
                int r = reg[row];
                if (r == natRegion) {
                    continue;
                }
                int t = tim[row];
                double bi = regRaw[r * times + t] / totRaw[t];
                for (int q = 0; q < width; q++) {
                    int b = (wide ? q : ind[row]) * times + t;
                    double x = val[q][row];
                    double ai = x / tabRaw[b];
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
                if (tabCells[b] > 0) {
                    count++;
                }
            }
            String[] il = new String[count];
            String[] tl = new String[count];
            double[] h = new double[count];
            double[] g = new double[count];
            double[] c = new double[count];
            int i = 0;
            for (int j = 0; j < industries; j++) {
                for (int t = 0; t < times; t++) {
                    int b = j * times + t;
                    if (tabCells[b] == 0) {
                        continue;
                    }
                    il[i] = industryNames[j];
                    tl[i] = timeKey.level(t);
                    double hv = 0.5 * (accH[b] + sumB[t]);
                    boolean ok = Double.isFinite(hv) && tabRaw[b] != 0 && totRaw[t] != 0;
                    h[i] = ok ? Math.max(hv, 0) : Double.NaN;
                    c[i] = ok ? hhi[b] : Double.NaN;
                    g[i] = ok ? gini(ga, gb, start[b], start[b + 1]) : Double.NaN;
                    i++;
                }
            }
            return new LocalizationTable(il, tl, h, g, c);
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

        /** Sorts {@code key} ascending, permuting {@code p1} and {@code p2} alike. */
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

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
