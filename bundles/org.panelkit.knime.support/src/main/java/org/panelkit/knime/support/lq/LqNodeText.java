package org.panelkit.knime.support.lq;

import org.panelkit.knime.support.doc.ColumnListing;
import org.panelkit.knime.support.doc.NodeDoc;

/** Name, description, ports and keywords of the Location Quotient node (options come from its dialog). */
public final class LqNodeText {
    private LqNodeText() {
    }

    public static NodeDoc.Builder doc() {
        return NodeDoc.builder("Location Quotient").icon("./location-quotient.png").type("Manipulator")
                .shortDescription("Location quotients LQ = (Y_ijt / Y_it) / (Y_jt / Y_t) of every region, industry "
                        + "and year, from a long or a wide panel; optionally the Krugman specialization index and the "
                        + "Hoover, Gini and HHI concentration indices.")
                .intro("<p>Computes the location quotient of industry j in region i and year t, "
                        + "<tt>LQ = (Y_ijt / Y_it) / (Y_jt / Y_t)</tt>: the industry's share of the region's activity "
                        + "over its share of the nation's (Isard 1960). Y_it is the region's total over the industries "
                        + "of the table. The national values Y_jt come from the sum over the regions of the table "
                        + "(default), from the rows of a national region (e.g. <i>China</i>; those rows are then not a "
                        + "region), from national columns of the table, or from a national totals table at the optional "
                        + "second input; Y_t is their sum over industries.</p>"
                        + "<p><b>Long layout</b> (one row per region, year and industry): appends "
                        + "<tt>region_total</tt>, <tt>industry_national</tt>, <tt>national_total</tt> and <tt>lq</tt>. "
                        + "<b>Wide layout</b> (one row per region and year, one column per industry): appends "
                        + "<tt>lq_&lt;industry&gt;</tt> per industry column.</p>"
                        + "<p>A missing value gives a missing LQ and (rule 'propagate') makes every total that includes "
                        + "it missing; a zero denominator gives a missing LQ; negative values are an error unless "
                        + "allowed. The node warns with the counts and examples.</p>")
                .inPort("Panel data", "Regional activity (output, employment, value added, ...) in long or wide "
                        + "format: region and time columns (string or integer), numeric values.")
                .inPort("National totals", "Optional, for 'National totals from: national totals table': the "
                        + "national values without a region - the time column and the industry columns (wide layout, "
                        + "one row per period) or the time, industry and value columns (long layout, one row per period "
                        + "and industry), named as in the panel data.")
                .outPort("Location quotients", "The input (same rows, same order) with the location quotient "
                        + "columns appended (double; missing where an LQ cannot be computed).")
                .outPort("Specialization", "With 'Compute indices', one row per region and year (empty otherwise):"
                        + ColumnListing.html(LqReport.SPECIALIZATION_COLUMNS))
                .outPort("Localization", "With 'Compute indices', one row per industry and year (empty otherwise):"
                        + ColumnListing.html(LqReport.LOCALIZATION_COLUMNS))
                .keywords("location quotient", "LQ", "industrial cluster", "agglomeration", "specialization",
                        "Krugman index", "Hoover", "Gini", "HHI", "Herfindahl", "regional economics", "shift-share");
    }
}
