package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV files as spreadsheets write them (issue 11): Excel's "CSV UTF-8" byte-order mark, semicolon and tab
 * delimiters (detected from the header or forced with --delimiter), decimal commas in semicolon files, and
 * messages that name the delimiter.
 */
class SpreadsheetCsvTest {
    private static final String BOM = "\ufeff";

    @TempDir
    Path dir;

    /** A small panel: 4 states x 5 years, y = x + noise, as comma-separated text. */
    private static String panel(String sep, boolean decimalComma) {
        StringBuilder sb = new StringBuilder(String.join(sep, "state", "year", "y", "x")).append('\n');
        double[] noise = {0.3, -0.1, 0.2, -0.4, 0.1, 0.05, -0.2, 0.15, -0.05, 0.25};
        int k = 0;
        for (int s = 1; s <= 4; s++) {
            for (int t = 2001; t <= 2005; t++) {
                double x = s * 0.5 + (t - 2000) * 0.75 + 0.3 * ((s * t) % 7);
                double y = 2 * x + noise[k++ % noise.length] * s;
                String xs = String.format(java.util.Locale.ROOT, "%.3f", x);
                String ys = String.format(java.util.Locale.ROOT, "%.3f", y);
                if (decimalComma) {
                    xs = xs.replace('.', ',');
                    ys = ys.replace('.', ',');
                }
                sb.append(String.join(sep, "S" + s, Integer.toString(t), ys, xs)).append('\n');
            }
        }
        return sb.toString();
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static String[] fe(Path data, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("fe", "--data", data.toString(), "--y", "y", "--x", "x",
                "--entity", "state", "--time", "year", "--format", "json"));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    private static double slope(CliRunner r) {
        return com.google.gson.JsonParser.parseString(r.out).getAsJsonObject().getAsJsonArray("coefficients").get(0)
                .getAsJsonObject().get("estimate").getAsDouble();
    }

    @Test
    void byteOrderMarkIsSkipped() throws Exception {
        CliRunner plain = CliRunner.run(fe(write("plain.csv", panel(",", false))));
        CliRunner bom = CliRunner.run(fe(write("bom.csv", BOM + panel(",", false))));
        assertEquals(0, plain.code, plain.toString());
        assertEquals(0, bom.code, bom.toString());
        assertEquals(slope(plain), slope(bom), 0.0);
        // every reader: describe reads keys only, split writes the rows back
        // the parallel reader of all-numeric comma files (numeric ids)
        String numeric = panel(",", false).replace("S", "");
        CliRunner n1 = CliRunner.run(fe(write("num.csv", numeric)));
        CliRunner n2 = CliRunner.run(fe(write("numbom.csv", BOM + numeric)));
        assertEquals(0, n2.code, n2.toString());
        assertEquals(slope(n1), slope(n2), 0.0);
        CliRunner d = CliRunner.run("describe", "--data", dir.resolve("bom.csv").toString(), "--entity", "state",
                "--time", "year");
        assertEquals(0, d.code, d.toString());
        assertFalse(d.out.contains("\ufeff"), d.out);
    }

    @Test
    void semicolonAndTabFilesAreDetected() throws Exception {
        double expected = slope(CliRunner.run(fe(write("plain.csv", panel(",", false)))));
        CliRunner semi = CliRunner.run(fe(write("semi.csv", panel(";", false))));
        assertEquals(0, semi.code, semi.toString());
        assertEquals(expected, slope(semi), 0.0);
        CliRunner tab = CliRunner.run(fe(write("tab.csv", panel("\t", false))));
        assertEquals(0, tab.code, tab.toString());
        assertEquals(expected, slope(tab), 0.0);
        CliRunner both = CliRunner.run(fe(write("bomsemi.csv", BOM + panel(";", false))));
        assertEquals(0, both.code, both.toString());
    }

    @Test
    void decimalCommasInSemicolonFilesAreRead() throws Exception {
        double expected = slope(CliRunner.run(fe(write("plain.csv", panel(",", false)))));
        CliRunner r = CliRunner.run(fe(write("excel.csv", BOM + panel(";", true))));
        assertEquals(0, r.code, r.toString());
        assertEquals(expected, slope(r), 1e-12);
    }

    @Test
    void forcedDelimiterAndMessagesNameTheDelimiter() throws Exception {
        Path semi = write("semi.csv", panel(";", false));
        CliRunner forced = CliRunner.run(fe(semi, "--delimiter", "semicolon"));
        assertEquals(0, forced.code, forced.toString());
        CliRunner wrong = CliRunner.run(fe(semi, "--delimiter", "comma"));
        assertEquals(2, wrong.code, wrong.toString());
        assertTrue(wrong.err.startsWith("error: unknown column 'y'"), wrong.err);
        assertTrue(wrong.err.contains("comma-separated (--delimiter)"), wrong.err);
        assertTrue(wrong.err.contains("use --delimiter semicolon"), wrong.err);
        assertEquals(1, wrong.err.lines().count(), wrong.err);
        CliRunner bad = CliRunner.run(fe(semi, "--delimiter", "pipe"));
        assertEquals(2, bad.code, bad.toString());
        assertTrue(bad.err.startsWith("error: --delimiter 'pipe': expected auto, comma, semicolon or tab"), bad.err);
        // a decimal comma in a comma-separated file: the cell is quoted; say what to do
        Path quoted = write("quoted.csv", "state,year,y,x\nS1,2001,\"1,5\",2\nS1,2002,2,3\nS2,2001,1,2\nS2,2002,3,1\n");
        CliRunner dc = CliRunner.run(fe(quoted));
        assertEquals(2, dc.code, dc.toString());
        assertTrue(dc.err.contains("line 2: '1,5' is not a number (a decimal comma, but the file is comma-separated"),
                dc.err);
        // a ragged line names the delimiter it was split with
        Path ragged = write("ragged.csv", "state;year;y;x\nS1;2001;1;2\nS1;2002;2\n");
        CliRunner rg = CliRunner.run(fe(ragged));
        assertEquals(2, rg.code, rg.toString());
        assertTrue(rg.err.contains("line 3: 3 fields, but the header has 4 (the file is read as semicolon-separated"),
                rg.err);
    }

    @Test
    void rowLabelsAreFileLinesAcrossBlankLines() throws Exception {
        Path f = write("blank.csv", "state,year,y,x\nS1,2001,1,2\n\nS1,2002,oops,3\n");
        CliRunner r = CliRunner.run(fe(f));
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.contains("line 4: 'oops' is not a number"), r.err);
    }
}
