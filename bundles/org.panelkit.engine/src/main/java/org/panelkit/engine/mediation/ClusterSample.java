package org.panelkit.engine.mediation;

import java.util.List;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.KeyColumn;

/**
 * Rows of a column source as a new table: the complete-case sample of one mediator, or a cluster bootstrap
 * sample. In a bootstrap sample, slot s holds all rows of the s-th drawn cluster; a cluster drawn twice becomes
 * two distinct clusters and its entities two distinct entities: the entity key becomes s E + e (E = entity
 * levels) and the cluster key the slot s. Time keys and numbers are copied.
 */
final class ClusterSample implements ColumnSource {
    private final ColumnSource source;
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
        double[] all = source.numeric(name);
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = all[rows[i]];
        }
        return out;
    }

    @Override
    public KeyColumn key(String name) {
        KeyColumn key = source.key(name);
        if (slot != null && name.equals(cluster)) {
            double[] v = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                v[i] = slot[i];
            }
            return KeyColumn.ofNumbers(name, v);
        }
        if (slot != null && name.equals(entity)) {
            double levels = key.levelCount();
            double[] v = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                v[i] = slot[i] * levels + key.code(rows[i]);
            }
            return KeyColumn.ofNumbers(name, v);
        }
        if (key.isNumeric()) {
            double[] v = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                int c = key.code(rows[i]);
                v[i] = c < 0 ? Double.NaN : key.numericLevel(c);
            }
            return KeyColumn.ofNumbers(name, v);
        }
        int[] codes = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            codes[i] = key.code(rows[i]);
        }
        String[] levels = new String[key.levelCount()];
        for (int l = 0; l < levels.length; l++) {
            levels[l] = key.level(l);
        }
        return KeyColumn.ofCodes(name, codes, levels);
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
