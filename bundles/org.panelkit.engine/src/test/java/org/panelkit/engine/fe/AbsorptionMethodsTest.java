package org.panelkit.engine.fe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.vcov.Convention;
import org.panelkit.engine.vcov.VcovType;

/**
 * The absorption methods agree with each other: direct and iterative solves of the same terms give the same
 * slopes, standard errors and residuals; the shorthand two-way model equals the term list of its columns; a term
 * nested in another is redundant as a whole; weights of one are no weights. (The estimates themselves are checked
 * against R's dummy regressions in {@code HighDimensionalReferenceTest}.)
 */
class AbsorptionMethodsTest {
    private static final String[] X = {"x1", "x2"};

    /** An unbalanced firm-year panel, firms in industries, with effects of firm, year and industry-year. */
    private static Columns panel(int firms, int years, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int cap = firms * years;
        double[] firm = new double[cap];
        double[] year = new double[cap];
        double[] ind = new double[cap];
        double[] y = new double[cap];
        double[] x1 = new double[cap];
        double[] x2 = new double[cap];
        double[] w = new double[cap];
        double[] yearInd = new double[years * 7];
        for (int l = 0; l < yearInd.length; l++) {
            yearInd[l] = r.nextGaussian();
        }
        int n = 0;
        for (int f = 0; f < firms; f++) {
            double a = r.nextGaussian();
            int industry = r.nextInt(7);
            for (int t = 0; t < years; t++) {
                if (r.nextDouble() < 0.15) {
                    continue;
                }
                firm[n] = f;
                year[n] = 2000 + t;
                ind[n] = industry;
                x1[n] = r.nextGaussian() + 0.5 * a + 0.2 * yearInd[t * 7 + industry];
                x2[n] = r.nextGaussian() - 0.3 * a + 0.05 * t;
                y[n] = 1.2 * x1[n] - 0.4 * x2[n] + a + 0.1 * t + yearInd[t * 7 + industry] + r.nextGaussian();
                w[n] = 0.5 + r.nextDouble();
                n++;
            }
        }
        return new Columns(n).addKey("firm", KeyColumn.ofNumbers("firm", java.util.Arrays.copyOf(firm, n)))
                .addKey("year", KeyColumn.ofNumbers("year", java.util.Arrays.copyOf(year, n)))
                .addKey("industry", KeyColumn.ofNumbers("industry", java.util.Arrays.copyOf(ind, n)))
                .addNumeric("y", java.util.Arrays.copyOf(y, n)).addNumeric("x1", java.util.Arrays.copyOf(x1, n))
                .addNumeric("x2", java.util.Arrays.copyOf(x2, n)).addNumeric("w", java.util.Arrays.copyOf(w, n))
                .addNumeric("one", filled(n, 1.0));
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static ModelSpec.Builder spec(String fe) {
        return ModelSpec.builder("y", List.of(X)).fixedEffects(fe).cluster(List.of("firm")).vcov(VcovType.CLUSTER);
    }

    private static void assertSameFit(FixedEffectsResult a, FixedEffectsResult b, double tol) {
        assertSameInference(a, b, tol);
        assertEquals(a.ssr(), b.ssr(), tol * a.ssr(), "SSR");
    }

    private static void assertSameInference(FixedEffectsResult a, FixedEffectsResult b, double tol) {
        assertEquals(a.k(), b.k());
        for (int j = 0; j < a.k(); j++) {
            Coefficient ca = a.coefficients().get(j);
            Coefficient cb = b.coefficients().get(j);
            assertEquals(ca.term(), cb.term());
            assertEquals(ca.estimate(), cb.estimate(), tol * Math.abs(ca.estimate()), ca.term() + " estimate");
            assertEquals(ca.stdError(), cb.stdError(), tol * ca.stdError(), ca.term() + " se");
        }
        assertEquals(a.fixedEffectsRank(), b.fixedEffectsRank(), "rank of the fixed effects");
        assertEquals(a.dfResid(), b.dfResid());
    }

    @Test
    void iterativeEqualsDirectForThreeTerms() {
        Columns data = panel(400, 12, 1);
        ModelSpec s = spec("firm,year,industry^year").build();
        FixedEffectsResult direct = FixedEffectsRegression.fit(data, s);
        FixedEffectsResult iterative = FixedEffectsRegression.fit(data, s, ProgressMonitor.NONE, 0);
        assertEquals("direct", direct.absorption().method());
        assertEquals("iterative", iterative.absorption().method());
        assertTrue(iterative.absorption().converged());
        assertTrue(iterative.absorption().iterations() > 0);
        assertSameFit(direct, iterative, 1e-8);
        // direct, in the order listed (as lm drops dummies): firm none; year one (firm and year are connected);
        // industry^year the rest of the deficit: year is nested in it (12 - 1 more) and firms are nested in
        // industries (one component per industry: 7)
        AbsorbedTerm year = direct.absorbed().get(1);
        assertEquals("year", year.term());
        assertEquals(0, direct.absorbed().get(0).redundant());
        assertEquals(1, year.redundant());
        assertEquals(11 + 7, direct.absorbed().get(2).redundant());
        // iterative: the nested term is redundant as a whole, the components go to industry^year
        assertEquals(12, iterative.absorbed().get(1).redundant());
        assertEquals(7, iterative.absorbed().get(2).redundant());
    }

    /** The panel's rows in a random order (the same rows). */
    private static Columns shuffled(Columns data, long seed) {
        int n = data.rowCount();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        Columns out = new Columns(n);
        for (String name : List.of("y", "x1", "x2", "w", "one", "firm", "year", "industry")) {
            double[] v = data.numeric(name);
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = v[perm[i]];
            }
            if (List.of("firm", "year", "industry").contains(name)) {
                out.addKey(name, KeyColumn.ofNumbers(name, p));
            } else {
                out.addNumeric(name, p);
            }
        }
        return out;
    }

    @Test
    void rowsOrderedByTheLargestTermOrNotGiveTheSameFit() {
        // the sample is sorted by the largest term (firm) unless --entity names another column: then the group
        // means of firm run over scattered rows, the general path; both paths, one-way, direct and weighted
        Columns data = panel(300, 10, 5);
        for (String fe : List.of("firm", "firm,year", "firm,year,industry^year")) {
            for (boolean weighted : new boolean[] {false, true}) {
                ModelSpec.Builder b = spec(fe);
                if (weighted) {
                    b.weights("w");
                }
                FixedEffectsResult sorted = FixedEffectsRegression.fit(shuffled(data, 9), b.build());
                FixedEffectsResult byIndustry = FixedEffectsRegression.fit(data,
                        b.entity("industry").build());
                assertSameFit(sorted, byIndustry, 1e-10);
                assertEquals(sorted.absorption().method(), byIndustry.absorption().method(), fe);
            }
        }
    }

    @Test
    void iterativeEqualsDirectForTwoTermsWithWeights() {
        Columns data = panel(300, 10, 2);
        ModelSpec s = spec("firm,year").weights("w").build();
        FixedEffectsResult direct = FixedEffectsRegression.fit(data, s);
        FixedEffectsResult iterative = FixedEffectsRegression.fit(data, s, ProgressMonitor.NONE, 0);
        assertSameFit(direct, iterative, 1e-8);
        assertTrue(iterative.absorbed().get(1).exact(), "two terms: components counted exactly");
    }

    @Test
    void threeTermsWithoutNestingIterativeMatchesDirect() {
        // industry (not industry^year): firm is nested in industry, so industry is redundant; year and firm remain
        Columns data = panel(200, 8, 3);
        ModelSpec s = spec("year,industry,firm").build();
        FixedEffectsResult direct = FixedEffectsRegression.fit(data, s);
        FixedEffectsResult iterative = FixedEffectsRegression.fit(data, s, ProgressMonitor.NONE, 0);
        assertSameFit(direct, iterative, 1e-8);
        assertEquals(iterative.absorbed().get(1).levels(), iterative.absorbed().get(1).redundant(),
                "industry redundant as a whole (iterative)");
        assertEquals(1, direct.absorbed().get(1).redundant(), "industry given year: one level (direct, listed order)");
    }

    @Test
    void shorthandTwoWayEqualsTermList() {
        Columns data = panel(150, 9, 4);
        FixedEffectsResult shorthand = FixedEffectsRegression.fit(data, ModelSpec.builder("y", List.of(X))
                .entity("firm").time("year").effects(Effects.TWOWAY).build());
        FixedEffectsResult terms = FixedEffectsRegression.fit(data, spec("firm,year").build());
        assertSameFit(shorthand, terms, 1e-12);
        assertEquals("firm,year", terms.spec().feKey());
        assertEquals("twoway", shorthand.spec().feKey());
    }

    @Test
    void unitWeightsAreNoWeights() {
        Columns data = panel(150, 9, 5);
        for (String fe : new String[] {"none", "firm", "firm,year", "firm,year,industry^year"}) {
            for (VcovType v : new VcovType[] {VcovType.IID, VcovType.HC1, VcovType.CLUSTER, VcovType.CR2}) {
                ModelSpec.Builder b = spec(fe).vcov(v);
                FixedEffectsResult plain = FixedEffectsRegression.fit(data, b.build());
                FixedEffectsResult weighted = FixedEffectsRegression.fit(data, b.weights("one").build());
                assertSameFit(plain, weighted, 1e-10);
            }
        }
    }

    @Test
    void scaledWeightsGiveTheSameEstimates() {
        // analytic weights are relative: w and 10 w give the same estimates and standard errors
        Columns data = panel(120, 8, 6);
        double[] w = data.numeric("w");
        double[] w10 = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            w10[i] = 10 * w[i];
        }
        data.addNumeric("w10", w10);
        for (Convention c : Convention.values()) {
            ModelSpec.Builder b = spec("firm,year,industry^year").convention(c);
            // the SSR (sum of w e^2) scales with the weights; estimates, standard errors and df do not
            assertSameInference(FixedEffectsRegression.fit(data, b.weights("w").build()),
                    FixedEffectsRegression.fit(data, b.weights("w10").build()), 1e-10);
        }
    }

    @Test
    void weightsChangeTheEstimates() {
        Columns data = panel(120, 8, 7);
        FixedEffectsResult plain = FixedEffectsRegression.fit(data, spec("firm,year").build());
        FixedEffectsResult weighted = FixedEffectsRegression.fit(data, spec("firm,year").weights("w").build());
        assertFalse(Math.abs(plain.coefficients().get(0).estimate() - weighted.coefficients().get(0).estimate())
                < 1e-6);
    }

    @Test
    void negativeWeightIsAnErrorNamingTheRow() {
        Columns data = panel(50, 5, 8);
        double[] w = data.numeric("w").clone();
        w[3] = -1;
        data.addNumeric("wneg", w);
        PanelKitException e = assertThrows(PanelKitException.class,
                () -> FixedEffectsRegression.fit(data, spec("firm").weights("wneg").build()));
        assertTrue(e.getMessage().contains("row 4") && e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void zeroWeightRowsAreDroppedAndCounted() {
        Columns data = panel(80, 6, 9);
        double[] w = data.numeric("w").clone();
        w[0] = 0;
        w[5] = 0;
        data.addNumeric("wz", w);
        FixedEffectsResult r = FixedEffectsRegression.fit(data, spec("firm,year").weights("wz").build());
        assertEquals(2, r.zeroWeightsDropped());
        assertEquals(data.rowCount() - 2, r.observations());
    }

    @Test
    void singletonsAreDroppedOverAllTerms() {
        Columns data = panel(14, 6, 10);
        FixedEffectsResult kept = FixedEffectsRegression.fit(data, spec("firm,year,industry^year").build());
        FixedEffectsResult dropped = FixedEffectsRegression.fit(data, spec("firm,year,industry^year")
                .dropSingletons(true).build());
        assertEquals(kept.observations() - dropped.singletonsDropped(), dropped.observations());
        // every level of every term has two or more rows afterwards: the industry-year cells are small here
        assertTrue(dropped.singletonsDropped() > 0, "the panel has singleton industry-year cells");
    }

    @Test
    void noLevelLimitInEitherDimension() {
        // 6,000 workers x 6,000 firms (refused before: more than 5,000 levels in both dimensions)
        SplittableRandom r = new SplittableRandom(12);
        int n = 36_000;
        double[] worker = new double[n];
        double[] firm = new double[n];
        double[] y = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            worker[i] = i / 6;
            firm[i] = (i / 6 + (i % 6 == 0 ? 0 : r.nextInt(40))) % 6000;
            x[i] = r.nextGaussian();
            y[i] = 0.7 * x[i] + 0.001 * worker[i] + 0.002 * firm[i] + r.nextGaussian();
        }
        Columns data = new Columns(n).addKey("worker", KeyColumn.ofNumbers("worker", worker))
                .addKey("firm", KeyColumn.ofNumbers("firm", firm)).addNumeric("y", y).addNumeric("x", x);
        FixedEffectsResult res = FixedEffectsRegression.fit(data, ModelSpec.builder("y", List.of("x"))
                .fixedEffects("worker,firm").cluster(List.of("worker")).vcov(VcovType.CLUSTER).build());
        assertEquals("iterative", res.absorption().method());
        assertTrue(res.absorption().converged());
        int levels = res.absorbed().get(0).levels() + res.absorbed().get(1).levels();
        assertEquals(levels - res.absorbed().get(1).redundant(), res.fixedEffectsRank());
        assertTrue(res.absorbed().get(1).exact());
        assertEquals(0.7, res.coefficients().get(0).estimate(), 0.05);
    }

    @Test
    void driscollKraayUnderFixestIsRefusedNamingTheOthers() {
        Columns data = panel(40, 6, 13);
        PanelKitException e = assertThrows(PanelKitException.class, () -> FixedEffectsRegression.fit(data,
                ModelSpec.builder("y", List.of(X)).entity("firm").time("year").vcov(VcovType.DRISCOLL_KRAAY)
                        .convention(Convention.FIXEST).build()));
        assertTrue(e.getMessage().contains("xtreg, areg, sandwich and plm"), e.getMessage());
    }
}
