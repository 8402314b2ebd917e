package org.panelkit.engine.split;

import java.util.List;

import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.regions.UnmappedValue;

/**
 * The group of every row of a split, the rows and entity counts of every group, and every row that could not
 * be assigned (with its value), so that nothing is dropped unseen.
 */
public final class SplitResult {
    private final SplitSpec spec;
    private final List<String> groups;
    private final int[] group;
    private final int[] sizes;
    private final int[] entities;
    private final List<UnmappedValue> unassigned;
    private final int unassignedRows;

    SplitResult(SplitSpec spec, List<String> groups, int[] group, int[] entities, List<UnmappedValue> unassigned) {
        this.spec = spec;
        this.groups = List.copyOf(groups);
        this.group = group;
        this.sizes = new int[groups.size()];
        int u = 0;
        for (int g : group) {
            if (g >= 0) {
                sizes[g]++;
            } else {
                u++;
            }
        }
        this.entities = entities;
        this.unassigned = List.copyOf(unassigned);
        this.unassignedRows = u;
    }

    public SplitSpec spec() { return spec; }

    /**
     * The group labels: a grouping's groups in their conventional order (also those without rows), the
     * mapping's groups in order of appearance, {@code first-last} time ranges for a break (before, after), or
     * a column's distinct values.
     */
    public List<String> groups() { return groups; }

    public int rowCount() { return group.length; }

    /** The group of a row (index into {@link #groups()}), or -1 when it could not be assigned. */
    public int group(int row) { return group[row]; }

    /** The rows of a group, ascending. */
    public int[] rows(int g) {
        int[] out = new int[sizes[g]];
        int k = 0;
        for (int i = 0; i < group.length; i++) {
            if (group[i] == g) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** Number of rows in a group. */
    public int size(int g) { return sizes[g]; }

    /** Number of distinct entities in a group, or -1 when no entity column was given. */
    public int entities(int g) { return entities == null ? -1 : entities[g]; }

    /** The values that could not be assigned, with their rows (a missing cell has value null). */
    public List<UnmappedValue> unassigned() { return unassigned; }

    public int unassignedRows() { return unassignedRows; }

    /** The group of every row as a column (missing where unassigned). */
    public KeyColumn groupColumn(String name) {
        return KeyColumn.ofCodes(name, group.clone(), groups.toArray(new String[0]));
    }
}
