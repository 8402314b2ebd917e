package org.panelkit.engine.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.panelkit.engine.PanelKitException;

/** An in-memory {@link ColumnSource}: numeric and key columns of equal length, in insertion order. */
public final class Columns implements ColumnSource {
    private final int rows;
    private final Map<String, double[]> numeric = new LinkedHashMap<>();
    private final Map<String, KeyColumn> keys = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();

    public Columns(int rows) {
        this.rows = rows;
    }

    public Columns addNumeric(String name, double[] values) {
        checkNew(name, values.length);
        numeric.put(name, values);
        names.add(name);
        return this;
    }

    public Columns addKey(String name, KeyColumn key) {
        checkNew(name, key.size());
        keys.put(name, key);
        names.add(name);
        return this;
    }

    private void checkNew(String name, int length) {
        if (length != rows) {
            throw new IllegalArgumentException("column '" + name + "' has " + length + " rows, expected " + rows);
        }
        if (numeric.containsKey(name) || keys.containsKey(name)) {
            throw new IllegalArgumentException("column '" + name + "' added twice");
        }
    }

    @Override
    public int rowCount() {
        return rows;
    }

    @Override
    public List<String> columnNames() {
        return List.copyOf(names);
    }

    @Override
    public boolean has(String name) {
        return numeric.containsKey(name) || keys.containsKey(name);
    }

    @Override
    public double[] numeric(String name) {
        double[] v = numeric.get(name);
        if (v != null) {
            return v;
        }
        KeyColumn k = keys.get(name);
        if (k == null) {
            throw new PanelKitException("unknown column '" + name + "'");
        }
        if (!k.isNumeric()) {
            throw new PanelKitException("column '" + name + "' is not numeric");
        }
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            int c = k.code(i);
            out[i] = c < 0 ? Double.NaN : k.numericLevel(c);
        }
        return out;
    }

    @Override
    public KeyColumn key(String name) {
        KeyColumn k = keys.get(name);
        if (k != null) {
            return k;
        }
        double[] v = numeric.get(name);
        if (v == null) {
            throw new PanelKitException("unknown column '" + name + "'");
        }
        KeyColumn made = KeyColumn.ofNumbers(name, v);
        keys.put(name, made);
        return made;
    }
}
