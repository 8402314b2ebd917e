package org.panelkit.knime.support.split;

import java.util.LinkedHashMap;
import java.util.Map;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.regions.RegionGrouping;
import org.panelkit.engine.split.SplitSpec;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;

/**
 * Options of the Panel Subsample Splitter node mapped to the engine's {@link SplitSpec}: by the NBS three- or
 * four-region grouping of China's provinces (entity column), by a mapping table entity → group on the second
 * input, by a break year (time &lt; break: before; break ≤ time: after), or by the values of a column. The node
 * appends the group as a string column ({@code group_column}); rows that cannot be assigned get a missing group.
 */
public record SplitOptions(Method method, String entity, String time, int breakYear, String sourceColumn,
        String groupColumn, String mappingEntity, String mappingGroup) {

    /** How to split; the constant names are settings values. */
    public enum Method { REGION_NBS3, REGION_NBS4, MAPPING, BREAK_YEAR, COLUMN }

    public static final String DEFAULT_GROUP_COLUMN = "subsample";

    /** The study's split: NBS East, Central, West of the provinces in {@code entity}. */
    public static SplitOptions byRegion(String entity, String time) {
        return new SplitOptions(Method.REGION_NBS3, entity, time, 2017, "", DEFAULT_GROUP_COLUMN, "", "");
    }

    public SplitOptions with(Method m) {
        return new SplitOptions(m, entity, time, breakYear, sourceColumn, groupColumn, mappingEntity, mappingGroup);
    }

    public SplitOptions withBreak(int year) {
        return new SplitOptions(method, entity, time, year, sourceColumn, groupColumn, mappingEntity, mappingGroup);
    }

    public SplitOptions withSource(String column) {
        return new SplitOptions(method, entity, time, breakYear, column, groupColumn, mappingEntity, mappingGroup);
    }

    public SplitOptions withMapping(String entityColumn, String groupColumnOfMapping) {
        return new SplitOptions(method, entity, time, breakYear, sourceColumn, groupColumn, entityColumn,
                groupColumnOfMapping);
    }

    /**
     * Validates against the input table and the mapping table (null when the second input is not connected).
     *
     * @throws IllegalArgumentException naming the option to fix
     */
    public void validate(TableSchema schema, TableSchema mappingSchema) {
        switch (method) {
            case REGION_NBS3, REGION_NBS4 -> schema.requireKey(entity, "entity column (provinces)");
            case MAPPING -> {
                schema.requireKey(entity, "entity column");
                if (mappingSchema == null) {
                    throw new IllegalArgumentException("no mapping table: connect a table with an entity and a group "
                            + "column to the second input, or choose another split");
                }
                mappingSchema.requireKey(mappingEntity, "entity column of the mapping table");
                mappingSchema.requireKey(mappingGroup, "group column of the mapping table");
                if (mappingEntity.equals(mappingGroup)) {
                    throw new IllegalArgumentException("'" + mappingGroup + "' is both the entity and the group column "
                            + "of the mapping table: choose two different columns");
                }
            }
            case BREAK_YEAR -> schema.requireNumeric(time, "time column");
            case COLUMN -> schema.requireKey(sourceColumn, "column to split by");
        }
        if (groupColumn == null || groupColumn.isBlank()) {
            throw new IllegalArgumentException("the group column name is empty: enter a name for the appended column");
        }
        if (schema.has(groupColumn)) {
            throw new IllegalArgumentException("the input already has a column '" + groupColumn
                    + "': choose another name for the group column");
        }
    }

    /** Whether the entity column is given (it is counted per group when present, whatever the split). */
    private boolean countEntities(TableSchema schema) {
        return entity != null && !entity.isBlank() && schema.has(entity) && schema.kind(entity).isKey();
    }

    /** Declares the input columns the engine reads. */
    public void declareColumns(TableSchema schema, ColumnsBuilder b) {
        String column = splitColumn();
        b.key(column, schema.kind(column));
        if (countEntities(schema) && !entity.equals(column)) {
            b.key(entity, schema.kind(entity));
        }
    }

    /** Declares the mapping table's columns (entity, group). */
    public void declareMappingColumns(TableSchema mappingSchema, ColumnsBuilder b) {
        b.key(mappingEntity, mappingSchema.kind(mappingEntity));
        b.key(mappingGroup, mappingSchema.kind(mappingGroup));
    }

    private String splitColumn() {
        return switch (method) {
            case REGION_NBS3, REGION_NBS4, MAPPING -> entity;
            case BREAK_YEAR -> time;
            case COLUMN -> sourceColumn;
        };
    }

    /**
     * The engine specification; {@code mapping} is the mapping table read by {@link #declareMappingColumns} (null
     * unless {@link Method#MAPPING}).
     */
    public SplitSpec toSpec(TableSchema schema, ColumnSource mapping) {
        try {
            SplitSpec s = switch (method) {
                case REGION_NBS3 -> SplitSpec.byRegion(entity, RegionGrouping.NBS3);
                case REGION_NBS4 -> SplitSpec.byRegion(entity, RegionGrouping.NBS4);
                case MAPPING -> SplitSpec.byMapping(entity, mapping(mapping));
                case BREAK_YEAR -> SplitSpec.byBreak(time, breakYear);
                case COLUMN -> SplitSpec.byColumn(sourceColumn);
            };
            return countEntities(schema) ? s.withEntity(entity) : s;
        } catch (PanelKitException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** entity → group from the mapping table; rows with a missing entity or group are skipped. */
    Map<String, String> mapping(ColumnSource table) {
        KeyColumn e = table.key(mappingEntity);
        KeyColumn g = table.key(mappingGroup);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < table.rowCount(); i++) {
            if (e.code(i) < 0 || g.code(i) < 0) {
                continue;
            }
            String entityName = e.level(e.code(i)).strip();
            String group = g.level(g.code(i)).strip();
            String before = out.putIfAbsent(entityName, group);
            if (before != null && !before.equals(group)) {
                throw new IllegalArgumentException("the mapping table puts '" + entityName + "' in two groups ('"
                        + before + "' and '" + group + "'): keep one row per entity");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the mapping table has no row with both an entity and a group: fill "
                    + "its columns '" + mappingEntity + "' and '" + mappingGroup + "'");
        }
        return out;
    }
}
