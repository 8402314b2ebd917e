package org.panelkit.engine.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.panelkit.engine.PanelKitException;

/**
 * A publication regression table (esttab / modelsummary style) as data: a column per model; per coefficient an
 * estimate row with stars and a row with the standard error or t statistic in parentheses; the constant; which
 * fixed effects; the standard errors and clustering; N, groups, clusters and an R² named in its label; and
 * notes stating the star thresholds and the standard errors. Renderers ({@link TableFormat}) turn it into CSV,
 * Markdown, HTML or LaTeX; {@link #grid()} gives it as plain rows of cells for a spreadsheet or a KNIME table.
 * Immutable.
 */
public final class RegressionTable {
    private final String title;
    private final List<String> columnLabels;
    private final List<TableRow> rows;
    private final List<String> notes;

    RegressionTable(String title, List<String> columnLabels, List<TableRow> rows, List<String> notes) {
        this.title = title;
        this.columnLabels = List.copyOf(columnLabels);
        this.rows = List.copyOf(rows);
        this.notes = List.copyOf(notes);
    }

    /**
     * Lays out the models side by side.
     *
     * @throws PanelKitException when there are no models or keep/drop/order name a term no model has
     */
    public static RegressionTable of(List<ModelSummary> models, TableOptions options) {
        if (models == null || models.isEmpty()) {
            throw new PanelKitException("a table needs at least one model");
        }
        return new TableLayout(models, options).build();
    }

    /** Title (caption), or null. */
    public String title() { return title; }
    /** One label per model column. */
    public List<String> columnLabels() { return columnLabels; }
    /** Number of model columns (the grid has one more, for the row labels). */
    public int modelCount() { return columnLabels.size(); }
    /** All rows, header rows first. */
    public List<TableRow> rows() { return rows; }
    /** Lines to print under the table: what is in parentheses and the star thresholds, then the standard errors. */
    public List<String> notes() { return notes; }

    /** The first row of the given kind and term (term null: any), or null. */
    public TableRow row(TableRow.Kind kind, String term) {
        for (TableRow r : rows) {
            if (r.kind() == kind && (term == null || term.equals(r.term()))) {
                return r;
            }
        }
        return null;
    }

    /** The first row with this label, or null. */
    public TableRow rowLabelled(String label) {
        for (TableRow r : rows) {
            if (r.label().equals(label)) {
                return r;
            }
        }
        return null;
    }

    /**
     * The table as rows of equally many text cells: every row of {@link #rows()} (label, then one cell per model,
     * stars attached), then one row per note with the note in the first cell and the rest empty.
     */
    public List<List<String>> grid() {
        List<List<String>> g = new ArrayList<>();
        for (TableRow r : rows) {
            g.add(r.texts());
        }
        for (String n : notes) {
            List<String> line = new ArrayList<>(Collections.nCopies(modelCount() + 1, ""));
            line.set(0, n);
            g.add(Collections.unmodifiableList(line));
        }
        return Collections.unmodifiableList(g);
    }
}
