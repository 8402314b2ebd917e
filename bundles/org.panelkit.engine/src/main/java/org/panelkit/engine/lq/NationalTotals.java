package org.panelkit.engine.lq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.data.ColumnSource;

/**
 * The national reference of the quotients, Y_jt (industry j in year t) and Y_t (all industries in year t), from
 * the source {@link LqSpec#national()} names:
 * <ul>
 * <li>SUM_OF_REGIONS: Y_jt = Σ_i Y_ijt over the regions of the table, Y_t = Σ_j Y_jt (Isard 1960, ch. 7);</li>
 * <li>NATIONAL_ROWS: Y_jt from the rows whose region value names the nation (they are then not a region);</li>
 * <li>NATIONAL_COLUMN: Y_jt from a column repeated on every row of the industry-year (checked to agree);</li>
 * </ul>
 * for the last two Y_t = Σ_j Y_jt over the industries with a national value that year. Each in two versions:
 * under the missing-value rule (for the LQ) and strict (for the indices, which always propagate missing
 * values). Immutable once built; arrays indexed j * times + t and t.
 */
final class NationalTotals {
    /** Y_jt and Y_t under the missing-value rule. */
    final double[] industry;
    final double[] total;
    /** Y_jt and Y_t strict (NaN when anything they sum is missing). */
    final double[] industryStrict;
    final double[] totalStrict;
    /** Whether industry-year j * times + t has a national value slot (a row, a cell, a regional cell). */
    final boolean[] present;
    /** Industry-years with regional values but no national value (national rows or columns only). */
    final List<String> warnings;

    private NationalTotals(double[] industry, double[] total, double[] industryStrict, double[] totalStrict,
            boolean[] present, List<String> warnings) {
        this.industry = industry;
        this.total = total;
        this.industryStrict = industryStrict;
        this.totalStrict = totalStrict;
        this.present = present;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * @throws PanelKitException when a national column holds different values within one industry-year
     */
    static NationalTotals of(LqCells c, RegionalTotals sums, LqSpec spec, ColumnSource labels) {
        boolean skip = spec.missing() == LqSpec.Missing.SKIP;
        switch (spec.national()) {
        case SUM_OF_REGIONS:
            return sumOfRegions(c, sums, skip);
        case NATIONAL_ROWS:
            return fromIndustryValues(c, sums, nationalRows(c), skip,
                    "national rows '" + c.regionKey.level(c.natRegion) + "'");
        case NATIONAL_COLUMN:
            return fromIndustryValues(c, sums, nationalColumn(c, spec, labels), skip,
                    "column" + (c.nat.length > 1 ? "s " : " ") + String.join(", ", spec.nationalColumns()));
        default:
            throw new IllegalStateException("unknown national reference " + spec.national());
        }
    }

    private static NationalTotals sumOfRegions(LqCells c, RegionalTotals sums, boolean skip) {
        int jt = c.industries * c.times;
        boolean[] present = new boolean[jt];
        for (int b = 0; b < jt; b++) {
            present[b] = sums.tabCells[b] > 0;
        }
        double[] industry = sums.tabRaw;
        double[] total = sums.totRaw;
        if (skip) {
            industry = new double[jt];
            for (int b = 0; b < jt; b++) {
                industry[b] = RegionalTotals.pick(sums.tabRaw[b], sums.tabSkip[b], sums.tabObs[b], true);
            }
            total = new double[c.times];
            for (int t = 0; t < c.times; t++) {
                total[t] = RegionalTotals.pick(sums.totRaw[t], sums.totSkip[t], sums.totObs[t], true);
            }
        }
        return new NationalTotals(industry, total, sums.tabRaw, sums.totRaw, present, List.of());
    }

    /** Y_jt and its slots from a national source, before the year totals. */
    private static final class IndustryValues {
        final double[] values;
        final boolean[] present;

        IndustryValues(double[] values, boolean[] present) {
            this.values = values;
            this.present = present;
        }
    }

    private static IndustryValues nationalRows(LqCells c) {
        int jt = c.industries * c.times;
        double[] values = new double[jt];
        boolean[] present = new boolean[jt];
        Arrays.fill(values, Double.NaN);
        for (int row = 0; row < c.n; row++) {
            if (c.reg[row] == c.natRegion) {
                for (int q = 0; q < c.width; q++) {
                    int b = c.industryYear(row, q);
                    values[b] = c.val[q][row];
                    present[b] = true;
                }
            }
        }
        return new IndustryValues(values, present);
    }

    private static IndustryValues nationalColumn(LqCells c, LqSpec spec, ColumnSource labels) {
        int jt = c.industries * c.times;
        double[] values = new double[jt];
        boolean[] present = new boolean[jt];
        Arrays.fill(values, Double.NaN);
        int[] firstRow = new int[jt];
        for (int row = 0; row < c.n; row++) {
            for (int q = 0; q < c.width; q++) {
                int b = c.industryYear(row, q);
                present[b] = true;
                double y = c.nat[q][row];
                if (y != y) {
                    continue;
                }
                double before = values[b];
                if (before != before) {
                    values[b] = y;
                    firstRow[b] = row;
                } else if (before != y) {
                    String col = spec.nationalColumns().get(q);
                    throw new PanelKitException("column '" + col + "': different national values "
                            + LocationQuotients.fmt(before) + " (" + labels.rowLabel(firstRow[b]) + ") and "
                            + LocationQuotients.fmt(y) + " (" + labels.rowLabel(row) + ") for industry "
                            + c.industryNames[c.industryOf(row, q)] + " in " + c.timeKey.level(c.tim[row])
                            + "; the national value must be the same in every row of an industry and year");
                }
            }
        }
        return new IndustryValues(values, present);
    }

    /** Y_t = Σ_j Y_jt over the industries with a national value slot in year t; warns about the gaps. */
    private static NationalTotals fromIndustryValues(LqCells c, RegionalTotals sums, IndustryValues national,
            boolean skip, String source) {
        int times = c.times;
        double[] sum = new double[times];
        double[] comp = new double[times];
        int[] observed = new int[times];
        int[] slots = new int[times];
        List<String> gaps = new ArrayList<>();
        int gapCount = 0;
        for (int j = 0; j < c.industries; j++) {
            for (int t = 0; t < times; t++) {
                int b = j * times + t;
                if (national.present[b]) {
                    double y = national.values[b];
                    slots[t]++;
                    if (y == y) {
                        CompensatedSums.add(sum, comp, t, y);
                        observed[t]++;
                    } else if (sums.tabCells[b] > 0 && gapCount++ < LocationQuotients.EXAMPLES) {
                        gaps.add(c.industryNames[j] + " in " + c.timeKey.level(t));
                    }
                } else if (sums.tabCells[b] > 0 && gapCount++ < LocationQuotients.EXAMPLES) {
                    gaps.add(c.industryNames[j] + " in " + c.timeKey.level(t));
                }
            }
        }
        double[] skipped = sum;
        double[] totalStrict = CompensatedSums.finish(skipped, comp, observed, slots);
        for (int t = 0; t < times; t++) {
            if (slots[t] == 0) {
                totalStrict[t] = Double.NaN;
            }
        }
        List<String> warnings = new ArrayList<>();
        if (gapCount > 0) {
            warnings.add(gapCount + " industry-years have regional values but no national value in the " + source
                    + " (e.g. " + String.join("; ", gaps) + "); their location quotients are missing");
        }
        double[] total = skip ? skipped.clone() : totalStrict;
        // the industry values themselves are the same under both rules: a missing national value stays missing
        return new NationalTotals(national.values, total, national.values, totalStrict, national.present, warnings);
    }
}
