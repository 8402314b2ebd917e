package org.panelkit.engine.fe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.vcov.VcovType;

/**
 * Samples of a million rows and more, where the sample is built in two halves of the rows in parallel
 * ({@link Kernels#halves}): missing values, zero weights and unsorted rows in both halves give the fit of the rows
 * that remain, given complete and sorted; an infinite value is reported at its row in either half.
 */
class LargeSampleTest {
    private static final int FIRMS = 150_000;
    private static final int YEARS = 8;

    /** Rows of a firm-year panel (firm, year, y, x1, x2, w), firms in blocks of rows in a scrambled order. */
    private static List<double[]> rows(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<double[]> rows = new ArrayList<>();
        for (int f = 0; f < FIRMS; f++) {
            double a = r.nextGaussian();
            for (int t = 0; t < YEARS; t++) {
                double x1 = r.nextGaussian() + 0.5 * a;
                double x2 = r.nextGaussian() + 0.1 * t;
                double y = 1.5 * x1 - 0.5 * x2 + a + 0.2 * t + r.nextGaussian();
                rows.add(new double[] {f, 2001 + t, y, x1, x2, 0.5 + r.nextDouble()});
            }
        }
        return rows;
    }

    private static Columns columns(List<double[]> rows) {
        int n = rows.size();
        double[][] c = new double[6][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 6; j++) {
                c[j][i] = rows.get(i)[j];
            }
        }
        return new Columns(n).addKey("firm", KeyColumn.ofNumbers("firm", c[0]))
                .addKey("year", KeyColumn.ofNumbers("year", c[1])).addNumeric("y", c[2]).addNumeric("x1", c[3])
                .addNumeric("x2", c[4]).addNumeric("w", c[5]);
    }

    private static ModelSpec spec(boolean panelKeys) {
        ModelSpec.Builder b = ModelSpec.builder("y", List.of("x1", "x2")).weights("w").cluster(List.of("firm"))
                .vcov(VcovType.CLUSTER);
        return panelKeys ? b.entity("firm").time("year").fixedEffects("twoway").build()
                : b.fixedEffects("firm,year").build();
    }

    @Test
    void missingValuesZeroWeightsAndUnsortedRowsInBothHalves() {
        List<double[]> all = rows(11);
        SplittableRandom r = new SplittableRandom(12);
        List<double[]> kept = new ArrayList<>();
        for (double[] row : all) {
            double u = r.nextDouble();
            if (u < 0.01) {
                row[2 + r.nextInt(3)] = Double.NaN; // y, x1 or x2 missing
            } else if (u < 0.015) {
                row[5] = 0; // a zero weight drops the row
            } else {
                kept.add(row);
            }
        }
        // the input: blocks of 1,000 rows in reverse order (unsorted in both halves and across them)
        List<double[]> input = new ArrayList<>();
        for (int end = all.size(); end > 0; end -= 1000) {
            input.addAll(all.subList(Math.max(0, end - 1000), end));
        }
        assertEquals(FIRMS * YEARS, input.size());
        for (boolean panelKeys : new boolean[] {true, false}) {
            FixedEffectsResult got = FixedEffectsRegression.fit(columns(input), spec(panelKeys));
            FixedEffectsResult want = FixedEffectsRegression.fit(columns(kept), spec(panelKeys));
            assertEquals(kept.size(), got.observations());
            assertEquals(input.size() - kept.size(), got.droppedMissing() + got.zeroWeightsDropped());
            for (int j = 0; j < 2; j++) {
                Coefficient g = got.coefficients().get(j);
                Coefficient w = want.coefficients().get(j);
                assertEquals(w.estimate(), g.estimate(), 1e-12 * Math.abs(w.estimate()), g.term());
                assertEquals(w.stdError(), g.stdError(), 1e-12 * w.stdError(), g.term());
            }
            assertEquals(want.fixedEffectsRank(), got.fixedEffectsRank());
        }
    }

    @Test
    void anInfiniteValueIsReportedAtItsRowInEitherHalf() {
        List<double[]> all = rows(13);
        all.get(1_000_000)[4] = Double.POSITIVE_INFINITY; // x2, second half
        all.get(900_000)[2] = Double.NaN; // missing values do not stop the check
        assertEquals("column 'x2', row 1000001: infinite value; replace it or mark it missing", failure(all));
        all.get(5)[4] = Double.NEGATIVE_INFINITY; // x2, first half: the first one is named
        assertEquals("column 'x2', row 6: infinite value; replace it or mark it missing", failure(all));
        all.get(1_100_000)[3] = Double.POSITIVE_INFINITY; // x1 comes before x2
        assertEquals("column 'x1', row 1100001: infinite value; replace it or mark it missing", failure(all));
    }

    private static String failure(List<double[]> rows) {
        return assertThrows(PanelKitException.class, () -> FixedEffectsRegression.fit(columns(rows), spec(false)))
                .getMessage();
    }

    /**
     * Each half sorted, the two halves not in order: sorted again, so that a duplicate panel key whose rows lie in
     * different halves is found (the rows of a key are adjacent only in the sorted sample).
     */
    @Test
    void halvesSortedEachButNotTogetherAreSorted() {
        List<double[]> sorted = rows(17);
        int half = sorted.size() / 2;
        List<double[]> swapped = new ArrayList<>(sorted.subList(half, sorted.size()));
        swapped.addAll(sorted.subList(0, half));
        FixedEffectsResult got = FixedEffectsRegression.fit(columns(swapped), spec(true));
        FixedEffectsResult want = FixedEffectsRegression.fit(columns(sorted), spec(true));
        assertEquals(want.coefficients().get(0).estimate(), got.coefficients().get(0).estimate(),
                1e-12 * Math.abs(want.coefficients().get(0).estimate()));
        // the first row of the input (firm 75000, 2001) again as its last row, each half still sorted: the two rows
        // of that key are adjacent once sorted, and far apart before
        swapped.set(swapped.size() - 1, swapped.get(0).clone());
        PanelKitException e = assertThrows(PanelKitException.class,
                () -> FixedEffectsRegression.fit(columns(swapped), spec(true)));
        assertTrue(e.getMessage().startsWith("duplicate panel key (firm=75000, year=2001)"), e.getMessage());
    }
}
