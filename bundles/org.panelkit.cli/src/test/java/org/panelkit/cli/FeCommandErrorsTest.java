package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input ends with exit code 2 and exactly one line starting "error:" that names the column, line or key
 * at fault; never a stack trace.
 */
class FeCommandErrorsTest {
    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** A small valid panel: 4 entities x 4 years. */
    private static String panel() {
        StringBuilder sb = new StringBuilder("id,year,y,x,z\n");
        double[] noise = {0.3, -0.2, 0.5, -0.1, 0.2, 0.4, -0.3, 0.1, 0.0, -0.4, 0.6, -0.5, 0.25, -0.15, 0.35, 0.05};
        int r = 0;
        for (int i = 1; i <= 4; i++) {
            for (int t = 2001; t <= 2004; t++) {
                double x = i * 0.7 + (t - 2000) * 0.3 + noise[(r + 5) % 16];
                double z = (t - 2000) * (i % 2 == 0 ? 1.2 : -0.4) + noise[(r + 9) % 16];
                sb.append(i).append(',').append(t).append(',').append(2 * x - z + noise[r]).append(',').append(x)
                        .append(',').append(z).append('\n');
                r++;
            }
        }
        return sb.toString();
    }

    private CliRunner fe(Path data, String... extra) {
        String[] base = {"fe", "--data", data.toString(), "--y", "y", "--x", "x,z", "--entity", "id", "--time", "year"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRunner.run(args);
    }

    private static void assertError(CliRunner r, String... fragments) {
        assertEquals(2, r.code, r.toString());
        String[] lines = r.err.strip().split("\n");
        assertTrue(lines[0].startsWith("error: "), r.toString());
        for (String f : fragments) {
            assertTrue(lines[0].contains(f), "error line should contain '" + f + "':\n" + r);
        }
        assertFalse(r.err.contains("Exception") || r.err.contains("\tat "), "no stack trace:\n" + r);
    }

    @Test
    void validPanelRuns() throws IOException {
        CliRunner r = fe(csv("ok.csv", panel()));
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("_cons"), r.out);
    }

    @Test
    void missingFile() {
        assertError(fe(dir.resolve("nope.csv")), "nope.csv", "no such file");
    }

    @Test
    void emptyFile() throws IOException {
        assertError(fe(csv("empty.csv", "")), "empty.csv", "empty");
    }

    @Test
    void headerOnly() throws IOException {
        assertError(fe(csv("header.csv", "id,year,y,x,z\n")), "no data rows");
    }

    @Test
    void unknownColumn() throws IOException {
        Path p = csv("ok.csv", panel());
        assertError(CliRunner.run("fe", "--data", p.toString(), "--y", "y", "--x", "x,w", "--entity", "id", "--time",
                "year"), "unknown column 'w'");
    }

    @Test
    void nonNumericCell() throws IOException {
        String bad = panel().replaceFirst("\n1,2002,([^,]*),[^,]*,", "\n1,2002,$1,abc,");
        CliRunner r = fe(csv("bad.csv", bad));
        assertError(r, "column 'x'", "line 3", "'abc' is not a number");
    }

    @Test
    void infiniteCell() throws IOException {
        String bad = panel().replaceFirst("\n2,2003,([^,]*),[^,]*,", "\n2,2003,$1,Infinity,");
        assertError(fe(csv("inf.csv", bad)), "column 'x'", "line 8", "infinite");
    }

    @Test
    void duplicateKeys() throws IOException {
        String dup = panel() + "3,2002,1.0,2.0,3.0\n";
        assertError(fe(csv("dup.csv", dup)), "duplicate panel key", "id=3", "year=2002", "line 11", "line 18");
    }

    @Test
    void noObservationsLeft() throws IOException {
        String all = panel().replaceAll("(?m)^(\\d+,\\d+),[^,]*,", "$1,NA,");
        assertError(fe(csv("na.csv", all)), "no observations left");
    }

    @Test
    void fewerObservationsThanParameters() throws IOException {
        String small = "id,year,y,x,z\n1,2001,1,2,3\n1,2002,2,3,1\n2,2001,3,1,2\n2,2002,5,4,1\n";
        assertError(fe(csv("small.csv", small)), "too few observations");
    }

    @Test
    void oneCluster() throws IOException {
        String oneEntity = "id,year,y,x,z\n1,2001,1,2,3\n1,2002,2,3,1\n1,2003,3,1,2\n1,2004,5,4,1\n1,2005,2,2,2\n";
        assertError(fe(csv("one.csv", oneEntity), "--fe", "none"), "at least two clusters");
    }

    @Test
    void unknownOptionAndValue() throws IOException {
        Path p = csv("ok.csv", panel());
        assertError(fe(p, "--bogus"), "--bogus");
        assertError(fe(p, "--vcov", "hc9"), "unknown variance estimator 'hc9'");
        // not a shorthand: read as a list of fixed-effect columns (issue 12), and there is no such column
        assertError(fe(p, "--fe", "threeway"), "--fe: unknown column 'threeway'");
        assertError(fe(p, "--convention", "eviews"), "unknown convention 'eviews'");
        assertError(fe(p, "--level", "abc"), "--level");
        assertError(CliRunner.run("fe", "--data", p.toString(), "--y", "y", "--x", "x"), "--entity and --time");
    }

    @Test
    void wrongFieldCount() throws IOException {
        String bad = panel() + "9,2001,1\n";
        assertError(fe(csv("short.csv", bad)), "line 18", "fields");
    }
}
