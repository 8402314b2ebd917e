package org.panelkit.engine.describe;

/**
 * Missing cells of one column. Within each entity in time order, a missing cell is <i>leading</i> (before the
 * entity's first observed value), <i>trailing</i> (after its last) or <i>interior</i> (between two observed
 * values: what interpolation within the entity can fill); an entity without any observed value adds all its
 * rows to {@link #inEmptyEntities()}. Rows without an entity or time count only in {@link #missing()}.
 */
public final class ColumnMissing {
    private final String name;
    private final int rows;
    private final int missing;
    private final int interior;
    private final int leading;
    private final int trailing;
    private final int inEmptyEntities;
    private final int emptyEntities;

    ColumnMissing(String name, int rows, int missing, int interior, int leading, int trailing, int inEmptyEntities,
            int emptyEntities) {
        this.name = name;
        this.rows = rows;
        this.missing = missing;
        this.interior = interior;
        this.leading = leading;
        this.trailing = trailing;
        this.inEmptyEntities = inEmptyEntities;
        this.emptyEntities = emptyEntities;
    }

    public String name() { return name; }
    /** Number of missing cells. */
    public int missing() { return missing; }
    /** Missing cells as a share of all rows, in [0, 1]. */
    public double share() { return rows == 0 ? 0 : (double) missing / rows; }
    public int interior() { return interior; }
    public int leading() { return leading; }
    public int trailing() { return trailing; }
    /** Missing cells in entities that have no observed value in this column. */
    public int inEmptyEntities() { return inEmptyEntities; }
    /** Entities without any observed value in this column. */
    public int emptyEntities() { return emptyEntities; }
}
