package org.panelkit.engine.mediation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panelkit.engine.testing.Approx.assertClose;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.fe.FixedEffectTerm;
import org.panelkit.engine.fe.FixedEffectsRegression;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.testing.RScript;
import org.panelkit.engine.testing.TestData;
import org.panelkit.engine.vcov.VcovType;

/**
 * The three equations against direct fits, the identity c = c' + a b, Sobel by hand, the cluster bootstrap
 * replicated by hand and reproducible, the intervals against R's boot package.
 */
class MediationTest {
    @TempDir
    Path dir;

    /** 30 provinces x 21 years; x -> m1 -> y, x -> m2 -> y, a control z; m2 has missing cells. */
    static Columns panel(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int e = 30;
        int t = 21;
        int n = e * t;
        double[] id = new double[n];
        double[] year = new double[n];
        double[] x = new double[n];
        double[] m1 = new double[n];
        double[] m2 = new double[n];
        double[] z = new double[n];
        double[] y = new double[n];
        String[] region = new String[n];
        double[] alpha = new double[e];
        for (int i = 0; i < e; i++) {
            alpha[i] = r.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            int p = i / t;
            id[i] = 11 + p;
            year[i] = 2001 + i % t;
            region[i] = new String[] {"East", "Central", "West"}[p % 3];
            z[i] = r.nextGaussian();
            x[i] = alpha[p] + r.nextGaussian() + 0.03 * (i % t);
            m1[i] = 0.6 * x[i] + 0.3 * z[i] + alpha[p] + r.nextGaussian();
            m2[i] = i % 17 == 3 ? Double.NaN : -0.4 * x[i] + r.nextGaussian();
            y[i] = 0.3 * x[i] + 0.5 * m1[i] + 0.25 * (Double.isNaN(m2[i]) ? 0 : m2[i]) + 0.2 * z[i] + alpha[p]
                    + 0.02 * (i % t) + r.nextGaussian() * (1 + 0.3 * (p % 2));
        }
        Columns c = new Columns(n);
        c.addNumeric("id", id).addNumeric("year", year).addNumeric("x", x).addNumeric("m1", m1).addNumeric("m2", m2)
                .addNumeric("z", z).addNumeric("y", y).addKey("region", KeyColumn.ofStrings("region", region));
        return c;
    }

    static ModelSpec template() {
        return ModelSpec.builder("y", List.of("x")).entity("id").time("year").build();
    }

    static MediationSpec spec(int reps, long seed) {
        return MediationSpec.builder("y", "x", List.of("m1", "m2")).controls(List.of("z")).model(template())
                .reps(reps).seed(seed).build();
    }

    private static Coefficient coef(FixedEffectsResult f, String term) {
        return f.coefficients().stream().filter(c -> c.term().equals(term)).findFirst().orElseThrow();
    }

    private static Columns complete(Columns data, String med) {
        double[] m = data.numeric(med);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < data.rowCount(); i++) {
            if (!Double.isNaN(m[i])) {
                rows.add(i);
            }
        }
        Columns out = new Columns(rows.size());
        for (String c : List.of("id", "year", "x", "m1", "m2", "z", "y")) {
            double[] v = data.numeric(c);
            out.addNumeric(c, rows.stream().mapToDouble(i -> v[i]).toArray());
        }
        return out;
    }

    @Test
    void equationsAreTheDirectFitsAndTheIdentityHolds() {
        Columns data = panel(1);
        MediationResult res = Mediation.analyze(data, spec(0, 1), ProgressMonitor.NONE);
        assertEquals(2, res.mediators().size());
        for (MediatorResult m : res.mediators()) {
            Columns d = complete(data, m.mediator());
            FixedEffectsResult c = FixedEffectsRegression.fit(d, ModelSpec.builder("y", List.of("x", "z"))
                    .entity("id").time("year").build());
            FixedEffectsResult a = FixedEffectsRegression.fit(d, ModelSpec.builder(m.mediator(), List.of("x", "z"))
                    .entity("id").time("year").build());
            FixedEffectsResult b = FixedEffectsRegression.fit(d, ModelSpec.builder("y", List.of("x", m.mediator(), "z"))
                    .entity("id").time("year").build());
            assertEquals(d.rowCount(), m.observations());
            assertClose(coef(c, "x").estimate(), m.total().estimate(), 1e-12, "c");
            assertClose(coef(c, "x").stdError(), m.total().stdError(), 1e-12, "se c");
            assertClose(coef(a, "x").estimate(), m.a().estimate(), 1e-12, "a");
            assertClose(coef(a, "x").stdError(), m.a().stdError(), 1e-12, "se a");
            assertClose(coef(b, m.mediator()).estimate(), m.b().estimate(), 1e-12, "b");
            assertClose(coef(b, m.mediator()).stdError(), m.b().stdError(), 1e-12, "se b");
            assertClose(coef(b, "x").estimate(), m.direct().estimate(), 1e-12, "c'");
            // c = c' + a b for least squares on one sample
            double ab = m.a().estimate() * m.b().estimate();
            assertClose(m.total().estimate(), m.direct().estimate() + ab, 1e-11, "c = c' + ab");
            assertTrue(Math.abs(m.identityGap()) < 1e-12 * Math.abs(m.total().estimate()), "gap " + m.identityGap());
            // Sobel by hand
            double sa = m.a().stdError();
            double sb = m.b().stdError();
            double se = Math.sqrt(m.b().estimate() * m.b().estimate() * sa * sa
                    + m.a().estimate() * m.a().estimate() * sb * sb);
            assertClose(ab, m.indirect(), 1e-14, "ab");
            assertClose(se, m.sobelSe(), 1e-14, "Sobel se");
            assertClose(ab / se, m.sobelZ(), 1e-14, "Sobel z");
            double p = org.apache.commons.math3.special.Erf.erfc(Math.abs(ab / se) / Math.sqrt(2));
            assertClose(p, m.sobelP(), 1e-8, "Sobel p");
            assertClose(ab / m.total().estimate(), m.proportion(), 1e-14, "proportion");
        }
        assertEquals(630, res.mediators().get(0).observations());
        assertEquals(630 - 37, res.mediators().get(1).observations()); // m2 missing in 37 rows
    }

    @Test
    void bootstrapReplicateIsTheClusterResampleByHand() {
        Columns data = panel(2);
        MediationSpec s = MediationSpec.builder("y", "x", List.of("m1")).controls(List.of("z")).model(template())
                .reps(99).seed(7).build();
        MediatorResult m = Mediation.analyze(data, s, ProgressMonitor.NONE).mediators().get(0);
        assertEquals(30, m.clusters());
        SplittableRandom rng = new SplittableRandom(7);
        for (int b = 0; b < 2; b++) {
            // provinces 11..40 are clusters 0..29 in level order, 21 rows each, in row order
            int[] drawn = new int[30];
            for (int s2 = 0; s2 < 30; s2++) {
                drawn[s2] = rng.nextInt(30);
            }
            int n = 30 * 21;
            double[] id = new double[n];
            double[] year = new double[n];
            double[] x = new double[n];
            double[] m1 = new double[n];
            double[] z = new double[n];
            double[] y = new double[n];
            int p = 0;
            for (int slot = 0; slot < 30; slot++) {
                for (int k = 0; k < 21; k++) {
                    int row = drawn[slot] * 21 + k;
                    id[p] = 1000 + slot; // a province drawn twice is two entities
                    year[p] = data.numeric("year")[row];
                    x[p] = data.numeric("x")[row];
                    m1[p] = data.numeric("m1")[row];
                    z[p] = data.numeric("z")[row];
                    y[p++] = data.numeric("y")[row];
                }
            }
            Columns d = new Columns(n);
            d.addNumeric("id", id).addNumeric("year", year).addNumeric("x", x).addNumeric("m1", m1)
                    .addNumeric("z", z).addNumeric("y", y);
            double a = coef(FixedEffectsRegression.fit(d, ModelSpec.builder("m1", List.of("x", "z")).entity("id")
                    .time("year").build()), "x").estimate();
            double bb = coef(FixedEffectsRegression.fit(d, ModelSpec.builder("y", List.of("x", "m1", "z"))
                    .entity("id").time("year").build()), "m1").estimate();
            assertClose(a * bb, m.replicates()[b], 1e-9, "replicate " + b);
        }
    }

    @Test
    void crossProductsGiveTheRefittedReplicatesForEveryKindOfEffects() {
        Columns data = panel(8);
        ModelSpec base = template();
        List<ModelSpec> models = List.of(base, base.toBuilder().effects(Effects.ENTITY).cluster(List.of("region"))
                .build(), base.toBuilder().effects(Effects.TIME).build(), base.toBuilder().effects(Effects.NONE)
                .build(), base.toBuilder().cluster(List.of("region")).build());
        for (ModelSpec model : models) {
            MediationSpec s = MediationSpec.builder("y", "x", List.of("m1", "m2")).controls(List.of("z")).model(model)
                    .reps(99).seed(21).build();
            MediationResult fast = Mediation.analyze(data, s, ProgressMonitor.NONE, false);
            MediationResult slow = Mediation.analyze(data, s, ProgressMonitor.NONE, true);
            for (int m = 0; m < 2; m++) {
                double[] f = fast.mediators().get(m).replicates();
                double[] r = slow.mediators().get(m).replicates();
                for (int b = 0; b < f.length; b++) {
                    assertClose(r[b], f[b], 1e-9, model.effects() + " " + model.cluster() + " mediator " + m
                            + " replicate " + b);
                }
            }
        }
    }

    /**
     * A list of terms naming the entity and time columns is the two-way model: the re-fitted bootstrap of the term
     * model gives the cross-product replicates of the shorthand (whose entities get one level per draw), also when
     * the clusters are coarser than the entity and no entity column is named (the term keeps one level per
     * province for both copies of a region drawn twice: the same point estimates).
     */
    @Test
    void termListsNamingEntityAndTimeGiveTheShorthandsReplicates() {
        Columns data = panel(9);
        List<FixedEffectTerm> idYear = List.of(FixedEffectTerm.of("id"), FixedEffectTerm.of("year"));
        ModelSpec byRegion = template().toBuilder().cluster(List.of("region")).build();
        List<ModelSpec[]> pairs = List.of(
                new ModelSpec[] {template(), template().toBuilder().absorb(idYear).build()},
                new ModelSpec[] {byRegion, ModelSpec.builder("y", List.of("x")).absorb(idYear)
                        .cluster(List.of("region")).build()});
        for (ModelSpec[] pair : pairs) {
            MediationResult[] res = new MediationResult[2];
            for (int k = 0; k < 2; k++) {
                res[k] = Mediation.analyze(data, MediationSpec.builder("y", "x", List.of("m1", "m2"))
                        .controls(List.of("z")).model(pair[k]).reps(99).seed(31).build(), ProgressMonitor.NONE);
            }
            for (int m = 0; m < 2; m++) {
                MediatorResult a = res[0].mediators().get(m);
                MediatorResult b = res[1].mediators().get(m);
                assertClose(a.indirect(), b.indirect(), 1e-12, "ab");
                assertClose(a.sobelSe(), b.sobelSe(), 1e-10, "Sobel se");
                assertEquals(a.clusters(), b.clusters());
                for (int r = 0; r < a.replicates().length; r++) {
                    assertClose(a.replicates()[r], b.replicates()[r], 1e-9, pair[1].cluster() + " mediator " + m
                            + " replicate " + r);
                }
            }
        }
    }

    /**
     * Three terms (id, year, region^year) and analytic weights: the equations are the weighted fits with those
     * terms, and a replicate is the weighted fit on the cluster resample built by hand (a province drawn twice is
     * two provinces; the years and region-years are shared).
     */
    @Test
    void weightedThreeTermReplicateIsTheResampleByHand() {
        Columns base = panel(10);
        int n = base.rowCount();
        double[] w = new double[n];
        SplittableRandom rw = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 + 2 * rw.nextDouble();
        }
        Columns data = new Columns(n);
        for (String c : List.of("id", "year", "x", "m1", "z", "y")) {
            data.addNumeric(c, base.numeric(c));
        }
        data.addKey("region", base.key("region")).addNumeric("w", w);
        List<FixedEffectTerm> terms = List.of(FixedEffectTerm.of("id"), FixedEffectTerm.of("year"),
                FixedEffectTerm.of("region", "year"));
        ModelSpec model = ModelSpec.builder("y", List.of("x")).absorb(terms).weights("w").cluster(List.of("id"))
                .build();
        MediatorResult m = Mediation.analyze(data, MediationSpec.builder("y", "x", List.of("m1"))
                .controls(List.of("z")).model(model).reps(99).seed(5).build(), ProgressMonitor.NONE).mediators().get(0);
        FixedEffectsResult a = FixedEffectsRegression.fit(data, model.withVariables("m1", List.of("x", "z")));
        FixedEffectsResult b = FixedEffectsRegression.fit(data, model.withVariables("y", List.of("x", "m1", "z")));
        assertClose(coef(a, "x").estimate(), m.a().estimate(), 1e-12, "a");
        assertClose(coef(a, "x").stdError(), m.a().stdError(), 1e-12, "se a");
        assertClose(coef(b, "m1").estimate(), m.b().estimate(), 1e-12, "b");
        assertClose(m.total().estimate(), m.direct().estimate() + m.indirect(), 1e-11, "c = c' + ab (weighted)");
        SplittableRandom rng = new SplittableRandom(5);
        for (int rep = 0; rep < 2; rep++) {
            int[] drawn = new int[30];
            for (int s2 = 0; s2 < 30; s2++) {
                drawn[s2] = rng.nextInt(30);
            }
            Columns d = new Columns(n);
            double[][] cols = new double[6][n];
            String[] region = new String[n];
            int p = 0;
            for (int slot = 0; slot < 30; slot++) {
                for (int k = 0; k < 21; k++) {
                    int row = drawn[slot] * 21 + k;
                    cols[0][p] = 1000 + slot;
                    cols[1][p] = data.numeric("year")[row];
                    cols[2][p] = data.numeric("x")[row];
                    cols[3][p] = data.numeric("m1")[row];
                    cols[4][p] = data.numeric("z")[row];
                    cols[5][p] = w[row];
                    region[p++] = data.key("region").level(data.key("region").code(row));
                }
            }
            double[] y = new double[n];
            p = 0;
            for (int slot = 0; slot < 30; slot++) {
                for (int k = 0; k < 21; k++) {
                    y[p++] = data.numeric("y")[drawn[slot] * 21 + k];
                }
            }
            d.addNumeric("id", cols[0]).addNumeric("year", cols[1]).addNumeric("x", cols[2]).addNumeric("m1", cols[3])
                    .addNumeric("z", cols[4]).addNumeric("w", cols[5]).addNumeric("y", y)
                    .addKey("region", KeyColumn.ofStrings("region", region));
            ModelSpec hand = ModelSpec.builder("m1", List.of("x", "z")).absorb(terms).weights("w")
                    .cluster(List.of("id")).build();
            double aa = coef(FixedEffectsRegression.fit(d, hand), "x").estimate();
            double bb = coef(FixedEffectsRegression.fit(d, hand.withVariables("y", List.of("x", "m1", "z"))), "m1")
                    .estimate();
            assertClose(aa * bb, m.replicates()[rep], 1e-9, "replicate " + rep);
        }
        // the weights matter
        MediatorResult u = Mediation.analyze(data, MediationSpec.builder("y", "x", List.of("m1"))
                .controls(List.of("z")).model(model.toBuilder().weights(null).build()).reps(0).build(),
                ProgressMonitor.NONE).mediators().get(0);
        assertTrue(Math.abs(u.indirect() - m.indirect()) > 1e-4, "weighted and unweighted differ");
    }

    @Test
    void bootstrapIsReproducibleWithTheSeed() {
        Columns data = panel(3);
        MediatorResult a = Mediation.analyze(data, spec(199, 11), ProgressMonitor.NONE).mediators().get(0);
        MediatorResult b = Mediation.analyze(data, spec(199, 11), ProgressMonitor.NONE).mediators().get(0);
        MediatorResult c = Mediation.analyze(data, spec(199, 12), ProgressMonitor.NONE).mediators().get(0);
        assertArrayEquals(a.replicates(), b.replicates());
        assertArrayEquals(a.percentile(), b.percentile());
        assertArrayEquals(a.biasCorrected(), b.biasCorrected());
        assertFalse(java.util.Arrays.equals(a.replicates(), c.replicates()));
        assertEquals(0, a.failedReps());
        assertTrue(a.percentile()[0] < a.indirect() && a.indirect() < a.percentile()[1]);
        assertTrue(a.proportionPercentile()[0] < a.proportion() && a.proportion() < a.proportionPercentile()[1]);
    }

    @Test
    void intervalsMatchRsBootPackage() throws Exception {
        RScript.requireR("boot");
        Columns data = panel(4);
        for (double level : new double[] {0.95, 0.9}) {
            MediationSpec s = MediationSpec.builder("y", "x", List.of("m1")).model(template().toBuilder().level(level)
                    .build()).reps(999).seed(3).build();
            MediatorResult m = Mediation.analyze(data, s, ProgressMonitor.NONE).mediators().get(0);
            StringBuilder csv = new StringBuilder("t\n").append(m.indirect()).append('\n');
            for (double v : m.replicates()) {
                csv.append(v).append('\n');
            }
            Path in = dir.resolve("reps" + level + ".csv");
            Path out = dir.resolve("ci" + level + ".csv");
            Files.writeString(in, csv.toString(), StandardCharsets.UTF_8);
            Path work = Files.createDirectories(dir.resolve("r" + level));
            RScript.run(MediationTest.class, "boot_intervals.R", work, in.toString(), Double.toString(level),
                    out.toString());
            Columns ref = TestData.readCsv(out);
            assertClose(ref.numeric("perc")[0], m.percentile()[0], 1e-10, "percentile low");
            assertClose(ref.numeric("perc")[1], m.percentile()[1], 1e-10, "percentile high");
            assertClose(ref.numeric("bc")[0], m.biasCorrected()[0], 1e-10, "BC low");
            assertClose(ref.numeric("bc")[1], m.biasCorrected()[1], 1e-10, "BC high");
            assertClose(ref.numeric("z0")[0], m.z0(), 1e-10, "z0");
        }
    }

    @Test
    void quantileRuleAtTheEdges() {
        double[] t = {5, 1, 4, 2, 3, Double.NaN}; // R = 5
        assertEquals(1.0, BootstrapIntervals.quantile(BootstrapIntervals.sortedFinite(t), 0.01));
        assertEquals(5.0, BootstrapIntervals.quantile(BootstrapIntervals.sortedFinite(t), 0.99));
        assertEquals(3.0, BootstrapIntervals.quantile(BootstrapIntervals.sortedFinite(t), 0.5)); // (R+1)/2 = 3
    }

    @Test
    void resamplingCoarserClustersKeepsEntitiesDistinct() {
        Columns data = panel(5);
        MediationSpec s = MediationSpec.builder("y", "x", List.of("m1")).model(template().toBuilder()
                .cluster(List.of("region")).build()).reps(99).seed(1).build();
        MediatorResult m = Mediation.analyze(data, s, ProgressMonitor.NONE).mediators().get(0);
        assertEquals(3, m.clusters());
        assertEquals(0, m.failedReps());
        assertEquals(3, m.totalFit().variance().clusters()[0]);
    }

    @Test
    void problemsAreNamed() {
        Columns data = panel(6);
        double[] fixed = new double[data.rowCount()];
        double[] id = data.numeric("id");
        for (int i = 0; i < fixed.length; i++) {
            fixed[i] = id[i] * 2; // constant within entity: absorbed
        }
        data.addNumeric("w", fixed);
        PanelKitException e = assertThrows(PanelKitException.class, () -> Mediation.analyze(data, MediationSpec
                .builder("y", "x", List.of("w")).model(template()).reps(0).build(), ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("absorbed"), e.getMessage());
        e = assertThrows(PanelKitException.class, () -> Mediation.analyze(data, MediationSpec
                .builder("y", "x", List.of("nope")).model(template()).reps(0).build(), ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MediationSpec.builder("y", "x", List.of("x"))
                .model(template()).build());
        assertThrows(IllegalArgumentException.class, () -> MediationSpec.builder("y", "x", List.of("m1"))
                .model(template()).reps(10).build());
        // an unclustered template resamples entities
        MediatorResult m = Mediation.analyze(data, MediationSpec.builder("y", "x", List.of("m1"))
                .model(template().toBuilder().vcov(VcovType.HC1).build()).reps(99).build(), ProgressMonitor.NONE)
                .mediators().get(0);
        assertEquals(30, m.clusters());
    }
}
