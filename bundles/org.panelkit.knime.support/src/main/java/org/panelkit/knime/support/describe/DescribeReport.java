package org.panelkit.knime.support.describe;

import java.util.ArrayList;
import java.util.List;

import org.panelkit.engine.describe.ColumnMissing;
import org.panelkit.engine.describe.DuplicateKey;
import org.panelkit.engine.describe.EntityGaps;
import org.panelkit.engine.describe.PanelDescription;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ResultTable;
import org.panelkit.knime.support.table.ResultTable.Column;

/** A panel description as the node writes it: a one-row summary, the gaps per entity, missing cells per column. */
public final class DescribeReport {
    public static final List<Column> SUMMARY_COLUMNS = List.of(
            new Column("rows", ColumnKind.INTEGER, "rows of the input"),
            new Column("rows_missing_key", ColumnKind.INTEGER, "rows with a missing entity or time"),
            new Column("entities", ColumnKind.INTEGER, "distinct entities"),
            new Column("periods", ColumnKind.INTEGER, "distinct periods observed"),
            new Column("first_period", ColumnKind.STRING, "first period of the time grid"),
            new Column("last_period", ColumnKind.STRING, "last period of the time grid"),
            new Column("step", ColumnKind.DOUBLE, "step of the time grid (missing when the grid is the observed "
                    + "periods)"),
            new Column("grid_periods", ColumnKind.INTEGER, "periods of the time grid"),
            new Column("absent_periods", ColumnKind.STRING, "periods of the grid no entity has (comma-separated)"),
            new Column("balanced", ColumnKind.BOOLEAN, "every entity has every period once, no missing keys"),
            new Column("min_per_entity", ColumnKind.INTEGER, "fewest periods of an entity"),
            new Column("max_per_entity", ColumnKind.INTEGER, "most periods of an entity"),
            new Column("entities_spanning_panel", ColumnKind.INTEGER, "entities observed in the first and the last "
                    + "period"),
            new Column("entities_with_gaps", ColumnKind.INTEGER, "entities with periods missing inside their span"),
            new Column("gap_periods", ColumnKind.INTEGER, "periods missing inside the entities' spans, summed"),
            new Column("duplicate_keys", ColumnKind.INTEGER, "(entity, time) pairs with more than one row"),
            new Column("singleton_entities", ColumnKind.INTEGER, "entities with one row"),
            new Column("singleton_periods", ColumnKind.INTEGER, "periods with one entity"));
    public static final List<Column> GAP_COLUMNS = List.of(
            new Column("entity", ColumnKind.STRING, "the entity"),
            new Column("first", ColumnKind.STRING, "its first period"),
            new Column("last", ColumnKind.STRING, "its last period"),
            new Column("observed", ColumnKind.INTEGER, "periods it has rows for"),
            new Column("missing", ColumnKind.INTEGER, "periods missing inside its span"),
            new Column("missing_periods", ColumnKind.STRING, "those periods (comma-separated)"));
    public static final List<Column> MISSING_COLUMNS = List.of(
            new Column("column", ColumnKind.STRING, "the column"),
            new Column("missing", ColumnKind.INTEGER, "missing cells"),
            new Column("share", ColumnKind.DOUBLE, "missing cells / rows"),
            new Column("leading", ColumnKind.INTEGER, "missing before the entity's first value"),
            new Column("interior", ColumnKind.INTEGER, "missing between two values of the entity (interpolable)"),
            new Column("trailing", ColumnKind.INTEGER, "missing after the entity's last value"),
            new Column("in_empty_entities", ColumnKind.INTEGER, "missing in entities without any value"),
            new Column("empty_entities", ColumnKind.INTEGER, "entities without any value"));
    private static final int EXAMPLES = 5;

    private final PanelDescription d;

    public DescribeReport(PanelDescription description) {
        this.d = description;
    }

    public ResultTable summary() {
        return ResultTable.builder(SUMMARY_COLUMNS).row(null, d.rows(), d.missingKeyRows().length, d.entities(),
                d.periods(), d.firstPeriod(), d.lastPeriod(), d.step(), d.gridPeriods(),
                String.join(", ", d.absentPeriods()), d.balanced(), d.minPerEntity(), d.maxPerEntity(),
                d.entitiesSpanningPanel(), d.gaps().size(), d.gapPeriods(), d.duplicates().size(),
                d.singletonEntities().size(), d.singletonPeriods().size()).build();
    }

    /** One row per entity with gaps inside its span. */
    public ResultTable gaps() {
        var b = ResultTable.builder(GAP_COLUMNS);
        for (EntityGaps g : d.gaps()) {
            b.row(null, g.entity(), g.first(), g.last(), g.observed(), g.missing().size(), String.join(", ", g.missing()));
        }
        return b.build();
    }

    /** One row per checked column. */
    public ResultTable missing() {
        var b = ResultTable.builder(MISSING_COLUMNS);
        for (ColumnMissing c : d.columns()) {
            b.row(null, c.name(), c.missing(), c.share(), c.leading(), c.interior(), c.trailing(), c.inEmptyEntities(),
                    c.emptyEntities());
        }
        return b.build();
    }

    /** Duplicate keys and rows without a key, with examples (rows numbered from 0). */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (!d.duplicates().isEmpty()) {
            StringBuilder sb = new StringBuilder(d.duplicates().size() + " (entity, time) pairs occur more than once: ");
            for (int i = 0; i < Math.min(EXAMPLES, d.duplicates().size()); i++) {
                DuplicateKey k = d.duplicates().get(i);
                sb.append(i == 0 ? "" : "; ").append(k.entity()).append(" ").append(k.time()).append(" (rows ")
                        .append(java.util.Arrays.toString(k.rows())).append(")");
            }
            if (d.duplicates().size() > EXAMPLES) {
                sb.append("; ...");
            }
            w.add(sb.append(". Remove or aggregate the duplicates before estimating.").toString());
        }
        int noKey = d.missingKeyRows().length;
        if (noKey > 0) {
            w.add(noKey + (noKey == 1 ? " row has" : " rows have") + " a missing " + d.entityColumn() + " or "
                    + d.timeColumn() + " (first row " + d.missingKeyRows()[0] + ")");
        }
        return w;
    }
}
