package org.panelkit.cli.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.panelkit.cli.Main;
import org.panelkit.engine.report.HtmlTable;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code panelkit reproduce} as issue 11 asks: every --vcov value runs the whole study, every output carries the
 * data note, one stylesheet for every table of report.html, LaTeX captions without the number (and every .tex
 * compiles with pdflatex), plain text on the terminal, file lines for misspelt provinces.
 */
class ReproduceOptionsTest {
    @TempDir
    static Path shared;
    static Path report;
    static String console;

    @TempDir
    Path dir;

    static final class Run {
        final int code;
        final String out;
        final String err;

        Run(String... args) {
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            code = Main.run(args, new PrintWriter(o, true), new PrintWriter(e, true));
            out = o.toString();
            err = e.toString();
        }

        @Override
        public String toString() {
            return "exit " + code + "\n" + out + "\n" + err;
        }
    }

    @BeforeAll
    static void reproduceOnce() {
        report = shared.resolve("report");
        Run r = new Run("reproduce", "--out", report.toString(), "--wild-reps", "99", "--mediation-reps", "99");
        assertEquals(0, r.code, r.toString());
        console = r.out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"iid", "hc0", "hc1", "cr0", "cluster", "cr2", "twoway", "dk"})
    void everyVcovRunsTheWholeStudy(String vcov) throws Exception {
        Path out = dir.resolve(vcov);
        Run r = new Run("reproduce", "--out", out.toString(), "--vcov", vcov, "--wild-reps", "99", "--mediation-reps",
                "99");
        assertEquals(0, r.code, r.toString());
        assertEquals("", r.err);
        JsonObject m2 = JsonParser.parseString(Files.readString(out.resolve("models/m2.json"))).getAsJsonObject();
        assertEquals(vcov.equals("cluster") ? "cluster" : vcov,
                m2.getAsJsonObject("vcov").get("type").getAsString(), "the tables use the chosen estimator");
        for (String t : List.of("table1", "table2", "table3", "table4", "difference", "mechanisms")) {
            assertTrue(Files.exists(out.resolve(t + ".md")), t);
        }
        String md = Files.readString(out.resolve("report.md"));
        boolean noClusters = List.of("iid", "hc0", "hc1").contains(vcov);
        assertEquals(!noClusters, Files.exists(out.resolve("wild_bootstrap.md")), vcov);
        if (noClusters) {
            assertTrue(md.contains("Wild cluster bootstrap: left out, because --vcov " + vcov
                    + " has no clusters to resample"), md);
            assertTrue(r.out.contains("Wild cluster bootstrap: left out"), r.out);
        } else if (!List.of("cluster", "cr0").contains(vcov)) {
            assertTrue(Files.readString(out.resolve("wild_bootstrap.md")).contains("not the tables' --vcov " + vcov),
                    vcov);
        }
        String diff = Files.readString(out.resolve("difference.md"));
        assertTrue(diff.contains("SE (suest)"), diff);
        if (vcov.equals("dk")) {
            assertTrue(diff.contains("Driscoll-Kraay"), diff);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xtreg", "plm", "areg", "fixest", "sandwich"})
    void everyConventionRunsTheWholeStudyAndIsNamed(String convention) throws Exception {
        Path out = dir.resolve(convention);
        Run r = new Run("reproduce", "--out", out.toString(), "--convention", convention, "--wild-reps", "0",
                "--mediation-reps", "0");
        assertEquals(0, r.code, r.toString());
        JsonObject m2 = JsonParser.parseString(Files.readString(out.resolve("models/m2.json"))).getAsJsonObject();
        assertEquals(convention, m2.getAsJsonObject("vcov").get("convention").getAsString());
    }

    @Test
    void breakYearIsSplitYearWithTheOldSpellingKept() throws Exception {
        Run a = new Run("reproduce", "--out", dir.resolve("a").toString(), "--split", "year:2015", "--wild-reps", "0",
                "--mediation-reps", "0");
        Run b = new Run("reproduce", "--out", dir.resolve("b").toString(), "--break", "2015", "--wild-reps", "0",
                "--mediation-reps", "0");
        assertEquals(0, a.code, a.toString());
        assertEquals(Files.readString(dir.resolve("a/table3.md")), Files.readString(dir.resolve("b/table3.md")));
        assertTrue(Files.readString(dir.resolve("a/table3.md")).contains("2015-2021"));
        Run c = new Run("reproduce", "--out", dir.resolve("c").toString(), "--split", "region-nbs3");
        assertEquals(2, c.code, c.toString());
        assertTrue(c.err.startsWith("error: --split 'region-nbs3': reproduce splits by a break year only"), c.err);
    }

    @Test
    void everyOutputSaysWhereTheDataComeFrom() throws Exception {
        String notice = ReproduceCommand.NOTICE;
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(report)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = report.relativize(f).toString();
                if (name.endsWith(".png")) {
                    continue; // the same drawing as the SVG
                }
                String text = Files.readString(f, StandardCharsets.UTF_8);
                boolean labelled;
                if (name.endsWith(".json")) {
                    labelled = notice.equals(JsonParser.parseString(text).getAsJsonObject().get("data_note")
                            .getAsString());
                } else if (name.endsWith(".csv") && !text.contains(notice)) {
                    Path note = f.getParent().resolve(StudyReport.DATA_NOTE);
                    labelled = Files.exists(note) && Files.readString(note).contains(notice);
                } else {
                    labelled = text.contains(notice) || text.contains(notice.replace("'", "&#39;"));
                }
                if (!labelled) {
                    missing.add(name);
                }
            }
        }
        assertTrue(missing.isEmpty(), "no data note in " + missing);
        // the CSVs of the results tables still parse: the note is a row of its own with the table's width
        List<String> lines = Files.readAllLines(report.resolve("difference.csv"));
        assertTrue(lines.get(lines.size() - 1).startsWith(notice), lines.toString());
        assertTrue(Files.readString(report.resolve("coefplot.svg")).contains(notice));
    }

    @Test
    void reportHtmlStylesEveryTableWithTheOneStylesheet() throws Exception {
        String html = Files.readString(report.resolve("report.html"));
        String css = HtmlTable.stylesheet();
        assertTrue(html.contains(css), "report.html does not use HtmlTable.stylesheet()");
        for (String rule : List.of("table.regression .label { text-align: left; }",
                "table.regression thead tr:first-child th { border-top: 2px solid #000; }",
                "table.regression thead tr:last-child th { border-bottom: 1px solid #000; }",
                "table.regression tbody tr:last-child td { border-bottom: 2px solid #000; }",
                "table.regression tr.section td { border-top: 1px solid #000; }")) {
            assertTrue(css.contains(rule), "missing CSS rule " + rule);
        }
        assertEquals(count(html, "<table"), count(html, "<table class=\"regression\">"), "a table with another style");
        assertEquals(7, count(html, "<table class=\"regression\">"));
        assertEquals(0, count(html, "<th scope=\"row\">"), "row labels are td.label");
        for (String t : List.of("table1", "difference", "mechanisms", "wild_bootstrap")) {
            String page = Files.readString(report.resolve(t + ".html"));
            assertTrue(page.contains(css), t + ".html does not use the stylesheet");
            assertTrue(page.contains("<td class=\"label\">"), t);
        }
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void latexCaptionsCarryNoNumber() throws Exception {
        for (String t : List.of("table1", "table2", "table3", "table4", "difference", "mechanisms", "wild_bootstrap")) {
            String tex = Files.readString(report.resolve(t + ".tex"));
            assertTrue(tex.contains("\\caption{"), t);
            assertFalse(tex.contains("\\caption{Table"), t + ": " + tex.lines().filter(l -> l.contains("caption"))
                    .findFirst().orElse(""));
        }
        assertTrue(Files.readString(report.resolve("table1.tex")).contains("\\caption{Results of benchmark regression}"));
    }

    /** pdflatex must compile every .tex (wrapped in a minimal document); runs under CI, skipped locally without it. */
    @Test
    void everyTexFileCompilesWithPdflatex() throws Exception {
        if (!onPath("pdflatex")) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("pdflatex not found (CI=true): releng/ci/install-test-deps.sh installs texlive-latex-base, "
                        + "texlive-latex-recommended (booktabs) and texlive-latex-extra (threeparttable)");
            }
            Assumptions.assumeTrue(false, "pdflatex not installed: run releng/ci/install-test-deps.sh");
        }
        List<Path> texs;
        try (Stream<Path> s = Files.list(report)) {
            texs = s.filter(p -> p.toString().endsWith(".tex")).sorted().toList();
        }
        assertEquals(7, texs.size(), texs.toString());
        for (Path tex : texs) {
            String name = tex.getFileName().toString().replace(".tex", "");
            Path doc = dir.resolve(name + "_doc.tex");
            Files.writeString(doc, "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n"
                    + "\\usepackage{booktabs}\n\\usepackage{threeparttable}\n\\usepackage{graphicx}\n"
                    + "\\usepackage[margin=1cm,landscape]{geometry}\n\\begin{document}\n" + Files.readString(tex)
                    + "\n\\end{document}\n");
            Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", doc.getFileName()
                    .toString()).directory(dir.toFile()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pdflatex timed out on " + tex);
            assertEquals(0, p.exitValue(), tex.getFileName() + " does not compile:\n" + log);
            assertTrue(Files.size(dir.resolve(name + "_doc.pdf")) > 0);
        }
    }

    private static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theTerminalGetsPlainTextAndFilesGetMarkdown() throws Exception {
        for (String escape : List.of("\\*", "\\[", "\\_", "|:---", "**Table")) {
            assertFalse(console.contains(escape), "markup on the terminal: " + escape);
        }
        assertTrue(console.contains("Table 1: Results of benchmark regression\n"), console);
        assertTrue(console.contains("0.652***"), console);
        assertTrue(console.lines().anyMatch(l -> l.matches("^Transaction Cost \\(TC\\) +-1\\.682\\*\\*\\* .*")), console);
        assertTrue(Files.readString(report.resolve("mechanisms.md")).contains("-1.682\\*\\*\\*"), "Markdown escapes");
    }

    @Test
    void aMisspeltProvinceIsReportedByFileLine() throws Exception {
        Path raw = dir.resolve("raw.csv");
        Run w = new Run("study-data", "--out", raw.toString());
        assertEquals(0, w.code, w.toString());
        List<String> lines = new ArrayList<>(Files.readAllLines(raw));
        int first = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).contains(",Guangxi,")) {
                lines.set(i, lines.get(i).replace(",Guangxi,", ",Guangxii,"));
                first = first < 0 ? i + 1 : first; // file line (1-based)
            }
        }
        assertTrue(first > 10, "no Guangxi rows");
        Files.write(raw, lines);
        Run r = new Run("reproduce", "--data", raw.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.startsWith("error: 21 rows have a province that is not in the China region table"), r.err);
        assertTrue(r.err.contains("'Guangxii' in line " + first + ", line " + (first + 1)), r.err);
        assertEquals(1, r.err.lines().count(), r.err);
    }
}
