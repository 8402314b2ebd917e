package org.panelkit.engine.describe;

/** An (entity, time) key held by more than one row. */
public final class DuplicateKey {
    private final String entity;
    private final String time;
    private final int[] rows;

    DuplicateKey(String entity, String time, int[] rows) {
        this.entity = entity;
        this.time = time;
        this.rows = rows.clone();
    }

    public String entity() { return entity; }
    public String time() { return time; }
    /** The 0-based rows holding the key, ascending. */
    public int[] rows() { return rows.clone(); }
}
