package org.panelkit.engine.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a regression table: a kind (which tells renderers where the rules go), a label (first column) and
 * one cell per model. Immutable.
 */
public final class TableRow {
    /** What a row holds. */
    public enum Kind {
        /** The column labels ("(1)", "Eastern China"). */
        MODEL_LABELS(Section.HEADER),
        /** The dependent variable of each column. */
        DEPENDENT_VARIABLE(Section.HEADER),
        /** A coefficient's estimate with stars. */
        ESTIMATE(Section.COEFFICIENTS),
        /** The standard error or t statistic under an estimate, in parentheses. */
        UNCERTAINTY(Section.COEFFICIENTS),
        /** Which fixed effects a column absorbs (Yes/No). */
        EFFECTS(Section.SUMMARY),
        /** Standard-error type, clustering, N, groups, clusters, R². */
        STATISTIC(Section.SUMMARY);

        private final Section section;

        Kind(Section section) {
            this.section = section;
        }

        public Section section() {
            return section;
        }
    }

    /** The three blocks of a table, separated by rules. */
    public enum Section { HEADER, COEFFICIENTS, SUMMARY }

    private final Kind kind;
    private final String term;
    private final String label;
    private final List<TableCell> cells;

    TableRow(Kind kind, String term, String label, List<TableCell> cells) {
        this.kind = kind;
        this.term = term;
        this.label = label;
        this.cells = List.copyOf(cells);
    }

    public Kind kind() { return kind; }
    /** The term of an ESTIMATE or UNCERTAINTY row ({@code _cons} for the constant), else null. */
    public String term() { return term; }
    /** The first-column text ("" under an estimate). */
    public String label() { return label; }
    /** One cell per model column. */
    public List<TableCell> cells() { return cells; }

    /** Label then each cell as plain text. */
    public List<String> texts() {
        List<String> t = new ArrayList<>(cells.size() + 1);
        t.add(label);
        for (TableCell c : cells) {
            t.add(c.toString());
        }
        return t;
    }

    @Override
    public String toString() {
        return kind + " " + texts();
    }
}
