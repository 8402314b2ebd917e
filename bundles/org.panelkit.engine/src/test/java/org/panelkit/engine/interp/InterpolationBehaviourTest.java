package org.panelkit.engine.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;

/** Hand-computed cases: time spacing, row order, entity boundaries, ends, max-gap, grid completion, errors. */
class InterpolationBehaviourTest {
    static final double NA = Double.NaN;

    static Columns panel(String[] ids, double[] t, double[] y) {
        return new Columns(ids.length).addKey("id", KeyColumn.ofStrings("id", ids)).addNumeric("t", t).addNumeric("y", y);
    }

    static InterpolationResult run(Columns data, InterpolationMethod m, Ends e, int maxGap, boolean complete) {
        return PanelInterpolation.run(data, InterpolationSpec.builder("id", "t", List.of("y")).method(m).ends(e)
                .maxGap(maxGap).complete(complete).build());
    }

    static double[] values(Columns data, InterpolationMethod m, Ends e) {
        return run(data, m, e, InterpolationSpec.NO_LIMIT, false).values("y");
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

    /** Rows out of order, two entities interleaved, B has no row for 2001 and 2002. */
    static Columns unsorted() {
        return panel(new String[] {"B", "A", "B", "A", "A", "B", "A", "B"},
                new double[] {2003, 2002, 2000, 2000, 2004, 2004, 2001, 2005},
                new double[] {NA, NA, 10, 1, 9, 18, NA, NA});
    }

    @Test
    void sortsByEntityAndTimeAndUsesActualTimeAsX() {
        InterpolationResult r = run(unsorted(), InterpolationMethod.LINEAR, Ends.NONE, InterpolationSpec.NO_LIMIT, false);
        // A: 2000 1, 2001 ?, 2002 ?, 2004 9 -> slope 2 per year; B: 2000 10, 2003 ?, 2004 18, 2005 ? -> 16 (not 14)
        assertArrayEquals(new int[] {3, 6, 1, 4, 2, 0, 5, 7}, r.order().sourceRows().clone());
        assertValues(new double[] {1, 3, 5, 9, 10, 16, 18, NA}, r.values("y"), "linear");
        boolean[] f = r.imputed("y");
        assertArrayEquals(new boolean[] {false, true, true, false, false, true, false, false}, f);
        assertEquals(List.of("y"), r.columns());
        ColumnSummary s = r.summary().get(0);
        assertEquals(4, s.observed());
        assertEquals(3, s.filled());
        assertEquals(1, s.missing());
    }

    @Test
    void endsAndDirectionalMethods() {
        Columns d = unsorted();
        // B's trailing 2005: constant 18, extrapolated along the 2000-2004 line 18 + 2 = 20
        assertValues(new double[] {1, 3, 5, 9, 10, 16, 18, 18}, values(d, InterpolationMethod.LINEAR, Ends.CONSTANT), "constant");
        assertValues(new double[] {1, 3, 5, 9, 10, 16, 18, 20}, values(d, InterpolationMethod.LINEAR, Ends.EXTRAPOLATE), "extrap");
        assertValues(new double[] {1, 1, 1, 9, 10, 10, 18, 18}, values(d, InterpolationMethod.LOCF, Ends.NONE), "locf");
        assertValues(new double[] {1, 9, 9, 9, 10, 18, 18, NA}, values(d, InterpolationMethod.NOCB, Ends.NONE), "nocb");
        assertValues(new double[] {1, 9, 9, 9, 10, 18, 18, 18}, values(d, InterpolationMethod.NOCB, Ends.CONSTANT), "nocb+c");
        // nearest in time: A 2001 is 1 year from 2000 and 3 from 2004; 2002 is a tie -> the earlier value
        assertValues(new double[] {1, 1, 1, 9, 10, 18, 18, NA}, values(d, InterpolationMethod.NEAREST, Ends.NONE), "nearest");
        assertValues(new double[] {1, 1, 1, 9, 10, 18, 18, 18}, values(d, InterpolationMethod.NEAREST, Ends.EXTRAPOLATE), "nearest");
    }

    @Test
    void leadingGapsAndOtherEntitiesStaySeparate() {
        Columns d = panel(new String[] {"A", "A", "A", "B", "B", "B"}, new double[] {1, 2, 3, 1, 2, 3},
                new double[] {5, 6, 7, NA, NA, 100});
        assertValues(new double[] {5, 6, 7, NA, NA, 100}, values(d, InterpolationMethod.LINEAR, Ends.NONE), "none");
        assertValues(new double[] {5, 6, 7, NA, NA, 100}, values(d, InterpolationMethod.SPLINE, Ends.NONE), "spline none");
        // a single observation: constant and extrapolate fill the series with it
        assertValues(new double[] {5, 6, 7, 100, 100, 100}, values(d, InterpolationMethod.SPLINE, Ends.EXTRAPOLATE), "single");
        assertValues(new double[] {5, 6, 7, 100, 100, 100}, values(d, InterpolationMethod.PCHIP, Ends.CONSTANT), "single");
        assertValues(new double[] {5, 6, 7, 100, 100, 100}, values(d, InterpolationMethod.LOGLINEAR, Ends.EXTRAPOLATE), "single");
    }

    @Test
    void naturalSplineByHand() {
        // through (0,0), (1,1), (2,0): M1 = -3, S(x) = 1.5x - 0.5x^3 on [0,1]; end slopes +-1.5, linear beyond
        Columns d = panel(new String[] {"A", "A", "A", "A", "A", "A", "A"}, new double[] {-1, 0, 0.5, 1, 1.5, 2, 3},
                new double[] {NA, 0, NA, 1, NA, 0, NA});
        assertValues(new double[] {-1.5, 0, 0.6875, 1, 0.6875, 0, -1.5}, values(d, InterpolationMethod.SPLINE, Ends.EXTRAPOLATE),
                "spline");
    }

    @Test
    void everyMethodIsExactOnLinearData() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 40;
        double[] t = new double[n];
        double[] y = new double[n];
        double[] truth = new double[n];
        String[] ids = new String[n];
        double x = 0;
        for (int i = 0; i < n; i++) {
            x += 0.5 + rnd.nextDouble();
            t[i] = x;
            ids[i] = "A";
            truth[i] = 3 - 0.7 * x;
            y[i] = i > 0 && i < n - 1 && rnd.nextDouble() < 0.4 ? NA : truth[i];
        }
        y[1] = NA;
        y[n - 2] = NA;
        Columns d = panel(ids, t, y);
        for (InterpolationMethod m : new InterpolationMethod[] {InterpolationMethod.LINEAR, InterpolationMethod.SPLINE,
                InterpolationMethod.PCHIP}) {
            double[] v = values(d, m, Ends.EXTRAPOLATE);
            for (int i = 0; i < n; i++) {
                assertEquals(truth[i], v[i], 1e-12, m + " at " + t[i]);
            }
        }
    }

    @Test
    void loglinearIsExactOnExponentialData() {
        // 100 * 1.05^(t - 2000) with unequal spacing (no rows for 2003-2004) and both ends missing
        double[] t = {1998, 1999, 2000, 2001, 2002, 2005, 2006, 2007, 2009, 2010};
        double[] y = new double[t.length];
        String[] ids = new String[t.length];
        for (int i = 0; i < t.length; i++) {
            ids[i] = "A";
            y[i] = i == 0 || i == 1 || i == 3 || i == 5 || i == 6 || i == 9 ? NA : 100 * Math.pow(1.05, t[i] - 2000);
        }
        double[] v = values(panel(ids, t, y), InterpolationMethod.LOGLINEAR, Ends.EXTRAPOLATE);
        for (int i = 0; i < t.length; i++) {
            double truth = 100 * Math.pow(1.05, t[i] - 2000);
            assertEquals(truth, v[i], 1e-11 * truth, "t = " + t[i]);
        }
        double[] lin = values(panel(ids, t, y), InterpolationMethod.LINEAR, Ends.NONE);
        assertTrue(lin[5] > 100 * Math.pow(1.05, 5) + 0.1, "linear over-estimates a convex curve");
    }

    @Test
    void loglinearRejectsNonPositiveValuesNamingEntityAndColumn() {
        Columns d = panel(new String[] {"A", "A", "B", "B", "B"}, new double[] {1, 2, 1, 2, 3}, new double[] {1, NA, 2, 0, 5});
        PanelKitException e = assertThrows(PanelKitException.class, () -> values(d, InterpolationMethod.LOGLINEAR, Ends.NONE));
        assertTrue(e.getMessage().contains("column 'y'") && e.getMessage().contains("'B'") && e.getMessage().contains("t 2"),
                e.getMessage());
    }

    @Test
    void pchipHasNoOvershoot() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int rep = 0; rep < 200; rep++) {
            int n = 8 + rnd.nextInt(10);
            // observed knots (random, some flat or monotone stretches), then a dense grid of missing points between
            double[] xk = new double[n];
            double[] yk = new double[n];
            double x = 0;
            for (int i = 0; i < n; i++) {
                x += 0.2 + rnd.nextDouble() * 3;
                xk[i] = x;
                double u = rnd.nextDouble();
                yk[i] = i > 0 && u < 0.2 ? yk[i - 1] : i > 0 && u < 0.6 ? yk[i - 1] + rnd.nextDouble() : rnd.nextGaussian() * 5;
            }
            int per = 9;
            int rows = (n - 1) * per + 1;
            double[] t = new double[rows];
            double[] y = new double[rows];
            String[] ids = new String[rows];
            for (int j = 0; j < n - 1; j++) {
                for (int q = 0; q < per; q++) {
                    t[j * per + q] = xk[j] + (xk[j + 1] - xk[j]) * q / per;
                    y[j * per + q] = q == 0 ? yk[j] : NA;
                }
            }
            t[rows - 1] = xk[n - 1];
            y[rows - 1] = yk[n - 1];
            java.util.Arrays.fill(ids, "A");
            double[] v = values(panel(ids, t, y), InterpolationMethod.PCHIP, Ends.NONE);
            for (int j = 0; j < n - 1; j++) {
                double lo = Math.min(yk[j], yk[j + 1]);
                double hi = Math.max(yk[j], yk[j + 1]);
                double prev = yk[j];
                for (int q = 1; q <= per; q++) {
                    double cur = v[j * per + q];
                    assertTrue(cur >= lo - 1e-12 && cur <= hi + 1e-12, "overshoot in interval " + j + ": " + cur
                            + " outside [" + lo + ", " + hi + "]");
                    // monotone on each interval, in the direction of the data
                    assertTrue(yk[j + 1] >= yk[j] ? cur >= prev - 1e-12 : cur <= prev + 1e-12, "not monotone in " + j);
                    prev = cur;
                }
            }
        }
    }

    @Test
    void pchipOnCubicDataIsCloseAndSplineOvershootsWherePchipDoesNot() {
        // y = t^3 on t = 1..6 with 2.5 and 4.5 missing: pchip is shape-preserving (not cubic-exact), within 2%
        double[] t = {1, 2, 2.5, 3, 4, 4.5, 5, 6};
        double[] y = new double[t.length];
        String[] ids = new String[t.length];
        for (int i = 0; i < t.length; i++) {
            ids[i] = "A";
            y[i] = t[i] == 2.5 || t[i] == 4.5 ? NA : t[i] * t[i] * t[i];
        }
        double[] v = values(panel(ids, t, y), InterpolationMethod.PCHIP, Ends.NONE);
        assertEquals(15.625, v[2], 0.02 * 15.625);
        assertEquals(91.125, v[5], 0.02 * 91.125);
        // step data: the natural spline overshoots the plateau, pchip does not
        Columns step = panel(new String[] {"A", "A", "A", "A", "A", "A"}, new double[] {0, 1, 2, 2.5, 3, 4},
                new double[] {0, 0, 1, NA, 1, 1});
        assertTrue(values(step, InterpolationMethod.SPLINE, Ends.NONE)[3] > 1.0);
        assertEquals(1.0, values(step, InterpolationMethod.PCHIP, Ends.NONE)[3], 0.0);
    }

    @Test
    void maxGapCountsMissingPeriodsIncludingAbsentRows() {
        // A: 1 at period 1, 2-3 missing (gap 2), 4 at 4, 5 missing (gap 1), 6 at 6; B has every period 1..8
        // C: observed at 1 and 4, row for 2 only (no row for 3): still a gap of 2 periods
        Columns d = panel(new String[] {"A", "A", "A", "A", "A", "A", "B", "B", "B", "B", "B", "B", "B", "B", "C", "C", "C"},
                new double[] {1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 4},
                new double[] {1, NA, NA, 4, NA, 6, NA, 2, 3, 4, 5, 6, NA, NA, 10, NA, 40});
        InterpolationResult r = run(d, InterpolationMethod.LINEAR, Ends.CONSTANT, 1, false);
        assertValues(new double[] {1, NA, NA, 4, 5, 6, 2, 2, 3, 4, 5, 6, NA, NA, 10, NA, 40}, r.values("y"), "max-gap 1");
        r = run(d, InterpolationMethod.LINEAR, Ends.CONSTANT, 2, false);
        assertValues(new double[] {1, 2, 3, 4, 5, 6, 2, 2, 3, 4, 5, 6, 6, 6, 10, 20, 40}, r.values("y"), "max-gap 2");
        r = run(d, InterpolationMethod.LOCF, Ends.NONE, 0, false);
        assertValues(new double[] {1, NA, NA, 4, NA, 6, NA, 2, 3, 4, 5, 6, NA, NA, 10, NA, 40}, r.values("y"), "max-gap 0");
        // the same cells are filled whether or not the grid is completed first
        InterpolationResult c = run(d, InterpolationMethod.LINEAR, Ends.CONSTANT, 1, true);
        assertEquals(3 * 8, c.rowCount());
        for (int i = 0; i < c.rowCount(); i++) {
            if (c.sourceRow(i) >= 0) {
                int j = indexOf(run(d, InterpolationMethod.LINEAR, Ends.CONSTANT, 1, false), c.sourceRow(i));
                double a = c.values("y")[i];
                double b = run(d, InterpolationMethod.LINEAR, Ends.CONSTANT, 1, false).values("y")[j];
                assertTrue(Double.compare(a, b) == 0, "row " + c.sourceRow(i) + ": " + a + " vs " + b);
            }
        }
    }

    static int indexOf(InterpolationResult r, int source) {
        for (int i = 0; i < r.rowCount(); i++) {
            if (r.sourceRow(i) == source) {
                return i;
            }
        }
        throw new AssertionError("no row " + source);
    }

    @Test
    void completesTheGridOverTheUnionOfPeriods() {
        // A has 2000, 2003; B has 2001, 2002, 2004 (text year order must not matter)
        Columns d = panel(new String[] {"B", "A", "B", "A", "B"}, new double[] {2004, 2003, 2001, 2000, 2002},
                new double[] {40, 30, 10, 0, NA});
        InterpolationResult r = run(d, InterpolationMethod.LINEAR, Ends.NONE, InterpolationSpec.NO_LIMIT, true);
        assertEquals(10, r.rowCount());
        assertEquals(5, r.insertedRows());
        assertArrayEquals(new int[] {3, -1, -1, 1, -1, -1, 2, 4, -1, 0}, r.order().sourceRows().clone());
        assertValues(new double[] {0, 10, 20, 30, NA, NA, 10, 20, 30, 40}, r.values("y"), "completed");
        assertArrayEquals(new boolean[] {false, true, true, false, false, false, false, true, true, false}, r.imputed("y"));
        assertEquals("B", r.order().entityLabel(5));
        assertEquals(2000.0, r.order().time(5));
        assertEquals("2000", r.order().timeLabel(5));
        ColumnSummary s = r.summary().get(0);
        assertEquals(4, s.observed());
        assertEquals(4, s.filled());
        assertEquals(2, s.missing());
    }

    @Test
    void duplicateKeysAreAnErrorNamingTheKey() {
        Columns d = panel(new String[] {"A", "B", "A"}, new double[] {2001, 2001, 2001}, new double[] {1, 2, 3});
        PanelKitException e = assertThrows(PanelKitException.class,
                () -> values(d, InterpolationMethod.LINEAR, Ends.NONE));
        assertEquals("duplicate key: id 'A', t 2001 occurs on row 1 and row 3 (each entity may have one row per period)",
                e.getMessage());
    }

    @Test
    void nonNumericOrMissingTimeIsAnError() {
        Columns d = new Columns(3).addKey("id", KeyColumn.ofStrings("id", new String[] {"A", "A", "A"}))
                .addKey("t", KeyColumn.ofStrings("t", new String[] {"2001", "2002Q1", "2003"}))
                .addNumeric("y", new double[] {1, NA, 3});
        PanelKitException e = assertThrows(PanelKitException.class,
                () -> values(d, InterpolationMethod.LINEAR, Ends.NONE));
        assertEquals("time column 't' must be numeric (years or other numbers): row 2 has '2002Q1'", e.getMessage());
        Columns m = panel(new String[] {"A", "A", "A"}, new double[] {2001, NA, 2003}, new double[] {1, 2, 3});
        e = assertThrows(PanelKitException.class, () -> values(m, InterpolationMethod.LINEAR, Ends.NONE));
        assertEquals("row 2: missing value in the time column 't'", e.getMessage());
        Columns u = panel(new String[] {"A"}, new double[] {1}, new double[] {1});
        e = assertThrows(PanelKitException.class, () -> PanelInterpolation.run(u,
                InterpolationSpec.builder("id", "t", List.of("z")).build()));
        assertTrue(e.getMessage().startsWith("unknown column 'z'"), e.getMessage());
    }

    @Test
    void specValidation() {
        assertThrows(IllegalArgumentException.class, () -> InterpolationSpec.builder("id", "t", List.of()).build());
        assertThrows(IllegalArgumentException.class, () -> InterpolationSpec.builder("id", "t", List.of("y", "y")).build());
        assertThrows(IllegalArgumentException.class, () -> InterpolationSpec.builder("id", "t", List.of("t")).build());
        assertThrows(IllegalArgumentException.class, () -> InterpolationSpec.builder("id", "t", List.of("y")).maxGap(-2).build());
        assertThrows(IllegalArgumentException.class, () -> InterpolationMethod.fromKey("cubic"));
        assertEquals(Ends.EXTRAPOLATE, Ends.fromKey("extrapolate"));
        InterpolationSpec s = InterpolationSpec.builder("id", "t", List.of("y")).build();
        assertEquals(InterpolationMethod.LINEAR, s.method());
        assertEquals(Ends.NONE, s.ends());
        assertFalse(s.complete());
        assertEquals(InterpolationSpec.NO_LIMIT, s.maxGap());
    }
}
