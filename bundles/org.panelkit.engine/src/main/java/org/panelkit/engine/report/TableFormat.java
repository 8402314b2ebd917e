package org.panelkit.engine.report;

import org.panelkit.engine.PanelKitException;

/** The text formats a {@link RegressionTable} renders to, by their command-line keys. */
public enum TableFormat {
    CSV("csv"), MARKDOWN("md"), HTML("html"), LATEX("tex");

    private final String key;

    TableFormat(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Renders with each format's defaults (HTML: a complete page; LaTeX: a threeparttable float). */
    public String render(RegressionTable table) {
        switch (this) {
        case CSV:
            return CsvTable.render(table);
        case MARKDOWN:
            return MarkdownTable.render(table);
        case HTML:
            return HtmlTable.page(table);
        default:
            return LatexTable.render(table, LatexTable.Style.THREEPARTTABLE);
        }
    }

    /** By key (csv, md, html, tex); also accepts markdown, htm, latex. */
    public static TableFormat fromKey(String key) {
        switch (key == null ? "" : key) {
        case "csv":
            return CSV;
        case "md":
        case "markdown":
            return MARKDOWN;
        case "html":
        case "htm":
            return HTML;
        case "tex":
        case "latex":
            return LATEX;
        default:
            throw new PanelKitException("unknown table format '" + key + "' (expected csv, md, html or tex)");
        }
    }
}
