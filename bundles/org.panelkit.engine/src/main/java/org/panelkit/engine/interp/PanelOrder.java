package org.panelkit.engine.interp;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.KeyColumn;

/**
 * The rows of a panel in entity-then-time order, optionally completed to the balanced grid of every entity
 * times every period. A <i>period</i> is one of the distinct values of the time column anywhere in the panel
 * (their union over entities); periods are numbered 0, 1, ... in time order, so that the number of periods
 * between two rows is a difference of period numbers. Entities are ordered as {@link KeyColumn} orders them
 * (numerically when every id is a number, else as text).
 * <p>
 * Checks: the time column must be numeric; no entity or time cell may be missing; an (entity, time) key may
 * occur only once. Each error names the column, key and lines. Two counting sorts, O(rows + entities +
 * periods) time and memory.
 */
public final class PanelOrder {
    private final KeyColumn entity;
    private final KeyColumn time;
    private final int[] source;
    private final int[] entityCode;
    private final int[] period;
    private final int[] entityStart;
    private final int inserted;

    private PanelOrder(KeyColumn entity, KeyColumn time, int[] source, int[] entityCode, int[] period,
            int[] entityStart, int inserted) {
        this.entity = entity;
        this.time = time;
        this.source = source;
        this.entityCode = entityCode;
        this.period = period;
        this.entityStart = entityStart;
        this.inserted = inserted;
    }

    /**
     * Orders the rows of {@code data} by entity and time; with {@code complete}, inserts a row (source -1) for
     * every (entity, period) pair the data does not have.
     */
    public static PanelOrder of(ColumnSource data, String entityColumn, String timeColumn, boolean complete) {
        if (!data.has(entityColumn)) {
            throw new PanelKitException("unknown entity column '" + entityColumn + "' (columns: "
                    + String.join(", ", data.columnNames()) + ")");
        }
        if (!data.has(timeColumn)) {
            throw new PanelKitException("unknown time column '" + timeColumn + "' (columns: "
                    + String.join(", ", data.columnNames()) + ")");
        }
        KeyColumn ent = data.key(entityColumn);
        KeyColumn tim = data.key(timeColumn);
        int n = data.rowCount();
        if (!tim.isNumeric()) {
            // text levels: every one must be a number; then re-key numerically so periods are in time order
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                int c = tim.code(i);
                if (c < 0) {
                    values[i] = Double.NaN;
                } else if (!isNumber(tim.level(c))) {
                    throw new PanelKitException("time column '" + timeColumn + "' must be numeric (years or other "
                            + "numbers): " + data.rowLabel(i) + " has '" + tim.level(c) + "'");
                } else {
                    values[i] = Double.parseDouble(tim.level(c).trim());
                }
            }
            tim = KeyColumn.ofNumbers(timeColumn, values);
        }
        int[] ec = ent.codes();
        int[] tc = tim.codes();
        for (int i = 0; i < n; i++) {
            if (ec[i] < 0) {
                throw new PanelKitException(data.rowLabel(i) + ": missing value in the entity column '" + entityColumn + "'");
            }
            if (tc[i] < 0) {
                throw new PanelKitException(data.rowLabel(i) + ": missing value in the time column '" + timeColumn + "'");
            }
        }
        int entities = ent.levelCount();
        int periods = tim.levelCount();
        // counting sort by period, then a stable counting sort by entity
        int[] byTime = countingSort(tc, periods, null);
        int[] sorted = countingSort(ec, entities, byTime);
        int[] start = new int[entities + 1];
        for (int i = 0; i < n; i++) {
            start[ec[i] + 1]++;
        }
        for (int e = 0; e < entities; e++) {
            start[e + 1] += start[e];
        }
        for (int i = 1; i < n; i++) {
            int a = sorted[i - 1];
            int b = sorted[i];
            if (ec[a] == ec[b] && tc[a] == tc[b]) {
                throw new PanelKitException("duplicate key: " + entityColumn + " '" + ent.level(ec[a]) + "', "
                        + timeColumn + " " + tim.level(tc[a]) + " occurs on " + data.rowLabel(a) + " and "
                        + data.rowLabel(b) + " (each entity may have one row per period)");
            }
        }
        if (!complete) {
            int[] e = new int[n];
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                e[i] = ec[sorted[i]];
                p[i] = tc[sorted[i]];
            }
            return new PanelOrder(ent, tim, sorted, e, p, start, 0);
        }
        long cells = (long) entities * periods;
        if (cells > Integer.MAX_VALUE - 16) {
            throw new PanelKitException("completing the grid would create " + cells + " rows (" + entities
                    + " entities x " + periods + " periods); too many for one table");
        }
        int m = (int) cells;
        int[] src = new int[m];
        java.util.Arrays.fill(src, -1);
        for (int i = 0; i < n; i++) {
            src[ec[i] * periods + tc[i]] = i;
        }
        int[] e = new int[m];
        int[] p = new int[m];
        int[] gridStart = new int[entities + 1];
        for (int g = 0, i = 0; g < entities; g++) {
            gridStart[g] = i;
            for (int t = 0; t < periods; t++, i++) {
                e[i] = g;
                p[i] = t;
            }
        }
        gridStart[entities] = m;
        return new PanelOrder(ent, tim, src, e, p, gridStart, m - n);
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Stable counting sort of {@code order} (or 0..n-1 when null) by {@code key[row]}. */
    private static int[] countingSort(int[] key, int levels, int[] order) {
        int n = key.length;
        int[] count = new int[levels + 1];
        for (int i = 0; i < n; i++) {
            count[key[i] + 1]++;
        }
        for (int l = 0; l < levels; l++) {
            count[l + 1] += count[l];
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int row = order == null ? i : order[i];
            out[count[key[row]]++] = row;
        }
        return out;
    }

    /** Number of rows in order (input rows plus inserted ones). */
    public int rowCount() {
        return source.length;
    }

    /** Rows inserted to complete the grid (0 unless completed). */
    public int insertedRows() {
        return inserted;
    }

    /** The input row shown at position {@code i}, or -1 for an inserted row. */
    public int sourceRow(int i) {
        return source[i];
    }

    /** Input row per position, -1 for inserted rows (not copied: do not modify). */
    public int[] sourceRows() {
        return source;
    }

    /** Period number per position (not copied: do not modify). */
    public int[] periods() {
        return period;
    }

    public int entityCode(int i) {
        return entityCode[i];
    }

    /** Period number of row {@code i}: the rank of its time among the distinct times of the panel. */
    public int period(int i) {
        return period[i];
    }

    /** The time value of row {@code i}. */
    public double time(int i) {
        return time.numericLevel(period[i]);
    }

    public KeyColumn entityKey() {
        return entity;
    }

    public KeyColumn timeKey() {
        return time;
    }

    public int entityCount() {
        return entity.levelCount();
    }

    public int periodCount() {
        return time.levelCount();
    }

    /** First position of entity {@code e}; its rows are {@code entityStart(e) .. entityStart(e + 1) - 1}. */
    public int entityStart(int e) {
        return entityStart[e];
    }

    /** Entity label of row {@code i} for messages and output. */
    public String entityLabel(int i) {
        return entity.level(entityCode[i]);
    }

    /** Time label of row {@code i} for messages and output. */
    public String timeLabel(int i) {
        return time.level(period[i]);
    }
}
