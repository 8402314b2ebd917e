package org.panelkit.knime.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
