package org.panelkit.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.fe.Coefficient;

/**
 * The four text renderers: structure and, above all, escaping of user text (labels, titles, notes) that contains
 * characters special to the target format.
 */
class TableRenderersTest {
    /** Every character special to LaTeX, HTML or Markdown. */
    static final String NASTY = "R&D 50% $x$ #1 a_b {c} ~d ^e \\f <g> |h| \"i\" 'j' *k* `l` [m]";

    /** A small table whose labels, title and notes all carry {@link #NASTY}. */
    static RegressionTable nastyTable() {
        ModelSummary m = ModelSummary.builder().label("Model " + NASTY).dependentVariable("y")
                .coefficients(List.of(new Coefficient("x", -1.23456, 0.5, -2.469, 0.02, -2.2, -0.2, 30),
                        new Coefficient("z", 0.5, 0.1, 5, 1e-6, 0.3, 0.7, 30)))
                .constant(new Coefficient("_cons", 2, 1, 2, 0.06, 0, 4, 30)).observations(630).groups(30)
                .clusters(List.of(30)).clusterColumns(List.of("prov_" + "id")).entityEffects(true).timeEffects(true)
                .seType("cluster").seConvention("xtreg").seDescription("cluster-robust by prov_id (CR1 & co.)")
                .r2Within(0.5).build();
        TableOptions o = TableOptions.builder().title("Title " + NASTY)
                .variableLabels(Map.of("x", "Label " + NASTY, "y", "Dep " + NASTY))
                .extraNotes(List.of("Note " + NASTY)).build();
        return RegressionTable.of(List.of(m, m.withLabel("Second")), o);
    }

    @Test
    void latexEscapesEverySpecialCharacter() {
        assertEquals("\\&", LatexTable.escape("&"));
        assertEquals("\\%", LatexTable.escape("%"));
        assertEquals("\\$", LatexTable.escape("$"));
        assertEquals("\\#", LatexTable.escape("#"));
        assertEquals("\\_", LatexTable.escape("_"));
        assertEquals("\\{", LatexTable.escape("{"));
        assertEquals("\\}", LatexTable.escape("}"));
        assertEquals("\\textasciitilde{}", LatexTable.escape("~"));
        assertEquals("\\textasciicircum{}", LatexTable.escape("^"));
        assertEquals("\\textbackslash{}", LatexTable.escape("\\"));
        assertEquals("\\textless{}\\textgreater{}\\textbar{}", LatexTable.escape("<>|"));
        assertEquals("R\\textsuperscript{2}", LatexTable.escape("R²"));
        assertEquals("Industrial Cluster (IC)", LatexTable.escape("Industrial Cluster (IC)"));
        assertEquals("a b", LatexTable.escape("a\nb"));
        // \ must not be re-escaped after { } got their backslashes
        assertEquals("\\textbackslash{}\\{", LatexTable.escape("\\{"));
    }

    @Test
    void latexTableHasBooktabsRulesAndNoUnescapedUserText() {
        RegressionTable t = nastyTable();
        String tex = LatexTable.render(t, LatexTable.Style.THREEPARTTABLE);
        String escaped = LatexTable.escape(NASTY);
        assertTrue(tex.contains("\\caption{Title " + escaped + "}"), tex);
        assertTrue(tex.contains("Label " + escaped + " & $-$1.235** & $-$1.235** \\\\"), tex);
        assertTrue(tex.contains("\\item Note " + escaped), tex);
        assertTrue(tex.contains("Dep " + escaped), tex);
        assertTrue(tex.contains("prov\\_id"), tex);
        assertFalse(tex.contains(NASTY), "raw user text leaked");
        assertTrue(tex.contains("\\begin{tabular}{l*{2}{c}}"));
        assertEquals(1, count(tex, "\\toprule"));
        assertEquals(2, count(tex, "\\midrule"));
        assertEquals(1, count(tex, "\\bottomrule"));
        assertTrue(tex.contains("\\begin{threeparttable}") && tex.contains("\\begin{tablenotes}"));
        assertTrue(tex.indexOf("\\toprule") < tex.indexOf("\\midrule") && tex.lastIndexOf("\\midrule") < tex.indexOf(
                "\\bottomrule"));
        // every table row has exactly one & per model column (escaped \& do not count)
        for (String line : tex.split("\n")) {
            if (line.endsWith("\\\\")) {
                assertEquals(2, count(line.replace("\\&", ""), "&"), line);
            }
        }
        String plain = LatexTable.render(t, LatexTable.Style.TABULAR);
        assertFalse(plain.contains("threeparttable") && !plain.startsWith("%"));
        assertFalse(plain.contains("\\begin{table}"));
        assertTrue(plain.contains("\\multicolumn{3}{l}{\\footnotesize Note " + escaped + "} \\\\"), plain);
    }

    @Test
    void htmlIsACompletePageWithEverythingEscaped() {
        RegressionTable t = nastyTable();
        String html = HtmlTable.page(t);
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.trim().endsWith("</html>"));
        String escaped = HtmlTable.escape(NASTY);
        assertTrue(escaped.contains("R&amp;D") && escaped.contains("&lt;g&gt;") && escaped.contains("&quot;i&quot;")
                && escaped.contains("&#39;j&#39;"), escaped);
        assertTrue(html.contains("<title>Title " + escaped + "</title>"));
        assertTrue(html.contains("<caption>Title " + escaped + "</caption>"));
        assertTrue(html.contains("<td class=\"label\">Label " + escaped + "</td><td>-1.235**</td>"), html);
        assertTrue(html.contains("<p>Note " + escaped + "</p>"));
        assertFalse(html.contains("<g>"), "raw markup leaked");
        assertEquals(count(html, "<tr"), count(html, "</tr>"));
        assertEquals(t.rows().size(), count(html, "<tr"));
        assertEquals(1, count(html, "<tr class=\"section\">"), "one rule between coefficients and summary rows");
        String fragment = HtmlTable.table(t);
        assertTrue(fragment.startsWith("<div class=\"regression\">") && !fragment.contains("<html"));
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", HtmlTable.escape("<script>alert('x')</script>"));
    }

    @Test
    void markdownColumnsLineUpAndSpecialCharactersAreEscaped() {
        RegressionTable t = nastyTable();
        String md = MarkdownTable.render(t);
        List<String> tableLines = new ArrayList<>();
        for (String line : md.split("\n")) {
            if (line.startsWith("|")) {
                tableLines.add(line);
            }
        }
        assertEquals(t.rows().size() + 1, tableLines.size(), "rows plus the alignment row");
        int width = tableLines.get(0).length();
        int[] pipes = pipePositions(tableLines.get(0));
        for (String line : tableLines) {
            assertEquals(width, line.length(), "padded: " + line);
            assertEquals(java.util.Arrays.toString(pipes), java.util.Arrays.toString(pipePositions(line)), line);
        }
        String align = tableLines.get(1);
        assertTrue(align.matches("\\|:-+\\|(:-+:\\|){2}"), align);
        assertTrue(md.startsWith("**Title "));
        assertTrue(md.contains("Label R&D 50% \\$x\\$ \\#1 a\\_b {c} \\~d ^e \\\\f \\<g\\> \\|h\\| \"i\" 'j' \\*k\\* "
                + "\\`l\\` \\[m\\]"), md);
        assertTrue(md.contains("| -1.235**"), "stars after numbers stay readable");
        assertTrue(md.contains("\n\\* p<0.1, \\*\\* p<0.05") || md.contains("parentheses. \\* p<0.1"), md);
        assertEquals("\\<b\\>", MarkdownTable.escape("<b>"));
        assertEquals("p<0.1", MarkdownTable.escape("p<0.1"));
        assertEquals("\\&amp; R&D", MarkdownTable.escape("&amp; R&D"));
    }

    private static int[] pipePositions(String line) {
        List<Integer> p = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '|' && (i == 0 || line.charAt(i - 1) != '\\')) {
                p.add(i);
            }
        }
        return p.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void csvQuotesWhereNeeded() {
        assertEquals("plain", CsvTable.quote("plain"));
        assertEquals("\"a,b\"", CsvTable.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvTable.quote("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvTable.quote("two\nlines"));
        assertEquals("\" padded\"", CsvTable.quote(" padded"));
        String csv = CsvTable.render(nastyTable());
        assertTrue(csv.startsWith("\"Title R&D"), csv);
        assertTrue(csv.contains("\n,\"Model R&D"), csv);
        assertTrue(csv.endsWith("\n"));
    }

    @Test
    void formatsByKey() {
        assertEquals(TableFormat.MARKDOWN, TableFormat.fromKey("md"));
        assertEquals(TableFormat.LATEX, TableFormat.fromKey("tex"));
        assertEquals(TableFormat.HTML, TableFormat.fromKey("html"));
        assertEquals(TableFormat.CSV, TableFormat.fromKey("csv"));
        PanelKitException e = assertThrows(PanelKitException.class, () -> TableFormat.fromKey("docx"));
        assertTrue(e.getMessage().contains("docx"));
        RegressionTable t = nastyTable();
        for (TableFormat f : TableFormat.values()) {
            assertFalse(f.render(t).isEmpty());
        }
    }

    static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
            n++;
        }
        return n;
    }
}
