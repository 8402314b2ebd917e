package org.panelkit.engine.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain text for a terminal: the title, the columns aligned with spaces (labels left, cells centred), rules of
 * {@code -} above and below the header and between sections, the notes below. No markup and no escapes (the
 * Markdown renderers escape {@code * [ ] _} for Markdown files).
 */
public final class PlainTable {
    private PlainTable() {
    }

    /** A regression table: header rows, then coefficients and summary statistics separated by rules. */
    public static String render(RegressionTable t) {
        List<List<String>> rows = new ArrayList<>();
        List<Boolean> ruleAbove = new ArrayList<>();
        int headerRows = 0;
        TableRow.Section previous = TableRow.Section.HEADER;
        for (TableRow r : t.rows()) {
            TableRow.Section s = r.kind().section();
            List<String> cells = new ArrayList<>();
            cells.add(r.label());
            for (TableCell c : r.cells()) {
                cells.add(c.toString());
            }
            if (s == TableRow.Section.HEADER) {
                headerRows++;
            }
            ruleAbove.add(s != previous);
            previous = s;
            rows.add(cells);
        }
        return render(t.title(), rows, ruleAbove, headerRows, t.notes(), false);
    }

    /** A results table: one header row; numbers right-aligned. */
    public static String render(TextTable t) {
        List<List<String>> rows = new ArrayList<>();
        List<Boolean> ruleAbove = new ArrayList<>();
        rows.add(t.header());
        ruleAbove.add(false);
        boolean first = true;
        for (List<String> r : t.rows()) {
            rows.add(r);
            ruleAbove.add(first);
            first = false;
        }
        return render(t.title(), rows, ruleAbove, 1, t.notes(), true);
    }

    private static String render(String title, List<List<String>> rows, List<Boolean> ruleAbove, int headerRows,
            List<String> notes, boolean rightAlign) {
        int cols = 0;
        for (List<String> r : rows) {
            cols = Math.max(cols, r.size());
        }
        int[] width = new int[cols];
        for (List<String> r : rows) {
            for (int c = 0; c < r.size(); c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        int total = 0;
        for (int c = 0; c < cols; c++) {
            total += width[c] + (c > 0 ? 2 : 0);
        }
        String rule = "-".repeat(total);
        StringBuilder sb = new StringBuilder();
        if (title != null) {
            sb.append(title).append('\n');
        }
        sb.append(rule).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0 && ruleAbove.get(i)) {
                sb.append(rule).append('\n');
            }
            List<String> r = rows.get(i);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                String v = c < r.size() ? r.get(c) : "";
                if (c > 0) {
                    line.append("  ");
                }
                if (c == 0) {
                    line.append(pad(v, width[c], 0));
                } else if (rightAlign && i >= headerRows) {
                    line.append(pad(v, width[c], 2));
                } else {
                    line.append(pad(v, width[c], 1));
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        sb.append(rule).append('\n');
        for (String n : notes) {
            sb.append(n).append('\n');
        }
        return sb.toString();
    }

    /** align: 0 left, 1 centre, 2 right. */
    private static String pad(String s, int w, int align) {
        int space = w - s.length();
        if (space <= 0) {
            return s;
        }
        int left = align == 0 ? 0 : align == 2 ? space : space / 2;
        return " ".repeat(left) + s + " ".repeat(space - left);
    }
}
