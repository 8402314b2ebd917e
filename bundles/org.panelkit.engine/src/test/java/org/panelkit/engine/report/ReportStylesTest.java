package org.panelkit.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** One stylesheet and markup for both kinds of table, captions without numbers, plain text (issue 11). */
class ReportStylesTest {
    private static TextTable results() {
        return new TextTable("Table 5: Difference test", List.of("Variable", "Estimate", "p"),
                List.of(List.of("IC_x", "-1.682***", "[0.006, 0.060]")), List.of("a note * with [brackets]"));
    }

    @Test
    void resultsTablesUseTheRegressionTableMarkupAndStylesheet() {
        String html = results().html();
        assertTrue(html.startsWith("<div class=\"regression\">\n<table class=\"regression\">"), html);
        assertTrue(html.contains("<th class=\"label\">Variable</th>"), html);
        assertTrue(html.contains("<td class=\"label\">IC_x</td>"), html);
        assertTrue(html.contains("<div class=\"notes\">\n<p>a note * with [brackets]</p>"), html);
        assertFalse(html.contains("scope=\"row\""), html);
        String page = results().htmlPage();
        assertTrue(page.contains(HtmlTable.stylesheet()), page);
        assertTrue(HtmlTable.stylesheet().contains("table.regression .label { text-align: left; }"));
    }

    @Test
    void latexCaptionsLeaveTheNumberToLatex() {
        assertEquals("Results of benchmark regression", LatexTable.caption("Table 1: Results of benchmark regression"));
        assertEquals("Regional heterogeneity", LatexTable.caption("Table 4. Regional heterogeneity"));
        assertEquals("Difference test: 2017-2021 vs 2001-2016",
                LatexTable.caption("Difference test: 2017-2021 vs 2001-2016"));
        assertTrue(results().latex().contains("\\caption{Difference test}"), results().latex());
    }

    @Test
    void plainTextHasNoMarkdownEscapes() {
        String plain = results().plain();
        assertTrue(plain.contains("-1.682***"), plain);
        assertTrue(plain.contains("[0.006, 0.060]"), plain);
        assertTrue(plain.contains("IC_x"), plain);
        assertFalse(plain.contains("\\"), plain);
        String md = results().markdown();
        assertTrue(md.contains("\\*\\*\\*"), md);
    }

    @Test
    void csvCarriesTheNotesAsRowsOfTheTablesWidth() {
        List<String> lines = results().csv().lines().toList();
        assertEquals("Table 5: Difference test,,", lines.get(0));
        assertEquals("a note * with [brackets],,", lines.get(lines.size() - 1));
    }
}
