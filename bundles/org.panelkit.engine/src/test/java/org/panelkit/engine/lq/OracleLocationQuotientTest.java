package org.panelkit.engine.lq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panelkit.engine.testing.Approx.assertClose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.testing.TestData;

/**
 * Reproduces testdata/oracle/lq/synthetic_30x21_lq.csv (30 regions x 2000-2020 x 4 industries; R07 ind_C is 0 in
 * 2005-2006) from synthetic_30x21_long.csv to 1e-12 relative, in the long layout, in the wide layout, and with
 * the national values given as national rows or as a national column (both built from the oracle's own
 * industry_national, so all four must agree with it).
 */
class OracleLocationQuotientTest {
    private static final double REL = 1e-12;
    private static Columns input;
    private static Columns expected;
    private static int n;

    @BeforeAll
    static void read() {
        input = TestData.readCsv(TestData.oracle("lq/synthetic_30x21_long.csv"));
        expected = TestData.readCsv(TestData.oracle("lq/synthetic_30x21_lq.csv"));
        n = input.rowCount();
        assertEquals(30 * 21 * 4, n, "oracle input rows");
        assertEquals(n, expected.rowCount(), "oracle output rows");
        // the oracle output is the input with columns added, row for row
        for (int i = 0; i < n; i++) {
            assertEquals(label(input, "region", i) + label(input, "industry", i),
                    label(expected, "region", i) + label(expected, "industry", i), "row order " + i);
            assertEquals(input.numeric("year")[i], expected.numeric("year")[i], "row order " + i);
        }
    }

    private static String label(Columns c, String key, int row) {
        KeyColumn k = c.key(key);
        return k.level(k.code(row));
    }

    private static void checkLong(LqResult r) {
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            String what = "row " + (i + 2) + " (" + label(input, "region", i) + " " + (int) input.numeric("year")[i] + " "
                    + label(input, "industry", i) + ")";
            assertClose(expected.numeric("region_total")[i], r.regionTotal()[i], REL, "region_total " + what);
            assertClose(expected.numeric("industry_national")[i], r.industryNational()[i], REL,
                    "industry_national " + what);
            assertClose(expected.numeric("national_total")[i], r.nationalTotal()[i], REL, "national_total " + what);
            assertClose(expected.numeric("lq")[i], r.lq()[i], REL, "lq " + what);
            if (expected.numeric("lq")[i] == 0) {
                zeros++;
                assertEquals(0.0, r.lq()[i], "zero LQ " + what);
            }
        }
        assertEquals(2, zeros, "R07 ind_C 2005-2006 give LQ 0");
    }

    @Test
    void longLayoutSumOfRegions() {
        LqResult r = LocationQuotients.compute(input, LqSpec.longFormat("region", "year", "industry", "value").build());
        checkLong(r);
        assertEquals(0, r.missingValues());
        assertEquals(0, r.zeroDenominators());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        assertEquals(List.of("ind_A", "ind_B", "ind_C", "other"), r.industries());
    }

    @Test
    void longLayoutWithNationalColumn() {
        Columns c = copyOfInput(n);
        c.addNumeric("nat", expected.numeric("industry_national"));
        LqResult r = LocationQuotients.compute(c,
                LqSpec.longFormat("region", "year", "industry", "value").nationalColumn("nat").build());
        checkLong(r);
    }

    @Test
    void longLayoutWithNationalRows() {
        // append one national row per industry and year holding the oracle's industry_national
        Map<String, Double> national = new HashMap<>();
        for (int i = 0; i < n; i++) {
            national.put((int) input.numeric("year")[i] + "|" + label(input, "industry", i),
                    expected.numeric("industry_national")[i]);
        }
        int m = n + national.size();
        String[] region = new String[m];
        String[] industry = new String[m];
        double[] year = new double[m];
        double[] value = new double[m];
        for (int i = 0; i < n; i++) {
            region[i] = label(input, "region", i);
            industry[i] = label(input, "industry", i);
            year[i] = input.numeric("year")[i];
            value[i] = input.numeric("value")[i];
        }
        int k = n;
        for (Map.Entry<String, Double> e : national.entrySet()) {
            String[] parts = e.getKey().split("\\|");
            region[k] = "China";
            year[k] = Double.parseDouble(parts[0]);
            industry[k] = parts[1];
            value[k] = e.getValue();
            k++;
        }
        Columns c = new Columns(m).addKey("region", KeyColumn.ofStrings("region", region))
                .addNumeric("year", year).addKey("industry", KeyColumn.ofStrings("industry", industry))
                .addNumeric("value", value);
        LqResult r = LocationQuotients.compute(c,
                LqSpec.longFormat("region", "year", "industry", "value").nationalRegion("China").build());
        checkLong(r);
        for (int i = n; i < m; i++) {
            assertClose(1.0, r.lq()[i], 1e-12, "LQ of a national row");
        }
    }

    @Test
    void wideLayout() {
        // pivot: one row per region-year, one column per industry
        List<String> inds = List.of("ind_A", "ind_B", "ind_C", "other");
        Map<String, Integer> rowOf = new HashMap<>();
        List<String> regions = new ArrayList<>();
        List<Double> years = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = label(input, "region", i) + "|" + input.numeric("year")[i];
            if (!rowOf.containsKey(key)) {
                rowOf.put(key, regions.size());
                regions.add(label(input, "region", i));
                years.add(input.numeric("year")[i]);
            }
        }
        int m = regions.size();
        assertEquals(30 * 21, m);
        double[][] cols = new double[inds.size()][m];
        for (int i = 0; i < n; i++) {
            int row = rowOf.get(label(input, "region", i) + "|" + input.numeric("year")[i]);
            cols[inds.indexOf(label(input, "industry", i))][row] = input.numeric("value")[i];
        }
        Columns c = new Columns(m).addKey("region", KeyColumn.ofStrings("region", regions.toArray(new String[0])))
                .addNumeric("year", years.stream().mapToDouble(Double::doubleValue).toArray());
        for (int j = 0; j < inds.size(); j++) {
            c.addNumeric(inds.get(j), cols[j]);
        }
        LqResult r = LocationQuotients.compute(c, LqSpec.wideFormat("region", "year", inds).build());
        for (int i = 0; i < n; i++) {
            int row = rowOf.get(label(input, "region", i) + "|" + input.numeric("year")[i]);
            String ind = label(input, "industry", i);
            assertClose(expected.numeric("lq")[i], r.lq(ind)[row], REL, "wide lq_" + ind + " row " + (i + 2));
            assertClose(expected.numeric("region_total")[i], r.regionTotal()[row], REL, "wide region_total");
            assertClose(expected.numeric("national_total")[i], r.nationalTotal()[row], REL, "wide national_total");
        }
    }

    private static Columns copyOfInput(int rows) {
        return new Columns(rows).addKey("region", input.key("region")).addNumeric("year", input.numeric("year"))
                .addKey("industry", input.key("industry")).addNumeric("value", input.numeric("value"));
    }
}
