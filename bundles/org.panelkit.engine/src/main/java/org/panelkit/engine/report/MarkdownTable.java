package org.panelkit.engine.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub-flavoured Markdown pipe table, padded so that the columns also line up in the plain text: the model
 * labels are the header, the row labels are left-aligned and the numbers centred. Text from the user (labels,
 * notes) is backslash-escaped so that "*", "_", "|", "~" (strikethrough), "$" (GitHub math) and the like print as
 * themselves; the stars after a number
 * are left as they are, which is safe (a closing run with nothing to close prints literally) and keeps the
 * source readable. The title is a bold line above the table, each note a paragraph below it.
 */
public final class MarkdownTable {
    private MarkdownTable() {
    }

    public static String render(RegressionTable t) {
        List<List<String>> cells = new ArrayList<>();
        for (TableRow r : t.rows()) {
            List<String> line = new ArrayList<>();
            line.add(escape(r.label()));
            for (TableCell c : r.cells()) {
                boolean userText = r.kind() == TableRow.Kind.MODEL_LABELS
                        || r.kind() == TableRow.Kind.DEPENDENT_VARIABLE || r.kind() == TableRow.Kind.EFFECTS
                        || r.kind() == TableRow.Kind.STATISTIC;
                line.add((userText ? escape(c.text()) : c.text()) + c.stars());
            }
            cells.add(line);
        }
        int columns = t.modelCount() + 1;
        int[] width = new int[columns];
        for (List<String> line : cells) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], length(line.get(i)));
            }
        }
        for (int i = 0; i < columns; i++) {
            width[i] = Math.max(width[i], 3);
        }
        StringBuilder sb = new StringBuilder();
        if (t.title() != null) {
            sb.append("**").append(escape(t.title())).append("**\n\n");
        }
        appendLine(sb, cells.get(0), width);
        sb.append('|');
        for (int i = 0; i < columns; i++) {
            sb.append(i == 0 ? ":" + "-".repeat(width[i] + 1) : ":" + "-".repeat(width[i]) + ":").append('|');
        }
        sb.append('\n');
        for (int r = 1; r < cells.size(); r++) {
            appendLine(sb, cells.get(r), width);
        }
        for (String n : t.notes()) {
            sb.append('\n').append(escape(n)).append('\n');
        }
        return sb.toString();
    }

    private static void appendLine(StringBuilder sb, List<String> line, int[] width) {
        sb.append('|');
        for (int i = 0; i < line.size(); i++) {
            String s = line.get(i);
            sb.append(' ').append(s).append(" ".repeat(width[i] - length(s))).append(" |");
        }
        sb.append('\n');
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * Backslash-escapes Markdown's active characters; "&lt;" only where it could open an HTML tag and "&amp;" only
     * where it could start an entity, so that "p&lt;0.1" and "R&amp;D" stay readable.
     */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
            case '\\':
            case '`':
            case '*':
            case '_':
            case '[':
            case ']':
            case '|':
            case '#':
            case '>':
            case '~':
            case '$':
                sb.append('\\').append(ch);
                break;
            case '<':
                char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
                if (Character.isLetter(next) || next == '/' || next == '!' || next == '?') {
                    sb.append('\\');
                }
                sb.append(ch);
                break;
            case '&':
                if (s.substring(i).matches("(?s)&[A-Za-z0-9#]+;.*")) {
                    sb.append('\\');
                }
                sb.append(ch);
                break;
            case '\n':
            case '\r':
                sb.append(' ');
                break;
            default:
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
