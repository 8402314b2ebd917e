package org.panelkit.engine.lq;

import java.util.List;

import org.panelkit.engine.data.KeyColumn;

/**
 * The checked input of a location-quotient computation, in one shape for both layouts: per row a region, a
 * time and {@link #width} cells; a cell {@code (row, q)} holds the value of industry {@link #industryOf(int, int)}
 * (long layout: one cell per row, the row's industry; wide layout: one cell per industry column, industry q).
 * Read by {@link LqInputReader}, which guarantees: every row has a region, a time (and an industry), every key
 * occurs once, every value is finite or missing and (unless allowed) non-negative.
 * Immutable; the arrays are the input's own and are not modified.
 */
final class LqCells {
    final boolean wide;
    final int n;
    final int regions;
    final int times;
    final int industries;
    /** Cells per row: the number of industry columns (wide) or 1 (long). */
    final int width;
    final KeyColumn regionKey;
    final KeyColumn timeKey;
    /** The industry column (long layout); null in the wide layout. */
    final KeyColumn industryKey;
    /** Region, time and (long) industry code of every row. */
    final int[] reg;
    final int[] tim;
    final int[] ind;
    /** val[q][row]: the value of cell q of the row; NaN = missing. */
    final double[][] val;
    /** nat[q][row]: the national-value column of cell q, or null without national columns. */
    final double[][] nat;
    final String[] industryNames;
    /** Region code of the national rows, or -1. */
    final int natRegion;
    /** Number of missing values and up to five examples (row label and key). */
    final int missingValues;
    final List<String> missingExamples;

    LqCells(boolean wide, int n, KeyColumn regionKey, KeyColumn timeKey, KeyColumn industryKey, int[] ind,
            double[][] val, double[][] nat, String[] industryNames, int natRegion, int missingValues,
            List<String> missingExamples) {
        this.wide = wide;
        this.n = n;
        this.regionKey = regionKey;
        this.timeKey = timeKey;
        this.industryKey = industryKey;
        this.regions = regionKey.levelCount();
        this.times = timeKey.levelCount();
        this.industries = industryNames.length;
        this.width = val.length;
        this.reg = regionKey.codes();
        this.tim = timeKey.codes();
        this.ind = ind;
        this.val = val;
        this.nat = nat;
        this.industryNames = industryNames;
        this.natRegion = natRegion;
        this.missingValues = missingValues;
        this.missingExamples = List.copyOf(missingExamples);
    }

    /** The same cells with the count and examples of missing values. */
    LqCells withMissing(int count, List<String> examples) {
        return new LqCells(wide, n, regionKey, timeKey, industryKey, ind, val, nat, industryNames, natRegion, count,
                examples);
    }

    /** Industry of cell q of the row. */
    int industryOf(int row, int q) {
        return wide ? q : ind[row];
    }

    /** Index of industry-year (j, t) in the industry × year totals. */
    int industryYear(int row, int q) {
        return industryOf(row, q) * times + tim[row];
    }

    /** Index of region-year (r, t) in the region × year totals. */
    int regionYear(int row) {
        return reg[row] * times + tim[row];
    }

    /** "region, time, industry" of a cell, for messages. */
    String where(int row, int q) {
        return regionKey.level(reg[row]) + ", " + timeKey.level(tim[row]) + ", " + industryNames[industryOf(row, q)];
    }
}
