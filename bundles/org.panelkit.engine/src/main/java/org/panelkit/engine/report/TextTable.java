package org.panelkit.engine.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain results table (a title, a header row, body rows, notes) rendered with the same escaping rules as
 * {@link RegressionTable}: for results that are not one coefficient column per model, such as the mediation
 * table or a difference test. Immutable.
 */
public final class TextTable {
    private final String title;
    private final List<String> header;
    private final List<List<String>> rows;
    private final List<String> notes;

    public TextTable(String title, List<String> header, List<List<String>> rows, List<String> notes) {
        this.title = title;
        this.header = List.copyOf(header);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("row has " + r.size() + " cells, header " + header.size());
            }
            copy.add(List.copyOf(r));
        }
        this.rows = List.copyOf(copy);
        this.notes = List.copyOf(notes);
    }

    public String title() { return title; }
    public List<String> header() { return header; }
    public List<List<String>> rows() { return rows; }
    public List<String> notes() { return notes; }

    /** Header and body as one grid (the header first). */
    public List<List<String>> grid() {
        List<List<String>> g = new ArrayList<>();
        g.add(header);
        g.addAll(rows);
        return g;
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder();
        if (title != null) {
            sb.append("**").append(MarkdownTable.escape(title)).append("**\n\n");
        }
        mdRow(sb, header);
        sb.append('|');
        for (int i = 0; i < header.size(); i++) {
            sb.append(i == 0 ? ":---|" : "---:|");
        }
        sb.append('\n');
        for (List<String> r : rows) {
            mdRow(sb, r);
        }
        sb.append('\n');
        for (String n : notes) {
            sb.append(MarkdownTable.escape(n)).append("\n\n");
        }
        return sb.toString();
    }

    private static void mdRow(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(MarkdownTable.escape(c)).append(" |");
        }
        sb.append('\n');
    }

    /**
     * An HTML fragment with the markup of {@link HtmlTable#table} ({@code div.regression}, {@code td.label},
     * notes in {@code div.notes}), so that {@link HtmlTable#stylesheet()} styles both kinds of table alike.
     */
    public String html() {
        StringBuilder sb = new StringBuilder("<div class=\"regression\">\n<table class=\"regression\">\n");
        if (title != null) {
            sb.append("<caption>").append(HtmlTable.escape(title)).append("</caption>\n");
        }
        sb.append("<thead>\n<tr>");
        for (int i = 0; i < header.size(); i++) {
            sb.append(i == 0 ? "<th class=\"label\">" : "<th>").append(HtmlTable.escape(header.get(i))).append("</th>");
        }
        sb.append("</tr>\n</thead>\n<tbody>\n");
        for (List<String> r : rows) {
            sb.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                sb.append(i == 0 ? "<td class=\"label\">" : "<td>").append(HtmlTable.escape(r.get(i))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        if (!notes.isEmpty()) {
            sb.append("<div class=\"notes\">\n");
            for (String n : notes) {
                sb.append("<p>").append(HtmlTable.escape(n)).append("</p>\n");
            }
            sb.append("</div>\n");
        }
        return sb.append("</div>\n").toString();
    }

    /** A complete HTML page with {@link HtmlTable#stylesheet()}. */
    public String htmlPage() {
        return HtmlTable.page(title == null ? "Table" : title, html());
    }

    /** Plain text for a terminal ({@link PlainTable}). */
    public String plain() {
        return PlainTable.render(this);
    }

    /** With one more note below the table. */
    public TextTable withNote(String note) {
        List<String> n = new ArrayList<>(notes);
        n.add(note);
        return new TextTable(title, header, rows, n);
    }

    /** CSV: the title in a row of its own, the header, the rows, each note in the first cell of a row. */
    public String csv() {
        StringBuilder sb = new StringBuilder();
        List<List<String>> all = new ArrayList<>();
        if (title != null) {
            all.add(padded(title));
        }
        all.addAll(grid());
        for (String n : notes) {
            all.add(padded(n));
        }
        for (List<String> r : all) {
            for (int i = 0; i < r.size(); i++) {
                sb.append(i > 0 ? "," : "").append(CsvTable.quote(r.get(i)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private List<String> padded(String first) {
        List<String> r = new ArrayList<>(java.util.Collections.nCopies(Math.max(1, header.size()), ""));
        r.set(0, first);
        return r;
    }

    /** A booktabs tabular with the notes below it. */
    public String latex() {
        StringBuilder sb = new StringBuilder("\\begin{table}[htbp]\\centering\n");
        if (title != null) {
            sb.append("\\caption{").append(LatexTable.escape(LatexTable.caption(title))).append("}\n");
        }
        sb.append("\\begin{tabular}{l").append("r".repeat(header.size() - 1)).append("}\n\\toprule\n");
        texRow(sb, header);
        sb.append("\\midrule\n");
        for (List<String> r : rows) {
            texRow(sb, r);
        }
        sb.append("\\bottomrule\n\\end{tabular}\n");
        for (String n : notes) {
            sb.append("\n\\par\\footnotesize ").append(LatexTable.escape(n)).append('\n');
        }
        return sb.append("\\end{table}\n").toString();
    }

    private static void texRow(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            sb.append(i > 0 ? " & " : "").append(LatexTable.escape(cells.get(i)));
        }
        sb.append(" \\\\\n");
    }
}
