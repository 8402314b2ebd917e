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
 * timed end to end and against R (releng/bench/run-bench.sh).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  panelkit bench", "  panelkit bench --entities 20000 --periods 10 --write-csv sim.csv"},
        description = "Benchmark two-way fixed effects with clustered SEs on a simulated panel.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--entities", defaultValue = "200000", paramLabel = "N",
            description = "panel units (default: ${DEFAULT-VALUE})") int entities;
    @Option(names = "--periods", defaultValue = "20", paramLabel = "T",
            description = "periods per unit (default: ${DEFAULT-VALUE})") int periods;
    @Option(names = "--drop", defaultValue = "0.1", paramLabel = "SHARE",
            description = "share of rows dropped at random, 0 to 1 (default: ${DEFAULT-VALUE})") double drop;
    @Option(names = "--k", defaultValue = "5", paramLabel = "K",
            description = "number of regressors (default: ${DEFAULT-VALUE})") int k;
    @Option(names = "--timed-reps", defaultValue = "5", paramLabel = "R",
            description = "timed repetitions after one warm-up (default: ${DEFAULT-VALUE})") int reps;
    /** The old spelling of --timed-reps (--reps is the bootstrap's elsewhere). */
    @Option(names = "--reps", paramLabel = "R", hidden = true, description = "old spelling of --timed-reps")
    Integer repsAlias;
    @Option(names = "--seed", defaultValue = "20240101", paramLabel = "S",
            description = "seed of the simulated panel (default: ${DEFAULT-VALUE})") long seed;
    @Option(names = "--write-csv", paramLabel = "FILE",
            description = "also write the panel as CSV (default: not written)") Path csv;

    @Override
    public Integer call() {
        if (repsAlias != null) {
            reps = repsAlias;
        }
        var out = spec.commandLine().getOut();
        Panel p = simulate(entities, periods, drop, k, seed);
        if (csv != null) {
            write(p, csv);
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
        out.printf(Locale.ROOT, "panel: %d rows (%d entities x %d periods, %.0f%% dropped), %d regressors%n", p.n,
                entities, periods, drop * 100, k);
        out.printf(Locale.ROOT, "estimate_s median %.4f  min %.4f  max %.4f  (%d reps, two-way FE, cluster entity)%n",
                times[reps / 2], times[0], times[reps - 1], reps);
        out.printf(Locale.ROOT, "x1 estimate %.6f  se %.6f  (true slope 1.0)%n", r.coefficients().get(0).estimate(),
                r.coefficients().get(0).stdError());
        return 0;
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
