package org.panelkit.knime.support.split;

import org.panelkit.knime.support.doc.ColumnListing;
import org.panelkit.knime.support.doc.NodeDoc;

/** Name, description, ports and keywords of the Panel Subsample Splitter node. */
public final class SplitNodeText {
    private SplitNodeText() {
    }

    public static NodeDoc.Builder doc() {
        return NodeDoc.builder("Panel Subsample Splitter").icon("./panel-subsample-splitter.png").type("Manipulator")
                .shortDescription("Assigns every row of a panel to a subsample: China's NBS regions (East, Central, "
                        + "West, Northeast), a mapping table, a break year or the values of a column.")
                .intro("<p>Appends a string column with the subsample of every row, for heterogeneity and "
                        + "robustness analyses (filter it with a Row Filter or group by it with a Group Loop).</p>"
                        + "<ul><li><b>NBS regions</b>: the entity column holds China's 31 provincial-level units, "
                        + "matched by Chinese or English name, pinyin, common variants or GB/T 2260 code; grouped "
                        + "into East, Central, West (NBS three regions) or East, Central, West, Northeast (four "
                        + "regions).</li>"
                        + "<li><b>Mapping table</b>: the second input maps entity → group (also matched ignoring "
                        + "case and punctuation, and as the same Chinese province).</li>"
                        + "<li><b>Break year</b>: before = time &lt; break, after = break ≤ time; the group labels state "
                        + "the first and last year of each side.</li>"
                        + "<li><b>Column</b>: one subsample per distinct value.</li></ul>"
                        + "<p>Rows that cannot be assigned (e.g. Hong Kong, or a name the mapping lacks) keep a "
                        + "missing group and are listed in the node's warning; nothing is dropped.</p>")
                .inPort("Panel data", "The panel (long format).")
                .inPort("Mapping table", "Optional: entity → group, for the split 'Mapping table'.")
                .outPort("Panel with subsample", "The input (same rows, same order) with the group column appended.")
                .outPort("Subsamples", "One row per subsample:" + ColumnListing.html(SplitReport.SUMMARY_COLUMNS))
                .keywords("subsample", "split", "heterogeneity", "region", "East Central West", "NBS", "China",
                        "provinces", "structural break", "before after", "grouping");
    }
}
