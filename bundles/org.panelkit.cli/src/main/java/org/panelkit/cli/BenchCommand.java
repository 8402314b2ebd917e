package org.panelkit.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.fe.FixedEffectTerm;
import org.panelkit.engine.fe.FixedEffectsRegression;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.ModelSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code panelkit bench}: simulates a seeded unbalanced panel (entity and year effects, regressors correlated
 * with them, 10% of rows dropped at random) and times the two-way fixed-effects estimation with standard
 * errors clustered by entity on in-memory columns; optionally writes the panel as CSV so the same data can be
 * timed end to end and against R (releng/bench/run-bench.sh). {@code --design firm-industry-year|worker-firm}
 * simulates the high-dimensional panels of {@link BenchPanels} instead (releng/bench/run-hdfe-bench.sh).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  panelkit bench", "  panelkit bench --entities 20000 --periods 10 --write-csv sim.csv",
                "  panelkit bench --design worker-firm --timed-reps 0 --write-csv wf.csv"},
        description = "Benchmark fixed effects with clustered SEs on a simulated panel (two-way, or the "
                + "high-dimensional designs of releng/bench/run-hdfe-bench.sh).")
final class BenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--design", defaultValue = "twoway", paramLabel = "twoway|firm-industry-year|worker-firm",
            description = "simulated panel and model: twoway (entity and year effects; --fe twoway), "
                    + "firm-industry-year (firms in industries; --fe firm,year,industry^year), worker-firm (workers "
                    + "moving between firms; --fe worker,firm,year) (default: ${DEFAULT-VALUE})") String design;
    @Option(names = "--entities", paramLabel = "N",
            description = "panel units: entities, firms (firm-industry-year) or workers (worker-firm) "
                    + "(default: 200000; worker-firm: 2000000)") Integer entities;
    @Option(names = "--periods", paramLabel = "T",
            description = "periods per unit (default: 20; worker-firm: 10)") Integer periods;
    @Option(names = "--drop", paramLabel = "SHARE",
            description = "share of rows dropped at random, 0 to 1 (default: 0.1; worker-firm: 0)") Double drop;
    @Option(names = "--k", paramLabel = "K",
            description = "number of regressors (default: 5; worker-firm: 3)") Integer k;
    @Option(names = "--industries", defaultValue = "20", paramLabel = "S",
            description = "firm-industry-year: industries (default: ${DEFAULT-VALUE})") int industries;
    @Option(names = "--firms", defaultValue = "100000", paramLabel = "F",
            description = "worker-firm: firms (default: ${DEFAULT-VALUE})") int firms;
    @Option(names = "--move", defaultValue = "0.1", paramLabel = "P",
            description = "worker-firm: probability that a worker changes firm each year (default: ${DEFAULT-VALUE})")
    double move;
    @Option(names = "--cluster", paramLabel = "COL",
            description = "cluster column of the firm-industry-year and worker-firm models (default: firm; "
                    + "worker-firm: worker)") String cluster;
    @Option(names = "--timed-reps", defaultValue = "5", paramLabel = "R",
            description = "timed repetitions after one warm-up; 0: only simulate (and write) the panel "
                    + "(default: ${DEFAULT-VALUE})") int reps;
    /** The old spelling of --timed-reps (--reps is the bootstrap's elsewhere). */
    @Option(names = "--reps", paramLabel = "R", hidden = true, description = "old spelling of --timed-reps")
    Integer repsAlias;
    @Option(names = "--seed", defaultValue = "20240101", paramLabel = "S",
            description = "seed of the simulated panel (default: ${DEFAULT-VALUE})") long seed;
    @Option(names = "--write-csv", paramLabel = "FILE",
            description = "also write the panel as CSV (default: not written)") Path csv;

    @Override
    public Integer call() throws IOException {
        if (repsAlias != null) {
            reps = repsAlias;
        }
        if (reps < 0) {
            throw new IllegalArgumentException("--timed-reps must be 0 or more");
        }
        switch (design) {
        case "twoway":
            return twoway();
        case "firm-industry-year":
        case "worker-firm":
            return hdfe();
        default:
            throw new IllegalArgumentException("--design must be twoway, firm-industry-year or worker-firm, not '"
                    + design + "'");
        }
    }

    private int twoway() {
        if (cluster != null) {
            throw new IllegalArgumentException("--cluster applies to --design firm-industry-year and worker-firm");
        }
        int entities = orDefault(this.entities, 200_000);
        int periods = orDefault(this.periods, 20);
        double drop = this.drop == null ? 0.1 : this.drop;
        int k = orDefault(this.k, 5);
        var out = spec.commandLine().getOut();
        Panel p = simulate(entities, periods, drop, k, seed);
        if (csv != null) {
            write(p, csv);
        }
        out.printf(Locale.ROOT, "panel: %d rows (%d entities x %d periods, %.0f%% dropped), %d regressors%n", p.n,
                entities, periods, drop * 100, k);
        if (reps == 0) {
            return 0;
        }
        Columns cols = new Columns(p.n);
        cols.addKey("id", KeyColumn.ofNumbers("id", p.id));
        cols.addKey("year", KeyColumn.ofNumbers("year", p.year));
        cols.addNumeric("y", p.y);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            cols.addNumeric("x" + (j + 1), p.x[j]);
            names.add("x" + (j + 1));
        }
        ModelSpec model = ModelSpec.builder("y", names).entity("id").time("year").build();
        FixedEffectsResult r = FixedEffectsRegression.fit(cols, model); // warm-up
        double[] times = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            r = FixedEffectsRegression.fit(cols, model);
            times[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(times);
        out.printf(Locale.ROOT, "estimate_s median %.4f  min %.4f  max %.4f  (%d reps, two-way FE, cluster entity)%n",
                times[reps / 2], times[0], times[reps - 1], reps);
        out.printf(Locale.ROOT, "x1 estimate %.6f  se %.6f  (true slope 1.0)%n", r.coefficients().get(0).estimate(),
                r.coefficients().get(0).stdError());
        return 0;
    }

    /** The firm-industry-year and worker-firm designs (issue 12, releng/bench/run-hdfe-bench.sh). */
    private int hdfe() throws IOException {
        boolean workerFirm = "worker-firm".equals(design);
        int units = orDefault(entities, workerFirm ? 2_000_000 : 200_000);
        int t = orDefault(periods, workerFirm ? 10 : 20);
        double dropShare = drop == null ? (workerFirm ? 0.0 : 0.1) : drop;
        int kk = orDefault(k, workerFirm ? 3 : 5);
        String fe = workerFirm ? "worker,firm,year" : "firm,year,industry^year";
        String clusterColumn = cluster != null ? cluster : workerFirm ? "worker" : "firm";
        var out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        BenchPanels.Panel p = workerFirm ? BenchPanels.workerFirm(units, firms, t, move, dropShare, kk, seed)
                : BenchPanels.firmIndustryYear(units, t, industries, dropShare, kk, seed);
        if (!p.keyNames.contains(clusterColumn)) {
            throw new IllegalArgumentException("--cluster must be one of " + String.join(", ", p.keyNames) + ", not '"
                    + clusterColumn + "'");
        }
        double simS = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "panel: %s, %d rows, %s, %.0f%% dropped, %d regressors (simulated in %.1fs)%n", design,
                p.n, workerFirm ? units + " workers x " + t + " periods, " + firms + " firms, move " + move
                        : units + " firms x " + t + " periods, " + industries + " industries",
                dropShare * 100, kk, simS);
        out.printf(Locale.ROOT, "levels: %s%n", levels(p, workerFirm));
        if (csv != null) {
            long w0 = System.nanoTime();
            BenchPanels.writeCsv(p, csv);
            out.printf(Locale.ROOT, "csv: %s written in %.1fs%n", csv, (System.nanoTime() - w0) / 1e9);
        }
        out.printf(Locale.ROOT, "model: --fe %s --cluster %s%n", fe, clusterColumn);
        out.flush();
        if (reps == 0) {
            return 0;
        }
        Columns cols = new Columns(p.n);
        for (int c = 0; c < p.keyNames.size(); c++) {
            String name = p.keyNames.get(c);
            int[] codes = p.keys[c];
            double[] v = new double[p.n];
            for (int i = 0; i < p.n; i++) {
                v[i] = codes[i];
            }
            cols.addKey(name, KeyColumn.ofNumbers(name, v));
        }
        cols.addNumeric("y", p.y);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < kk; j++) {
            cols.addNumeric("x" + (j + 1), p.x[j]);
            names.add("x" + (j + 1));
        }
        ModelSpec model = ModelSpec.builder("y", names).absorb(FixedEffectTerm.parseList(fe))
                .cluster(List.of(clusterColumn)).build();
        FixedEffectsResult r = FixedEffectsRegression.fit(cols, model); // warm-up
        double[] times = new double[reps];
        for (int i = 0; i < reps; i++) {
            long s0 = System.nanoTime();
            r = FixedEffectsRegression.fit(cols, model);
            times[i] = (System.nanoTime() - s0) / 1e9;
        }
        Arrays.sort(times);
        out.printf(Locale.ROOT, "estimate_s median %.4f  min %.4f  max %.4f  (%d reps, --fe %s, cluster %s)%n",
                times[reps / 2], times[0], times[reps - 1], reps, fe, clusterColumn);
        if (r.absorption() != null) {
            out.printf(Locale.ROOT, "absorption: %s, %d iterations, tolerance %g, converged %s; fe_rank %d%n",
                    r.absorption().method(), r.absorption().iterations(), r.absorption().tolerance(),
                    r.absorption().converged(), r.fixedEffectsRank());
        }
        out.printf(Locale.ROOT, "x1 estimate %.6f  se %.6f  (true slope 1.0)%n", r.coefficients().get(0).estimate(),
                r.coefficients().get(0).stdError());
        return 0;
    }

    /** The number of distinct levels of each key column (and of industry^year). */
    static String levels(BenchPanels.Panel p, boolean workerFirm) {
        StringBuilder sb = new StringBuilder();
        for (String name : p.keyNames) {
            sb.append(sb.length() == 0 ? "" : ", ").append(name).append(' ').append(distinct(p.key(name)));
        }
        if (!workerFirm) {
            int[] ind = p.key("industry");
            int[] year = p.key("year");
            long[] cell = new long[p.n];
            for (int i = 0; i < p.n; i++) {
                cell[i] = ((long) ind[i] << 32) | year[i];
            }
            sb.append(", industry^year ").append(Arrays.stream(cell).distinct().count());
        }
        return sb.toString();
    }

    private static long distinct(int[] v) {
        return Arrays.stream(v).distinct().count();
    }

    private static int orDefault(Integer v, int d) {
        return v == null ? d : v;
    }

    static final class Panel {
        int n;
        double[] id;
        double[] year;
        double[] y;
        double[][] x;
    }

    /** y = sum_j b_j x_j + a_i + g_t + e, b_j = 1/j, x correlated with a_i and g_t; rows kept with prob 1-drop. */
    static Panel simulate(int entities, int periods, double drop, int k, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int cap = entities * periods;
        Panel p = new Panel();
        p.id = new double[cap];
        p.year = new double[cap];
        p.y = new double[cap];
        p.x = new double[k][cap];
        double[] g = new double[periods];
        for (int t = 0; t < periods; t++) {
            g[t] = gauss(rnd);
        }
        int n = 0;
        for (int i = 0; i < entities; i++) {
            double a = gauss(rnd);
            for (int t = 0; t < periods; t++) {
                if (rnd.nextDouble() < drop) {
                    continue;
                }
                double yy = a + g[t] + gauss(rnd);
                for (int j = 0; j < k; j++) {
                    double xv = 0.5 * a + 0.3 * g[t] + gauss(rnd);
                    p.x[j][n] = xv;
                    yy += xv / (j + 1);
                }
                p.id[n] = i + 1;
                p.year[n] = 2001 + t;
                p.y[n] = yy;
                n++;
            }
        }
        p.n = n;
        p.id = Arrays.copyOf(p.id, n);
        p.year = Arrays.copyOf(p.year, n);
        p.y = Arrays.copyOf(p.y, n);
        for (int j = 0; j < k; j++) {
            p.x[j] = Arrays.copyOf(p.x[j], n);
        }
        return p;
    }

    private static double gauss(SplittableRandom rnd) {
        // Box-Muller; one draw per call keeps the stream simple and reproducible
        double u = 1.0 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static void write(Panel p, Path file) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder("id,year,y");
            for (int j = 0; j < p.x.length; j++) {
                sb.append(",x").append(j + 1);
            }
            w.write(sb.append('\n').toString());
            for (int i = 0; i < p.n; i++) {
                sb.setLength(0);
                sb.append((long) p.id[i]).append(',').append((long) p.year[i]).append(',').append(p.y[i]);
                for (double[] col : p.x) {
                    sb.append(',').append(col[i]);
                }
                w.write(sb.append('\n').toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
