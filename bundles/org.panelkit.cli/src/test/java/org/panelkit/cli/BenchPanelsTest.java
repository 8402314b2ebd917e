package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated panels of the high-dimensional benchmarks: sizes, levels, determinism and the CSV. */
class BenchPanelsTest {
    @TempDir
    Path dir;

    @Test
    void firmIndustryYearSizesAndLevels() {
        BenchPanels.Panel p = BenchPanels.firmIndustryYear(2000, 20, 20, 0.1, 5, 7);
        assertEquals(List.of("firm", "year", "industry"), p.keyNames);
        // 40,000 firm-years kept with probability 0.9: 36,000 +- 5 binomial sd (60)
        assertTrue(Math.abs(p.n - 36_000) < 300, "rows " + p.n);
        assertEquals(p.n, p.y.length);
        assertEquals(5, p.x.length);
        assertEquals(p.n, p.x[4].length);
        assertEquals("firm 2000, year 20, industry 20, industry^year 400", BenchCommand.levels(p, false));
        // each firm in one industry; (firm, year) unique; years 2001..2020
        Map<Integer, Integer> industryOf = new HashMap<>();
        Set<Long> firmYear = new HashSet<>();
        for (int i = 0; i < p.n; i++) {
            int f = p.key("firm")[i];
            assertEquals((int) industryOf.computeIfAbsent(f, x -> p.key("industry")[indexOf(p, x)]),
                    p.key("industry")[i]);
            assertTrue(firmYear.add(((long) f << 32) | p.key("year")[i]));
            assertTrue(p.key("year")[i] >= 2001 && p.key("year")[i] <= 2020);
        }
        // no rows dropped: exactly firms x periods
        assertEquals(3 * 4, BenchPanels.firmIndustryYear(3, 4, 2, 0.0, 1, 1).n);
    }

    private static int indexOf(BenchPanels.Panel p, int firm) {
        int[] f = p.key("firm");
        for (int i = 0; i < f.length; i++) {
            if (f[i] == firm) {
                return i;
            }
        }
        throw new AssertionError(firm);
    }

    @Test
    void workerFirmSizesLevelsAndMoves() {
        BenchPanels.Panel p = BenchPanels.workerFirm(5000, 200, 10, 0.1, 0.0, 3, 11);
        assertEquals(List.of("worker", "firm", "year"), p.keyNames);
        assertEquals(50_000, p.n);
        assertEquals(3, p.x.length);
        assertEquals("worker 5000, firm 200, year 10", BenchCommand.levels(p, true));
        // moves: of the 45,000 worker-years after the first, about 10% change firm (a draw may pick the same
        // firm again: probability 1/200); 4,478 expected, binomial sd 64
        int moves = 0;
        for (int i = 1; i < p.n; i++) {
            if (p.key("worker")[i] == p.key("worker")[i - 1] && p.key("firm")[i] != p.key("firm")[i - 1]) {
                moves++;
            }
        }
        assertTrue(Math.abs(moves - 4478) < 400, "moves " + moves);
        // no mobility: every worker stays in the firm of the first year
        BenchPanels.Panel still = BenchPanels.workerFirm(100, 10, 5, 0.0, 0.0, 1, 3);
        for (int i = 1; i < still.n; i++) {
            if (still.key("worker")[i] == still.key("worker")[i - 1]) {
                assertEquals(still.key("firm")[i - 1], still.key("firm")[i]);
            }
        }
        // dropping rows
        int kept = BenchPanels.workerFirm(1000, 50, 10, 0.1, 0.5, 1, 3).n;
        assertTrue(Math.abs(kept - 5000) < 400, "rows " + kept);
    }

    @Test
    void sameSeedSamePanelOtherSeedOtherPanel() {
        BenchPanels.Panel a = BenchPanels.workerFirm(300, 20, 6, 0.2, 0.1, 2, 42);
        BenchPanels.Panel b = BenchPanels.workerFirm(300, 20, 6, 0.2, 0.1, 2, 42);
        BenchPanels.Panel c = BenchPanels.workerFirm(300, 20, 6, 0.2, 0.1, 2, 43);
        assertEquals(a.n, b.n);
        for (int j = 0; j < 3; j++) {
            assertArrayEquals(a.keys[j], b.keys[j]);
        }
        assertArrayEquals(a.y, b.y);
        assertArrayEquals(a.x[1], b.x[1]);
        assertFalse(a.n == c.n && java.util.Arrays.equals(a.y, c.y));
        BenchPanels.Panel d = BenchPanels.firmIndustryYear(300, 5, 4, 0.1, 2, 42);
        BenchPanels.Panel e = BenchPanels.firmIndustryYear(300, 5, 4, 0.1, 2, 42);
        assertArrayEquals(d.key("industry"), e.key("industry"));
        assertArrayEquals(d.x[0], e.x[0]);
    }

    @Test
    void regressorsCarryTheEffectsAndSlopesAreOneOverJ() {
        // within a year (year effects g fixed draws): x1 = 0.5 a + 0.3 f + u has variance 0.25 + 0.09 + 1;
        // y - x1 - x2/2 = a + f + e has variance 3
        BenchPanels.Panel p = BenchPanels.workerFirm(20_000, 2000, 5, 0.1, 0.0, 2, 5);
        int[] year = p.key("year");
        double[] r = new double[p.n];
        for (int i = 0; i < p.n; i++) {
            r[i] = p.y[i] - p.x[0][i] - p.x[1][i] / 2;
        }
        assertEquals(1.34, withinYearVariance(p.x[0], year), 0.04);
        assertEquals(3.0, withinYearVariance(r, year), 0.1);
    }

    private static double withinYearVariance(double[] v, int[] year) {
        Map<Integer, double[]> sums = new HashMap<>();
        for (int i = 0; i < v.length; i++) {
            double[] s = sums.computeIfAbsent(year[i], y -> new double[2]);
            s[0] += v[i];
            s[1]++;
        }
        double ss = 0;
        for (int i = 0; i < v.length; i++) {
            double[] s = sums.get(year[i]);
            double d = v[i] - s[0] / s[1];
            ss += d * d;
        }
        return ss / (v.length - sums.size());
    }

    @Test
    void csvHoldsTheSameNumbers() throws IOException {
        BenchPanels.Panel p = BenchPanels.firmIndustryYear(50, 4, 3, 0.2, 2, 9);
        Path f = dir.resolve("p.csv");
        BenchPanels.writeCsv(p, f);
        List<String> lines = Files.readAllLines(f);
        assertEquals("firm,year,industry,y,x1,x2", lines.get(0));
        assertEquals(p.n + 1, lines.size());
        for (int i = 0; i < p.n; i++) {
            String[] c = lines.get(i + 1).split(",");
            assertEquals(6, c.length);
            assertEquals(p.key("firm")[i], Integer.parseInt(c[0]));
            assertEquals(p.key("year")[i], Integer.parseInt(c[1]));
            assertEquals(p.key("industry")[i], Integer.parseInt(c[2]));
            assertEquals(p.y[i], Double.parseDouble(c[3]), 0.0);
            assertEquals(p.x[0][i], Double.parseDouble(c[4]), 0.0);
            assertEquals(p.x[1][i], Double.parseDouble(c[5]), 0.0);
        }
    }

    @Test
    void fixedSixDecimals() throws IOException {
        double[] v = {0, -0.0000004, -0.5, 1.25, 12.3456789, -3.0000016, 123456.000001, 0.000001};
        String[] want = {"0.000000", "0.000000", "-0.500000", "1.250000", "12.345679", "-3.000002", "123456.000001",
            "0.000001"};
        for (int i = 0; i < v.length; i++) {
            byte[] buf = new byte[40];
            int end = BenchPanels.putFixed6(buf, 0, v[i]);
            assertEquals(want[i], new String(buf, 0, end, StandardCharsets.US_ASCII), "value " + v[i]);
        }
        // rows wider than the buffer's flush margin are split across flushes correctly
        BenchPanels.Panel p = BenchPanels.workerFirm(40_000, 10, 2, 0.1, 0.0, 4, 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchPanels.writeCsv(p, bytes);
        String[] lines = bytes.toString(StandardCharsets.US_ASCII).split("\n");
        assertEquals(p.n + 1, lines.length);
        String last = lines[p.n];
        assertTrue(last.startsWith("40000,"), last);
        assertEquals(p.x[3][p.n - 1], Double.parseDouble(last.substring(last.lastIndexOf(',') + 1)), 0.0);
    }

    @Test
    void commandWritesTheCsvAndChecksItsOptions() throws IOException {
        Path f = dir.resolve("wf.csv");
        CliRunner r = CliRunner.run("bench", "--design", "worker-firm", "--entities", "100", "--firms", "10",
                "--periods", "3", "--timed-reps", "0", "--write-csv", f.toString());
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("panel: worker-firm, 300 rows"), r.out);
        assertTrue(r.out.contains("levels: worker 100, firm 10, year 3"), r.out);
        assertTrue(r.out.contains("model: --fe worker,firm,year --cluster worker"), r.out);
        assertEquals(301, Files.readAllLines(f).size());
        assertEquals("worker,firm,year,y,x1,x2,x3", Files.readAllLines(f).get(0));

        CliRunner bad = CliRunner.run("bench", "--design", "firms", "--timed-reps", "0");
        assertEquals(Main.BAD_INPUT, bad.code, bad.toString());
        assertEquals("error: --design must be twoway, firm-industry-year or worker-firm, not 'firms'\n",
                bad.err.replace("\r", ""));
        CliRunner badCluster = CliRunner.run("bench", "--design", "firm-industry-year", "--entities", "10",
                "--cluster", "worker", "--timed-reps", "0");
        assertEquals(Main.BAD_INPUT, badCluster.code, badCluster.toString());
        assertTrue(badCluster.err.startsWith("error: --cluster must be one of firm, year, industry"), badCluster.err);
        CliRunner badDrop = CliRunner.run("bench", "--design", "worker-firm", "--drop", "1", "--timed-reps", "0");
        assertEquals(Main.BAD_INPUT, badDrop.code, badDrop.toString());
        assertTrue(badDrop.err.contains("--drop must be at least 0 and below 1"), badDrop.err);
    }
}
