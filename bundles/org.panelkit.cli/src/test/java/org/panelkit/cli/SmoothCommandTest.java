package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code panelkit smooth} end to end: moving averages by hand, the HP columns, errors. */
class SmoothCommandTest {
    @TempDir
    Path dir;

    static final String INPUT = "id,year,y,label\n"
            + "B,2003,5,b3\n"
            + "A,2001,1,a1\n"
            + "A,2002,2,a2\n"
            + "B,2001,3,b1\n"
            + "A,2003,4,a3\n"
            + "A,2004,8,a4\n"
            + "B,2002,NA,b2\n"
            + "A,2005,16,a5\n";

    static double[] column(List<String> lines, int index) {
        double[] v = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String f = lines.get(i).split(",", -1)[index];
            v[i - 1] = f.isEmpty() ? Double.NaN : Double.parseDouble(f);
        }
        return v;
    }

    static void assertValues(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertTrue(Double.isNaN(actual[i]), "row " + i + ": expected missing, got " + actual[i]);
            } else {
                assertEquals(expected[i], actual[i], 1e-12, "row " + i);
            }
        }
    }

    @Test
    void centredMovingAverageByHand() throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, INPUT, StandardCharsets.UTF_8);
        Path out = dir.resolve("out.csv");
        CliRunner r = CliRunner.run("smooth", "--data", in.toString(), "--entity", "id", "--time", "year", "--columns", "y",
                "--method", "ma", "--window", "3", "--min-periods", "2", "--out", out.toString());
        assertEquals(0, r.code, r.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals("id,year,y,label,y_ma", lines.get(0));
        assertEquals("A,2001,1,a1,1.5", lines.get(1));
        assertEquals("B,2002,NA,b2,4", lines.get(7));
        // A: (1+2)/2, (1+2+4)/3, (2+4+8)/3, (4+8+16)/3, (8+16)/2; B: 3 alone, (3+5)/2, 5 alone
        assertValues(new double[] {1.5, 7.0 / 3, 14.0 / 3, 28.0 / 3, 12, Double.NaN, 4, Double.NaN}, column(lines, 4));
        assertTrue(r.err.contains("y: 6 of 8 rows smoothed -> y_ma"), r.err);
    }

    @Test
    void trailingMovingAverageAndHp() throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, INPUT, StandardCharsets.UTF_8);
        Path out = dir.resolve("out.csv");
        CliRunner r = CliRunner.run("smooth", "--data", in.toString(), "--entity", "id", "--time", "year", "--columns", "y",
                "--method", "trailing-ma", "--window", "2", "--out", out.toString());
        assertEquals(0, r.code, r.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals("id,year,y,label,y_trailing_ma", lines.get(0));
        assertValues(new double[] {Double.NaN, 1.5, 3, 6, 12, Double.NaN, Double.NaN, Double.NaN}, column(lines, 4));

        Path only = dir.resolve("a.csv");
        Files.writeString(only, "id,year,y\nA,2001,1\nA,2002,2\nA,2003,4\nA,2004,8\nA,2005,16\n", StandardCharsets.UTF_8);
        r = CliRunner.run("smooth", "--data", only.toString(), "--entity", "id", "--time", "year", "--columns", "y",
                "--method", "hp", "--lambda", "100", "--out", out.toString());
        assertEquals(0, r.code, r.toString());
        lines = Files.readAllLines(out);
        assertEquals("id,year,y,y_hp,y_cycle", lines.get(0));
        double[] y = column(lines, 2);
        double[] trend = column(lines, 3);
        double[] cycle = column(lines, 4);
        double s0 = 0;
        double s1 = 0;
        for (int i = 0; i < y.length; i++) {
            assertEquals(y[i], trend[i] + cycle[i], 1e-12);
            s0 += cycle[i];
            s1 += i * cycle[i];
        }
        assertEquals(0, s0, 1e-10); // the HP normal equations: the cycle sums to 0 and is orthogonal to time
        assertEquals(0, s1, 1e-10);
        double roughY = 0;
        double roughTrend = 0;
        for (int i = 1; i + 1 < y.length; i++) {
            roughY += Math.pow(y[i + 1] - 2 * y[i] + y[i - 1], 2);
            roughTrend += Math.pow(trend[i + 1] - 2 * trend[i] + trend[i - 1], 2);
        }
        assertTrue(roughTrend < 0.01 * roughY, "the trend is smoother than the series: " + roughTrend + " vs " + roughY);
    }

    @Test
    void errors() throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, INPUT, StandardCharsets.UTF_8);
        String o = dir.resolve("o.csv").toString();
        CliRunner r = CliRunner.run("smooth", "--data", in.toString(), "--entity", "id", "--time", "year", "--columns", "y",
                "--method", "hp", "--out", o);
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("error: --lambda is required for hp"), r.err);
        r = CliRunner.run("smooth", "--data", in.toString(), "--entity", "id", "--time", "year", "--columns", "y",
                "--method", "ma", "--window", "4", "--out", o);
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("error: the centred moving average needs an odd window, got 4"), r.err);
        r = CliRunner.run("smooth", "--data", in.toString(), "--entity", "id", "--time", "year", "--columns", "y",
                "--method", "hp", "--lambda", "100", "--out", o);
        assertEquals(2, r.code);
        assertEquals("error: column 'y', id 'B': the HP filter needs a value in every period between the first and the "
                + "last observation, but year 2002 is missing (fill gaps first, e.g. panelkit interpolate)\n", r.err);
    }
}
