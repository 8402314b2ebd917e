package org.panelkit.engine.lq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panelkit.engine.testing.Approx.assertClose;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;

/**
 * Krugman, Hoover, Gini and HHI: a two-region example by hand, and random tables against formulas written
 * differently from the engine's (sums of positive parts, the pairwise mean-difference Gini).
 */
class IndicesTest {

    @Test
    void handExample() {
        // R1: A 30, B 10; R2: A 20, B 50. Shares of the nation: A 5/11, B 6/11.
        LqResult r = LocationQuotients.compute(LocationQuotientsTest.twoByTwo(),
                LocationQuotientsTest.longSpec().indices(true).build());
        SpecializationTable k = r.specialization();
        assertEquals(2, k.size());
        assertEquals("R1", k.region(0));
        assertEquals("2001", k.time(0));
        assertClose(13.0 / 22, k.krugman(0), 1e-14, "Krugman R1 = |3/4-5/11| + |1/4-6/11|");
        assertClose(26.0 / 77, k.krugman(1), 1e-14, "Krugman R2 = 2|2/7-5/11|");
        LocalizationTable l = r.localization();
        assertEquals(2, l.size());
        assertEquals("A", l.industry(0));
        // A: a = (.6, .4), b = (4/11, 7/11); B: a = (1/6, 5/6)
        assertClose(13.0 / 55, l.hoover(0), 1e-14, "Hoover A");
        assertClose(13.0 / 66, l.hoover(1), 1e-14, "Hoover B");
        assertClose(0.52, l.hhi(0), 1e-14, "HHI A");
        assertClose(26.0 / 36, l.hhi(1), 1e-14, "HHI B");
        // two regions: the Gini is b1 b2 |r1 - r2| = (28/121)(1.65 - 220/350) = 13/55
        assertClose(13.0 / 55, l.gini(0), 1e-14, "Gini A");
    }

    @Test
    void threeRegionGiniByHand() {
        // one industry X and the rest Y; region totals 10, 20, 70; X = 5, 5, 0
        Columns c = LocationQuotientsTest.table(new String[] {"a", "a", "b", "b", "c", "c"},
                new double[] {1, 1, 1, 1, 1, 1}, new String[] {"X", "Y", "X", "Y", "X", "Y"},
                new double[] {5, 5, 5, 15, 0, 70});
        LocalizationTable l = LocationQuotients.compute(c, LocationQuotientsTest.longSpec().indices(true).build())
                .localization();
        // b = (.1, .2, .7), aX = (.5, .5, 0); sorted by a/b: c (0), b (2.5), a (5)
        // Lorenz points (X, Y): (0,0) (.7,0) (.9,.5) (1,1): area term .7*0 + .2*.5 + .1*1.5 = .25 -> G = .75
        assertClose(0.75, l.gini(0), 1e-14, "Gini X");
        assertClose(0.5 * (0.4 + 0.3 + 0.7), l.hoover(0), 1e-14, "Hoover X");
        assertClose(0.5, l.hhi(0), 1e-14, "HHI X");
    }

    @Test
    void randomTablesAgainstIndependentFormulas() {
        SplittableRandom rnd = new SplittableRandom(20240607L);
        for (int rep = 0; rep < 20; rep++) {
            int regions = 2 + rnd.nextInt(12);
            int inds = 2 + rnd.nextInt(6);
            int years = 1 + rnd.nextInt(3);
            double[][][] y = new double[years][regions][inds];
            List<String> reg = new ArrayList<>();
            List<String> ind = new ArrayList<>();
            List<Double> yr = new ArrayList<>();
            List<Double> val = new ArrayList<>();
            for (int t = 0; t < years; t++) {
                for (int i = 0; i < regions; i++) {
                    for (int j = 0; j < inds; j++) {
                        double v = rnd.nextDouble() < 0.1 ? 0 : Math.exp(rnd.nextGaussian() * 2) * 100;
                        y[t][i][j] = v;
                        reg.add(String.format("R%02d", i));
                        ind.add("I" + j);
                        yr.add(2000.0 + t);
                        val.add(v);
                    }
                }
            }
            Columns c = new Columns(val.size()).addKey("region", KeyColumn.ofStrings("region", reg.toArray(new String[0])))
                    .addNumeric("year", yr.stream().mapToDouble(Double::doubleValue).toArray())
                    .addKey("industry", KeyColumn.ofStrings("industry", ind.toArray(new String[0])))
                    .addNumeric("value", val.stream().mapToDouble(Double::doubleValue).toArray());
            LqResult r = LocationQuotients.compute(c, LocationQuotientsTest.longSpec().indices(true).build());
            for (int t = 0; t < years; t++) {
                double total = 0;
                double[] regionTotal = new double[regions];
                double[] industryTotal = new double[inds];
                for (int i = 0; i < regions; i++) {
                    for (int j = 0; j < inds; j++) {
                        total += y[t][i][j];
                        regionTotal[i] += y[t][i][j];
                        industryTotal[j] += y[t][i][j];
                    }
                }
                for (int i = 0; i < regions; i++) {
                    // Krugman = 2 * sum of the positive parts of (s_ij - s_j)
                    double pos = 0;
                    double lqCheck = 0;
                    for (int j = 0; j < inds; j++) {
                        double d = y[t][i][j] / regionTotal[i] - industryTotal[j] / total;
                        pos += Math.max(d, 0);
                        double lq = r.lq()[(t * regions + i) * inds + j];
                        lqCheck += industryTotal[j] == 0 ? 0 : lq * industryTotal[j] / total;
                    }
                    int row = i * years + t;
                    assertClose(2 * pos, r.specialization().krugman(row), 1e-12, "Krugman rep " + rep);
                    // the nation-weighted mean of a region's LQs is 1
                    assertClose(1, lqCheck, 1e-12, "sum_j s_j LQ_ij rep " + rep);
                }
                for (int j = 0; j < inds; j++) {
                    int row = j * years + t;
                    if (industryTotal[j] == 0) {
                        assertTrue(Double.isNaN(r.localization().hoover(row)));
                        continue;
                    }
                    double pos = 0;
                    double hhi = 0;
                    double mean = 0;
                    double pairs = 0;
                    for (int i = 0; i < regions; i++) {
                        double a = y[t][i][j] / industryTotal[j];
                        double b = regionTotal[i] / total;
                        pos += Math.max(a - b, 0);
                        hhi += a * a;
                        mean += a;
                        for (int k = 0; k < regions; k++) {
                            double a2 = y[t][k][j] / industryTotal[j];
                            double b2 = regionTotal[k] / total;
                            pairs += b * b2 * Math.abs(a / b - a2 / b2);
                        }
                    }
                    assertClose(pos, r.localization().hoover(row), 1e-12, "Hoover rep " + rep);
                    assertClose(hhi, r.localization().hhi(row), 1e-12, "HHI rep " + rep);
                    assertClose(pairs / (2 * mean), r.localization().gini(row), 1e-11, "Gini rep " + rep);
                }
            }
        }
    }

    @Test
    void absentRowsCountAsZero() {
        // the same table with and without its zero rows gives the same indices
        String[] reg = {"a", "a", "a", "b", "b", "b", "c", "c", "c"};
        String[] ind = {"X", "Y", "Z", "X", "Y", "Z", "X", "Y", "Z"};
        double[] val = {3, 0, 7, 0, 4, 4, 9, 1, 0};
        double[] yr = new double[9];
        java.util.Arrays.fill(yr, 2010);
        LqResult full = LocationQuotients.compute(LocationQuotientsTest.table(reg, yr, ind, val),
                LocationQuotientsTest.longSpec().indices(true).build());
        LqResult sparse = LocationQuotients.compute(LocationQuotientsTest.table(new String[] {"a", "a", "b", "b", "c", "c"},
                new double[] {2010, 2010, 2010, 2010, 2010, 2010}, new String[] {"X", "Z", "Y", "Z", "X", "Y"},
                new double[] {3, 7, 4, 4, 9, 1}), LocationQuotientsTest.longSpec().indices(true).build());
        for (int k = 0; k < 3; k++) {
            assertClose(full.specialization().krugman(k), sparse.specialization().krugman(k), 1e-14, "Krugman " + k);
            assertClose(full.localization().hoover(k), sparse.localization().hoover(k), 1e-14, "Hoover " + k);
            assertClose(full.localization().gini(k), sparse.localization().gini(k), 1e-14, "Gini " + k);
            assertClose(full.localization().hhi(k), sparse.localization().hhi(k), 1e-14, "HHI " + k);
        }
        assertClose(full.lq()[2], sparse.lq()[1], 1e-15, "LQ a Z");
    }

    @Test
    void missingValueMakesItsIndicesMissing() {
        Columns c = LocationQuotientsTest.table(new String[] {"R1", "R1", "R2", "R2"}, new double[] {2001, 2001, 2001, 2001},
                new String[] {"A", "B", "A", "B"}, new double[] {30, Double.NaN, 20, 50});
        LqResult r = LocationQuotients.compute(c,
                LocationQuotientsTest.longSpec().indices(true).missing(LqSpec.Missing.SKIP).build());
        assertTrue(Double.isNaN(r.specialization().krugman(0)), "R1 has a missing value");
        assertTrue(Double.isNaN(r.localization().hoover(0)), "a region total of the year is missing");
        assertTrue(!Double.isNaN(r.lq()[0]), "LQ of R1 A under skip");
    }
}
