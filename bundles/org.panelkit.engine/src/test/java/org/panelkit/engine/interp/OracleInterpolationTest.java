package org.panelkit.engine.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panelkit.engine.testing.Approx.assertClose;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.testing.TestData;

/**
 * testdata/oracle/interp: Produc with 9-12% of pcap, emp and unemp knocked out, filled by R zoo. Every cell of the
 * three columns (knocked-out and untouched) must match zoo to 1e-9, except the documented difference: a series
 * with a single observation (WYOMING unemp) under constant ends, which zoo's approx(rule = 2) leaves missing
 * and we fill with that value.
 */
class OracleInterpolationTest {
    static final List<String> VARS = List.of("pcap", "emp", "unemp");
    static Columns holed;
    static Set<String> knockedOut = new HashSet<>();

    @BeforeAll
    static void read() {
        holed = TestData.readCsv(TestData.oracle("interp/Produc_holed.csv"));
        Columns mask = TestData.readCsv(TestData.oracle("interp/Produc_mask.csv"));
        KeyColumn state = mask.key("state");
        KeyColumn variable = mask.key("variable");
        double[] year = mask.numeric("year");
        for (int i = 0; i < mask.rowCount(); i++) {
            knockedOut.add(key(state.level(state.code(i)), year[i]) + "/" + variable.level(variable.code(i)));
        }
    }

    static String key(String state, double year) {
        return state + "/" + (long) year;
    }

    @Test
    void maskIsExactlyTheMissingCells() {
        KeyColumn state = holed.key("state");
        double[] year = holed.numeric("year");
        Set<String> missing = new HashSet<>();
        for (String v : VARS) {
            double[] x = holed.numeric(v);
            for (int i = 0; i < x.length; i++) {
                if (Double.isNaN(x[i])) {
                    missing.add(key(state.level(state.code(i)), year[i]) + "/" + v);
                }
            }
        }
        assertEquals(knockedOut, missing);
        assertEquals(270, missing.size());
    }

    @ParameterizedTest(name = "{0} = {1}, ends {2}")
    @CsvSource({
        "Produc_interp_approx_rule1.csv, linear, none",
        "Produc_interp_approx_rule2.csv, linear, constant",
        "Produc_interp_spline_natural.csv, spline, extrapolate",
        "Produc_interp_locf.csv, locf, none",
        "Produc_interp_nocb.csv, nocb, none"})
    void matchesZoo(String file, String method, String ends) {
        Columns expected = TestData.readCsv(TestData.oracle("interp/" + file));
        InterpolationSpec spec = InterpolationSpec.builder("state", "year", VARS)
                .method(InterpolationMethod.fromKey(method)).ends(Ends.fromKey(ends)).build();
        InterpolationResult r = PanelInterpolation.run(holed, spec);
        assertEquals(816, r.rowCount());
        assertEquals(0, r.insertedRows());
        Map<String, Integer> row = new HashMap<>();
        KeyColumn es = expected.key("state");
        double[] ey = expected.numeric("year");
        for (int i = 0; i < expected.rowCount(); i++) {
            row.put(key(es.level(es.code(i)), ey[i]), i);
        }
        int knocked = 0;
        int untouched = 0;
        int zooQuirk = 0;
        for (String v : VARS) {
            double[] ours = r.values(v);
            boolean[] flag = r.imputed(v);
            double[] theirs = expected.numeric(v);
            double[] input = holed.numeric(v);
            for (int i = 0; i < r.rowCount(); i++) {
                String k = key(r.order().entityLabel(i), r.order().time(i));
                int src = r.sourceRow(i);
                assertEquals(k, key(holed.key("state").level(holed.key("state").code(src)), holed.numeric("year")[src]));
                double exp = theirs[row.get(k)];
                String what = file + " " + v + " " + k;
                if (knockedOut.contains(k + "/" + v)) {
                    knocked++;
                    assertTrue(Double.isNaN(input[src]), what);
                    if (file.endsWith("rule2.csv") && k.startsWith("WYOMING/") && v.equals("unemp")) {
                        // zoo quirk: approx(rule = 2) does not fill a series with one observation; we do
                        assertTrue(Double.isNaN(exp), what + ": zoo leaves it missing");
                        assertEquals(4.0, ours[i], what);
                        zooQuirk++;
                    } else if (Double.isNaN(exp)) {
                        assertTrue(Double.isNaN(ours[i]), what + ": zoo leaves it missing, we have " + ours[i]);
                    } else {
                        assertClose(exp, ours[i], 1e-9, what);
                    }
                    assertEquals(!Double.isNaN(ours[i]), flag[i], what + " imputed flag");
                } else {
                    untouched++;
                    assertEquals(input[src], ours[i], what + " (observed, must be unchanged)");
                    assertClose(exp, ours[i], 1e-9, what);
                    assertFalse(flag[i], what + " imputed flag");
                }
            }
        }
        assertEquals(270, knocked);
        assertEquals(3 * 816 - 270, untouched);
        assertEquals(file.endsWith("rule2.csv") ? 16 : 0, zooQuirk);
    }

    @Test
    void edgeCasesSinglePointAndAllMissing() {
        for (InterpolationMethod m : InterpolationMethod.values()) {
            for (Ends e : Ends.values()) {
                InterpolationResult r = PanelInterpolation.run(holed,
                        InterpolationSpec.builder("state", "year", VARS).method(m).ends(e).build());
                double[] unemp = r.values("unemp");
                double[] emp = r.values("emp");
                int wyoming = 0;
                for (int i = 0; i < r.rowCount(); i++) {
                    String s = r.order().entityLabel(i);
                    double year = r.order().time(i);
                    if (s.equals("VERMONT")) {
                        assertTrue(Double.isNaN(emp[i]), m + "/" + e + ": VERMONT emp has no observation");
                    }
                    if (s.equals("WYOMING")) {
                        wyoming++;
                        // observed only in 1980 (value 4)
                        boolean filledHere = year == 1980 || e != Ends.NONE
                                || (m == InterpolationMethod.LOCF && year > 1980)
                                || (m == InterpolationMethod.NOCB && year < 1980);
                        if (filledHere) {
                            assertEquals(4.0, unemp[i], m + "/" + e + " WYOMING " + year);
                        } else {
                            assertTrue(Double.isNaN(unemp[i]), m + "/" + e + " WYOMING " + year);
                        }
                    }
                }
                assertEquals(17, wyoming);
                ColumnSummary emps = r.summary().get(1);
                assertEquals("emp", emps.column());
                assertEquals(816, emps.cells());
                assertTrue(emps.missing() >= 17, "VERMONT's 17 emp cells stay missing");
            }
        }
    }

    @Test
    void summaryCountsAgreeWithTheMask() {
        InterpolationResult r = PanelInterpolation.run(holed,
                InterpolationSpec.builder("state", "year", VARS).ends(Ends.CONSTANT).build());
        int missingInput = 0;
        for (ColumnSummary s : r.summary()) {
            missingInput += s.filled() + s.missing();
            int count = 0;
            for (boolean b : r.imputed(s.column())) {
                count += b ? 1 : 0;
            }
            assertEquals(count, s.filled(), s.column());
        }
        assertEquals(knockedOut.size(), missingInput);
        // constant ends fill everything except VERMONT emp (17 cells)
        assertEquals(17, r.summary().stream().mapToInt(ColumnSummary::missing).sum());
    }
}
