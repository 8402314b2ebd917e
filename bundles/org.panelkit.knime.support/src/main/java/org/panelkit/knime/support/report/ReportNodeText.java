package org.panelkit.knime.support.report;

import org.panelkit.knime.support.doc.NodeDoc;

/** Names, descriptions, ports and keywords of the nodes that read models (options come from their dialogs). */
public final class ReportNodeText {
    /** The extendable input port group of the model nodes: pairs of tables (coefficients, statistics). */
    public static final String MODEL_PORT_GROUP = "Model";

    /** The Regression Table's optional input group of a term/label table. */
    public static final String LABELS_PORT_GROUP = "Variable labels";

    private static final String MODEL_PORTS = "Pairs of tables, one pair per model, in column order: the "
            + "<b>Coefficients</b> (first output) and the <b>Model statistics</b> (second output) of a Panel Regression "
            + "(Fixed Effects) node. Add two ports per model with the node's '…' menu (Add Model port).";

    private ReportNodeText() {
    }

    public static NodeDoc.Builder regressionTable() {
        return NodeDoc.builder("Regression Table").icon("./regression-table.png").type("Other")
                .shortDescription("Publication regression table of any number of Panel Regression models side by side "
                        + "(esttab / modelsummary style), as a KNIME table and optionally as Markdown, HTML, LaTeX and "
                        + "CSV files.")
                .intro("<p>Lays out the models side by side: per coefficient the estimate with significance stars "
                        + "(*** p &lt; 0.01, ** p &lt; 0.05, * p &lt; 0.1) and, in parentheses below, the standard "
                        + "error or t statistic; then the fixed effects (Yes/No), observations, R² and clusters, and "
                        + "notes stating the standard errors. Terms appear in the order of first appearance (or as "
                        + "kept, dropped and ordered in 'Labels and terms'); the constant last. Variable labels "
                        + "(<tt>IC = Industrial Cluster (IC)</tt>, one per line), the constant's and the effect rows' "
                        + "labels and extra notes make it the table of a paper.</p>"
                        + "<p>The output is the table as text cells (one column per model), ready for a Table View "
                        + "or a report. With 'Write files' the same table is written as <tt>&lt;file&gt;.md</tt>, "
                        + "<tt>.html</tt> (a complete page), <tt>.tex</tt> (threeparttable) and <tt>.csv</tt>, "
                        + "exactly as <tt>panelkit table</tt> writes them (UTF-8), at a location relative to the "
                        + "workflow (<tt>output/table1</tt> or <tt>knime://knime.workflow/output/table1</tt>), another "
                        + "local <tt>knime://</tt> URL or an absolute path; existing files are replaced only with 'If "
                        + "files exist' = Overwrite, missing folders created only with 'Create missing folders'.</p>")
                .dynInPort(MODEL_PORT_GROUP, "Model", MODEL_PORTS, 0)
                .dynInPort(LABELS_PORT_GROUP, "Variable labels", "Optional (add it with the node's '…' menu): a "
                        + "table of variable labels, e.g. read from a term,label CSV as for <tt>panelkit table "
                        + "--var-labels</tt>: the string columns <tt>term</tt> and <tt>label</tt> (else the first two "
                        + "string columns), one row per variable. The dialog's 'Variable labels' override its rows.",
                        0)
                .outPort("Regression table", "One row per line of the table: <tt>row_kind</tt>, <tt>term</tt>, "
                        + "<tt>label</tt> (first column) and <tt>model_1</tt> … <tt>model_n</tt> (text cells); notes "
                        + "last (row_kind NOTE).")
                .keywords("regression table", "esttab", "outreg", "modelsummary", "stargazer", "publication table",
                        "LaTeX", "HTML", "Markdown", "report", "fixed effects");
    }

    public static NodeDoc.Builder coefficientPlot() {
        return NodeDoc.builder("Coefficient Plot").icon("./coefficient-plot.png").type("Visualizer")
                .shortDescription("Point estimates and confidence intervals of chosen coefficients across models (one "
                        + "row per model), as a PNG image, optionally also as SVG and PNG files.")
                .intro("<p>Plots, for each chosen term, the estimate of every model that has it with its confidence "
                        + "interval (the level the models were estimated at), one row per model, one marker shape per "
                        + "term, with a dashed line at zero, like Stata's <tt>coefplot</tt> or R's "
                        + "<tt>modelplot</tt>. The image is the engine's (the same as <tt>panelkit plot</tt>). With 'Write "
                        + "files' it is also written as <tt>&lt;file&gt;.svg</tt> and <tt>&lt;file&gt;.png</tt> "
                        + "(locations as for the Regression Table: relative to the workflow, <tt>knime://</tt> or "
                        + "absolute; overwrite policy, create missing folders).</p>")
                .dynInPort(MODEL_PORT_GROUP, "Model", MODEL_PORTS, 0)
                .outPort("Coefficient plot", "The plot as a PNG image.")
                .outPort("Points", "The plotted points:" + org.panelkit.knime.support.doc.ColumnListing.html(
                        CoefficientPlotOptions.POINT_COLUMNS))
                .keywords("coefficient plot", "coefplot", "modelplot", "forest plot", "confidence interval",
                        "regression", "heterogeneity", "chart");
    }
}
