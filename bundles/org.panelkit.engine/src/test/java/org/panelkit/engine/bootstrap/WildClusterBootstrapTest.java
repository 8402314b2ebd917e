package org.panelkit.engine.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panelkit.engine.testing.Approx.assertClose;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.fe.FixedEffectsRegression;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.fe.WithinDesign;
import org.panelkit.engine.vcov.VcovType;

/**
 * The fast wild cluster bootstrap against the definition: re-estimating the full fixed-effects model for every
 * draw (same draws, same seed), by exact enumeration of the Rademacher sign vectors, and its known properties.
 */
class WildClusterBootstrapTest {

    /** An unbalanced panel: entities in regions, years, three regressors, two-way effects, a missing cell. */
    static Columns panel(int entities, int periods, int regions, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<double[]> rows = new ArrayList<>();
        double[] alpha = new double[entities];
        for (int e = 0; e < entities; e++) {
            alpha[e] = r.nextGaussian();
        }
        double[] lambda = new double[periods];
        for (int t = 0; t < periods; t++) {
            lambda[t] = 0.3 * r.nextGaussian();
        }
        for (int e = 0; e < entities; e++) {
            double shock = r.nextGaussian();
            for (int t = 0; t < periods; t++) {
                if (r.nextDouble() < 0.06) {
                    continue; // gaps
                }
                double x1 = alpha[e] + r.nextGaussian();
                double x2 = 0.5 * x1 + r.nextGaussian() + 0.1 * t;
                double x3 = r.nextGaussian() * (1 + e % 3);
                double u = (0.7 * shock + r.nextGaussian()) * (1 + 0.5 * (e % 2));
                double y = 0.5 * x1 - 0.2 * x2 + 0.0 * x3 + alpha[e] + lambda[t] + u;
                rows.add(new double[] {e, 2000 + t, e % regions, x1, x2, x3, y});
            }
        }
        // rows in reverse order, one missing regressor cell
        java.util.Collections.reverse(rows);
        rows.get(3)[4] = Double.NaN;
        int n = rows.size();
        String[] names = {"id", "year", "region", "x1", "x2", "x3", "y"};
        double[][] cols = new double[names.length][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < names.length; c++) {
                cols[c][i] = rows.get(i)[c];
            }
        }
        Columns data = new Columns(n);
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "P" + (int) cols[0][i];
        }
        data.addKey("id", KeyColumn.ofStrings("id", ids));
        for (int c = 1; c < names.length; c++) {
            data.addNumeric(names[c], cols[c]);
        }
        return data;
    }

    static ModelSpec.Builder model(Effects fx) {
        return ModelSpec.builder("y", List.of("x1", "x2", "x3")).entity("id").time("year").effects(fx);
    }

    /** The bootstrap t statistics by brute force: restricted fit, y*, full re-estimation per draw. */
    static double[] bruteForce(Columns data, ModelSpec spec, String term, double b0, double[][] draws) {
        FixedEffectsResult full = FixedEffectsRegression.fit(data, spec);
        WithinDesign d = WithinDesign.of(full);
        int[] cluster = d.clusterCodes(0);
        int n = data.rowCount();
        // restricted model: y - b0 x_term on the other regressors, same effects and sample
        double[] yr = data.numeric("y").clone();
        double[] xt = data.numeric(term);
        for (int i = 0; i < n; i++) {
            yr[i] -= b0 * xt[i];
        }
        List<String> others = new ArrayList<>(spec.x());
        others.remove(term);
        Columns restrictedData = copyWith(data, "y_r", yr);
        FixedEffectsResult restricted = FixedEffectsRegression.fit(restrictedData, ModelSpec.builder("y_r", others)
                .entity(spec.entity()).time(spec.time()).effects(spec.effects()).vcov(spec.vcov())
                .cluster(spec.cluster()).weights(spec.weights()).build());
        assertEquals(full.sampleSize(), restricted.sampleSize());
        double[] out = new double[draws.length];
        double[] y = data.numeric("y");
        for (int b = 0; b < draws.length; b++) {
            double[] ys = y.clone();
            for (int i = 0; i < full.sampleSize(); i++) {
                int row = full.sampleRow(i);
                assertEquals(row, restricted.sampleRow(i));
                double u = restricted.residual(i);
                ys[row] = y[row] + u * (draws[b][cluster[i]] - 1);
            }
            FixedEffectsResult refit = FixedEffectsRegression.fit(copyWith(data, "y_star", ys), withY(spec, "y_star"));
            var c = refit.coefficients().get(spec.x().indexOf(term));
            out[b] = (c.estimate() - b0) / c.stdError();
        }
        return out;
    }

    static ModelSpec withY(ModelSpec spec, String y) {
        return ModelSpec.builder(y, spec.x()).entity(spec.entity()).time(spec.time()).effects(spec.effects())
                .vcov(spec.vcov()).cluster(spec.cluster()).convention(spec.convention()).weights(spec.weights())
                .build();
    }

    static Columns copyWith(Columns data, String name, double[] values) {
        Columns out = new Columns(data.rowCount());
        for (String c : data.columnNames()) {
            if (c.equals("id")) {
                out.addKey(c, data.key(c));
            } else {
                out.addNumeric(c, data.numeric(c));
            }
        }
        out.addNumeric(name, values);
        return out;
    }

    /** The draws the engine documents: SplittableRandom(seed), replication by replication, cluster by cluster. */
    static double[][] draws(AuxiliaryWeights w, long seed, int reps, int g) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] out = new double[reps][g];
        for (int b = 0; b < reps; b++) {
            for (int h = 0; h < g; h++) {
                out[b][h] = w.draw(rng);
            }
        }
        return out;
    }

    private void againstBruteForce(Effects fx, List<String> cluster, AuxiliaryWeights w, String term, double b0,
            boolean expectNested) {
        Columns data = panel(14, 9, 4, 7);
        ModelSpec spec = model(fx).cluster(cluster).build();
        FixedEffectsResult fit = FixedEffectsRegression.fit(data, spec);
        WithinDesign d = WithinDesign.of(fit);
        assertEquals(expectNested, d.effectsNestedIn(d.clusterCodes(0)));
        int reps = 199;
        WildBootstrapResult r = WildClusterBootstrap.test(fit, WildBootstrapSpec.builder().term(term).nullValue(b0)
                .reps(reps).weights(w).seed(99).enumerate(false).build(), ProgressMonitor.NONE);
        double[][] v = draws(w, 99, reps, d.clusterCount(0));
        double[] brute = bruteForce(data, spec, term, b0, v);
        double[] fast = r.bootstrapT();
        int exceed = 0;
        for (int b = 0; b < reps; b++) {
            assertClose(brute[b], fast[b], 1e-10, "t* of draw " + b);
            if (Math.abs(brute[b]) > Math.abs(r.tStat()) * (1 + 1e-10)) { // ties (v = ±1) do not count
                exceed++;
            }
        }
        assertEquals((double) exceed / reps, r.pValue(), 1e-15);
        var coef = fit.coefficients().get(spec.x().indexOf(term));
        assertClose((coef.estimate() - b0) / coef.stdError(), r.tStat(), 1e-12, "t");
    }

    @Test
    void entityEffectsNestedInEntityClustersMatchBruteForce() {
        againstBruteForce(Effects.ENTITY, List.of(), AuxiliaryWeights.RADEMACHER, "x1", 0.0, true);
    }

    @Test
    void twoWayEffectsWithEntityClustersMatchBruteForce() {
        // period effects are not nested in entity clusters: the dense G x G path
        againstBruteForce(Effects.TWOWAY, List.of(), AuxiliaryWeights.WEBB, "x2", -0.1, false);
    }

    @Test
    void coarserClustersAndPooledOlsMatchBruteForce() {
        againstBruteForce(Effects.ENTITY, List.of("region"), AuxiliaryWeights.WEBB, "x3", 0.05, true);
        againstBruteForce(Effects.NONE, List.of("region"), AuxiliaryWeights.RADEMACHER, "x1", 0.4, false);
    }

    @Test
    void confidenceBoundsAreWhereTheBruteForcePValueCrossesAlpha() {
        Columns data = panel(12, 8, 4, 11);
        ModelSpec spec = model(Effects.TWOWAY).build();
        FixedEffectsResult fit = FixedEffectsRegression.fit(data, spec);
        int reps = 199;
        WildBootstrapResult r = WildClusterBootstrap.test(fit, WildBootstrapSpec.builder().term("x1").reps(reps)
                .weights(AuxiliaryWeights.WEBB).seed(5).level(0.9).build(), ProgressMonitor.NONE);
        assertTrue(r.confLow() < r.estimate() && r.estimate() < r.confHigh());
        double[][] v = draws(AuxiliaryWeights.WEBB, 5, reps, fit.groups());
        var coef = fit.coefficients().get(0);
        double eps = 1e-6 * coef.stdError();
        for (double bound : new double[] {r.confLow(), r.confHigh()}) {
            double dir = Math.signum(bound - coef.estimate());
            double inside = bruteP(data, spec, v, bound - dir * eps, coef.estimate(), coef.stdError());
            double outside = bruteP(data, spec, v, bound + dir * eps, coef.estimate(), coef.stdError());
            assertTrue(inside > 0.1 && outside <= 0.1, "bound " + bound + ": p inside " + inside + ", outside "
                    + outside);
        }
    }

    private static double bruteP(Columns data, ModelSpec spec, double[][] v, double b0, double est, double se) {
        double[] t = bruteForce(data, spec, "x1", b0, v);
        double obs = Math.abs((est - b0) / se);
        int c = 0;
        for (double ts : t) {
            if (Math.abs(ts) > obs) {
                c++;
            }
        }
        return (double) c / t.length;
    }

    @Test
    void analyticWeightsBootstrapTheWeightedFitByItsDefinition() {
        // WLS wild bootstrap: y* = fitted_r + e_r v_g on the data's scale, re-estimated by weighted least squares
        // (boottest's aweights); the fast algorithm works on the transformed model sqrt(w) y~, sqrt(w) X~
        Columns base = panel(24, 6, 8, 5);
        double[] w = new double[base.rowCount()];
        java.util.SplittableRandom r = new java.util.SplittableRandom(17);
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.2 + 3 * r.nextDouble();
        }
        Columns data = copyWith(base, "w", w);
        for (Effects fx : new Effects[] {Effects.TWOWAY, Effects.NONE}) {
            ModelSpec spec = model(fx).cluster(List.of("region")).weights("w").build(); // G = 8, time not nested
            FixedEffectsResult fit = FixedEffectsRegression.fit(data, spec);
            WildBootstrapResult res = WildClusterBootstrap.test(fit, WildBootstrapSpec.builder().term("x1").build(),
                    ProgressMonitor.NONE);
            assertTrue(res.enumerated());
            double[][] all = new double[256][8];
            for (int b = 0; b < 256; b++) {
                for (int h = 0; h < 8; h++) {
                    all[b][h] = ((b >>> h) & 1) == 0 ? 1 : -1;
                }
            }
            double[] brute = bruteForce(data, spec, "x1", 0, all);
            double[] fast = res.bootstrapT();
            for (int b = 0; b < 256; b++) {
                assertClose(brute[b], fast[b], 1e-9, fx + ": t* of sign vector " + b);
            }
            assertClose(fit.coefficients().get(0).estimate() / fit.coefficients().get(0).stdError(), res.tStat(), 1e-10,
                    fx + ": the observed t is the weighted fit's");
        }
    }

    @Test
    void rademacherWithFewClustersEnumeratesEverySignVector() {
        Columns data = panel(24, 6, 8, 3);
        ModelSpec spec = model(Effects.TWOWAY).cluster(List.of("region")).build(); // G = 8
        FixedEffectsResult fit = FixedEffectsRegression.fit(data, spec);
        WildBootstrapResult r = WildClusterBootstrap.test(fit, WildBootstrapSpec.builder().term("x2").build(),
                ProgressMonitor.NONE);
        assertTrue(r.enumerated());
        assertEquals(256, r.reps());
        double[][] all = new double[256][8];
        for (int b = 0; b < 256; b++) {
            for (int h = 0; h < 8; h++) {
                all[b][h] = ((b >>> h) & 1) == 0 ? 1 : -1;
            }
        }
        double[] brute = bruteForce(data, spec, "x2", 0, all);
        double[] fast = r.bootstrapT();
        int exceed = 0;
        for (int b = 0; b < 256; b++) {
            assertClose(brute[b], fast[b], 1e-10, "t* of sign vector " + b);
            assertClose(-fast[b], fast[255 - b], 1e-10, "t*(-v) = -t*(v)");
            if (Math.abs(brute[b]) > Math.abs(r.tStat()) * (1 + 1e-10)) {
                exceed++;
            }
        }
        assertEquals(exceed / 256.0, r.pValue(), 1e-15);
        // the draw with every weight 1 reproduces the data, so its t* is the test statistic itself
        assertClose(r.tStat(), fast[0], 1e-10, "t* of v = 1");
        // random Rademacher draws converge to the exact enumeration p-value
        WildBootstrapResult random = WildClusterBootstrap.test(fit, WildBootstrapSpec.builder().term("x2")
                .reps(99_999).seed(1).enumerate(false).build(), ProgressMonitor.NONE);
        assertFalse(random.enumerated());
        double mcSe = Math.sqrt(r.pValue() * (1 - r.pValue()) / 99_999);
        assertEquals(r.pValue(), random.pValue(), 4 * mcSe + 1e-4);
    }

    @Test
    void drawWithAllWeightsOneGivesTheModelsTStatistic() {
        Columns data = panel(20, 7, 5, 13);
        ModelSpec spec = model(Effects.TWOWAY).build();
        FixedEffectsResult fit = FixedEffectsRegression.fit(data, spec);
        WithinDesign d = WithinDesign.of(fit);
        for (int j = 0; j < 3; j++) {
            for (double b0 : new double[] {0, 0.3}) {
                RestrictedScores rs = new RestrictedScores(d, j, d.clusterCodes(0), d.clusterCount(0),
                        ProgressMonitor.NONE);
                double[] ones = new double[d.clusterCount(0)];
                java.util.Arrays.fill(ones, 1);
                double[] out = new double[5];
                rs.summarise(ones, out, 0, new double[2 * Math.max(ones.length, 3)]);
                double ts = new NullDistribution(out, 1, fit.variance().smallSampleFactor()).tStar(0, b0);
                var c = fit.coefficients().get(j);
                assertClose((c.estimate() - b0) / c.stdError(), ts, 1e-10, "t of v = 1, term " + j + ", b0 " + b0);
            }
        }
    }

    @Test
    void sameSeedSameResultDifferentSeedDifferentDraws() {
        Columns data = panel(30, 6, 5, 17);
        FixedEffectsResult fit = FixedEffectsRegression.fit(data, model(Effects.TWOWAY).build());
        WildBootstrapSpec s = WildBootstrapSpec.builder().reps(999).weights(AuxiliaryWeights.WEBB).seed(42).build();
        WildBootstrapResult a = WildClusterBootstrap.test(fit, s, ProgressMonitor.NONE);
        WildBootstrapResult b = WildClusterBootstrap.test(fit, s, ProgressMonitor.NONE);
        WildBootstrapResult c = WildClusterBootstrap.test(fit, s.toBuilder().seed(43).build(), ProgressMonitor.NONE);
        assertEquals(a.pValue(), b.pValue());
        assertEquals(a.confLow(), b.confLow());
        assertEquals(a.confHigh(), b.confHigh());
        assertFalse(java.util.Arrays.equals(a.bootstrapT(), c.bootstrapT()));
        assertEquals("x1", a.term());
        assertEquals(30, a.clusters());
    }

    @Test
    void testEachCoversEveryRegressor() {
        Columns data = panel(16, 6, 4, 19);
        FixedEffectsResult fit = FixedEffectsRegression.fit(data, model(Effects.TWOWAY).build());
        List<WildBootstrapResult> all = WildClusterBootstrap.testEach(fit, null,
                WildBootstrapSpec.builder().reps(199).build(), ProgressMonitor.NONE);
        assertEquals(List.of("x1", "x2", "x3"), all.stream().map(WildBootstrapResult::term).toList());
    }

    @Test
    void rejectsUnclusteredModelsAndUnknownTerms() {
        Columns data = panel(10, 5, 3, 23);
        FixedEffectsResult hc = FixedEffectsRegression.fit(data, model(Effects.TWOWAY).vcov(VcovType.HC1).build());
        PanelKitException e = assertThrows(PanelKitException.class,
                () -> WildClusterBootstrap.test(hc, WildBootstrapSpec.builder().build(), ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("one-way clustered"), e.getMessage());
        FixedEffectsResult ok = FixedEffectsRegression.fit(data, model(Effects.TWOWAY).build());
        e = assertThrows(PanelKitException.class, () -> WildClusterBootstrap.test(ok,
                WildBootstrapSpec.builder().term("nope").build(), ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("x1, x2, x3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WildBootstrapSpec.builder().reps(10).build());
    }

    @Test
    void sizeUnderTheNullIsCloseToNominalInASmallSimulation() {
        // 200 panels with 12 clusters and b_x3 = 0: rejection rate at 5% within binomial error of 0.05
        int sims = 200;
        int reject = 0;
        for (int s = 0; s < sims; s++) {
            Columns data = panel(12, 6, 3, 1000 + s);
            FixedEffectsResult fit = FixedEffectsRegression.fit(data, model(Effects.TWOWAY).build());
            WildBootstrapResult r = WildClusterBootstrap.test(fit, WildBootstrapSpec.builder().term("x3").reps(399)
                    .weights(AuxiliaryWeights.WEBB).seed(s).build(), ProgressMonitor.NONE);
            if (r.pValue() <= 0.05) {
                reject++;
            }
        }
        double rate = reject / (double) sims;
        assertTrue(rate < 0.05 + 3 * Math.sqrt(0.05 * 0.95 / sims), "rejection rate " + rate);
    }
}
