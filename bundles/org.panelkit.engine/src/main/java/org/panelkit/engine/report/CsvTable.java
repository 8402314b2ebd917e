package org.panelkit.engine.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * CSV (RFC 4180 quoting, LF line ends): the {@link RegressionTable#grid()}, preceded by the title in the first
 * cell of a row of its own when there is one. Meant for spreadsheets, where a user restyles the table.
 */
public final class CsvTable {
    private CsvTable() {
    }

    public static String render(RegressionTable t) {
        List<List<String>> rows = new ArrayList<>();
        if (t.title() != null) {
            List<String> title = new ArrayList<>(Collections.nCopies(t.modelCount() + 1, ""));
            title.set(0, t.title());
            rows.add(title);
        }
        rows.addAll(t.grid());
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(quote(row.get(i)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String quote(String s) {
        boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || (!s.isEmpty() && (Character.isWhitespace(s.charAt(0))
                        || Character.isWhitespace(s.charAt(s.length() - 1))));
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
