package org.panelkit.engine.report;

import java.util.regex.Pattern;

/**
 * LaTeX with booktabs rules. {@link Style#THREEPARTTABLE} is a {@code table} float with the title as caption and
 * the notes in a {@code tablenotes} block as wide as the table; {@link Style#TABULAR} is the bare {@code tabular}
 * with the notes as full-width rows below the bottom rule, for users who place it in their own float. Every
 * character special to LaTeX in user text is escaped (& % $ # _ { } ~ ^ \ and also &lt; &gt; |, which print
 * as other glyphs in the default font encoding); negative numbers get a proper minus sign.
 */
public final class LatexTable {
    /** How the table is wrapped. */
    public enum Style { THREEPARTTABLE, TABULAR }

    private static final Pattern NUMBER = Pattern.compile("\\(?-[0-9.]+\\)?");
    /** "Table 1: ", "Table 2. " at the start of a title: LaTeX's \\caption numbers the table itself. */
    private static final Pattern TABLE_NUMBER = Pattern.compile("^Table\\s+[0-9A-Za-z.]+\\s*[:.]\\s*");

    private LatexTable() {
    }

    /** The title as a LaTeX caption: without a leading "Table N:", which \\caption prints itself. */
    public static String caption(String title) {
        String c = TABLE_NUMBER.matcher(title).replaceFirst("");
        return c.isEmpty() ? title : c;
    }

    public static String render(RegressionTable t, Style style) {
        int k = t.modelCount();
        StringBuilder sb = new StringBuilder();
        boolean float3 = style == Style.THREEPARTTABLE;
        sb.append("% PanelKit regression table; needs \\usepackage{booktabs}")
                .append(float3 ? " and \\usepackage{threeparttable}" : "").append('\n');
        if (float3) {
            sb.append("\\begin{table}[htbp]\n\\centering\n\\begin{threeparttable}\n");
            if (t.title() != null) {
                sb.append("\\caption{").append(escape(caption(t.title()))).append("}\n");
            }
        } else if (t.title() != null) {
            sb.append("% ").append(escape(t.title()).replace('\n', ' ')).append('\n');
        }
        sb.append("\\begin{tabular}{l*{").append(k).append("}{c}}\n\\toprule\n");
        TableRow.Section previous = TableRow.Section.HEADER;
        for (TableRow r : t.rows()) {
            TableRow.Section section = r.kind().section();
            if (section != previous) {
                sb.append("\\midrule\n");
                previous = section;
            }
            sb.append(escape(r.label()));
            for (TableCell c : r.cells()) {
                sb.append(" & ").append(cell(r.kind(), c));
            }
            sb.append(" \\\\\n");
        }
        sb.append("\\bottomrule\n");
        if (!float3) {
            for (String n : t.notes()) {
                sb.append("\\multicolumn{").append(k + 1).append("}{l}{\\footnotesize ").append(escape(n))
                        .append("} \\\\\n");
            }
        }
        sb.append("\\end{tabular}\n");
        if (float3) {
            if (!t.notes().isEmpty()) {
                sb.append("\\begin{tablenotes}[flushleft]\n\\footnotesize\n");
                for (String n : t.notes()) {
                    sb.append("\\item ").append(escape(n)).append('\n');
                }
                sb.append("\\end{tablenotes}\n");
            }
            sb.append("\\end{threeparttable}\n\\end{table}\n");
        }
        return sb.toString();
    }

    private static String cell(TableRow.Kind kind, TableCell c) {
        String text = c.text();
        boolean numeric = kind == TableRow.Kind.ESTIMATE || kind == TableRow.Kind.UNCERTAINTY
                || kind == TableRow.Kind.STATISTIC;
        if (numeric && NUMBER.matcher(text).matches()) {
            return text.replaceFirst("-", "\\$-\\$") + c.stars();
        }
        return escape(text) + escape(c.stars());
    }

    /** Escapes text for LaTeX's text mode (also maps ² to a superscript, and line breaks to spaces). */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
            case '\\':
                sb.append("\\textbackslash{}");
                break;
            case '&':
            case '%':
            case '$':
            case '#':
            case '_':
            case '{':
            case '}':
                sb.append('\\').append(ch);
                break;
            case '~':
                sb.append("\\textasciitilde{}");
                break;
            case '^':
                sb.append("\\textasciicircum{}");
                break;
            case '<':
                sb.append("\\textless{}");
                break;
            case '>':
                sb.append("\\textgreater{}");
                break;
            case '|':
                sb.append("\\textbar{}");
                break;
            case '²':
                sb.append("\\textsuperscript{2}");
                break;
            case '\u00d7':
                sb.append("$\\times$");
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
