package org.panelkit.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Key columns of numbers: whole numbers read as ints ({@link KeyColumn#ofIntegers}) give the same codes, levels and
 * numbers as the same values read as doubles ({@link KeyColumn#ofNumbers}), on the lookup-table path (a dense range)
 * and the sorted path (a range of 50 million or more), with missing cells and -0.
 */
class KeyColumnTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1_000, 49_999_999, 50_000_000, Integer.MAX_VALUE})
    void integersAreTheSameKeyAsTheirDoubles(int spread) {
        SplittableRandom r = new SplittableRandom(spread);
        int n = 20_000;
        int[] whole = new int[n];
        double[] numbers = new double[n];
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(20);
            if (kind == 0) {
                whole[i] = KeyColumn.MISSING_INTEGER;
                numbers[i] = Double.NaN;
            } else if (kind == 1) {
                whole[i] = 0;
                numbers[i] = -0.0; // "-0" in a file: the level 0
            } else {
                // the extremes of the spread at least once, so that the range is exactly the spread
                long v = i == 1 ? -(spread / 2) : i == 2 ? spread - spread / 2 : r.nextLong(spread + 1L) - spread / 2;
                whole[i] = (int) v;
                numbers[i] = v;
            }
        }
        KeyColumn want = KeyColumn.ofNumbers("k", numbers);
        KeyColumn got = KeyColumn.ofIntegers("k", whole);
        assertArrayEquals(want.codes(), got.codes());
        assertEquals(want.levelCount(), got.levelCount());
        for (int l = 0; l < want.levelCount(); l++) {
            assertEquals(want.numericLevel(l), got.numericLevel(l));
            assertEquals(want.level(l), got.level(l));
        }
        assertArrayEquals(want.numericValues(), got.numericValues());
        for (int i = 0; i < n; i++) {
            assertEquals(whole[i] == KeyColumn.MISSING_INTEGER, got.code(i) < 0);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void allMissingHasNoLevels(int n) {
        int[] whole = new int[n];
        java.util.Arrays.fill(whole, KeyColumn.MISSING_INTEGER);
        KeyColumn k = KeyColumn.ofIntegers("k", whole);
        assertEquals(0, k.levelCount());
        for (int i = 0; i < n; i++) {
            assertEquals(-1, k.code(i));
        }
    }
}
