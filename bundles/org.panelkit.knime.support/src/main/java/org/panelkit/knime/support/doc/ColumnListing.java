package org.panelkit.knime.support.doc;

import java.util.List;

import org.panelkit.knime.support.table.ResultTable.Column;

/** Lists output columns in a port description. */
public final class ColumnListing {
    private ColumnListing() {
    }

    /** {@code <ul><li><tt>name</tt> (kind): description</li>...</ul>} */
    public static String html(List<Column> columns) {
        StringBuilder sb = new StringBuilder("<ul>");
        for (Column c : columns) {
            sb.append("<li><tt>").append(NodeDocXml.escape(c.name())).append("</tt> (")
                    .append(c.kind().name().toLowerCase(java.util.Locale.ROOT)).append("): ")
                    .append(NodeDocXml.escape(c.description())).append("</li>");
        }
        return sb.append("</ul>").toString();
    }
}
