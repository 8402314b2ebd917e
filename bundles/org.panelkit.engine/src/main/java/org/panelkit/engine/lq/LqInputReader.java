package org.panelkit.engine.lq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.KeyColumn;

/**
 * Reads the table of a location-quotient computation into {@link LqCells} and checks it, failing on the first
 * problem with a message that names the column, the row and the key:
 * <ul>
 * <li>long layout: region, time, industry and value columns, one cell per row;</li>
 * <li>wide layout: region and time columns and one value column per industry;</li>
 * <li>then the keys (no missing region, time or industry), the values (finite; non-negative unless
 * {@link LqSpec#allowNegative()}, since a share of a negative total has no meaning; missing values are
 * counted) and duplicates (each (region, time[, industry]) at most once, else a total would count it
 * twice).</li>
 * </ul>
 */
final class LqInputReader {
    private static final int EXAMPLES = LocationQuotients.EXAMPLES;

    private final ColumnSource data;
    private final LqSpec spec;
    private final boolean wide;

    private LqInputReader(ColumnSource data, LqSpec spec) {
        this.data = data;
        this.spec = spec;
        this.wide = spec.layout() == LqSpec.Layout.WIDE;
    }

    /**
     * @throws PanelKitException for an unknown or non-numeric column, an empty table, unknown national rows, a
     *         missing key, a non-finite or (not allowed) negative value or a duplicate key
     */
    static LqCells read(ColumnSource data, LqSpec spec, ProgressMonitor monitor) {
        LqInputReader reader = new LqInputReader(data, spec);
        LqCells cells = reader.columns();
        reader.checkKeys(cells);
        cells = reader.checkValues(cells, monitor);
        monitor.checkCanceled();
        reader.checkDuplicates(cells);
        monitor.checkCanceled();
        return cells;
    }

    // ---------------------------------------------------------------- columns

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

    private LqCells columns() {
        need(spec.region());
        need(spec.time());
        KeyColumn regionKey = data.key(spec.region());
        KeyColumn timeKey = data.key(spec.time());
        int n = data.rowCount();
        ValueColumns values = wide ? readWide() : readLong();
        double[][] nat = null;
        if (!spec.nationalColumns().isEmpty()) {
            nat = new double[spec.nationalColumns().size()][];
            for (int q = 0; q < nat.length; q++) {
                nat[q] = numeric(spec.nationalColumns().get(q), "national");
            }
        }
        if (n == 0) {
            throw new PanelKitException("the table has no rows");
        }
        int natRegion = nationalRegion(regionKey);
        return new LqCells(wide, n, regionKey, timeKey, values.industryKey, values.ind, values.val, nat,
                values.industryNames, natRegion, 0, List.of());
    }

    /** The values and what industry each cell is, before they become {@link LqCells}. */
    private static final class ValueColumns {
        final KeyColumn industryKey;
        final int[] ind;
        final double[][] val;
        final String[] industryNames;

        ValueColumns(KeyColumn industryKey, int[] ind, double[][] val, String[] industryNames) {
            this.industryKey = industryKey;
            this.ind = ind;
            this.val = val;
            this.industryNames = industryNames;
        }
    }

    /** Wide layout: one value column per industry; cell q of a row is industry q. */
    private ValueColumns readWide() {
        String[] industryNames = spec.industries().toArray(new String[0]);
        double[][] val = new double[industryNames.length][];
        for (int j = 0; j < industryNames.length; j++) {
            val[j] = numeric(industryNames[j], "industry");
        }
        return new ValueColumns(null, null, val, industryNames);
    }

    /** Long layout: one value per row; its industry is the row's level of the industry column. */
    private ValueColumns readLong() {
        need(spec.industry());
        KeyColumn industryKey = data.key(spec.industry());
        String[] industryNames = new String[industryKey.levelCount()];
        for (int j = 0; j < industryNames.length; j++) {
            industryNames[j] = industryKey.level(j);
        }
        double[][] val = {numeric(spec.value(), "value")};
        return new ValueColumns(industryKey, industryKey.codes(), val, industryNames);
    }

    /** Code of the region value naming the national rows ({@link LqSpec#nationalRegion()}), or -1. */
    private int nationalRegion(KeyColumn regionKey) {
        if (spec.nationalRegion() == null) {
            return -1;
        }
        int regions = regionKey.levelCount();
        String name = spec.nationalRegion().strip();
        int natRegion = -1;
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
        return natRegion;
    }

    // ---------------------------------------------------------------- keys and values

    private void checkKeys(LqCells c) {
        for (int row = 0; row < c.n; row++) {
            if (c.reg[row] < 0) {
                throw missingKey(spec.region(), row);
            }
            if (c.tim[row] < 0) {
                throw missingKey(spec.time(), row);
            }
            if (c.ind != null && c.ind[row] < 0) {
                throw missingKey(spec.industry(), row);
            }
        }
    }

    private PanelKitException missingKey(String column, int row) {
        return new PanelKitException("column '" + column + "', " + data.rowLabel(row) + ": missing value; every row"
                + " needs a region, a time" + (wide ? "" : " and an industry"));
    }

    private String columnOf(LqCells c, int q) {
        return wide ? c.industryNames[q] : spec.value();
    }

    /** Checks every value and national value; returns the cells with the missing values counted. */
    private LqCells checkValues(LqCells c, ProgressMonitor monitor) {
        int missing = 0;
        List<String> examples = new ArrayList<>();
        for (int q = 0; q < c.width; q++) {
            double[] v = c.val[q];
            for (int row = 0; row < c.n; row++) {
                double x = v[row];
                if (x != x) {
                    if (missing++ < EXAMPLES) {
                        examples.add(data.rowLabel(row) + " (" + c.where(row, q) + ")");
                    }
                } else {
                    checkValue(c, x, columnOf(c, q), row, q);
                }
            }
            monitor.checkCanceled();
        }
        if (c.nat != null) {
            for (int q = 0; q < c.nat.length; q++) {
                double[] v = c.nat[q];
                for (int row = 0; row < c.n; row++) {
                    if (v[row] == v[row]) {
                        checkValue(c, v[row], spec.nationalColumns().get(q), row, q);
                    }
                }
            }
        }
        return c.withMissing(missing, examples);
    }

    private void checkValue(LqCells c, double x, String column, int row, int q) {
        if (Double.isInfinite(x)) {
            throw new PanelKitException("column '" + column + "', " + data.rowLabel(row) + ": value " + x
                    + " is not finite (" + c.where(row, q) + ")");
        }
        if (x < 0 && !spec.allowNegative()) {
            throw new PanelKitException("column '" + column + "', " + data.rowLabel(row) + ": negative value "
                    + LocationQuotients.fmt(x) + " (" + c.where(row, q) + "); location quotients need non-negative"
                    + " values (allow negative values explicitly, --allow-negative, to compute them anyway)");
        }
    }

    // ---------------------------------------------------------------- duplicates

    /** Each (region, time[, industry]) key at most once. Dense bit set when small enough, else sorting. */
    private void checkDuplicates(LqCells c) {
        long per = wide ? 1 : c.industries;
        long space = (long) c.regions * c.times * per;
        int n = c.n;
        if (space <= Math.max(1L << 27, 16L * n)) {
            long[] bits = new long[(int) ((space + 63) >>> 6)];
            for (int row = 0; row < n; row++) {
                long k = key(c, row, per);
                int w = (int) (k >>> 6);
                long m = 1L << (k & 63);
                if ((bits[w] & m) != 0) {
                    throw duplicate(c, k, row, per);
                }
                bits[w] |= m;
            }
        } else {
            long[] keys = new long[n];
            for (int row = 0; row < n; row++) {
                keys[row] = key(c, row, per);
            }
            Arrays.sort(keys);
            for (int i = 1; i < n; i++) {
                if (keys[i] == keys[i - 1]) {
                    int second = -1;
                    int seen = 0;
                    for (int row = 0; row < n && second < 0; row++) {
                        if (key(c, row, per) == keys[i] && ++seen == 2) {
                            second = row;
                        }
                    }
                    throw duplicate(c, keys[i], second, per);
                }
            }
        }
    }

    private long key(LqCells c, int row, long per) {
        return ((long) c.reg[row] * c.times + c.tim[row]) * per + (wide ? 0 : c.ind[row]);
    }

    private PanelKitException duplicate(LqCells c, long k, int second, long per) {
        int first = -1;
        for (int row = 0; row < second; row++) {
            if (key(c, row, per) == k) {
                first = row;
                break;
            }
        }
        String keyText = spec.region() + "=" + c.regionKey.level(c.reg[second]) + ", " + spec.time() + "="
                + c.timeKey.level(c.tim[second])
                + (wide ? "" : ", " + spec.industry() + "=" + c.industryKey.level(c.ind[second]));
        return new PanelKitException("duplicate key (" + keyText + ") in " + data.rowLabel(first) + " and "
                + data.rowLabel(second) + "; each region may have one row per " + (wide ? "year" : "year and industry"));
    }
}
