package org.panelkit.engine.split;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.regions.RegionGrouping;

/**
 * How to split a panel into subsamples. Immutable; made by one of the factories:
 * <ul>
 * <li>{@link #byRegion}: the entity column holds Chinese provincial-level units (names in any common spelling,
 * or codes), grouped by a built-in NBS grouping;</li>
 * <li>{@link #byMapping}: the entity column is grouped by a user table entity → group;</li>
 * <li>{@link #byBreak}: the time column is cut at a break: before = time &lt; break, after = break ≤ time;</li>
 * <li>{@link #byColumn}: one group per distinct value of a column.</li>
 * </ul>
 * {@link #withEntity(String)} names the entity column for the splits by time or column too, so that the result
 * counts the entities in each group.
 */
public final class SplitSpec {
    /** The kind of split. */
    public enum Kind { REGION, MAPPING, BREAK, COLUMN }

    private final Kind kind;
    private final String entity;
    private final String column;
    private final RegionGrouping grouping;
    private final Map<String, String> mapping;
    private final double breakValue;

    private SplitSpec(Kind kind, String entity, String column, RegionGrouping grouping, Map<String, String> mapping,
            double breakValue) {
        this.kind = kind;
        this.entity = entity;
        this.column = column;
        this.grouping = grouping;
        this.mapping = mapping;
        this.breakValue = breakValue;
    }

    /** Groups the units in {@code entityColumn} by an NBS grouping of China's provincial-level units. */
    public static SplitSpec byRegion(String entityColumn, RegionGrouping grouping) {
        requireColumn(entityColumn, "entity");
        return new SplitSpec(Kind.REGION, entityColumn, entityColumn, Objects.requireNonNull(grouping), null, Double.NaN);
    }

    /**
     * Groups the units in {@code entityColumn} by a table entity → group (groups in the order they first
     * appear). Entities match the table as written, then ignoring case, spaces and punctuation, then as the
     * same Chinese provincial-level unit (so 内蒙古 matches a table that says Inner Mongolia).
     */
    public static SplitSpec byMapping(String entityColumn, Map<String, String> entityToGroup) {
        requireColumn(entityColumn, "entity");
        if (entityToGroup == null || entityToGroup.isEmpty()) {
            throw new PanelKitException("the mapping table is empty");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entityToGroup.entrySet()) {
            if (e.getKey() == null || e.getValue() == null || e.getValue().isBlank()) {
                throw new PanelKitException("the mapping table has an empty entity or group (" + e.getKey() + " -> "
                        + e.getValue() + ")");
            }
            copy.put(e.getKey().strip(), e.getValue().strip());
        }
        return new SplitSpec(Kind.MAPPING, entityColumn, entityColumn, null, Collections.unmodifiableMap(copy),
                Double.NaN);
    }

    /** Cuts the numeric {@code timeColumn} at {@code breakValue}: time &lt; break before, break ≤ time after. */
    public static SplitSpec byBreak(String timeColumn, double breakValue) {
        requireColumn(timeColumn, "time");
        if (!Double.isFinite(breakValue)) {
            throw new PanelKitException("the break must be a finite number, got " + breakValue);
        }
        return new SplitSpec(Kind.BREAK, null, timeColumn, null, null, breakValue);
    }

    /** One group per distinct value of {@code column} (numbers in numeric order, text in lexicographic order). */
    public static SplitSpec byColumn(String column) {
        requireColumn(column, "split");
        return new SplitSpec(Kind.COLUMN, null, column, null, null, Double.NaN);
    }

    /** The same split, counting the distinct values of {@code entityColumn} per group. */
    public SplitSpec withEntity(String entityColumn) {
        if (kind == Kind.REGION || kind == Kind.MAPPING) {
            if (entityColumn != null && !entityColumn.equals(entity)) {
                throw new PanelKitException("a region split groups its entity column '" + entity + "'; got '"
                        + entityColumn + "'");
            }
            return this;
        }
        return new SplitSpec(kind, entityColumn, column, grouping, mapping, breakValue);
    }

    private static void requireColumn(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new PanelKitException("the " + what + " column is not given");
        }
    }

    public Kind kind() { return kind; }
    /** The entity column, or null (then entities are not counted). */
    public String entity() { return entity; }
    /** The column the split reads: the entity column (region, mapping), the time column (break) or the column. */
    public String column() { return column; }
    /** The NBS grouping ({@link Kind#REGION}), else null. */
    public RegionGrouping grouping() { return grouping; }
    /** The entity → group table ({@link Kind#MAPPING}), else null. */
    public Map<String, String> mapping() { return mapping; }
    /** The break ({@link Kind#BREAK}), else NaN. */
    public double breakValue() { return breakValue; }
}
