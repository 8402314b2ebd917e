package org.panelkit.knime.support.prep;

import org.panelkit.knime.support.doc.ColumnListing;
import org.panelkit.knime.support.doc.NodeDoc;

/** Names, descriptions, ports and keywords of the within-panel nodes (options come from their dialogs). */
public final class PrepNodeText {
    private PrepNodeText() {
    }

    public static NodeDoc.Builder interpolation() {
        return NodeDoc.builder("Panel Interpolation").icon("./panel-interpolation.png").type("Manipulator")
                .shortDescription("Fills missing values within each panel unit, ordered by time, using the actual time "
                        + "values: linear, natural spline, monotone (pchip), log-linear, LOCF, NOCB or nearest.")
                .intro("<p>Interpolates each selected column <b>within each entity</b>, ordered by the time column, "
                        + "with the time values as x: a missing year widens the interval, rows may come in any order, "
                        + "and values never cross from one entity to the next (which row-wise missing-value "
                        + "replacement does). Leading and trailing gaps stay missing unless 'Ends' says otherwise; gaps "
                        + "longer than 'Maximum gap' periods are left missing.</p>"
                        + "<p>With 'Complete the time grid', a row is inserted for every (entity, period) pair the "
                        + "panel lacks, so that the panel becomes balanced; the output is then sorted by entity and "
                        + "time (otherwise it keeps the input order). The node warns with the number of cells filled "
                        + "and left missing per column.</p>")
                .inPort("Panel data", "The panel in long format: entity column (string or integer), numeric time "
                        + "column, numeric columns to fill.")
                .outPort("Interpolated panel", "The input with the selected columns filled (as double columns) and, "
                        + "optionally, one boolean flag column per filled column (true where a value was imputed).")
                .outPort("Summary", "One row per interpolated column:"
                        + ColumnListing.html(InterpolationReport.SUMMARY_COLUMNS))
                .keywords("interpolation", "missing values", "impute", "panel", "linear interpolation", "spline",
                        "pchip", "LOCF", "na.approx", "balanced panel", "gaps");
    }

    public static NodeDoc.Builder smoothing() {
        return NodeDoc.builder("Panel Smoothing").icon("./panel-smoothing.png").type("Manipulator")
                .shortDescription("Moving averages (centred or trailing) or the Hodrick-Prescott filter within each "
                        + "panel unit, ordered by time.")
                .intro("<p>Smooths each selected column <b>within each entity</b>, ordered by the time column. The "
                        + "centred moving average needs an odd window; the trailing one averages the current and "
                        + "the previous periods; 'Minimum periods' is the fewest observed values a window needs (0 = "
                        + "the whole window). The Hodrick-Prescott filter returns the trend and the cycle (value minus "
                        + "trend); lambda 100 is the usual value for annual data (6.25 after Ravn and Uhlig 2002), "
                        + "1600 for quarterly data.</p>"
                        + "<p>Output columns are appended: <tt>&lt;column&gt;_ma</tt>, <tt>&lt;column&gt;_trailing_ma</tt>, "
                        + "or <tt>&lt;column&gt;_hp</tt> and <tt>&lt;column&gt;_cycle</tt>; they are missing where a "
                        + "value cannot be computed.</p>")
                .inPort("Panel data", "The panel in long format: entity column (string or integer), numeric time "
                        + "column, numeric columns to smooth.")
                .outPort("Smoothed panel", "The input (same rows, same order) with the smoothed columns appended.")
                .keywords("moving average", "Hodrick-Prescott", "HP filter", "trend", "cycle", "smoothing", "panel",
                        "rolling mean");
    }
}
