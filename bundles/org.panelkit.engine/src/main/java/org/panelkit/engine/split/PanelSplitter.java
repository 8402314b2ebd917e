package org.panelkit.engine.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.regions.ChinaRegions;
import org.panelkit.engine.regions.Province;
import org.panelkit.engine.regions.RegionMatch;
import org.panelkit.engine.regions.UnmappedValue;

/**
 * Splits the rows of a panel into subsamples ({@link SplitSpec}). Every row gets a group or is reported in
 * {@link SplitResult#unassigned()} with its value: a region name not in the table, an entity not in the
 * mapping, a missing cell. Linear in the number of rows.
 */
public final class PanelSplitter {
    private PanelSplitter() {
    }

    public static SplitResult split(ColumnSource data, SplitSpec spec) {
        return split(data, spec, ProgressMonitor.NONE);
    }

    public static SplitResult split(ColumnSource data, SplitSpec spec, ProgressMonitor monitor) {
        need(data, spec.column());
        if (spec.entity() != null) {
            need(data, spec.entity());
        }
        monitor.progress(0, "assigning groups");
        int n = data.rowCount();
        KeyColumn key = data.key(spec.column());
        List<String> groups;
        int[] group = new int[n];
        List<UnmappedValue> unassigned;
        switch (spec.kind()) {
        case REGION: {
            RegionMatch m = ChinaRegions.standard().match(key);
            groups = spec.grouping().groups();
            for (int i = 0; i < n; i++) {
                Province p = m.province(i);
                group[i] = p == null ? -1 : groups.indexOf(p.group(spec.grouping()));
            }
            unassigned = m.unmapped();
            break;
        }
        case MAPPING: {
            groups = new ArrayList<>();
            for (String g : spec.mapping().values()) {
                if (!groups.contains(g)) {
                    groups.add(g);
                }
            }
            int[] byLevel = mapLevels(key, spec.mapping(), groups);
            unassigned = byLevels(key, byLevel, group);
            break;
        }
        case BREAK:
            groups = breakGroups(key, spec, group);
            unassigned = byRows(key, group);
            break;
        case COLUMN: {
            groups = new ArrayList<>();
            int[] byLevel = new int[key.levelCount()];
            for (int c = 0; c < byLevel.length; c++) {
                groups.add(key.level(c));
                byLevel[c] = c;
            }
            unassigned = byLevels(key, byLevel, group);
            break;
        }
        default:
            throw new IllegalStateException();
        }
        monitor.checkCanceled();
        int[] entities = spec.entity() == null ? null : countEntities(data.key(spec.entity()), group, groups.size());
        monitor.progress(1, "done");
        return new SplitResult(spec, groups, group, entities, unassigned);
    }

    private static void need(ColumnSource data, String name) {
        if (!data.has(name)) {
            throw new PanelKitException("unknown column '" + name + "' (columns: " + String.join(", ", data.columnNames())
                    + ")");
        }
    }

    /** Per level of the entity column, the mapped group or -1. */
    private static int[] mapLevels(KeyColumn key, Map<String, String> mapping, List<String> groups) {
        Map<String, String> normalized = new HashMap<>();
        Map<String, String> normalizedFrom = new HashMap<>();
        Map<String, String> byProvince = new HashMap<>();
        Map<String, String> byProvinceFrom = new HashMap<>();
        ChinaRegions table = ChinaRegions.standard();
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            String k = ChinaRegions.normalize(e.getKey());
            if (!k.isEmpty()) {
                conflict(normalized, normalizedFrom, k, e.getKey(), e.getValue());
            }
            Optional<Province> p = table.find(e.getKey());
            if (p.isPresent()) {
                conflict(byProvince, byProvinceFrom, p.get().code(), e.getKey(), e.getValue());
            }
        }
        int[] byLevel = new int[key.levelCount()];
        for (int c = 0; c < byLevel.length; c++) {
            String v = key.level(c);
            String g = mapping.get(v.strip());
            if (g == null) {
                g = normalized.get(ChinaRegions.normalize(v));
            }
            if (g == null) {
                Optional<Province> p = table.find(v);
                if (p.isPresent()) {
                    g = byProvince.get(p.get().code());
                }
            }
            byLevel[c] = g == null ? -1 : groups.indexOf(g);
        }
        return byLevel;
    }

    private static void conflict(Map<String, String> groupOf, Map<String, String> from, String k, String entity,
            String group) {
        String before = groupOf.putIfAbsent(k, group);
        if (before != null && !before.equals(group)) {
            throw new PanelKitException("the mapping puts '" + from.get(k) + "' in group '" + before + "' and '" + entity
                    + "' (the same unit) in group '" + group + "'");
        }
        from.putIfAbsent(k, entity);
    }

    /** Fills {@code group} from a per-level assignment; returns the unassigned values with their rows. */
    private static List<UnmappedValue> byLevels(KeyColumn key, int[] byLevel, int[] group) {
        for (int i = 0; i < group.length; i++) {
            int c = key.code(i);
            group[i] = c < 0 ? -1 : byLevel[c];
        }
        return byRows(key, group);
    }

    /** The unassigned rows of {@code group}, gathered by the value of {@code key}. */
    private static List<UnmappedValue> byRows(KeyColumn key, int[] group) {
        Map<Integer, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < group.length; i++) {
            if (group[i] < 0) {
                rows.computeIfAbsent(key.code(i), c -> new ArrayList<>()).add(i);
            }
        }
        List<UnmappedValue> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : rows.entrySet()) {
            int c = e.getKey();
            out.add(new UnmappedValue(c < 0 ? null : key.level(c), e.getValue().stream().mapToInt(Integer::intValue).toArray()));
        }
        return out;
    }

    /** before = time &lt; break, after = break ≤ time; labels state the first and last time of each side. */
    private static List<String> breakGroups(KeyColumn key, SplitSpec spec, int[] group) {
        if (!key.isNumeric()) {
            throw new PanelKitException("column '" + key.name() + "' is not numeric (e.g. '" + key.level(0)
                    + "'); a break needs numeric times");
        }
        double br = spec.breakValue();
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < group.length; i++) {
            int c = key.code(i);
            if (c < 0) {
                group[i] = -1;
                continue;
            }
            double t = key.numericLevel(c);
            int g = t < br ? 0 : 1;
            group[i] = g;
            lo[g] = Math.min(lo[g], t);
            hi[g] = Math.max(hi[g], t);
        }
        for (int g = 0; g < 2; g++) {
            if (lo[g] > hi[g]) {
                double first = Math.min(lo[0], lo[1]);
                double last = Math.max(hi[0], hi[1]);
                throw new PanelKitException("the break " + fmt(br) + " leaves no rows " + (g == 0 ? "before it" : "at or after it")
                        + (first <= last ? " (column '" + key.name() + "' runs from " + fmt(first) + " to " + fmt(last) + ")"
                                : " (column '" + key.name() + "' is empty)"));
            }
        }
        return List.of(range(lo[0], hi[0]), range(lo[1], hi[1]));
    }

    private static String range(double lo, double hi) {
        return lo == hi ? fmt(lo) : fmt(lo) + "-" + fmt(hi);
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }

    /** Distinct entities per group, by sorting (group, entity) pairs: linear memory for any number of groups. */
    private static int[] countEntities(KeyColumn entity, int[] group, int groups) {
        int n = group.length;
        long[] pairs = new long[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int e = entity.code(i);
            if (group[i] >= 0 && e >= 0) {
                pairs[m++] = ((long) group[i] << 32) | e;
            }
        }
        Arrays.sort(pairs, 0, m);
        int[] count = new int[groups];
        for (int i = 0; i < m; i++) {
            if (i == 0 || pairs[i] != pairs[i - 1]) {
                count[(int) (pairs[i] >>> 32)]++;
            }
        }
        return count;
    }
}
