package org.panelkit.engine.lq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panelkit.engine.testing.Approx.assertClose;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;

/** Location quotients on small tables worked out by hand, the national-total options and the error cases. */
class LocationQuotientsTest {

    /** Long table from parallel arrays (region, year, industry, value). */
    static Columns table(String[] region, double[] year, String[] industry, double[] value) {
        return new Columns(region.length).addKey("region", KeyColumn.ofStrings("region", region))
                .addNumeric("year", year).addKey("industry", KeyColumn.ofStrings("industry", industry))
                .addNumeric("value", value);
    }

    /** R1: A 30, B 10; R2: A 20, B 50 (one year). Nation: A 50, B 60, total 110. */
    static Columns twoByTwo() {
        return table(new String[] {"R1", "R1", "R2", "R2"}, new double[] {2001, 2001, 2001, 2001},
                new String[] {"A", "B", "A", "B"}, new double[] {30, 10, 20, 50});
    }

    static LqSpec.Builder longSpec() {
        return LqSpec.longFormat("region", "year", "industry", "value");
    }

    @Test
    void handExample() {
        LqResult r = LocationQuotients.compute(twoByTwo(), longSpec().build());
        // (30/40)/(50/110) = 1.65; (10/40)/(60/110) = 27.5/60; (20/70)/(50/110) = 220/350; (50/70)/(60/110) = 550/420
        double[] expected = {1.65, 27.5 / 60, 220.0 / 350, 550.0 / 420};
        for (int i = 0; i < 4; i++) {
            assertClose(expected[i], r.lq()[i], 1e-15, "lq row " + i);
        }
        assertEquals(List.of(40.0, 40.0, 70.0, 70.0), boxed(r.regionTotal()));
        assertEquals(List.of(50.0, 60.0, 50.0, 60.0), boxed(r.industryNational()));
        assertEquals(List.of(110.0, 110.0, 110.0, 110.0), boxed(r.nationalTotal()));
    }

    @Test
    void nationalRowsOutsideTheTable() {
        // the nation is bigger than the two regions: A 100, B 300 -> Y_t = 400
        Columns c = table(new String[] {"R1", "R1", "R2", "R2", "CN", "CN"}, new double[] {2001, 2001, 2001, 2001, 2001, 2001},
                new String[] {"A", "B", "A", "B", "A", "B"}, new double[] {30, 10, 20, 50, 100, 300});
        LqResult r = LocationQuotients.compute(c, longSpec().nationalRegion("CN").build());
        double[] expected = {(30.0 / 40) / (100.0 / 400), (10.0 / 40) / (300.0 / 400), (20.0 / 70) / (100.0 / 400),
            (50.0 / 70) / (300.0 / 400), 1, 1};
        for (int i = 0; i < 6; i++) {
            assertClose(expected[i], r.lq()[i], 1e-15, "lq row " + i);
        }
        assertEquals(400.0, r.nationalTotal()[0]);
        assertEquals(300.0, r.industryNational()[3]);
    }

    @Test
    void nationalRowsSummedAsARegionAreFlagged() {
        Columns c = table(new String[] {"R1", "R1", "全国", "全国"}, new double[] {2001, 2001, 2001, 2001},
                new String[] {"A", "B", "A", "B"}, new double[] {30, 10, 100, 300});
        LqResult r = LocationQuotients.compute(c, longSpec().build());
        assertTrue(String.join("\n", r.warnings()).contains("region '全国' looks like a national total"), r.warnings().toString());
        assertTrue(LocationQuotients.compute(c, longSpec().nationalRegion("全国").build()).warnings().isEmpty());
    }

    @Test
    void nationalColumnMustBeConstantPerIndustryYear() {
        Columns c = twoByTwo().addNumeric("nat", new double[] {100, 300, 100, 300});
        LqResult r = LocationQuotients.compute(c, longSpec().nationalColumn("nat").build());
        assertClose((20.0 / 70) / (100.0 / 400), r.lq()[2], 1e-15, "lq");
        Columns bad = twoByTwo().addNumeric("nat", new double[] {100, 300, 101, 300});
        PanelKitException e = assertThrows(PanelKitException.class,
                () -> LocationQuotients.compute(bad, longSpec().nationalColumn("nat").build()));
        assertTrue(e.getMessage().contains("column 'nat'") && e.getMessage().contains("row 1")
                && e.getMessage().contains("row 3") && e.getMessage().contains("industry A"), e.getMessage());
    }

    @Test
    void zeroValueGivesZeroAndZeroTotalGivesMissingWithWarning() {
        // R2 is all zero: its region total is 0, so both its LQs are missing; R1 B = 0 with non-zero totals -> 0
        Columns c = table(new String[] {"R1", "R1", "R2", "R2", "R3", "R3"}, new double[] {2002, 2002, 2002, 2002, 2002, 2002},
                new String[] {"A", "B", "A", "B", "A", "B"}, new double[] {5, 0, 0, 0, 1, 4});
        LqResult r = LocationQuotients.compute(c, longSpec().build());
        assertEquals(0.0, r.lq()[1], "a zero value with non-zero totals");
        assertTrue(Double.isNaN(r.lq()[2]) && Double.isNaN(r.lq()[3]), "region total 0");
        assertEquals(2, countNaN(r.lq()));
        assertEquals(2, r.zeroDenominators());
        assertClose((5.0 / 5) / (6.0 / 10), r.lq()[0], 1e-15, "R1 A");
        String w = String.join("\n", r.warnings());
        assertTrue(w.contains("2 location quotients are missing because a denominator is zero (region total of R2 in"
                + " 2002 is 0)"), w);
    }

    @Test
    void zeroNationalIndustryTotal() {
        // industry B is 0 everywhere: Y_jt = 0 -> its LQs are missing, A's are 1
        Columns c = table(new String[] {"R1", "R1", "R2", "R2"}, new double[] {2001, 2001, 2001, 2001},
                new String[] {"A", "B", "A", "B"}, new double[] {30, 0, 20, 0});
        LqResult r = LocationQuotients.compute(c, longSpec().build());
        assertClose(1, r.lq()[0], 1e-15, "A in R1");
        assertTrue(Double.isNaN(r.lq()[1]) && Double.isNaN(r.lq()[3]));
        assertEquals(2, r.zeroDenominators());
        assertTrue(String.join("\n", r.warnings()).contains("national value of B in 2001 is 0"), r.warnings().toString());
    }

    @Test
    void missingValuePropagatesOrIsSkipped() {
        Columns c = table(new String[] {"R1", "R1", "R2", "R2", "R3", "R3"}, new double[] {2001, 2001, 2001, 2001, 2001, 2001},
                new String[] {"A", "B", "A", "B", "A", "B"}, new double[] {30, 10, 20, 50, Double.NaN, 5});
        LqResult p = LocationQuotients.compute(c, longSpec().build());
        assertEquals(1, p.missingValues());
        // the missing cell makes Y_t missing: every LQ of the year is missing
        assertEquals(6, countNaN(p.lq()));
        assertEquals(5, p.missingTotals());
        assertTrue(String.join("\n", p.warnings()).contains("row 5 (R3, 2001, A)"), p.warnings().toString());
        LqResult s = LocationQuotients.compute(c, longSpec().missing(LqSpec.Missing.SKIP).build());
        assertEquals(1, countNaN(s.lq()));
        // skipping equals leaving the row out
        Columns without = table(new String[] {"R1", "R1", "R2", "R2", "R3"}, new double[] {2001, 2001, 2001, 2001, 2001},
                new String[] {"A", "B", "A", "B", "B"}, new double[] {30, 10, 20, 50, 5});
        LqResult w = LocationQuotients.compute(without, longSpec().build());
        for (int i = 0; i < 5; i++) {
            assertClose(w.lq()[i], s.lq()[i < 4 ? i : 5], 1e-15, "skip row " + i);
        }
    }

    @Test
    void negativeValuesAreAnErrorUnlessAllowed() {
        Columns c = table(new String[] {"R1", "R1", "R2", "R2"}, new double[] {2001, 2001, 2001, 2001},
                new String[] {"A", "B", "A", "B"}, new double[] {30, -10, 20, 50});
        PanelKitException e = assertThrows(PanelKitException.class, () -> LocationQuotients.compute(c, longSpec().build()));
        assertTrue(e.getMessage().contains("column 'value', row 2: negative value -10 (R1, 2001, B)"), e.getMessage());
        LqResult r = LocationQuotients.compute(c, longSpec().allowNegative(true).build());
        assertClose((-10.0 / 20) / (40.0 / 90), r.lq()[1], 1e-15, "negative allowed");
    }

    @Test
    void duplicateKeysAreAnError() {
        Columns c = table(new String[] {"R1", "R1", "R2", "R1"}, new double[] {2001, 2001, 2001, 2001},
                new String[] {"A", "B", "A", "A"}, new double[] {30, 10, 20, 5});
        PanelKitException e = assertThrows(PanelKitException.class, () -> LocationQuotients.compute(c, longSpec().build()));
        assertEquals("duplicate key (region=R1, year=2001, industry=A) in row 1 and row 4; each region may have one row"
                + " per year and industry", e.getMessage());
    }

    @Test
    void unknownAndNonNumericColumns() {
        PanelKitException e = assertThrows(PanelKitException.class, () -> LocationQuotients.compute(twoByTwo(),
                LqSpec.longFormat("region", "year", "industry", "output").build()));
        assertTrue(e.getMessage().startsWith("unknown column 'output' (columns: region, year, industry, value"),
                e.getMessage());
        Columns text = twoByTwo().addKey("label", KeyColumn.ofStrings("label", new String[] {"a", "b", "c", "d"}));
        e = assertThrows(PanelKitException.class, () -> LocationQuotients.compute(text,
                LqSpec.longFormat("region", "year", "industry", "label").build()));
        assertTrue(e.getMessage().contains("column 'label' is not numeric"), e.getMessage());
    }

    @Test
    void missingKeyAndInfiniteValueAreErrors() {
        Columns c = table(new String[] {"R1", null, "R2", "R2"}, new double[] {2001, 2001, 2001, 2001},
                new String[] {"A", "B", "A", "B"}, new double[] {30, 10, 20, 50});
        PanelKitException e = assertThrows(PanelKitException.class, () -> LocationQuotients.compute(c, longSpec().build()));
        assertTrue(e.getMessage().startsWith("column 'region', row 2: missing value"), e.getMessage());
        Columns inf = table(new String[] {"R1", "R1", "R2", "R2"}, new double[] {2001, 2001, 2001, 2001},
                new String[] {"A", "B", "A", "B"}, new double[] {30, Double.POSITIVE_INFINITY, 20, 50});
        e = assertThrows(PanelKitException.class, () -> LocationQuotients.compute(inf, longSpec().build()));
        assertTrue(e.getMessage().contains("is not finite"), e.getMessage());
    }

    @Test
    void unknownNationalRegionAndSpecErrors() {
        PanelKitException e = assertThrows(PanelKitException.class,
                () -> LocationQuotients.compute(twoByTwo(), longSpec().nationalRegion("China").build()));
        assertTrue(e.getMessage().contains("no rows with region = 'China'"), e.getMessage());
        e = assertThrows(PanelKitException.class,
                () -> LqSpec.wideFormat("region", "year", List.of("A", "B")).nationalColumns(List.of("nA")).build());
        assertTrue(e.getMessage().contains("one national column per industry column"), e.getMessage());
        e = assertThrows(PanelKitException.class, () -> LqSpec.longFormat("region", "region", "industry", "value").build());
        assertEquals("column 'region' is given for two roles", e.getMessage());
    }

    @Test
    void nationalRowsMissingForAnIndustryYear() {
        Columns c = table(new String[] {"R1", "R1", "R2", "R2", "CN"}, new double[] {2001, 2001, 2001, 2001, 2001},
                new String[] {"A", "B", "A", "B", "A"}, new double[] {30, 10, 20, 50, 100});
        LqResult r = LocationQuotients.compute(c, longSpec().nationalRegion("CN").build());
        assertTrue(Double.isNaN(r.lq()[1]) && Double.isNaN(r.lq()[3]), "no national value for B");
        assertTrue(String.join("\n", r.warnings()).contains("no national value in the national rows 'CN' (e.g. B in 2001)"),
                r.warnings().toString());
    }

    @Test
    void wideDuplicateRegionYear() {
        Columns c = new Columns(3).addKey("region", KeyColumn.ofStrings("region", new String[] {"R1", "R2", "R1"}))
                .addNumeric("year", new double[] {2001, 2001, 2001}).addNumeric("A", new double[] {1, 2, 3})
                .addNumeric("B", new double[] {1, 2, 3});
        PanelKitException e = assertThrows(PanelKitException.class,
                () -> LocationQuotients.compute(c, LqSpec.wideFormat("region", "year", List.of("A", "B")).build()));
        assertEquals("duplicate key (region=R1, year=2001) in row 1 and row 3; each region may have one row per year",
                e.getMessage());
    }

    @Test
    void absentRowsAreReported() {
        Columns c = table(new String[] {"R1", "R1", "R2"}, new double[] {2001, 2001, 2001},
                new String[] {"A", "B", "A"}, new double[] {30, 10, 20});
        LqResult r = LocationQuotients.compute(c, longSpec().build());
        assertTrue(String.join("\n", r.warnings()).contains("1 region-year-industry combinations have no row"
                + " (e.g. R2 in 2001 has rows for 1 of the 2 industries)"), r.warnings().toString());
        assertClose((20.0 / 20) / (50.0 / 60), r.lq()[2], 1e-15, "lq");
    }

    static int countNaN(double[] v) {
        int c = 0;
        for (double x : v) {
            if (Double.isNaN(x)) {
                c++;
            }
        }
        return c;
    }

    static List<Double> boxed(double[] v) {
        return java.util.Arrays.stream(v).boxed().collect(java.util.stream.Collectors.toList());
    }
}
