package org.panelkit.engine.lq;

import java.util.Locale;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.data.ColumnSource;

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
 *
 * <p>The computation in the economist's steps, one class each: read and check the table, long or wide
 * ({@link LqInputReader} into {@link LqCells}); the regional totals Y_it and their sums over regions
 * ({@link RegionalTotals}); the national reference Y_jt, Y_t ({@link NationalTotals}); the quotients and the
 * warnings that explain the missing ones ({@link Quotients}); the indices ({@link ConcentrationIndices}).
 */
public final class LocationQuotients {
    /** Rows between two cancellation checks in the passes over the rows. */
    static final int CHECK_EVERY = 1 << 16;
    /** Examples per warning. */
    static final int EXAMPLES = 5;

    private LocationQuotients() {
    }

    public static LqResult compute(ColumnSource data, LqSpec spec) {
        return compute(data, spec, ProgressMonitor.NONE);
    }

    /**
     * @throws PanelKitException for input that has no location quotients (unknown columns, missing keys,
     *         duplicates, negative or infinite values, inconsistent national values), naming the row and key
     * @throws java.util.concurrent.CancellationException when {@code monitor} reports a cancel request
     */
    public static LqResult compute(ColumnSource data, LqSpec spec, ProgressMonitor monitor) {
        monitor.progress(0, "checking the input");
        LqCells cells = LqInputReader.read(data, spec, monitor);
        monitor.progress(0.3, "summing totals");
        RegionalTotals sums = RegionalTotals.of(cells, monitor);
        NationalTotals national = NationalTotals.of(cells, sums, spec, data);
        monitor.checkCanceled();
        monitor.progress(0.6, "computing location quotients");
        LqResult r = Quotients.compute(cells, sums, national, spec, monitor);
        monitor.progress(1, "done");
        return r;
    }

    /** A value for messages: an integer without decimals, else six significant digits. */
    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
