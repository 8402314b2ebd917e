package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panelkit.cli.PrepTesting.run;
import static org.panelkit.cli.PrepTesting.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code panelkit lq} end to end: the oracle file, small tables worked out by hand, and bad input. */
class LqCommandTest {
    @TempDir
    Path dir;

    /** R1: A 30, B 10; R2: A 20, B 50 (nation A 50, B 60, total 110); a quoted note with a comma. */
    static final String LONG = "region,year,industry,value,note\n"
            + "R1,2001,A,30,\"x, y\"\n"
            + "R1,2001,B,10,\n"
            + "R2,2001,A,20,\n"
            + "R2,2001,B,50,\n";

    private static void close(double expected, String actual, String what) {
        double a = Double.parseDouble(actual);
        assertTrue(Math.abs(a - expected) <= 1e-12 * Math.abs(expected), what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void reproducesTheOracleAndKeepsTheInputText() throws Exception {
        Path in = PrepTesting.oracle("lq/synthetic_30x21_long.csv");
        Path out = dir.resolve("lq.csv");
        PrepTesting.Run r = run("lq", "--data", in.toString(), "--region", "region", "--time", "year", "--industry",
                "industry", "--value", "value", "--out", out.toString());
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("location quotients: 2520 rows"), r.out);
        List<String> input = Files.readAllLines(in);
        List<String> got = Files.readAllLines(out);
        List<String> expected = Files.readAllLines(PrepTesting.oracle("lq/synthetic_30x21_lq.csv"));
        assertEquals(expected.get(0), got.get(0), "header");
        assertEquals(expected.size(), got.size());
        for (int i = 1; i < got.size(); i++) {
            String[] g = got.get(i).split(",", -1);
            String[] e = expected.get(i).split(",", -1);
            assertEquals(input.get(i), String.join(",", List.of(g).subList(0, 4)), "input columns, line " + (i + 1));
            for (int c = 4; c < 8; c++) {
                close(Double.parseDouble(e[c]), g[c], expected.get(0).split(",")[c] + " line " + (i + 1));
            }
        }
    }

    @Test
    void longTableToStandardOutput() {
        PrepTesting.Run r = run("lq", "--data", dirFile("in.csv", LONG), "--region", "region", "--time", "year",
                "--industry", "industry", "--value", "value");
        assertEquals(0, r.code, r.toString());
        String[] lines = r.out.split("\n");
        assertEquals("region,year,industry,value,note,region_total,industry_national,national_total,lq", lines[0]);
        assertTrue(lines[1].startsWith("R1,2001,A,30,\"x, y\",40,50,110,"), lines[1]);
        close(1.65, lines[1].substring(lines[1].lastIndexOf(',') + 1), "R1 A");
        close(27.5 / 60, lines[2].substring(lines[2].lastIndexOf(',') + 1), "R1 B");
        close(220.0 / 350, lines[3].substring(lines[3].lastIndexOf(',') + 1), "R2 A");
        close(550.0 / 420, lines[4].substring(lines[4].lastIndexOf(',') + 1), "R2 B");
        assertEquals("", r.err);
    }

    @Test
    void wideTableWithNationalColumns() throws Exception {
        String wide = "region,year,A,B,natA,natB\nR1,2001,30,10,100,300\nR2,2001,20,50,100,300\n";
        Path out = dir.resolve("w.csv");
        PrepTesting.Run r = run("lq", "--data", dirFile("w_in.csv", wide), "--region", "region", "--time", "year",
                "--industries", "A,B", "--national-column", "natA,natB", "--out", out.toString());
        assertEquals(0, r.code, r.toString());
        List<String> got = Files.readAllLines(out);
        assertEquals("region,year,A,B,natA,natB,lq_A,lq_B", got.get(0));
        String[] r2 = got.get(2).split(",");
        close((20.0 / 70) / (100.0 / 400), r2[6], "R2 A");
        close((50.0 / 70) / (300.0 / 400), r2[7], "R2 B");
    }

    @Test
    void nationalRowsAndIndices() throws Exception {
        String data = LONG.replace(",note", "").replace(",\"x, y\"", "").replace(",\n", "\n") + "CN,2001,A,100\nCN,2001,B,300\n";
        Path out = dir.resolve("n.csv");
        PrepTesting.Run r = run("lq", "--data", dirFile("n_in.csv", data), "--region", "region", "--time", "year",
                "--industry", "industry", "--value", "value", "--national-region", "CN", "--indices", "--out", out.toString());
        assertEquals(0, r.code, r.toString());
        List<String> got = Files.readAllLines(out);
        assertTrue(got.get(1).startsWith("R1,2001,A,30,40,100,400,"), got.get(1));
        assertTrue(got.get(5).startsWith("CN,2001,A,100,400,100,400,1"), got.get(5));
        List<String> k = Files.readAllLines(dir.resolve("n_specialization.csv"));
        assertEquals(List.of("region", "year", "krugman"), List.of(k.get(0).split(",")));
        assertEquals(3, k.size(), "two regions, the national rows are not one");
        // R1 shares (3/4, 1/4) against the nation's (1/4, 3/4): 1/2 + 1/2
        close(1.0, k.get(1).split(",")[2], "Krugman R1");
        List<String> l = Files.readAllLines(dir.resolve("n_localization.csv"));
        assertEquals("industry,year,hoover,gini,hhi", l.get(0));
        // among the two regions: A shares (.6, .4), activity (4/11, 7/11)
        close(13.0 / 55, l.get(1).split(",")[2], "Hoover A");
        close(0.52, l.get(1).split(",")[4], "HHI A");
    }

    @Test
    void zeroRegionTotalWarnsAndLeavesTheCellEmpty() {
        String data = "region,year,industry,value\nR1,2001,A,5\nR1,2001,B,0\nR2,2001,A,0\nR2,2001,B,0\nR3,2001,A,1\nR3,2001,B,4\n";
        PrepTesting.Run r = run("lq", "--data", dirFile("z.csv", data), "--region", "region", "--time", "year",
                "--industry", "industry", "--value", "value");
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("\nR1,2001,B,0,5,4,10,0\n"), r.out);
        assertTrue(r.out.contains("\nR2,2001,A,0,0,6,10,\n"), r.out);
        assertTrue(r.err.contains("warning: 2 location quotients are missing because a denominator is zero (region total"
                + " of R2 in 2001 is 0)"), r.err);
    }

    @Test
    void badInput() {
        String in = dirFile("in.csv", LONG);
        PrepTesting.Run r = run("lq", "--data", dirFile("neg.csv", LONG.replace("R1,2001,B,10", "R1,2001,B,-10")),
                "--region", "region", "--time", "year", "--industry", "industry", "--value", "value");
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("error: column 'value', line 3: negative value -10 (R1, 2001, B)"), r.err);
        r = run("lq", "--data", dirFile("neg2.csv", LONG.replace("R1,2001,B,10", "R1,2001,B,-10")), "--region", "region",
                "--time", "year", "--industry", "industry", "--value", "value", "--allow-negative");
        assertEquals(0, r.code, r.toString());

        r = run("lq", "--data", in, "--region", "region", "--time", "year", "--industry", "industry", "--value", "val");
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("error: unknown column 'val' in '"), r.err);

        r = run("lq", "--data", in, "--region", "region", "--time", "year", "--industry", "industry", "--value", "note");
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("error: column 'note', line 2: 'x, y' is not a number"), r.err);

        r = run("lq", "--data", dirFile("dup.csv", LONG + "R2,2001,A,7,\n"), "--region", "region", "--time", "year",
                "--industry", "industry", "--value", "value");
        assertEquals(2, r.code);
        assertEquals("error: duplicate key (region=R2, year=2001, industry=A) in line 4 and line 6; each region may have"
                + " one row per year and industry\n", r.err);

        r = run("lq", "--data", in, "--region", "region", "--time", "year", "--industry", "industry");
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("error: give either --industry COL and --value COL"), r.err);

        r = run("lq", "--data", in, "--region", "region", "--time", "year", "--industries", "A,B", "--indices");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--indices writes two more files"), r.err);

        r = run("lq", "--data", dirFile("has_lq.csv", "region,year,industry,value,lq\nR1,2001,A,1,\n"), "--region",
                "region", "--time", "year", "--industry", "industry", "--value", "value");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("already has a column 'lq'"), r.err);
        assertFalse(r.err.contains("Exception"), r.err);
    }

    @Test
    void numbersAreWrittenWith15SignificantDigitsAsRDoes() {
        assertEquals("", PrepCsv.number(Double.NaN));
        assertEquals("110", PrepCsv.number(110.0));
        assertEquals("20438.83", PrepCsv.number(20438.829999999998));
        assertEquals("0.3", PrepCsv.number(0.1 + 0.2));
        assertEquals("0.00001", PrepCsv.number(1e-5));
        assertEquals("1.0E-6", PrepCsv.number(1e-6));
        assertEquals("-0.0025", PrepCsv.number(-0.0025));
        assertEquals("100000", PrepCsv.number(99999.99999999999));
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            double v = Math.exp(rnd.nextDouble() * 60 - 11) * (rnd.nextBoolean() ? 1 : -1);
            if (Math.abs(v) < 1e-5 || Math.abs(v) >= 1e15 || v == Math.rint(v)) {
                continue;
            }
            // C's %.15g (R's write.csv): the exact binary value rounded half-even to 15 significant digits
            String exact = new java.math.BigDecimal(v).round(new java.math.MathContext(15, java.math.RoundingMode.HALF_EVEN))
                    .stripTrailingZeros().toPlainString();
            assertEquals(exact, PrepCsv.number(v), "formatting " + v);
        }
    }

    private String dirFile(String name, String content) {
        try {
            return write(dir, name, content).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
