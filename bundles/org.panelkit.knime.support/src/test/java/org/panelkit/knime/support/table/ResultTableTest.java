package org.panelkit.knime.support.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.panelkit.knime.support.table.ResultTable.Column;

class ResultTableTest {
    private final List<Column> cols = List.of(new Column("term", ColumnKind.STRING, ""),
            new Column("estimate", ColumnKind.DOUBLE, ""), new Column("n", ColumnKind.INTEGER, ""));

    @Test
    void rowsCheckedAgainstKinds() {
        ResultTable t = ResultTable.builder(cols).row("a", "a", 1.0, 3).row(null, "b", null, null).build();
        assertEquals(2, t.rowCount());
        assertEquals(1.0, t.value(0, 1));
        assertNull(t.rowKey(1));
        assertEquals(2, t.columnIndex("n"));
        assertThrows(IllegalArgumentException.class, () -> ResultTable.builder(cols).row(null, "a", 1, 3));
        assertThrows(IllegalArgumentException.class, () -> ResultTable.builder(cols).row(null, "a", 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> ResultTable.builder(cols).row("k", "a", 1.0, 1).row("k", "b", 2.0, 2));
    }
}
