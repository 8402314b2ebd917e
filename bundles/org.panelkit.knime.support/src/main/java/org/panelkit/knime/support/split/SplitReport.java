package org.panelkit.knime.support.split;

import java.util.ArrayList;
import java.util.List;

import org.panelkit.engine.regions.UnmappedValue;
import org.panelkit.engine.split.SplitResult;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ResultTable;
import org.panelkit.knime.support.table.ResultTable.Column;

/** A split as the node writes it: the group of every input row, a summary per group, the unassigned rows. */
public final class SplitReport {
    public static final List<Column> SUMMARY_COLUMNS = List.of(
            new Column("group", ColumnKind.STRING, "subsample (a grouping's groups also without rows)"),
            new Column("rows", ColumnKind.INTEGER, "rows in the subsample"),
            new Column("entities", ColumnKind.INTEGER, "distinct entities in the subsample (missing without an "
                    + "entity column)"));
    private static final int EXAMPLES = 10;

    private final SplitResult result;

    public SplitReport(SplitResult result) {
        this.result = result;
    }

    /** The group label of every input row; null where unassigned. */
    public String[] groups() {
        String[] out = new String[result.rowCount()];
        for (int i = 0; i < out.length; i++) {
            int g = result.group(i);
            out[i] = g < 0 ? null : result.groups().get(g);
        }
        return out;
    }

    /** One row per group, then {@code (unassigned)} when rows could not be assigned. */
    public ResultTable summary() {
        var b = ResultTable.builder(SUMMARY_COLUMNS);
        for (int g = 0; g < result.groups().size(); g++) {
            int e = result.entities(g);
            b.row(null, result.groups().get(g), result.size(g), e < 0 ? null : e);
        }
        if (result.unassignedRows() > 0) {
            b.row(null, "(unassigned)", result.unassignedRows(), null);
        }
        return b.build();
    }

    /** A warning listing the values that could not be assigned (rows numbered from 0), or none. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        int n = result.unassignedRows();
        if (n > 0) {
            StringBuilder sb = new StringBuilder();
            sb.append(n).append(n == 1 ? " row has" : " rows have").append(" no group (missing in the group column): ");
            List<UnmappedValue> values = result.unassigned();
            for (int i = 0; i < Math.min(EXAMPLES, values.size()); i++) {
                sb.append(i == 0 ? "" : "; ").append(values.get(i));
            }
            if (values.size() > EXAMPLES) {
                sb.append("; ... (").append(values.size()).append(" values)");
            }
            sb.append(". Fix the names or extend the mapping to assign them.");
            w.add(sb.toString());
        }
        for (int g = 0; g < result.groups().size(); g++) {
            if (result.size(g) == 0) {
                w.add("subsample '" + result.groups().get(g) + "' has no rows");
            }
        }
        return w;
    }
}
