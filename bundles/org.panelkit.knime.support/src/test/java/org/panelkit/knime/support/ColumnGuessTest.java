package org.panelkit.knime.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.TableSchema;

class ColumnGuessTest {
    @Test
    void studyTable() {
        TableSchema s = TableSchema.of("Province", ColumnKind.STRING, "Year", ColumnKind.INTEGER,
                "GDP", ColumnKind.DOUBLE, "IC", ColumnKind.DOUBLE);
        assertEquals(Optional.of("Province"), ColumnGuess.entity(s));
        assertEquals(Optional.of("Year"), ColumnGuess.time(s));
        assertEquals(Optional.of("GDP"), ColumnGuess.firstNumeric(s));
    }

    @Test
    void producStyleTable() {
        TableSchema s = TableSchema.of("state", ColumnKind.STRING, "year", ColumnKind.LONG, "region", ColumnKind.STRING,
                "ln_gsp", ColumnKind.DOUBLE);
        assertEquals(Optional.of("state"), ColumnGuess.entity(s));
        assertEquals(Optional.of("year"), ColumnGuess.time(s));
    }

    @Test
    void nothingToGuess() {
        TableSchema s = TableSchema.of("a", ColumnKind.DOUBLE, "b", ColumnKind.DOUBLE);
        assertEquals(Optional.empty(), ColumnGuess.entity(s));
        assertEquals(Optional.empty(), ColumnGuess.time(s));
        assertEquals(Optional.of("a"), ColumnGuess.firstNumeric(s));
    }

    @Test
    void codesAreIntegerColumnsNamedLikeCodesOrIds() {
        assertTrue(ColumnGuess.isCode("province_code", ColumnKind.INTEGER));
        assertTrue(ColumnGuess.isCode("Code", ColumnKind.LONG));
        assertTrue(ColumnGuess.isCode("id", ColumnKind.INTEGER));
        assertTrue(ColumnGuess.isCode("firm_id", ColumnKind.LONG));
        assertFalse(ColumnGuess.isCode("province_code", ColumnKind.DOUBLE), "a double is a value");
        assertFalse(ColumnGuess.isCode("province_code", ColumnKind.STRING));
        assertFalse(ColumnGuess.isCode("year", ColumnKind.INTEGER));
        assertFalse(ColumnGuess.isCode("patents_granted", ColumnKind.INTEGER));
        assertFalse(ColumnGuess.isCode("valid", ColumnKind.INTEGER));
    }

    @Test
    void industryAndValueOfALongTable() {
        TableSchema s = TableSchema.of("region", ColumnKind.STRING, "year", ColumnKind.INTEGER, "sector",
                ColumnKind.STRING, "region_code", ColumnKind.INTEGER, "output", ColumnKind.DOUBLE);
        assertEquals(Optional.of("sector"), ColumnGuess.industry(s, "region", "year"));
        assertEquals(Optional.of("output"), ColumnGuess.value(s, "region", "year"));
        // no telling names: the first other string column, the first double column (codes skipped)
        TableSchema t = TableSchema.of("code", ColumnKind.INTEGER, "province", ColumnKind.STRING, "year",
                ColumnKind.INTEGER, "kind", ColumnKind.STRING, "n", ColumnKind.INTEGER, "x", ColumnKind.DOUBLE);
        assertEquals(Optional.of("kind"), ColumnGuess.industry(t, "province", "year"));
        assertEquals(Optional.of("x"), ColumnGuess.value(t, "province", "year"));
        TableSchema u = TableSchema.of("province", ColumnKind.STRING, "year", ColumnKind.INTEGER, "n",
                ColumnKind.INTEGER);
        assertEquals(Optional.empty(), ColumnGuess.industry(u, "province", "year"));
        assertEquals(Optional.of("n"), ColumnGuess.value(u, "province", "year"));
    }
}
