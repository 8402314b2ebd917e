package org.panelkit.engine.report;

import java.util.List;

/**
 * HTML: {@link #page} is a complete standalone page (UTF-8, its own style sheet: booktabs-like rules, numbers
 * centred, notes in a smaller font below, as wide as the table) that opens in any browser or pastes into Word;
 * {@link #table} is the markup alone for embedding. All text is escaped.
 */
public final class HtmlTable {
    private static final String STYLE = String.join("\n",
            "body { font-family: \"Times New Roman\", Times, serif; margin: 2em; color: #000; background: #fff; }",
            "div.regression { display: table; margin: 0 auto 1em 0; }",
            "table.regression { border-collapse: collapse; }",
            "table.regression caption { font-weight: bold; padding-bottom: 0.5em; }",
            "table.regression th, table.regression td { padding: 0.12em 0.9em; text-align: center;"
                    + " white-space: nowrap; font-weight: normal; }",
            "table.regression .label { text-align: left; }",
            // a column title wraps rather than push a wide table off the page
            "table.regression thead th { white-space: normal; vertical-align: bottom; }",
            "table.regression thead tr:first-child th { border-top: 2px solid #000; }",
            "table.regression thead tr:last-child th { border-bottom: 1px solid #000; }",
            "table.regression tr.section td { border-top: 1px solid #000; }",
            "table.regression tbody tr:last-child td { border-bottom: 2px solid #000; }",
            // a bottom caption of the wrapper: the notes wrap at the table's width instead of widening it
            "div.regression .notes { display: table-caption; caption-side: bottom; font-size: 0.85em;"
                    + " padding-top: 0.3em; }",
            "div.regression .notes p { margin: 0.15em 0.9em; }",
            "div.regression { margin-bottom: 2em; }",
            "h1 { font-size: 1.4em; } p.data-note { font-weight: bold; } p.report-note { font-style: italic; }",
            "img.plot { max-width: 100%; }");

    private HtmlTable() {
    }

    /** A complete HTML5 page holding the table. */
    public static String page(RegressionTable t) {
        return page(t.title() == null ? "Regression table" : t.title(), table(t));
    }

    /** A complete HTML5 page with {@link #stylesheet()} around {@code body} (markup). */
    public static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n" + STYLE + "\n</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    /**
     * The one style sheet of every PanelKit HTML table (regression tables and results tables): booktabs rules
     * (2px above and below, 1px under the header and between sections), labels left, cells centred, notes in
     * a smaller font as wide as the table.
     */
    public static String stylesheet() {
        return STYLE;
    }

    /**
     * A {@code <div class="regression">} holding the {@code <table class="regression">} and the notes (style it
     * yourself, or use {@link #page}).
     */
    public static String table(RegressionTable t) {
        StringBuilder sb = new StringBuilder("<div class=\"regression\">\n<table class=\"regression\">\n");
        if (t.title() != null) {
            sb.append("<caption>").append(escape(t.title())).append("</caption>\n");
        }
        sb.append("<thead>\n");
        List<TableRow> rows = t.rows();
        TableRow.Section previous = TableRow.Section.HEADER;
        boolean inBody = false;
        for (TableRow r : rows) {
            TableRow.Section section = r.kind().section();
            if (section == TableRow.Section.HEADER) {
                sb.append("<tr><th class=\"label\">").append(escape(r.label())).append("</th>");
                for (TableCell c : r.cells()) {
                    sb.append("<th>").append(escape(c.toString())).append("</th>");
                }
                sb.append("</tr>\n");
                continue;
            }
            if (!inBody) {
                sb.append("</thead>\n<tbody>\n");
                inBody = true;
            }
            boolean ruleAbove = section != previous && previous != TableRow.Section.HEADER;
            sb.append(ruleAbove ? "<tr class=\"section\">" : "<tr>");
            sb.append("<td class=\"label\">").append(escape(r.label())).append("</td>");
            for (TableCell c : r.cells()) {
                sb.append("<td>").append(escape(c.toString())).append("</td>");
            }
            sb.append("</tr>\n");
            previous = section;
        }
        sb.append(inBody ? "</tbody>\n" : "</thead>\n").append("</table>\n");
        if (!t.notes().isEmpty()) {
            sb.append("<div class=\"notes\">\n");
            for (String n : t.notes()) {
                sb.append("<p>").append(escape(n)).append("</p>\n");
            }
            sb.append("</div>\n");
        }
        return sb.append("</div>\n").toString();
    }

    /** Escapes the five characters that are markup in element content and attribute values. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
            case '&':
                sb.append("&amp;");
                break;
            case '<':
                sb.append("&lt;");
                break;
            case '>':
                sb.append("&gt;");
                break;
            case '"':
                sb.append("&quot;");
                break;
            case '\'':
                sb.append("&#39;");
                break;
            default:
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
