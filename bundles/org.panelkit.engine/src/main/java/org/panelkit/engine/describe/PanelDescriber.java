package org.panelkit.engine.describe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.KeyColumn;

/**
 * Panel diagnostics ({@link PanelDescription}): entities, periods, balance, gaps inside each entity's span,
 * duplicate (entity, time) keys, missing cells per column (leading, interior, trailing within entities) and
 * singletons.
 *
 * <p>The time grid: when every time is a whole number, the periods from the first to the last time in steps
 * of the greatest common divisor of the observed spacings (annual data: every year, so a year no entity has
 * is reported as absent); otherwise (text, fractional times, or a grid more than ten times larger than the
 * observed periods, e.g. dates written as yyyymmdd) the observed periods themselves. Time O(n log n) for the
 * sort within entities, memory linear.
 */
public final class PanelDescriber {
    private PanelDescriber() {
    }

    /** Describes the panel and every column of {@code data}. */
    public static PanelDescription describe(ColumnSource data, String entity, String time) {
        return describe(data, entity, time, data.columnNames(), ProgressMonitor.NONE);
    }

    public static PanelDescription describe(ColumnSource data, String entity, String time, List<String> columns,
            ProgressMonitor monitor) {
        need(data, entity, "entity");
        need(data, time, "time");
        if (entity.equals(time)) {
            throw new PanelKitException("column '" + entity + "' is given as both entity and time");
        }
        for (String c : columns) {
            need(data, c, "a");
        }
        monitor.progress(0, "ordering rows within entities");
        KeyColumn ek = data.key(entity);
        KeyColumn tk = data.key(time);
        int n = data.rowCount();
        Grid grid = Grid.of(tk);
        int entities = ek.levelCount();

        // rows with both keys, grouped by entity (counting sort), then by grid position within each entity
        int[] start = new int[entities + 1];
        List<Integer> missingKey = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int e = ek.code(i);
            if (e < 0 || tk.code(i) < 0) {
                missingKey.add(i);
            } else {
                start[e + 1]++;
            }
        }
        for (int e = 0; e < entities; e++) {
            start[e + 1] += start[e];
        }
        long[] order = new long[start[entities]];
        int[] fill = Arrays.copyOf(start, entities);
        for (int i = 0; i < n; i++) {
            int e = ek.code(i);
            int t = tk.code(i);
            if (e >= 0 && t >= 0) {
                order[fill[e]++] = ((long) grid.position[t] << 31) | i;
            }
        }
        for (int e = 0; e < entities; e++) {
            Arrays.sort(order, start[e], start[e + 1]);
            if ((e & 1023) == 0) {
                monitor.checkCanceled();
            }
        }
        monitor.progress(0.4, "scanning entities");

        int[] entitiesPerPosition = new int[grid.size];
        List<EntityGaps> gaps = new ArrayList<>();
        List<DuplicateKey> duplicates = new ArrayList<>();
        List<String> singletonEntities = new ArrayList<>();
        int gapPeriods = 0;
        int minPer = Integer.MAX_VALUE;
        int maxPer = 0;
        int spanning = 0;
        int complete = 0;
        int observedEntities = 0;
        for (int e = 0; e < entities; e++) {
            int from = start[e];
            int to = start[e + 1];
            if (from == to) {
                continue;
            }
            observedEntities++;
            int distinct = 0;
            List<String> missing = new ArrayList<>();
            int prev = -1;
            for (int k = from; k < to; k++) {
                int pos = (int) (order[k] >>> 31);
                if (pos == prev) {
                    int end = k;
                    while (end < to && (int) (order[end] >>> 31) == pos) {
                        end++;
                    }
                    int[] rows = new int[end - k + 1];
                    for (int q = k - 1; q < end; q++) {
                        rows[q - k + 1] = (int) (order[q] & 0x7fffffffL);
                    }
                    Arrays.sort(rows);
                    duplicates.add(new DuplicateKey(ek.level(e), grid.label(pos), rows));
                    k = end - 1;
                    continue;
                }
                if (prev >= 0) {
                    for (int p = prev + 1; p < pos; p++) {
                        missing.add(grid.label(p));
                    }
                }
                distinct++;
                entitiesPerPosition[pos]++;
                prev = pos;
            }
            int first = (int) (order[from] >>> 31);
            int last = prev;
            minPer = Math.min(minPer, distinct);
            maxPer = Math.max(maxPer, distinct);
            if (first == 0 && last == grid.size - 1) {
                spanning++;
            }
            if (distinct == grid.size) {
                complete++;
            }
            if (distinct == 1) {
                singletonEntities.add(ek.level(e));
            }
            if (!missing.isEmpty()) {
                gapPeriods += missing.size();
                gaps.add(new EntityGaps(ek.level(e), grid.label(first), grid.label(last), distinct, missing));
            }
        }
        List<String> absent = new ArrayList<>();
        List<String> singletonPeriods = new ArrayList<>();
        int periods = 0;
        for (int p = 0; p < grid.size; p++) {
            if (entitiesPerPosition[p] == 0) {
                absent.add(grid.label(p));
            } else {
                periods++;
                if (entitiesPerPosition[p] == 1) {
                    singletonPeriods.add(grid.label(p));
                }
            }
        }
        monitor.progress(0.7, "counting missing cells");
        List<ColumnMissing> cols = new ArrayList<>();
        for (String c : columns) {
            cols.add(columnMissing(data, c, n, order, start, entities));
            monitor.checkCanceled();
        }
        boolean balanced = missingKey.isEmpty() && duplicates.isEmpty() && observedEntities > 0
                && complete == observedEntities;
        monitor.progress(1, "done");
        return new PanelDescription(entity, time, n, missingKey.stream().mapToInt(Integer::intValue).toArray(),
                observedEntities, periods, grid.size == 0 ? null : grid.label(0),
                grid.size == 0 ? null : grid.label(grid.size - 1), grid.step, grid.size, absent, balanced,
                observedEntities == 0 ? 0 : minPer, maxPer, spanning, gaps, gapPeriods, duplicates, singletonEntities,
                singletonPeriods, cols);
    }

    private static void need(ColumnSource data, String name, String role) {
        if (name == null || name.isBlank()) {
            throw new PanelKitException("the " + role + " column is not given");
        }
        if (!data.has(name)) {
            throw new PanelKitException("unknown column '" + name + "' (columns: " + String.join(", ", data.columnNames())
                    + ")");
        }
    }

    private static ColumnMissing columnMissing(ColumnSource data, String name, int n, long[] order, int[] start,
            int entities) {
        boolean[] miss = new boolean[n];
        int missing = 0;
        double[] v = null;
        try {
            v = data.numeric(name);
        } catch (PanelKitException notNumeric) {
            // a text column: missing = no level
        }
        if (v != null) {
            for (int i = 0; i < n; i++) {
                miss[i] = v[i] != v[i];
            }
        } else {
            KeyColumn k = data.key(name);
            for (int i = 0; i < n; i++) {
                miss[i] = k.code(i) < 0;
            }
        }
        for (int i = 0; i < n; i++) {
            if (miss[i]) {
                missing++;
            }
        }
        int interior = 0;
        int leading = 0;
        int trailing = 0;
        int inEmpty = 0;
        int emptyEntities = 0;
        for (int e = 0; e < entities; e++) {
            int from = start[e];
            int to = start[e + 1];
            if (from == to) {
                continue;
            }
            int firstObs = -1;
            int lastObs = -1;
            for (int k = from; k < to; k++) {
                if (!miss[(int) (order[k] & 0x7fffffffL)]) {
                    if (firstObs < 0) {
                        firstObs = k;
                    }
                    lastObs = k;
                }
            }
            if (firstObs < 0) {
                emptyEntities++;
                inEmpty += to - from;
                continue;
            }
            leading += firstObs - from;
            trailing += to - 1 - lastObs;
            for (int k = firstObs + 1; k < lastObs; k++) {
                if (miss[(int) (order[k] & 0x7fffffffL)]) {
                    interior++;
                }
            }
        }
        return new ColumnMissing(name, n, missing, interior, leading, trailing, inEmpty, emptyEntities);
    }

    /** The time grid: position of every time level, and the label of every position. */
    static final class Grid {
        final int[] position;
        final int size;
        final double step;
        private final KeyColumn key;
        private final double min;
        private final boolean arithmetic;

        private Grid(KeyColumn key, int[] position, int size, double step, double min, boolean arithmetic) {
            this.key = key;
            this.position = position;
            this.size = size;
            this.step = step;
            this.min = min;
            this.arithmetic = arithmetic;
        }

        static Grid of(KeyColumn t) {
            int levels = t.levelCount();
            int[] identity = new int[levels];
            for (int c = 0; c < levels; c++) {
                identity[c] = c;
            }
            if (!t.isNumeric() || levels == 0) {
                return new Grid(t, identity, levels, Double.NaN, Double.NaN, false);
            }
            boolean whole = true;
            for (int c = 0; c < levels && whole; c++) {
                double v = t.numericLevel(c);
                whole = v == Math.rint(v) && Math.abs(v) < 1e15;
            }
            if (!whole) {
                return new Grid(t, identity, levels, Double.NaN, Double.NaN, false);
            }
            long min = (long) t.numericLevel(0);
            long g = 0;
            for (int c = 1; c < levels; c++) {
                g = gcd(g, (long) t.numericLevel(c) - (long) t.numericLevel(c - 1));
            }
            if (g == 0) {
                g = 1;
            }
            long span = ((long) t.numericLevel(levels - 1) - min) / g + 1;
            if (span > 10L * levels + 1000 || span > Integer.MAX_VALUE / 2) {
                return new Grid(t, identity, levels, Double.NaN, Double.NaN, false);
            }
            int[] pos = new int[levels];
            for (int c = 0; c < levels; c++) {
                pos[c] = (int) (((long) t.numericLevel(c) - min) / g);
            }
            return new Grid(t, pos, (int) span, g, min, true);
        }

        private static long gcd(long a, long b) {
            while (b != 0) {
                long r = a % b;
                a = b;
                b = r;
            }
            return Math.abs(a);
        }

        String label(int p) {
            if (!arithmetic) {
                return key.level(p);
            }
            return Long.toString((long) (min + p * step));
        }
    }
}
