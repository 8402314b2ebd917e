package org.panelkit.engine.fe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.data.KeyColumn;

/**
 * Interaction terms get one code per combination present, in the order of the columns' levels, through the lookup
 * table (small products of level counts) and through sorted keys (large ones) alike; missing cells stay missing.
 */
class TermCodesTest {
    private static void assertInteractionCodes(int levelsA, int levelsB, int rows) {
        SplittableRandom r = new SplittableRandom(levelsA + levelsB);
        double[] a = new double[rows];
        double[] b = new double[rows];
        for (int i = 0; i < rows; i++) {
            a[i] = r.nextInt(levelsA);
            b[i] = i % 97 == 0 ? Double.NaN : r.nextInt(levelsB);
        }
        KeyColumn ka = KeyColumn.ofNumbers("a", a);
        KeyColumn kb = KeyColumn.ofNumbers("b", b);
        TermCodes t = TermCodes.of("a^b", List.of(ka, kb));
        Map<Long, Integer> seen = new HashMap<>();
        long previousKey = -1;
        int previousCode = -1;
        java.util.TreeMap<Long, Integer> ordered = new java.util.TreeMap<>();
        for (int i = 0; i < rows; i++) {
            if (Double.isNaN(b[i])) {
                assertEquals(-1, t.codes[i], "a missing cell is missing in the interaction");
                continue;
            }
            long key = (long) ka.code(i) * kb.levelCount() + kb.code(i);
            Integer before = seen.putIfAbsent(key, t.codes[i]);
            if (before != null) {
                assertEquals(before.intValue(), t.codes[i], "one code per combination");
            }
            ordered.put(key, t.codes[i]);
        }
        assertEquals(seen.size(), t.levels, "levels = combinations present");
        for (Map.Entry<Long, Integer> e : ordered.entrySet()) {
            assertTrue(e.getKey() > previousKey && e.getValue() == previousCode + 1, "codes follow the level order");
            previousKey = e.getKey();
            previousCode = e.getValue();
        }
    }

    @Test
    void smallInteractionsUseTheTable() {
        assertInteractionCodes(20, 20, 5_000);
    }

    @Test
    void largeInteractionsUseSortedKeysWithTheSameRules() {
        // 6,000 x 6,000 = 36M combinations possible: beyond the lookup table
        assertInteractionCodes(6_000, 6_000, 50_000);
    }

    @Test
    void termsAreParsedAsTheCommandLineWritesThem() {
        assertEquals(List.of("industry", "year"), FixedEffectTerm.parse(" industry ^ year ").columns());
        assertEquals(FixedEffectTerm.parse("industry#year"), FixedEffectTerm.parse("year^industry"));
        assertEquals(3, FixedEffectTerm.parseList("firm,year,industry^year").size());
        assertThrows(IllegalArgumentException.class, () -> FixedEffectTerm.parseList("firm,,year"));
        assertThrows(IllegalArgumentException.class, () -> FixedEffectTerm.parse("a^"));
        assertThrows(IllegalArgumentException.class, () -> FixedEffectTerm.parseList("firm,firm"));
        assertThrows(IllegalArgumentException.class, () -> FixedEffectTerm.parse("a^a"));
    }
}
