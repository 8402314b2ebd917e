package org.panelkit.knime.support.describe;

import org.panelkit.knime.support.doc.ColumnListing;
import org.panelkit.knime.support.doc.NodeDoc;

/** Name, description, ports and keywords of the Panel Diagnostics node. */
public final class DescribeNodeText {
    private DescribeNodeText() {
    }

    public static NodeDoc.Builder doc() {
        return NodeDoc.builder("Panel Diagnostics").icon("./panel-diagnostics.png").type("Other")
                .shortDescription("The shape of a panel: entities, periods, balance, gaps inside each entity's span, "
                        + "duplicate keys, singletons, and the missing cells of every column.")
                .intro("<p>Describes a panel before estimation, like Stata's <tt>xtdescribe</tt> and R's "
                        + "<tt>plm::pdim</tt>: how many entities and periods, whether it is balanced, which entities "
                        + "have periods missing inside their own span, (entity, time) pairs with more than one row, "
                        + "and per column the missing cells split into leading, interior (interpolable) and trailing "
                        + "ones.</p>"
                        + "<p>The time grid: when every time is a whole number, the periods from the first to the last "
                        + "in steps of the greatest common divisor of the observed spacings (annual data: every year, "
                        + "so a year no entity has is reported as absent); otherwise the observed periods. Duplicate "
                        + "keys and rows without a key are reported as the node's warning.</p>")
                .inPort("Panel data", "The panel in long format: entity and time columns (string or integer).")
                .outPort("Summary", "One row:" + ColumnListing.html(DescribeReport.SUMMARY_COLUMNS))
                .outPort("Gaps", "One row per entity with periods missing inside its span:"
                        + ColumnListing.html(DescribeReport.GAP_COLUMNS))
                .outPort("Missing values", "One row per checked column:"
                        + ColumnListing.html(DescribeReport.MISSING_COLUMNS))
                .keywords("panel", "xtdescribe", "pdim", "balanced panel", "gaps", "missing values", "duplicates",
                        "singletons", "data quality", "describe");
    }
}
