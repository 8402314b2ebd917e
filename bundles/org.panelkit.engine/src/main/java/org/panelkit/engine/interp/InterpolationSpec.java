package org.panelkit.engine.interp;

import java.util.List;
import java.util.Objects;

import org.panelkit.engine.data.PanelColumns;

/**
 * What to interpolate: numeric columns within each entity, ordered by the (numeric) time column. Immutable;
 * build with {@link #builder(String, String, List)}. Defaults: linear, ends none, no gap limit, grid not
 * completed.
 */
public final class InterpolationSpec {
    /** {@link #maxGap()} when every gap may be filled. */
    public static final int NO_LIMIT = -1;

    private final String entity;
    private final String time;
    private final List<String> columns;
    private final InterpolationMethod method;
    private final Ends ends;
    private final int maxGap;
    private final boolean complete;

    private InterpolationSpec(Builder b) {
        this.entity = b.entity;
        this.time = b.time;
        this.columns = List.copyOf(b.columns);
        this.method = b.method;
        this.ends = b.ends;
        this.maxGap = b.maxGap;
        this.complete = b.complete;
    }

    public static Builder builder(String entity, String time, List<String> columns) {
        return new Builder(entity, time, columns);
    }

    public String entity() { return entity; }
    public String time() { return time; }
    public List<String> columns() { return columns; }
    public InterpolationMethod method() { return method; }
    public Ends ends() { return ends; }
    /**
     * Longest gap that is filled, in periods, or {@link #NO_LIMIT}. A gap is a run of missing cells of one
     * entity; its length is the number of periods it spans, where the periods are the distinct time values of
     * the whole panel: between observations at periods a and b it is the number of periods strictly between
     * them (b - a - 1, whether or not the entity has rows there); a leading or trailing run counts the periods
     * from the entity's first (last) row to its first (last) observation. A longer gap is left missing
     * entirely, as {@code zoo}'s {@code maxgap}.
     */
    public int maxGap() { return maxGap; }
    /** Whether missing (entity, period) rows are inserted so that the panel is balanced over all periods. */
    public boolean complete() { return complete; }

    public Builder toBuilder() {
        return new Builder(entity, time, columns).method(method).ends(ends).maxGap(maxGap).complete(complete);
    }

    /** Builder with validation in {@link #build()}. */
    public static final class Builder {
        private final String entity;
        private final String time;
        private final List<String> columns;
        private InterpolationMethod method = InterpolationMethod.LINEAR;
        private Ends ends = Ends.NONE;
        private int maxGap = NO_LIMIT;
        private boolean complete;

        private Builder(String entity, String time, List<String> columns) {
            this.entity = entity;
            this.time = time;
            this.columns = columns == null ? List.of() : List.copyOf(columns);
        }

        public Builder method(InterpolationMethod v) { this.method = Objects.requireNonNull(v); return this; }
        public Builder ends(Ends v) { this.ends = Objects.requireNonNull(v); return this; }
        public Builder maxGap(int v) { this.maxGap = v; return this; }
        public Builder complete(boolean v) { this.complete = v; return this; }

        public InterpolationSpec build() {
            PanelColumns.check(entity, time, columns, "interpolate", "interpolated");
            if (maxGap < NO_LIMIT) {
                throw new IllegalArgumentException("max gap must be 0 or more periods, got " + maxGap);
            }
            return new InterpolationSpec(this);
        }
    }
}
