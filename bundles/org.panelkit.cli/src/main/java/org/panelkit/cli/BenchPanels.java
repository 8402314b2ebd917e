package org.panelkit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated panels of the high-dimensional fixed-effects benchmarks (issue 12, releng/bench/run-hdfe-bench.sh),
 * generated from a seed (same seed and sizes: the same panel, bit for bit), and their fast CSV writer.
 * <ul>
 * <li>{@link #firmIndustryYear}: firms × years, each firm in one industry; firm, year and industry×year effects;
 * model {@code --fe firm,year,industry^year}, clustered by firm.</li>
 * <li>{@link #workerFirm}: workers × years; each worker starts in a random firm and moves to a random firm with a
 * given probability each year; worker, firm and year effects; model {@code --fe worker,firm,year}.</li>
 * </ul>
 * Every real number is rounded to 6 decimals when drawn, so the in-memory panel and the CSV written from it hold
 * the same doubles (the CSV is read back exactly).
 */
final class BenchPanels {
    private BenchPanels() {
    }

    /** A simulated panel: integer key columns, the outcome {@code y} and regressors {@code x1..xk}. */
    static final class Panel {
        final int n;
        final List<String> keyNames;
        final int[][] keys;
        final double[] y;
        final double[][] x;

        Panel(int n, List<String> keyNames, int[][] keys, double[] y, double[][] x) {
            this.n = n;
            this.keyNames = List.copyOf(keyNames);
            this.keys = keys;
            this.y = y;
            this.x = x;
        }

        int[] key(String name) {
            int i = keyNames.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no key column " + name);
            }
            return keys[i];
        }

        /** The names of the CSV columns: the keys, y, x1..xk. */
        List<String> columnNames() {
            List<String> names = new ArrayList<>(keyNames);
            names.add("y");
            for (int j = 0; j < x.length; j++) {
                names.add("x" + (j + 1));
            }
            return names;
        }
    }

    /**
     * Firms × years with industry×year effects. Each firm is in one of {@code industries} industries (drawn
     * uniformly); firm effects a_i, year effects g_t and industry×year effects h_st are standard normal; each
     * firm-year is kept with probability 1 - drop; x_j = 0.5 a_i + 0.3 g_t + 0.3 h_st + u, y = Σ x_j / j + a_i +
     * g_t + h_st + e (u, e standard normal). Keys: firm (1..firms), year (2001..), industry (1..industries).
     */
    static Panel firmIndustryYear(int firms, int periods, int industries, double drop, int k, long seed) {
        check(firms, periods, drop, k);
        if (industries < 1) {
            throw new IllegalArgumentException("--industries must be at least 1");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] g = normals(rnd, periods);
        double[][] h = new double[industries][];
        for (int s = 0; s < industries; s++) {
            h[s] = normals(rnd, periods);
        }
        int cap = capacity(firms, periods);
        int[] firm = new int[cap];
        int[] year = new int[cap];
        int[] industry = new int[cap];
        double[] y = new double[cap];
        double[][] x = new double[k][cap];
        int n = 0;
        for (int i = 0; i < firms; i++) {
            int s = rnd.nextInt(industries);
            double a = gauss(rnd);
            for (int t = 0; t < periods; t++) {
                if (rnd.nextDouble() < drop) {
                    continue;
                }
                double effects = a + g[t] + h[s][t];
                double yy = effects + gauss(rnd);
                for (int j = 0; j < k; j++) {
                    double xv = round6(0.5 * a + 0.3 * g[t] + 0.3 * h[s][t] + gauss(rnd));
                    x[j][n] = xv;
                    yy += xv / (j + 1);
                }
                firm[n] = i + 1;
                year[n] = 2001 + t;
                industry[n] = s + 1;
                y[n] = round6(yy);
                n++;
            }
        }
        return trim(n, List.of("firm", "year", "industry"), new int[][] {firm, year, industry}, y, x);
    }

    /**
     * Workers × years in firms. Each worker starts in a uniformly drawn firm and, from the second year on, moves to
     * a uniformly drawn firm with probability {@code move} each year (the worker-firm graph is then connected but
     * for a handful of firms); each worker-year is kept with probability 1 - drop. Worker effects a_w, firm
     * effects f_j and year effects g_t are standard normal; x_j = 0.5 a_w + 0.3 f_j + 0.3 g_t + u, y = Σ x_j / j +
     * a_w + f_j + g_t + e. Keys: worker (1..workers), firm (1..firms), year (2001..).
     */
    static Panel workerFirm(int workers, int firms, int periods, double move, double drop, int k, long seed) {
        check(workers, periods, drop, k);
        if (firms < 1) {
            throw new IllegalArgumentException("--firms must be at least 1");
        }
        if (!(move >= 0 && move <= 1)) {
            throw new IllegalArgumentException("--move must be between 0 and 1, not " + move);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] g = normals(rnd, periods);
        double[] f = normals(rnd, firms);
        int cap = capacity(workers, periods);
        int[] worker = new int[cap];
        int[] firm = new int[cap];
        int[] year = new int[cap];
        double[] y = new double[cap];
        double[][] x = new double[k][cap];
        int n = 0;
        for (int w = 0; w < workers; w++) {
            double a = gauss(rnd);
            int j0 = rnd.nextInt(firms);
            for (int t = 0; t < periods; t++) {
                if (t > 0 && rnd.nextDouble() < move) {
                    j0 = rnd.nextInt(firms);
                }
                if (rnd.nextDouble() < drop) {
                    continue;
                }
                double yy = a + f[j0] + g[t] + gauss(rnd);
                for (int j = 0; j < k; j++) {
                    double xv = round6(0.5 * a + 0.3 * f[j0] + 0.3 * g[t] + gauss(rnd));
                    x[j][n] = xv;
                    yy += xv / (j + 1);
                }
                worker[n] = w + 1;
                firm[n] = j0 + 1;
                year[n] = 2001 + t;
                y[n] = round6(yy);
                n++;
            }
        }
        return trim(n, List.of("worker", "firm", "year"), new int[][] {worker, firm, year}, y, x);
    }

    private static void check(int units, int periods, double drop, int k) {
        if (units < 1 || periods < 1) {
            throw new IllegalArgumentException("the panel needs at least one unit and one period");
        }
        if (!(drop >= 0 && drop < 1)) {
            throw new IllegalArgumentException("--drop must be at least 0 and below 1, not " + drop);
        }
        if (k < 1) {
            throw new IllegalArgumentException("--k must be at least 1");
        }
    }

    private static int capacity(int units, int periods) {
        long cap = (long) units * periods;
        if (cap > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("panel too large: " + cap + " rows (at most " + (Integer.MAX_VALUE - 8)
                    + ")");
        }
        return (int) cap;
    }

    private static Panel trim(int n, List<String> names, int[][] keys, double[] y, double[][] x) {
        if (n == y.length) {
            return new Panel(n, names, keys, y, x);
        }
        int[][] k2 = new int[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            k2[i] = Arrays.copyOf(keys[i], n);
            keys[i] = null;
        }
        double[][] x2 = new double[x.length][];
        for (int j = 0; j < x.length; j++) {
            x2[j] = Arrays.copyOf(x[j], n);
            x[j] = null;
        }
        return new Panel(n, names, k2, Arrays.copyOf(y, n), x2);
    }

    private static double[] normals(SplittableRandom rnd, int count) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = gauss(rnd);
        }
        return v;
    }

    /** Box-Muller, one draw per call (as BenchCommand's two-way panel). */
    static double gauss(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The double nearest to v rounded to 6 decimals (what parsing its 6-decimal text gives). */
    static double round6(double v) {
        return Math.rint(v * 1e6) / 1e6;
    }

    /**
     * Writes the panel as CSV (comma, header line, keys as integers, numbers with 6 decimals), formatting into a
     * byte buffer: no per-cell strings.
     */
    static void writeCsv(Panel p, Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file)) {
            writeCsv(p, os);
        }
    }

    static void writeCsv(Panel p, OutputStream os) throws IOException {
        byte[] buf = new byte[1 << 20];
        int pos = 0;
        byte[] header = (String.join(",", p.columnNames()) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        os.write(header);
        int nk = p.keys.length;
        int nx = p.x.length;
        int maxRow = 12 * nk + 24 * (nx + 1) + 1; // bound on one row's bytes (|values| < 1e15)
        for (int i = 0; i < p.n; i++) {
            if (pos + maxRow > buf.length) {
                os.write(buf, 0, pos);
                pos = 0;
            }
            for (int c = 0; c < nk; c++) {
                pos = putLong(buf, pos, p.keys[c][i]);
                buf[pos++] = ',';
            }
            pos = putFixed6(buf, pos, p.y[i]);
            for (int j = 0; j < nx; j++) {
                buf[pos++] = ',';
                pos = putFixed6(buf, pos, p.x[j][i]);
            }
            buf[pos++] = '\n';
        }
        os.write(buf, 0, pos);
    }

    private static int putLong(byte[] buf, int pos, long v) {
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        if (v == 0) {
            buf[pos++] = '0';
            return pos;
        }
        int start = pos;
        while (v > 0) {
            buf[pos++] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        for (int a = start, b = pos - 1; a < b; a++, b--) {
            byte tmp = buf[a];
            buf[a] = buf[b];
            buf[b] = tmp;
        }
        return pos;
    }

    /** v with exactly 6 decimals ({@code -1.250000}); |v| must be below 1e12 and finite. */
    static int putFixed6(byte[] buf, int pos, double v) {
        if (!(Math.abs(v) < 1e12)) {
            throw new IllegalArgumentException("value out of range for the benchmark CSV: " + v);
        }
        long q = (long) Math.rint(v * 1e6);
        if (q < 0) {
            buf[pos++] = '-';
            q = -q;
        }
        pos = putLong(buf, pos, q / 1_000_000);
        buf[pos++] = '.';
        long frac = q % 1_000_000;
        for (int d = 5; d >= 0; d--) {
            buf[pos + d] = (byte) ('0' + (frac % 10));
            frac /= 10;
        }
        return pos + 6;
    }
}
