package org.panelkit.engine.mediation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.fe.FixedEffectTerm;
import org.panelkit.engine.fe.FixedEffectsRegression;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.stats.Distributions;
import org.panelkit.engine.vcov.VcovType;

/**
 * Mediation analysis in the fixed-effects setting ({@link MediatorResult} gives the equations and formulas).
 * Each mediator is analysed on its own complete-case sample (rows with y, x, the mediator, every control and
 * every key present), so that its three equations share one sample and c = c' + a b holds exactly.
 *
 * <p>Cluster bootstrap: the resampling unit is the model's cluster column (the first one given, else the entity).
 * Replication r draws G clusters with replacement, index {@code rng.nextInt(G)} for slot 0..G-1, from one
 * {@link SplittableRandom}(seed), replication after replication (all draws are made before any fit, so the
 * result does not depend on the order in which replications are computed). A cluster drawn twice enters as
 * two clusters with distinct entities. Equations (2) and (3) are re-estimated with the same fixed effects
 * (point estimates only) giving a* b* and, with c* = c'* + a* b*, the proportion a* b* / c*. The re-estimation
 * works on cluster-level cross-products ({@link ClusterCrossProducts}): O(G d^2 + d^3) per replication for d
 * variables and dummies instead of a pass over the stacked rows. Models with a list of fixed-effect terms or analytic
 * weights are re-estimated on each stacked resample instead ({@link FixedEffectsRegression}, point estimates only),
 * every term keeping its levels: giving a duplicated cluster's levels one copy per draw would not change a point
 * estimate (the resampled data are the same in both copies, so the least-squares fit with one effect per copy has
 * equal effects for the two copies, the fit with one shared effect), only degrees of freedom, which the bootstrap
 * does not use. The entity still gets one level per draw, so that (entity, period) pairs stay unique.
 */
public final class Mediation {
    private static final int CHUNK = 64;

    private Mediation() {
    }

    public static MediationResult analyze(ColumnSource data, MediationSpec spec, ProgressMonitor monitor) {
        return analyze(data, spec, monitor, false);
    }

    /**
     * @param refit re-estimate every replication with {@link FixedEffectsRegression} instead of the
     *        cluster cross-products (the definition; for tests)
     */
    static MediationResult analyze(ColumnSource data, MediationSpec spec, ProgressMonitor monitor, boolean refit) {
        List<MediatorResult> out = new ArrayList<>();
        int m = spec.mediators().size();
        for (int i = 0; i < m; i++) {
            int step = i;
            ProgressMonitor sub = new ProgressMonitor() {
                @Override
                public void progress(double fraction, String message) {
                    monitor.progress((step + fraction) / m, message);
                }

                @Override
                public void checkCanceled() {
                    monitor.checkCanceled();
                }
            };
            out.add(one(data, spec, spec.mediators().get(i), sub, refit));
        }
        monitor.progress(1, "done");
        return new MediationResult(spec, out);
    }

    /** The column the bootstrap resamples. */
    static String resamplingUnit(ModelSpec model) {
        if (!model.cluster().isEmpty()) {
            return model.cluster().get(0);
        }
        if (model.entity() != null) {
            return model.entity();
        }
        throw new PanelKitException("the cluster bootstrap needs a cluster or an entity column to resample");
    }

    private static MediatorResult one(ColumnSource data, MediationSpec spec, String med, ProgressMonitor monitor,
            boolean refit) {
        ModelSpec model = spec.model();
        List<String> numeric = new ArrayList<>();
        numeric.add(spec.y());
        numeric.add(spec.x());
        numeric.add(med);
        numeric.addAll(spec.controls());
        if (model.weights() != null) {
            numeric.add(model.weights());
        }
        String unit = resamplingUnit(model);
        List<String> keys = new ArrayList<>();
        for (String k : new String[] {model.entity(), model.time(), unit}) {
            if (k != null && !keys.contains(k)) {
                keys.add(k);
            }
        }
        keys.addAll(model.cluster().stream().filter(c -> !keys.contains(c)).toList());
        for (FixedEffectTerm t : model.absorb()) {
            keys.addAll(t.columns().stream().filter(c -> !keys.contains(c)).toList());
        }
        int[] rows = completeRows(data, numeric, keys, med);
        ClusterSample sample = new ClusterSample(data, rows);
        monitor.progress(0, "mediator " + med + ": the three equations");
        List<String> xc = new ArrayList<>();
        xc.add(spec.x());
        xc.addAll(spec.controls());
        List<String> xmc = new ArrayList<>();
        xmc.add(spec.x());
        xmc.add(med);
        xmc.addAll(spec.controls());
        ModelSpec eq1 = spec.equation(spec.y(), xc);
        ModelSpec eq2 = spec.equation(med, xc);
        ModelSpec eq3 = spec.equation(spec.y(), xmc);
        MediatorResult.Builder r = new MediatorResult.Builder();
        r.mediator = med;
        r.level = model.level();
        r.totalFit = FixedEffectsRegression.fit(sample, eq1);
        r.mediatorFit = FixedEffectsRegression.fit(sample, eq2);
        r.outcomeFit = FixedEffectsRegression.fit(sample, eq3);
        r.observations = r.outcomeFit.observations();
        r.total = coefficient(r.totalFit, spec.x(), "(1) " + spec.y() + " on " + spec.x());
        r.a = coefficient(r.mediatorFit, spec.x(), "(2) " + med + " on " + spec.x());
        r.direct = coefficient(r.outcomeFit, spec.x(), "(3) " + spec.y() + " on " + spec.x() + " and " + med);
        r.b = coefficient(r.outcomeFit, med, "(3) " + spec.y() + " on " + spec.x() + " and " + med);
        double a = r.a.estimate();
        double b = r.b.estimate();
        r.indirect = a * b;
        r.sobelSe = Math.sqrt(b * b * r.a.stdError() * r.a.stdError() + a * a * r.b.stdError() * r.b.stdError());
        r.sobelZ = r.indirect / r.sobelSe;
        r.sobelP = Distributions.twoSidedT(r.sobelZ, Double.POSITIVE_INFINITY);
        r.proportion = r.indirect / r.total.estimate();
        r.identityGap = r.total.estimate() - r.direct.estimate() - r.indirect;
        KeyColumn units = sample.key(unit);
        r.clusters = countLevels(units);
        r.reps = spec.reps();
        if (spec.reps() > 0) {
            bootstrap(sample, spec, med, eq2, eq3, units, r, monitor, refit);
        }
        return new MediatorResult(r);
    }

    private static Coefficient coefficient(FixedEffectsResult fit, String term, String equation) {
        for (Coefficient c : fit.coefficients()) {
            if (c.term().equals(term)) {
                return c;
            }
        }
        String why = fit.dropped().stream().filter(d -> d.name().equals(term)).map(d -> d.reason().text())
                .findFirst().orElse("not estimated");
        throw new PanelKitException("mediation: '" + term + "' cannot be estimated in equation " + equation + ": "
                + why);
    }

    /** Rows with every numeric column and every key present. */
    private static int[] completeRows(ColumnSource data, List<String> numeric, List<String> keys, String med) {
        int n = data.rowCount();
        boolean[] keep = new boolean[n];
        java.util.Arrays.fill(keep, true);
        for (String c : numeric) {
            ClusterSample.need(data, c);
            double[] v = data.numeric(c);
            for (int i = 0; i < n; i++) {
                keep[i] &= !Double.isNaN(v[i]);
            }
        }
        for (String c : keys) {
            ClusterSample.need(data, c);
            KeyColumn k = data.key(c);
            for (int i = 0; i < n; i++) {
                keep[i] &= k.code(i) >= 0;
            }
        }
        int[] rows = IntStream.range(0, n).filter(i -> keep[i]).toArray();
        if (rows.length == 0) {
            throw new PanelKitException("mediator '" + med + "': no row has all of " + String.join(", ", numeric)
                    + " and the keys");
        }
        return rows;
    }

    private static int countLevels(KeyColumn k) {
        boolean[] seen = new boolean[k.levelCount()];
        int c = 0;
        for (int i = 0; i < k.size(); i++) {
            int code = k.code(i);
            if (code >= 0 && !seen[code]) {
                seen[code] = true;
                c++;
            }
        }
        return c;
    }

    private static void bootstrap(ClusterSample sample, MediationSpec spec, String med, ModelSpec eq2, ModelSpec eq3,
            KeyColumn units, MediatorResult.Builder r, ProgressMonitor monitor, boolean refit) {
        ModelSpec model = spec.model();
        String unit = resamplingUnit(model);
        // members of each cluster, clusters numbered in level order
        int g = 0;
        List<List<Integer>> members = new ArrayList<>();
        int[] order = new int[units.levelCount()];
        boolean[] present = new boolean[order.length];
        for (int i = 0; i < units.size(); i++) {
            present[units.code(i)] = true;
        }
        for (int l = 0; l < order.length; l++) {
            if (present[l]) {
                order[l] = g++;
                members.add(new ArrayList<>());
            }
        }
        for (int i = 0; i < units.size(); i++) {
            members.get(order[units.code(i)]).add(i);
        }
        int[][] clusterRows = new int[g][];
        for (int c = 0; c < g; c++) {
            clusterRows[c] = members.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
        int reps = spec.reps();
        int[][] draws = new int[reps][g];
        SplittableRandom rng = new SplittableRandom(spec.seed());
        for (int b = 0; b < reps; b++) {
            for (int s = 0; s < g; s++) {
                draws[b][s] = rng.nextInt(g);
            }
        }
        // the cross-products cover entity and period effects without weights; other models are re-fitted
        boolean crossProducts = !refit && model.effects() != Effects.TERMS && model.weights() == null;
        ModelSpec fast2 = pointOnly(eq2);
        ModelSpec fast3 = pointOnly(eq3);
        String entity = model.entity();
        int[] unitCodes = new int[units.size()];
        for (int i = 0; i < unitCodes.length; i++) {
            unitCodes[i] = order[units.code(i)];
        }
        // W = [y, M, x, controls...]: equation (2) is W[1] on W[2], W[3..]; (3) is W[0] on W[2], W[1], W[3..]
        List<String> w = new ArrayList<>();
        w.add(spec.y());
        w.add(med);
        w.add(spec.x());
        w.addAll(spec.controls());
        int[] reg2 = new int[w.size() - 2];
        int[] reg3 = new int[w.size() - 1];
        reg2[0] = 2;
        reg3[0] = 2;
        reg3[1] = 1;
        for (int j = 3; j < w.size(); j++) {
            reg2[j - 2] = j;
            reg3[j - 1] = j;
        }
        ClusterCrossProducts cp = crossProducts ? new ClusterCrossProducts(sample, w, model, unitCodes, g) : null;
        double[] ab = new double[reps];
        double[] prop = new double[reps];
        for (int from = 0; from < reps; from += CHUNK) {
            monitor.checkCanceled();
            monitor.progress(0.1 + 0.9 * from / reps, "mediator " + med + ": bootstrap replication " + from);
            int to = Math.min(reps, from + CHUNK);
            IntStream.range(from, to).parallel().forEach(b -> {
                monitor.checkCanceled();
                double a;
                double bb;
                double direct;
                if (cp != null) {
                    double[][] s = cp.within(draws[b]);
                    a = ClusterCrossProducts.solve(s, 1, reg2)[0];
                    double[] b3 = ClusterCrossProducts.solve(s, 0, reg3);
                    direct = b3[0];
                    bb = b3[1];
                } else {
                    double[] f = refit(sample, draws[b], clusterRows, entity, unit, fast2, fast3, spec.x(), med);
                    a = f[0];
                    bb = f[1];
                    direct = f[2];
                }
                ab[b] = a * bb;
                prop[b] = a * bb / (direct + a * bb);
            });
        }
        int failed = 0;
        for (double v : ab) {
            if (!Double.isFinite(v)) {
                failed++;
            }
        }
        if (failed == reps) {
            throw new PanelKitException("mediator '" + med + "': every bootstrap replication failed (x or the "
                    + "mediator could not be estimated in the resampled data)");
        }
        r.failedReps = failed;
        r.replicates = ab;
        r.bootSe = sd(ab);
        r.percentile = BootstrapIntervals.percentile(ab, model.level());
        r.z0 = BootstrapIntervals.biasCorrection(ab, r.indirect);
        r.biasCorrected = BootstrapIntervals.biasCorrected(ab, r.indirect, model.level());
        r.proportionPercentile = BootstrapIntervals.percentile(prop, model.level());
    }

    /** {a, b, c'} of one replication by re-estimating equations (2) and (3) on the stacked resample. */
    private static double[] refit(ClusterSample sample, int[] drawn, int[][] clusterRows, String entity, String unit,
            ModelSpec eq2, ModelSpec eq3, String x, String med) {
        int n = 0;
        for (int c : drawn) {
            n += clusterRows[c].length;
        }
        int[] rows = new int[n];
        int[] slot = new int[n];
        int p = 0;
        for (int s = 0; s < drawn.length; s++) {
            for (int row : clusterRows[drawn[s]]) {
                rows[p] = row;
                slot[p++] = s;
            }
        }
        ClusterSample resample = new ClusterSample(sample, rows, slot, entity, unit);
        try {
            FixedEffectsResult f2 = FixedEffectsRegression.fit(resample, eq2);
            FixedEffectsResult f3 = FixedEffectsRegression.fit(resample, eq3);
            return new double[] {estimate(f2, x), estimate(f3, med), estimate(f3, x)};
        } catch (PanelKitException e) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
    }

    /** The equation with the cheapest variance (the bootstrap needs point estimates only). */
    private static ModelSpec pointOnly(ModelSpec s) {
        return s.toBuilder().vcov(VcovType.IID).cluster(List.of()).build();
    }

    private static double estimate(FixedEffectsResult f, String term) {
        for (Coefficient c : f.coefficients()) {
            if (c.term().equals(term)) {
                return c.estimate();
            }
        }
        return Double.NaN;
    }

    private static double sd(double[] v) {
        double s = 0;
        int n = 0;
        for (double d : v) {
            if (Double.isFinite(d)) {
                s += d;
                n++;
            }
        }
        double mean = s / n;
        double ss = 0;
        for (double d : v) {
            if (Double.isFinite(d)) {
                ss += (d - mean) * (d - mean);
            }
        }
        return Math.sqrt(ss / (n - 1));
    }
}
