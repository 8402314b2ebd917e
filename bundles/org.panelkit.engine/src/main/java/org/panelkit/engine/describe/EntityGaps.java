package org.panelkit.engine.describe;

import java.util.List;

/** An entity with periods missing inside its own span (between its first and last period). */
public final class EntityGaps {
    private final String entity;
    private final String first;
    private final String last;
    private final int observed;
    private final List<String> missing;

    EntityGaps(String entity, String first, String last, int observed, List<String> missing) {
        this.entity = entity;
        this.first = first;
        this.last = last;
        this.observed = observed;
        this.missing = List.copyOf(missing);
    }

    public String entity() { return entity; }
    /** The entity's first period. */
    public String first() { return first; }
    /** The entity's last period. */
    public String last() { return last; }
    /** Number of distinct periods the entity has rows for. */
    public int observed() { return observed; }
    /** The periods of the panel's time grid inside [first, last] without a row for the entity. */
    public List<String> missing() { return missing; }
}
