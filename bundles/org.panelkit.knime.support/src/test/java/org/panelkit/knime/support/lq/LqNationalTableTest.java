package org.panelkit.knime.support.lq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.lq.LocationQuotients;
import org.panelkit.engine.lq.LqResult;
import org.panelkit.engine.lq.LqSpec;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.TableSchema;

/** National totals from a reference table (the Location Quotient node's second input), against hand computations. */
class LqNationalTableTest {
    private static final double TOL = 1e-12;

    /** Two regions, two industries, two years (wide). */
    private static ColumnSource wideData() {
        return new Columns(4)
                .addKey("region", KeyColumn.ofStrings("region", new String[]{"A", "B", "A", "B"}))
                .addKey("year", KeyColumn.ofNumbers("year", new double[]{2001, 2001, 2002, 2002}))
                .addNumeric("ind1", new double[]{10, 20, 12, 18})
                .addNumeric("ind2", new double[]{30, 40, 28, 42});
    }

    private static final TableSchema WIDE_SCHEMA = TableSchema.of("region", ColumnKind.STRING, "year",
            ColumnKind.INTEGER, "ind1", ColumnKind.DOUBLE, "ind2", ColumnKind.DOUBLE);

    /** The nation (more than the two regions): one row per year; the years as strings, in another order. */
    private static ColumnSource wideReference() {
        return new Columns(2)
                .addKey("year", KeyColumn.ofStrings("year", new String[]{"2002", "2001"}))
                .addNumeric("ind1", new double[]{150, 100})
                .addNumeric("ind2", new double[]{250, 300});
    }

    private static final TableSchema WIDE_REFERENCE = TableSchema.of("year", ColumnKind.STRING, "ind1",
            ColumnKind.DOUBLE, "ind2", ColumnKind.DOUBLE);

    @Test
    void wideLayoutAgainstAHandComputation() {
        LqOptions o = LqOptions.wide("region", "year", List.of("ind1", "ind2"));
        LqSpec spec = LqNationalTable.toSpec(o, WIDE_SCHEMA, WIDE_REFERENCE);
        LqResult r = LocationQuotients.compute(LqNationalTable.join(o, wideData(), wideReference()), spec);
        // LQ_ijt = (y_ijt / Y_it) / (Y_jt / Y_t), Y_jt and Y_t = Σ_j Y_jt from the reference table
        // 2001: Y_1 = 100, Y_2 = 300, Y = 400; A: 10/40 / (100/400) = 1, 30/40 / (300/400) = 1
        //       B: 20/60 / 0.25 = 4/3, 40/60 / 0.75 = 8/9
        // 2002: Y_1 = 150, Y_2 = 250, Y = 400; A: 12/40 / (150/400) = 0.8, 28/40 / (250/400) = 1.12
        //       B: 18/60 / 0.375 = 0.8, 42/60 / 0.625 = 1.12
        double[] lq1 = r.lq("ind1");
        double[] lq2 = r.lq("ind2");
        double[] e1 = {1, 4.0 / 3, 0.8, 0.8};
        double[] e2 = {1, 8.0 / 9, 1.12, 1.12};
        for (int i = 0; i < 4; i++) {
            assertEquals(e1[i], lq1[i], TOL, "ind1 row " + i);
            assertEquals(e2[i], lq2[i], TOL, "ind2 row " + i);
        }
        // the sum of the regions would differ: 2001 A ind1 = 10/40 / (30/100) = 0.8333...
        LqResult sum = LocationQuotients.compute(wideData(), o.toSpec(WIDE_SCHEMA));
        assertEquals(10.0 / 40 / (30.0 / 100), sum.lq("ind1")[0], TOL);
    }

    @Test
    void longLayoutAgainstAHandComputation() {
        ColumnSource data = new Columns(4)
                .addKey("region", KeyColumn.ofStrings("region", new String[]{"A", "A", "B", "B"}))
                .addKey("year", KeyColumn.ofNumbers("year", new double[]{2001, 2001, 2001, 2001}))
                .addKey("sector", KeyColumn.ofStrings("sector", new String[]{"x", "y", "x", "y"}))
                .addNumeric("value", new double[]{10, 30, 20, 40});
        TableSchema schema = TableSchema.of("region", ColumnKind.STRING, "year", ColumnKind.INTEGER, "sector",
                ColumnKind.STRING, "value", ColumnKind.DOUBLE);
        ColumnSource reference = new Columns(2)
                .addKey("year", KeyColumn.ofNumbers("year", new double[]{2001, 2001}))
                .addKey("sector", KeyColumn.ofStrings("sector", new String[]{"y", "x"}))
                .addNumeric("value", new double[]{300, 100});
        TableSchema refSchema = TableSchema.of("year", ColumnKind.INTEGER, "sector", ColumnKind.STRING, "value",
                ColumnKind.DOUBLE);
        LqOptions o = LqOptions.longFormat("region", "year", "sector", "value");
        LqResult r = LocationQuotients.compute(LqNationalTable.join(o, data, reference),
                LqNationalTable.toSpec(o, schema, refSchema));
        assertArrayEquals(new double[]{1, 1, 4.0 / 3, 8.0 / 9}, r.lq());
        assertArrayEquals(new double[]{100, 300, 100, 300}, r.industryNational());
        assertArrayEquals(new double[]{400, 400, 400, 400}, r.nationalTotal());
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOL, "row " + i);
        }
    }

    @Test
    void badReferenceTablesNameTheFix() {
        LqOptions o = LqOptions.wide("region", "year", List.of("ind1", "ind2"));
        var e = assertThrows(IllegalArgumentException.class, () -> LqNationalTable.toSpec(o, WIDE_SCHEMA, null));
        assertEquals("no national totals table: connect a table with the national values (the time column 'year' "
                + "and the industry columns, one row per period) to the second input, or choose another source of "
                + "national totals", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LqNationalTable.toSpec(o, WIDE_SCHEMA,
                TableSchema.of("year", ColumnKind.INTEGER, "ind1", ColumnKind.DOUBLE)));
        assertTrue(e.getMessage().startsWith("the national totals table (second input) has no industry column "
                + "'ind2': give it"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LqNationalTable.toSpec(o, WIDE_SCHEMA,
                TableSchema.of("year", ColumnKind.INTEGER, "ind1", ColumnKind.DOUBLE, "ind2", ColumnKind.STRING)));
        assertTrue(e.getMessage().contains("it must be numeric"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LqNationalTable.toSpec(
                LqOptions.longFormat("region", "year", "sector", "value"), TableSchema.of("region", ColumnKind.STRING,
                        "year", ColumnKind.INTEGER, "sector", ColumnKind.STRING, "value", ColumnKind.DOUBLE),
                TableSchema.of("year", ColumnKind.INTEGER, "value", ColumnKind.DOUBLE)));
        assertTrue(e.getMessage().startsWith("the national totals table (second input) has no industry column "
                + "'sector'"), e.getMessage());

        // a period twice, a period missing
        ColumnSource twice = new Columns(2).addKey("year", KeyColumn.ofNumbers("year", new double[]{2001, 2001}))
                .addNumeric("ind1", new double[]{1, 2}).addNumeric("ind2", new double[]{1, 2});
        e = assertThrows(IllegalArgumentException.class, () -> LqNationalTable.join(o, wideData(), twice));
        assertEquals("the national totals table has two rows for period 2001: keep one row per period",
                e.getMessage());
        ColumnSource only2001 = new Columns(1).addKey("year", KeyColumn.ofNumbers("year", new double[]{2001}))
                .addNumeric("ind1", new double[]{1}).addNumeric("ind2", new double[]{1});
        e = assertThrows(IllegalArgumentException.class, () -> LqNationalTable.join(o, wideData(), only2001));
        assertEquals("the national totals table has no row for period 2002 (row 3 of the first input): add it",
                e.getMessage());
    }
}
