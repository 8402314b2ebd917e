package org.panelkit.engine.mediation;

import java.util.List;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.data.RowSelection;

/**
 * Rows of a column source as a new table: the complete-case sample of one mediator, or a cluster bootstrap
 * sample. In a bootstrap sample, slot s holds all rows of the s-th drawn cluster; a cluster drawn twice becomes
 * two distinct clusters and its entities two distinct entities: the entity key becomes s E + e (E = entity
 * levels) and the cluster key the slot s. Time keys and numbers are copied.
 */
final class ClusterSample implements ColumnSource {
    private final ColumnSource source;
    private final RowSelection selection;
    private final int[] rows;
    private final int[] slot;
    private final String entity;
    private final String cluster;

    /** The plain subset {@code rows}. */
    ClusterSample(ColumnSource source, int[] rows) {
        this(source, rows, null, null, null);
    }

    /** A resample: {@code slot[i]} is the draw that row i belongs to. */
    ClusterSample(ColumnSource source, int[] rows, int[] slot, String entity, String cluster) {
        this.source = source;
        this.selection = new RowSelection(source, rows);
        this.rows = rows;
        this.slot = slot;
        this.entity = entity;
        this.cluster = cluster;
    }

    @Override
    public int rowCount() {
        return rows.length;
    }

    @Override
    public List<String> columnNames() {
        return source.columnNames();
    }

    @Override
    public boolean has(String name) {
        return source.has(name);
    }

    @Override
    public double[] numeric(String name) {
        return selection.numeric(name);
    }

    @Override
    public KeyColumn key(String name) {
        if (slot != null && name.equals(cluster)) {
            double[] v = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                v[i] = slot[i];
            }
            return KeyColumn.ofNumbers(name, v);
        }
        if (slot != null && name.equals(entity)) {
            KeyColumn key = source.key(name);
            double levels = key.levelCount();
            double[] v = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                v[i] = slot[i] * levels + key.code(rows[i]);
            }
            return KeyColumn.ofNumbers(name, v);
        }
        return selection.key(name);
    }

    @Override
    public String rowLabel(int row) {
        return slot == null ? source.rowLabel(rows[row]) : "bootstrap row " + (row + 1);
    }

    static void need(ColumnSource data, String name) {
        if (!data.has(name)) {
            throw new PanelKitException("unknown column '" + name + "' (columns: "
                    + String.join(", ", data.columnNames()) + ")");
        }
    }
}
