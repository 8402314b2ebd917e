package org.panelkit.engine.data;

import java.util.List;

/**
 * The rows {@code rows[0], rows[1], …} of another column source, in that order, as a column source of their
 * own (a subsample, a reordering). Columns are gathered when asked for; key columns keep the source's levels.
 */
public final class RowSelection implements ColumnSource {
    private final ColumnSource source;
    private final int[] rows;

    public RowSelection(ColumnSource source, int[] rows) {
        this.source = source;
        this.rows = rows.clone();
        for (int r : this.rows) {
            if (r < 0 || r >= source.rowCount()) {
                throw new IllegalArgumentException("row " + r + " outside 0.." + (source.rowCount() - 1));
            }
        }
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
        KeyColumn all = source.key(name);
        int[] codes = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            codes[i] = all.code(rows[i]);
        }
        String[] levels = new String[all.levelCount()];
        for (int l = 0; l < levels.length; l++) {
            levels[l] = all.level(l);
        }
        return all.isNumeric() ? KeyColumn.ofCodes(name, codes, levels, numericLevels(all)) : KeyColumn.ofCodes(name, codes, levels);
    }

    private static double[] numericLevels(KeyColumn k) {
        double[] v = new double[k.levelCount()];
        for (int l = 0; l < v.length; l++) {
            v[l] = k.numericLevel(l);
        }
        return v;
    }

    @Override
    public String rowLabel(int row) {
        return source.rowLabel(rows[row]);
    }
}
