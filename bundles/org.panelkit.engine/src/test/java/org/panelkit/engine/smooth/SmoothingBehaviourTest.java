package org.panelkit.engine.smooth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;

/** Moving averages by hand (gaps in time, missing cells, minimum periods) and properties of the HP filter. */
class SmoothingBehaviourTest {
    static final double NA = Double.NaN;

    static Columns panel(String[] ids, double[] t, double[] y) {
        return new Columns(ids.length).addKey("id", KeyColumn.ofStrings("id", ids)).addNumeric("t", t).addNumeric("y", y);
    }

    static double[] smooth(Columns d, SmoothingMethod m, int window, int minPeriods) {
        return PanelSmoothing.run(d, SmoothingSpec.builder("id", "t", List.of("y")).method(m).window(window)
                .minPeriods(minPeriods).build()).values(m == SmoothingMethod.MA ? "y_ma" : "y_trailing_ma");
    }

    static void assertValues(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertTrue(Double.isNaN(actual[i]), what + " [" + i + "]: expected missing, got " + actual[i]);
            } else {
                assertEquals(expected[i], actual[i], 1e-12 * Math.max(1, Math.abs(expected[i])), what + " [" + i + "]");
            }
        }
    }

    /**
     * Rows shuffled. A: periods 1..7 with values 1, 2, 4, NA, 8, 16, 32 (no row for period 8, which B has).
     * B: periods 1, 2, 3, 8 (no rows for 4..7): values 10, 20, 30, 80.
     */
    static Columns data() {
        return panel(new String[] {"B", "A", "A", "B", "A", "A", "B", "A", "A", "B", "A"},
                new double[] {8, 7, 1, 2, 3, 2, 1, 4, 5, 3, 6},
                new double[] {80, 32, 1, 20, 4, 2, 10, NA, 8, 30, 16});
    }

    @Test
    void centredMovingAverageByHand() {
        // window 3, min periods 2: A1 (1+2)/2, A2 (1+2+4)/3, A3 (2+4)/2, A4 (4+8)/2, A5 (8+16)/2, A6 (8+16+32)/3,
        // A7 (16+32)/2; B1 15, B2 20, B3 (20+30)/2 (no row for 4), B8 only 80 -> 1 < 2 -> missing
        assertValues(new double[] {1.5, 7.0 / 3, 3, 6, 12, 56.0 / 3, 24, 15, 20, 25, NA},
                smooth(data(), SmoothingMethod.MA, 3, 2), "ma3 min2");
        // min periods = window (default): only complete windows
        assertValues(new double[] {NA, 7.0 / 3, NA, NA, NA, 56.0 / 3, NA, NA, 20, NA, NA},
                smooth(data(), SmoothingMethod.MA, 3, 0), "ma3");
        // window 5, min periods 1: A4 = (2+4+8+16)/4
        assertEquals(7.5, smooth(data(), SmoothingMethod.MA, 5, 1)[3], 1e-15);
    }

    @Test
    void trailingMovingAverageByHand() {
        // window 3, min 2: A1 1 obs -> NA, A2 1.5, A3 7/3, A4 (2+4)/2, A5 (4+8)/2, A6 (8+16)/2, A7 56/3;
        // B1 NA, B2 15, B3 20, B8 (periods 6..8: only 80) NA
        assertValues(new double[] {NA, 1.5, 7.0 / 3, 3, 6, 12, 56.0 / 3, NA, 15, 20, NA},
                smooth(data(), SmoothingMethod.TRAILING_MA, 3, 2), "trailing3");
        assertValues(new double[] {1, 2, 4, NA, 8, 16, 32, 10, 20, 30, 80},
                smooth(data(), SmoothingMethod.TRAILING_MA, 1, 0), "window 1 is the identity");
    }

    @Test
    void hpReproducesLinearTrendsAndItsNormalEquations() {
        // K t = 0, so a linear series is its own trend; and cycle = lambda K'K tau sums to 0 and is orthogonal to t
        double[] line = new double[25];
        for (int i = 0; i < line.length; i++) {
            line[i] = 3 + 0.5 * i;
        }
        double[] tau = HodrickPrescott.trend(line, 1600);
        for (int i = 0; i < line.length; i++) {
            assertEquals(line[i], tau[i], 1e-9);
        }
        SplittableRandom rnd = new SplittableRandom(1);
        double[] y = new double[40];
        for (int i = 0; i < y.length; i++) {
            y[i] = 10 * Math.sin(i / 3.0) + rnd.nextGaussian() + 0.2 * i;
        }
        for (double lambda : new double[] {6.25, 100, 1e5}) {
            double[] tr = HodrickPrescott.trend(y, lambda);
            double s0 = 0;
            double s1 = 0;
            for (int i = 0; i < y.length; i++) {
                s0 += y[i] - tr[i];
                s1 += i * (y[i] - tr[i]);
            }
            assertEquals(0, s0, 1e-9);
            assertEquals(0, s1, 1e-7);
            // first-order condition row by row: (y - tau) = lambda K'K tau
            for (int i = 0; i < y.length; i++) {
                double kk = 0;
                for (int r = Math.max(0, i - 2); r <= Math.min(i, y.length - 3); r++) {
                    double secondDiff = tr[r] - 2 * tr[r + 1] + tr[r + 2];
                    kk += secondDiff * (i == r || i == r + 2 ? 1 : -2);
                }
                assertEquals(y[i] - tr[i], lambda * kk, 1e-8 * Math.max(1, lambda), "row " + i + " lambda " + lambda);
            }
        }
        assertEquals(List.of(1.0, 2.0), List.of(HodrickPrescott.trend(new double[] {1, 2}, 100)[0],
                HodrickPrescott.trend(new double[] {1, 2}, 100)[1]));
    }

    @Test
    void hpLeavesEndsMissingAndRejectsInteriorGaps() {
        Columns d = panel(new String[] {"A", "A", "A", "A", "A", "A"}, new double[] {1, 2, 3, 4, 5, 6},
                new double[] {NA, 1, 3, 2, 5, NA});
        SmoothingResult r = PanelSmoothing.run(d, SmoothingSpec.builder("id", "t", List.of("y")).method(SmoothingMethod.HP)
                .lambda(100).build());
        double[] tr = r.values("y_hp");
        double[] expected = HodrickPrescott.trend(new double[] {1, 3, 2, 5}, 100);
        assertTrue(Double.isNaN(tr[0]) && Double.isNaN(tr[5]) && Double.isNaN(r.values("y_cycle")[0]));
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], tr[i + 1], 0.0);
        }
        assertEquals(4, r.computed("y"));
        assertEquals(List.of("y_hp", "y_cycle"), r.outputColumns());

        Columns hole = panel(new String[] {"A", "A", "A", "A"}, new double[] {1, 2, 3, 4}, new double[] {1, NA, 3, 4});
        PanelKitException e = assertThrows(PanelKitException.class, () -> PanelSmoothing.run(hole,
                SmoothingSpec.builder("id", "t", List.of("y")).method(SmoothingMethod.HP).lambda(100).build()));
        assertTrue(e.getMessage().startsWith("column 'y', id 'A': the HP filter needs a value in every period")
                && e.getMessage().contains("t 2 is missing"), e.getMessage());
        Columns absent = panel(new String[] {"A", "A", "A", "B"}, new double[] {1, 2, 4, 3}, new double[] {1, 2, 4, 3});
        e = assertThrows(PanelKitException.class, () -> PanelSmoothing.run(absent,
                SmoothingSpec.builder("id", "t", List.of("y")).method(SmoothingMethod.HP).lambda(100).build()));
        assertTrue(e.getMessage().contains("no row for the 1 period(s) between t 2 and 4"), e.getMessage());
    }

    @Test
    void specValidation() {
        assertThrows(IllegalArgumentException.class, () -> SmoothingSpec.builder("id", "t", List.of("y")).window(4).build());
        assertThrows(IllegalArgumentException.class, () -> SmoothingSpec.builder("id", "t", List.of("y")).build());
        assertThrows(IllegalArgumentException.class, () -> SmoothingSpec.builder("id", "t", List.of("y")).window(3)
                .minPeriods(4).build());
        assertThrows(IllegalArgumentException.class, () -> SmoothingSpec.builder("id", "t", List.of("y"))
                .method(SmoothingMethod.HP).build());
        assertThrows(IllegalArgumentException.class, () -> SmoothingSpec.builder("id", "t", List.of("y"))
                .method(SmoothingMethod.HP).lambda(100).window(3).build());
        assertEquals(4, SmoothingSpec.builder("id", "t", List.of("y")).method(SmoothingMethod.TRAILING_MA).window(4)
                .build().minPeriods());
        assertEquals(SmoothingMethod.TRAILING_MA, SmoothingMethod.fromKey("trailing-ma"));
        assertEquals("gsp_trailing_ma", SmoothingSpec.builder("id", "t", List.of("gsp")).method(SmoothingMethod.TRAILING_MA)
                .window(2).build().outputName("gsp"));
    }
}
