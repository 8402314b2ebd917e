package org.panelkit.engine.data;

import java.util.List;

/** Checks shared by the per-entity operations (interpolation, smoothing) on their column choices. */
public final class PanelColumns {
    private PanelColumns() {
    }

    /**
     * Entity and time given and distinct; at least one value column, none of them a key, none twice.
     *
     * @param verb what the operation does to a column ("interpolate", "smooth"), for the messages
     * @param participle its past participle ("interpolated", "smoothed")
     */
    public static void check(String entity, String time, List<String> columns, String verb, String participle) {
        if (entity == null || entity.isBlank()) {
            throw new IllegalArgumentException("no entity column given");
        }
        if (time == null || time.isBlank()) {
            throw new IllegalArgumentException("no time column given");
        }
        if (entity.equals(time)) {
            throw new IllegalArgumentException("'" + entity + "' is both the entity and the time column");
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no columns to " + verb + " given");
        }
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            if (c.equals(entity) || c.equals(time)) {
                throw new IllegalArgumentException("column '" + c + "' is the " + (c.equals(entity) ? "entity" : "time")
                        + " column and cannot be " + participle);
            }
            if (columns.indexOf(c) != i) {
                throw new IllegalArgumentException("column '" + c + "' is listed twice");
            }
        }
    }
}
