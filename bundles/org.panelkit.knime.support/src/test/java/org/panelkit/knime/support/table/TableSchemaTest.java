package org.panelkit.knime.support.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class TableSchemaTest {
    private final TableSchema schema = TableSchema.of("province", ColumnKind.STRING, "year", ColumnKind.STRING,
            "gdp", ColumnKind.DOUBLE, "firms", ColumnKind.INTEGER, "listed", ColumnKind.BOOLEAN,
            "founded", ColumnKind.OTHER);

    @Test
    void nonNumericColumnNamesTheFix() {
        var e = assertThrows(IllegalArgumentException.class, () -> schema.requireNumeric("year", "time column"));
        assertEquals("column 'year' is not numeric (it holds string values): choose a numeric time column", e.getMessage());
    }

    @Test
    void nothingChosenNamesTheRole() {
        var e = assertThrows(IllegalArgumentException.class, () -> schema.requireNumeric(" ", "dependent variable (y) column"));
        assertEquals("no dependent variable (y) column selected: choose a numeric dependent variable (y) column", e.getMessage());
    }

    @Test
    void absentColumn() {
        var e = assertThrows(IllegalArgumentException.class, () -> schema.requireKey("state", "entity column"));
        assertEquals("column 'state' (entity column) is not in the input table: choose one of its columns", e.getMessage());
    }

    @Test
    void keysAreNumbersOrText() {
        assertEquals("province", schema.requireKey("province", "entity column"));
        assertEquals("firms", schema.requireKey("firms", "entity column"));
        var e = assertThrows(IllegalArgumentException.class, () -> schema.requireKey("founded", "time column"));
        assertEquals("column 'founded' holds other values, which cannot identify panel units or periods: "
                + "choose a string or integer time column", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> schema.requireKey("listed", "entity column"));
    }

    @Test
    void numericIncludesIntegersAndBooleans() {
        assertEquals(List.of("gdp", "firms", "listed"), schema.names(ColumnKind::isNumeric));
    }

    @Test
    void duplicateColumnsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TableSchema.of("a", ColumnKind.DOUBLE, "a", ColumnKind.DOUBLE));
    }
}
