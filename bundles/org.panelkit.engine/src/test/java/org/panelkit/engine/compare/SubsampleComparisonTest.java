package org.panelkit.engine.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panelkit.engine.testing.Approx.assertClose;
import static org.panelkit.engine.testing.Approx.assertCloseScaled;

import java.io.IOException;
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
import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.fe.FTest;
import org.panelkit.engine.fe.FixedEffectTerm;
import org.panelkit.engine.fe.FixedEffectsRegression;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.split.SplitSpec;
import org.panelkit.engine.stats.Distributions;
import org.panelkit.engine.testing.RScript;
import org.panelkit.engine.testing.TestData;
import org.panelkit.engine.vcov.Convention;
import org.panelkit.engine.vcov.VcovType;

/**
 * The pooled interacted model against the same regression built by hand, the stacked-score (suest) comparison
 * against the pooled CR0 sandwich and, for groups without a common cluster, against V1 + V2; both against R's
 * sandwich on the explicit dummy regression.
 */
class SubsampleComparisonTest {
    @TempDir
    Path dir;

    /** Entities 0..e-1 in regions e % 3, years 2001..2000+t, the slope of x1 changes in 2008 and by region. */
    static Columns panel(int entities, int periods, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<double[]> rows = new ArrayList<>();
        for (int e = 0; e < entities; e++) {
            double a = r.nextGaussian();
            double shock = r.nextGaussian();
            for (int t = 0; t < periods; t++) {
                if (r.nextDouble() < 0.05) {
                    continue;
                }
                int year = 2001 + t;
                double x1 = a + r.nextGaussian();
                double x2 = r.nextGaussian() + 0.05 * t;
                double slope = (year >= 2008 ? 0.3 : 0.8) + 0.2 * (e % 3);
                double y = slope * x1 - 0.4 * x2 + a + 0.1 * t + 0.5 * shock + r.nextGaussian();
                rows.add(new double[] {e, year, e % 3, x1, x2, y});
            }
        }
        int n = rows.size();
        String[] names = {"id", "year", "region", "x1", "x2", "y"};
        Columns data = new Columns(n);
        String[] regions = new String[n];
        for (int c = 0; c < names.length; c++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = rows.get(i)[c];
                regions[i] = new String[] {"East", "Central", "West"}[(int) rows.get(i)[2]];
            }
            if (c == 2) {
                data.addKey("region", KeyColumn.ofStrings("region", regions));
            } else {
                data.addNumeric(names[c], col);
            }
        }
        return data;
    }

    static ModelSpec.Builder model() {
        return ModelSpec.builder("y", List.of("x1", "x2")).entity("id").time("year");
    }

    @Test
    void pooledModelEqualsTheInteractedRegressionBuiltByHand() {
        Columns data = panel(25, 12, 1);
        ModelSpec spec = model().build();
        ComparisonResult r = SubsampleComparison.compare(data, spec, SplitSpec.byBreak("year", 2008),
                ProgressMonitor.NONE);
        assertEquals(List.of("2001-2007", "2008-2012"), r.groups());
        // by hand: x_j * 1{period}, entity-by-period and year effects, clustered by id
        int n = data.rowCount();
        double[] year = data.numeric("year");
        double[] id = data.numeric("id");
        Columns hand = new Columns(n);
        hand.addNumeric("y", data.numeric("y"));
        List<String> xs = new ArrayList<>();
        for (String x : List.of("x1", "x2")) {
            double[] v = data.numeric(x);
            double[] before = new double[n];
            double[] after = new double[n];
            for (int i = 0; i < n; i++) {
                (year[i] < 2008 ? before : after)[i] = v[i];
            }
            hand.addNumeric(x + "_before", before);
            hand.addNumeric(x + "_after", after);
            xs.add(x + "_before");
            xs.add(x + "_after");
        }
        String[] entityPeriod = new String[n];
        for (int i = 0; i < n; i++) {
            entityPeriod[i] = (int) id[i] + (year[i] < 2008 ? "a" : "b");
        }
        hand.addKey("ep", KeyColumn.ofStrings("ep", entityPeriod));
        hand.addNumeric("year", year);
        hand.addNumeric("id", id);
        FixedEffectsResult h = FixedEffectsRegression.fit(hand, ModelSpec.builder("y", xs).entity("ep").time("year")
                .cluster(List.of("id")).build());
        FixedEffectsResult p = r.pooledFit();
        assertEquals(h.observations(), p.observations());
        assertEquals(h.fixedEffectsRank(), p.fixedEffectsRank());
        // hand order: x1_before, x1_after, x2_before, x2_after = the comparison's term-major order
        double[] b = r.pooled().coefficients();
        double[][] v = r.pooled().vcov();
        double[][] hv = h.slopeVcov();
        for (int i = 0; i < 4; i++) {
            assertClose(h.coefficients().get(i).estimate(), b[i], 1e-10, "coefficient " + i);
            for (int j = 0; j < 4; j++) {
                assertCloseScaled(hv[i][j], v[i][j], Math.sqrt(hv[i][i] * hv[j][j]), 1e-10, "vcov " + i + "," + j);
            }
        }
        // the difference of x1 by hand
        CoefficientDifference d = r.pooled().differences().get(0);
        assertEquals("x1", d.term());
        double diff = b[1] - b[0];
        double se = Math.sqrt(hv[1][1] + hv[0][0] - 2 * hv[0][1]);
        assertClose(diff, d.estimate(), 1e-10, "difference");
        assertClose(se, d.stdError(), 1e-10, "se of difference");
        assertEquals(24, d.df()); // G - 1
        assertClose(Distributions.twoSidedT(diff / se, 24), d.pValue(), 1e-10, "p");
        // the interacted model's slopes are the separate fits' slopes
        for (int g = 0; g < 2; g++) {
            FixedEffectsResult f = r.separateFits().get(g);
            assertClose(f.coefficients().get(0).estimate(), b[g], 1e-9, "x1 in group " + g);
            assertClose(f.coefficients().get(1).estimate(), b[2 + g], 1e-9, "x2 in group " + g);
        }
        // joint test of both differences = Wald with the 2x2 covariance of the differences
        FTest joint = r.pooled().joint();
        assertEquals(2, joint.df1());
        assertEquals(24, joint.df2());
        double[] dd = {b[1] - b[0], b[3] - b[2]};
        double v11 = hv[1][1] + hv[0][0] - 2 * hv[0][1];
        double v22 = hv[3][3] + hv[2][2] - 2 * hv[2][3];
        double v12 = hv[1][3] - hv[1][2] - hv[0][3] + hv[0][2];
        double det = v11 * v22 - v12 * v12;
        double w = (dd[0] * dd[0] * v22 - 2 * dd[0] * dd[1] * v12 + dd[1] * dd[1] * v11) / det;
        assertClose(w / 2, joint.statistic(), 1e-9, "joint F");
        assertClose(d.statistic() * d.statistic(), r.pooled().termTest("x1").statistic(), 1e-9, "term F = t^2");
    }

    @Test
    void suestIsThePooledCr0SandwichWithSuestsFactor() {
        Columns data = panel(20, 10, 2);
        ModelSpec spec = model().vcov(VcovType.CR0).build();
        ComparisonResult r = SubsampleComparison.compare(data, spec, SplitSpec.byBreak("year", 2006),
                ProgressMonitor.NONE);
        double g = 20;
        double[][] vs = r.suest().vcov();
        double[][] vp = r.pooled().vcov();
        for (int i = 0; i < vs.length; i++) {
            for (int j = 0; j < vs.length; j++) {
                assertCloseScaled(vp[i][j] * g / (g - 1), vs[i][j], Math.sqrt(vs[i][i] * vs[j][j]), 1e-10,
                        "suest vcov " + i + "," + j);
            }
        }
        // same province in both periods: a covariance between the periods' estimates
        assertTrue(Math.abs(vs[0][1]) > 1e-6 * Math.sqrt(vs[0][0] * vs[1][1]));
        assertEquals(Double.POSITIVE_INFINITY, r.suest().differences().get(0).df());
    }

    @Test
    void groupsWithoutCommonClustersHaveVarianceOfDifferenceV1PlusV2() {
        Columns data = panel(30, 8, 3);
        ModelSpec spec = model().effects(Effects.ENTITY).vcov(VcovType.CR0).build();
        ComparisonResult r = SubsampleComparison.compare(data, spec, SplitSpec.byColumn("region"),
                ProgressMonitor.NONE);
        assertEquals(List.of("Central", "East", "West"), r.groups());
        double gAll = 30;
        double f = gAll / (gAll - 1);
        List<CoefficientDifference> ds = r.suest().differences();
        assertEquals(4, ds.size()); // x1 and x2, two groups against the base
        for (CoefficientDifference d : ds) {
            int g = r.groups().indexOf(d.group());
            int t = List.of("x1", "x2").indexOf(d.term());
            FixedEffectsResult fg = r.separateFits().get(g);
            FixedEffectsResult fb = r.separateFits().get(0);
            double v1 = fg.slopeVcov()[t][t] * f;
            double v0 = fb.slopeVcov()[t][t] * f;
            assertClose(Math.sqrt(v1 + v0), d.stdError(), 1e-10, "se of " + d.term() + " " + d.group());
            assertClose(fg.coefficients().get(t).estimate() - fb.coefficients().get(t).estimate(), d.estimate(),
                    1e-10, "difference");
            assertClose(2 * (1 - new org.apache.commons.math3.distribution.NormalDistribution()
                    .cumulativeProbability(Math.abs(d.statistic()))), d.pValue(), 1e-8, "normal p");
        }
        double[][] v = r.suest().vcov();
        assertEquals(0.0, v[0][1]);
        assertEquals(0.0, v[0][4]);
    }

    @Test
    void bothMethodsAgreeWithRSandwichOnTheExplicitDummyRegression() throws Exception {
        RScript.requireR("sandwich");
        Columns data = panel(18, 9, 4);
        double[] year = data.numeric("year");
        StringBuilder csv = new StringBuilder("id,year,grp,x1,x2,y\n");
        for (int i = 0; i < data.rowCount(); i++) {
            csv.append((int) data.numeric("id")[i]).append(',').append((int) year[i]).append(',')
                    .append(year[i] < 2005 ? "a" : "b").append(',').append(data.numeric("x1")[i]).append(',')
                    .append(data.numeric("x2")[i]).append(',').append(data.numeric("y")[i]).append('\n');
        }
        Path in = dir.resolve("stacked.csv");
        Path out = dir.resolve("reference.csv");
        Files.writeString(in, csv.toString(), StandardCharsets.UTF_8);
        RScript.run(SubsampleComparisonTest.class, "compare_reference.R", dir, in.toString(), out.toString());
        Columns ref = TestData.readCsv(out);
        ModelSpec spec = model().convention(Convention.AREG).build();
        ComparisonResult r = SubsampleComparison.compare(data, spec, SplitSpec.byBreak("year", 2005),
                ProgressMonitor.NONE);
        assertAgreesWithR(ref, r);
    }

    /**
     * Both comparisons against R's reference table (compare_reference.R): estimates and both covariance matrices, in
     * R's order x1:grpa, x1:grpb, x2:grpa, x2:grpb = term-major, as ours.
     */
    private static void assertAgreesWithR(Columns ref, ComparisonResult r) {
        double[][] vp = r.pooled().vcov();
        double[][] vs = r.suest().vcov();
        double[] est = ref.numeric("estimate");
        for (int i = 0; i < 4; i++) {
            assertClose(est[i], r.pooled().coefficients()[i], 1e-8, "estimate " + i);
            assertClose(est[i], r.suest().coefficients()[i], 1e-8, "suest estimate " + i);
            for (int j = 0; j < 4; j++) {
                double scale = Math.sqrt(vs[i][i] * vs[j][j]);
                assertCloseScaled(ref.numeric("cr1_" + (j + 1))[i], vp[i][j], scale, 1e-8, "pooled " + i + "," + j);
                assertCloseScaled(ref.numeric("suest_" + (j + 1))[i], vs[i][j], scale, 1e-8, "suest " + i + "," + j);
            }
        }
    }

    /**
     * A list of terms naming the shorthand's columns is the same model: the same separate fits, the same pooled
     * (term by group) and stacked comparisons, for a period split and a split of entities into regions.
     */
    @Test
    void termListsNamingEntityAndTimeGiveTheShorthandsComparison() {
        Columns data = panel(24, 10, 7);
        List<FixedEffectTerm> terms = List.of(FixedEffectTerm.of("id"), FixedEffectTerm.of("year"));
        for (SplitSpec split : List.of(SplitSpec.byBreak("year", 2006), SplitSpec.byColumn("region"))) {
            for (VcovType t : List.of(VcovType.CLUSTER, VcovType.HC1, VcovType.CR2)) {
                ComparisonResult a = SubsampleComparison.compare(data, model().vcov(t).build(), split,
                        ProgressMonitor.NONE);
                ComparisonResult b = SubsampleComparison.compare(data, model().vcov(t).absorb(terms).build(), split,
                        ProgressMonitor.NONE);
                for (Comparison[] c : List.of(new Comparison[] {a.pooled(), b.pooled()},
                        new Comparison[] {a.suest(), b.suest()})) {
                    double[][] va = c[0].vcov();
                    double[][] vb = c[1].vcov();
                    for (int i = 0; i < va.length; i++) {
                        assertClose(c[0].coefficients()[i], c[1].coefficients()[i], 1e-10, t.key() + " b " + i);
                        for (int j = 0; j < va.length; j++) {
                            assertCloseScaled(va[i][j], vb[i][j], Math.sqrt(va[i][i] * va[j][j]), 1e-9,
                                    t.key() + " " + c[0].method() + " vcov " + i + "," + j);
                        }
                    }
                    double df = c[0].differences().get(0).df();
                    assertEquals(df, c[1].differences().get(0).df(), 1e-9 * df, t.key()); // CR2: Satterthwaite df
                }
            }
        }
    }

    /**
     * Driscoll-Kraay with a list of terms and no entity column: the default lag comes from the number of periods (as
     * panelkit fe takes it; with an entity, plm's rule on the periods per entity), and on a panel where both are 20 the
     * comparison is the shorthand's.
     */
    @Test
    void driscollKraayWithTermsAndNoEntityTakesTheLagFromThePeriods() {
        Columns data = panel(16, 20, 11);
        ComparisonResult a = SubsampleComparison.compare(data, model().vcov(VcovType.DRISCOLL_KRAAY).build(),
                SplitSpec.byBreak("year", 2011), ProgressMonitor.NONE);
        ComparisonResult b = SubsampleComparison.compare(data, ModelSpec.builder("y", List.of("x1", "x2")).time("year")
                .absorb(List.of(FixedEffectTerm.of("id"), FixedEffectTerm.of("year")))
                .vcov(VcovType.DRISCOLL_KRAAY).build(), SplitSpec.byBreak("year", 2011), ProgressMonitor.NONE);
        assertTrue(b.suest().description().contains("lag 2"), b.suest().description()); // floor(20^(1/4)) = 2
        assertEquals(a.suest().description(), b.suest().description());
        double[][] va = a.suest().vcov();
        double[][] vb = b.suest().vcov();
        for (int i = 0; i < va.length; i++) {
            for (int j = 0; j < va.length; j++) {
                assertCloseScaled(va[i][j], vb[i][j], Math.sqrt(va[i][i] * va[j][j]), 1e-9, "DK suest " + i + "," + j);
            }
        }
    }

    /**
     * Three terms (id, year and region^year, in which year is nested) and analytic weights: the pooled model and
     * the stacked comparison against R's lm(weights = w) on the explicit fully interacted dummy regression with
     * sandwich::vcovCL.
     */
    @Test
    void threeTermsAndWeightsAgreeWithRSandwichOnTheWeightedDummyRegression() throws Exception {
        RScript.requireR("sandwich");
        Columns base = panel(30, 9, 8);
        int n = base.rowCount();
        SplittableRandom rnd = new SplittableRandom(9);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.2 + 3 * rnd.nextDouble();
        }
        Columns data = new Columns(n);
        for (String c : List.of("id", "year", "x1", "x2", "y")) {
            data.addNumeric(c, base.numeric(c));
        }
        data.addKey("region", base.key("region"));
        data.addNumeric("w", w);
        double[] year = data.numeric("year");
        StringBuilder csv = new StringBuilder("id,year,region,grp,x1,x2,y,w\n");
        for (int i = 0; i < n; i++) {
            csv.append((int) data.numeric("id")[i]).append(',').append((int) year[i]).append(',')
                    .append(data.key("region").level(data.key("region").code(i))).append(',')
                    .append(year[i] < 2005 ? "a" : "b").append(',').append(data.numeric("x1")[i]).append(',')
                    .append(data.numeric("x2")[i]).append(',').append(data.numeric("y")[i]).append(',')
                    .append(w[i]).append('\n');
        }
        Path in = dir.resolve("stacked.csv");
        Path out = dir.resolve("reference.csv");
        Files.writeString(in, csv.toString(), StandardCharsets.UTF_8);
        RScript.run(SubsampleComparisonTest.class, "compare_reference.R", dir, in.toString(), out.toString());
        Columns ref = TestData.readCsv(out);
        ModelSpec spec = ModelSpec.builder("y", List.of("x1", "x2")).time("year")
                .absorb(List.of(FixedEffectTerm.of("id"), FixedEffectTerm.of("year"), FixedEffectTerm.of("region", "year")))
                .weights("w").cluster(List.of("id")).convention(Convention.AREG).build();
        ComparisonResult r = SubsampleComparison.compare(data, spec, SplitSpec.byBreak("year", 2005),
                ProgressMonitor.NONE);
        assertAgreesWithR(ref, r);
        // the weights matter: unweighted, the estimates move
        ComparisonResult u = SubsampleComparison.compare(data, spec.toBuilder().weights(null).build(),
                SplitSpec.byBreak("year", 2005), ProgressMonitor.NONE);
        assertTrue(Math.abs(u.pooled().coefficients()[0] - r.pooled().coefficients()[0]) > 1e-4,
                "weighted and unweighted differ");
    }

    @Test
    void pooledOlsGetsGroupInterceptsAndUnestimableTermsAreReported() {
        Columns data = panel(12, 10, 5);
        int n = data.rowCount();
        double[] year = data.numeric("year");
        double[] late = new double[n];
        for (int i = 0; i < n; i++) {
            late[i] = year[i] >= 2006 ? 1 : 0; // constant within each period: dropped in both fits
        }
        Columns more = new Columns(n);
        for (String c : data.columnNames()) {
            if (c.equals("region")) {
                more.addKey(c, data.key(c));
            } else {
                more.addNumeric(c, data.numeric(c));
            }
        }
        more.addNumeric("late", late);
        ModelSpec spec = ModelSpec.builder("y", List.of("x1", "late", "x2")).entity("id").time("year")
                .effects(Effects.NONE).build();
        ComparisonResult r = SubsampleComparison.compare(more, spec, SplitSpec.byBreak("year", 2006),
                ProgressMonitor.NONE);
        assertEquals(List.of("x1", "x2"), r.terms());
        assertEquals(List.of("late"), r.notCompared());
        for (int g = 0; g < 2; g++) {
            assertClose(r.separateFits().get(g).coefficients().get(0).estimate(), r.pooled().coefficients()[g], 1e-9,
                    "pooled OLS slope equals the separate fit");
        }
    }

    /**
     * Every estimator compares (issue 11). Driscoll-Kraay: the suest scores are summed by period; with lag 0 and a
     * period split no period is in both groups, so Var(b_post - b_pre) = V_pre + V_post, each the separate fit's
     * Driscoll-Kraay variance (xtreg convention: no small-sample factor).
     */
    @Test
    void everyEstimatorCompares() {
        Columns data = panel(10, 6, 6);
        for (VcovType t : VcovType.values()) {
            ComparisonResult r = SubsampleComparison.compare(data, model().vcov(t).build(), SplitSpec.byBreak("year",
                    2003), ProgressMonitor.NONE);
            assertEquals(2, r.groups().size(), t.key());
            assertTrue(Double.isFinite(r.suest().joint().statistic()), t.key());
            assertTrue(Double.isFinite(r.pooled().joint().statistic()), t.key());
        }
        ComparisonResult r = SubsampleComparison.compare(data, model().vcov(VcovType.DRISCOLL_KRAAY).dkLag(0).build(),
                SplitSpec.byBreak("year", 2003), ProgressMonitor.NONE);
        assertTrue(r.suest().description().contains("Driscoll-Kraay"), r.suest().description());
        for (CoefficientDifference d : r.suest().differences()) {
            double v = 0;
            for (var f : r.separateFits()) {
                double se = f.coefficients().stream().filter(c -> c.term().equals(d.term())).findFirst().get()
                        .stdError();
                v += se * se;
            }
            assertClose(Math.sqrt(v), d.stdError(), 1e-9, "DK suest se of " + d.term());
        }
    }

    @Test
    void badRequestsNameTheProblem() {
        Columns data = panel(10, 6, 6);
        PanelKitException e = assertThrows(PanelKitException.class, () -> SubsampleComparison.compare(data, model().build(),
                SplitSpec.byBreak("year", 1990), ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("1990"), e.getMessage());
        e = assertThrows(PanelKitException.class, () -> SubsampleComparison.compare(data, model().build(),
                SplitSpec.byColumn("nope"), ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    }
}
