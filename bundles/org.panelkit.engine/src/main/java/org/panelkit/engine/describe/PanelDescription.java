package org.panelkit.engine.describe;

import java.util.List;

/** Diagnostics of a panel: its shape, balance, gaps, duplicate keys, missing cells and singletons. */
public final class PanelDescription {
    private final String entityColumn;
    private final String timeColumn;
    private final int rows;
    private final int[] missingKeyRows;
    private final int entities;
    private final int periods;
    private final String firstPeriod;
    private final String lastPeriod;
    private final double step;
    private final int gridPeriods;
    private final List<String> absentPeriods;
    private final boolean balanced;
    private final int minPerEntity;
    private final int maxPerEntity;
    private final int entitiesSpanningPanel;
    private final List<EntityGaps> gaps;
    private final int gapPeriods;
    private final List<DuplicateKey> duplicates;
    private final List<String> singletonEntities;
    private final List<String> singletonPeriods;
    private final List<ColumnMissing> columns;

    PanelDescription(String entityColumn, String timeColumn, int rows, int[] missingKeyRows, int entities, int periods,
            String firstPeriod, String lastPeriod, double step, int gridPeriods, List<String> absentPeriods,
            boolean balanced, int minPerEntity, int maxPerEntity, int entitiesSpanningPanel, List<EntityGaps> gaps,
            int gapPeriods, List<DuplicateKey> duplicates, List<String> singletonEntities, List<String> singletonPeriods,
            List<ColumnMissing> columns) {
        this.entityColumn = entityColumn;
        this.timeColumn = timeColumn;
        this.rows = rows;
        this.missingKeyRows = missingKeyRows;
        this.entities = entities;
        this.periods = periods;
        this.firstPeriod = firstPeriod;
        this.lastPeriod = lastPeriod;
        this.step = step;
        this.gridPeriods = gridPeriods;
        this.absentPeriods = List.copyOf(absentPeriods);
        this.balanced = balanced;
        this.minPerEntity = minPerEntity;
        this.maxPerEntity = maxPerEntity;
        this.entitiesSpanningPanel = entitiesSpanningPanel;
        this.gaps = List.copyOf(gaps);
        this.gapPeriods = gapPeriods;
        this.duplicates = List.copyOf(duplicates);
        this.singletonEntities = List.copyOf(singletonEntities);
        this.singletonPeriods = List.copyOf(singletonPeriods);
        this.columns = List.copyOf(columns);
    }

    public String entityColumn() { return entityColumn; }
    public String timeColumn() { return timeColumn; }
    public int rows() { return rows; }
    /** Rows (0-based) without an entity or a time; they are not part of the panel structure below. */
    public int[] missingKeyRows() { return missingKeyRows.clone(); }
    /** Distinct entities. */
    public int entities() { return entities; }
    /** Distinct periods with at least one row. */
    public int periods() { return periods; }
    public String firstPeriod() { return firstPeriod; }
    public String lastPeriod() { return lastPeriod; }
    /**
     * The spacing of the time grid when times are whole numbers (the greatest common divisor of the gaps
     * between observed periods: 1 for annual years), else NaN (then the grid is the observed periods).
     */
    public double step() { return step; }
    /** Periods on the time grid from the first to the last period. */
    public int gridPeriods() { return gridPeriods; }
    /** Grid periods without any row (a year missing from the whole panel). */
    public List<String> absentPeriods() { return absentPeriods; }
    /** Every entity has exactly one row in every grid period, and no row lacks its entity or time. */
    public boolean balanced() { return balanced; }
    /** Fewest distinct periods of an entity. */
    public int minPerEntity() { return minPerEntity; }
    /** Most distinct periods of an entity. */
    public int maxPerEntity() { return maxPerEntity; }
    /** Entities observed from the panel's first to its last period (gaps inside allowed). */
    public int entitiesSpanningPanel() { return entitiesSpanningPanel; }
    /** Entities with grid periods missing inside their own span, in entity order. */
    public List<EntityGaps> gaps() { return gaps; }
    /** Total number of missing (entity, period) pairs inside the entities' spans. */
    public int gapPeriods() { return gapPeriods; }
    /** Keys (entity, time) with more than one row. */
    public List<DuplicateKey> duplicates() { return duplicates; }
    /** Entities with a single period (dropped by fixed-effects estimators that drop singletons). */
    public List<String> singletonEntities() { return singletonEntities; }
    /** Periods with a single entity. */
    public List<String> singletonPeriods() { return singletonPeriods; }
    /** Missing cells per column, in the order asked for. */
    public List<ColumnMissing> columns() { return columns; }
}
