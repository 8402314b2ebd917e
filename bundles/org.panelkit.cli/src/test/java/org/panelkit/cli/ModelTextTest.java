package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.fe.AbsorbedTerm;
import org.panelkit.engine.fe.Absorption;
import org.panelkit.engine.vcov.Convention;

/**
 * The parts of the text output issue 12 added, from given absorbed terms: reghdfe's "Absorbed degrees of freedom"
 * table with its marks and notes, the absorption line, and the warning of an iterative absorption that did not
 * converge.
 */
class ModelTextTest {
    private static String table(List<AbsorbedTerm> terms, Absorption a) {
        StringBuilder sb = new StringBuilder();
        ModelText.absorbed(sb, terms, a);
        return sb.toString();
    }

    @Test
    void absorbedDegreesOfFreedomTable() {
        String t = table(List.of(new AbsorbedTerm("firm", 500, 0, true, true), new AbsorbedTerm("year", 10, 1, true,
                false), new AbsorbedTerm("industry^year", 120, 9, false, false)), new Absorption("iterative", 37, 1e-8,
                        true));
        String[] lines = t.split("\n");
        assertEquals("Absorbed degrees of freedom:", lines[1]);
        assertTrue(lines[3].matches(" +Absorbed FE \\| Categories - +Redundant = Num\\. coefs"), lines[3]);
        assertTrue(t.contains("          firm |        500 -          0 =        500 *\n"), t);
        assertTrue(t.contains("          year |         10 -          1 =          9\n"), t);
        assertTrue(t.contains(" industry^year |        120 -          9 =        111 ?\n"), t);
        assertTrue(t.contains("\n* = FE nested within a cluster"), t);
        assertTrue(t.contains("\n? = conservative count"), t);
        assertTrue(t.endsWith("Absorption: iterative, 37 iterations, tolerance 1.0e-08, converged\n"), t);
        // every "|" in one column
        int bar = lines[3].indexOf('|');
        for (String l : List.of(lines[5], lines[6], lines[7])) {
            assertEquals(bar, l.indexOf('|'), l);
        }
    }

    @Test
    void exactCountsHaveNoMarksAndExactMethodsNoIterations() {
        String t = table(List.of(new AbsorbedTerm("state", 48, 0, true, false), new AbsorbedTerm("year", 17, 1, true,
                false)), Absorption.DIRECT);
        assertFalse(t.contains("*") || t.contains("?"), t);
        assertTrue(t.endsWith("Absorption: direct (exact)\n"), t);
        assertEquals("", table(List.of(), Absorption.NONE), "pooled OLS: no table");
    }

    @Test
    void aNonConvergedAbsorptionIsAWarning() {
        Absorption stuck = new Absorption("iterative", 10000, 1e-8, false);
        String t = table(List.of(new AbsorbedTerm("firm", 5, 0, true, false)), stuck);
        assertTrue(t.contains("10000 iterations, tolerance 1.0e-08, NOT CONVERGED"), t);
        List<String> w = ModelText.warnings(List.of("regressor 'z' dropped"), stuck);
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.get(1).contains("did not converge in 10000 iterations"), w.toString());
        // not twice when the engine already says so, and nothing when converged
        assertEquals(1, ModelText.warnings(List.of("the absorption did not converge"), stuck).size());
        assertEquals(List.of("x"), ModelText.warnings(List.of("x"), new Absorption("iterative", 5, 1e-8, true)));
        assertEquals(List.of(), ModelText.warnings(List.of(), Absorption.MEANS));
    }

    @Test
    void everyConventionHasItsSource() {
        for (Convention c : Convention.values()) {
            String s = ModelText.conventionSource(c);
            assertFalse(s.equals(c.key()) || s.isBlank(), c + ": " + s);
        }
    }
}
