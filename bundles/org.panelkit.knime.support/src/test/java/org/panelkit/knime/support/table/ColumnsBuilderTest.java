package org.panelkit.knime.support.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.KeyColumn;

class ColumnsBuilderTest {

    @Test
    void numbersWithMissingCells() {
        ColumnsBuilder b = ColumnsBuilder.forRows(3);
        int gdp = b.numeric("gdp", ColumnKind.DOUBLE);
        int n = b.numeric("firms", ColumnKind.INTEGER);
        int big = b.numeric("assets", ColumnKind.LONG);
        int flag = b.numeric("listed", ColumnKind.BOOLEAN);
        b.setDouble(gdp, 0, 1.5);
        b.setDouble(gdp, 2, -2);
        b.setDouble(n, 1, 7);
        b.setLong(big, 0, 12345678901L);
        b.setBoolean(flag, 0, true);
        b.setBoolean(flag, 1, false);
        ColumnSource c = b.build();
        assertArrayEquals(new double[] {1.5, Double.NaN, -2}, c.numeric("gdp"));
        assertArrayEquals(new double[] {Double.NaN, 7, Double.NaN}, c.numeric("firms"));
        assertEquals(12345678901.0, c.numeric("assets")[0]);
        assertArrayEquals(new double[] {1, 0, Double.NaN}, c.numeric("listed"));
    }

    @Test
    void stringKeysMissingWhenNullOrEmpty() {
        ColumnsBuilder b = ColumnsBuilder.forRows(4);
        int p = b.key("province", ColumnKind.STRING);
        b.setString(p, 0, "Beijing");
        b.setString(p, 1, "");
        b.setString(p, 2, "Anhui");
        ColumnSource c = b.build();
        KeyColumn k = c.key("province");
        assertEquals(2, k.levelCount());
        assertEquals("Anhui", k.level(k.code(2)));
        assertEquals(-1, k.code(1));
        assertEquals(-1, k.code(3));
        assertFalse(k.isNumeric());
    }

    @Test
    void integerKeysAreNumericAndOrdered() {
        ColumnsBuilder b = ColumnsBuilder.forRows(3);
        int y = b.key("year", ColumnKind.INTEGER);
        b.setDouble(y, 0, 2010);
        b.setDouble(y, 1, 2001);
        b.setMissing(y, 2);
        KeyColumn k = b.build().key("year");
        assertTrue(k.isNumeric());
        assertEquals(2001.0, k.numericLevel(0));
        assertEquals(1, k.code(0));
        assertEquals(-1, k.code(2));
    }

    @Test
    void longIdsBeyondDoublePrecisionStayDistinct() {
        ColumnsBuilder b = ColumnsBuilder.forRows(3);
        int id = b.key("firm", ColumnKind.LONG);
        long base = 1L << 60;
        b.setLong(id, 0, base + 1);
        b.setLong(id, 1, base);
        b.setLong(id, 2, base + 1);
        KeyColumn k = b.build().key("firm");
        assertEquals(2, k.levelCount());
        assertNotEquals(k.code(0), k.code(1));
        assertEquals(k.code(0), k.code(2));
        assertEquals(Long.toString(base), k.level(0));
    }

    @Test
    void smallLongKeysAreNumeric() {
        ColumnsBuilder b = ColumnsBuilder.forRows(2);
        int id = b.key("code", ColumnKind.LONG);
        b.setLong(id, 0, 110000);
        KeyColumn k = b.build().key("code");
        assertTrue(k.isNumeric());
        assertEquals(-1, k.code(1));
    }

    @Test
    void columnUsedAsNumberAndKeyIsStoredOnce() {
        ColumnsBuilder b = ColumnsBuilder.forRows(2);
        int a = b.key("year", ColumnKind.INTEGER);
        int c = b.numeric("year", ColumnKind.INTEGER);
        assertEquals(a, c);
        assertEquals(1, b.size());
        b.setDouble(c, 0, 2000);
        b.setDouble(c, 1, 2001);
        ColumnSource s = b.build();
        assertArrayEquals(new double[] {2000, 2001}, s.numeric("year"));
        assertEquals(2, s.key("year").levelCount());
    }

    @Test
    void rejectsWhatCannotBeUsed() {
        ColumnsBuilder b = ColumnsBuilder.forRows(1);
        assertThrows(IllegalArgumentException.class, () -> b.numeric("name", ColumnKind.STRING));
        assertThrows(IllegalArgumentException.class, () -> b.key("when", ColumnKind.OTHER));
        assertThrows(IllegalArgumentException.class, () -> ColumnsBuilder.forRows(3_000_000_000L));
    }
}
