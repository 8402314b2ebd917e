package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text kept verbatim for writing back; computed numbers written with 15 significant digits. */
class CsvRowsTest {
    @TempDir
    Path dir;

    @Test
    void keepsFieldsAsWritten() throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "a,b,c\n\"x, y\",1.50,\n\nÄö€,\"say \"\"hi\"\"\",NA\n", StandardCharsets.UTF_8);
        CsvRows rows = CsvRows.read(f, CsvColumns.header(f));
        assertEquals(2, rows.rowCount());
        assertEquals(List.of("x, y", "1.50", ""), List.of(rows.row(0, new String[3])));
        assertEquals(List.of("Äö€", "say \"hi\"", "NA"), List.of(rows.row(1, new String[3])));
    }

    @Test
    void manyRowsAcrossBlocks() throws Exception {
        Path f = dir.resolve("big.csv");
        StringBuilder sb = new StringBuilder("id,text\n");
        String pad = "p".repeat(300);
        for (int i = 0; i < 70_000; i++) {
            sb.append(i).append(',').append(pad).append(i).append('\n');
        }
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        CsvRows rows = CsvRows.read(f, CsvColumns.header(f));
        assertEquals(70_000, rows.rowCount());
        String[] r = new String[2];
        for (int i : new int[] {0, 1, 55_000, 69_999}) {
            rows.row(i, r);
            assertEquals(Integer.toString(i), r[0]);
            assertEquals(pad + i, r[1]);
        }
    }

    @Test
    void numbersLikeR() {
        assertEquals("4565.835", PrepCsv.number(4399.69 + (4731.98 - 4399.69) * 0.5));
        assertEquals("2.33333333333333", PrepCsv.number(7.0 / 3));
        assertEquals("-0.3", PrepCsv.number(-(0.1 + 0.2)));
        assertEquals("16", PrepCsv.number(16.0));
        assertEquals("0.000123456789012346", PrepCsv.number(0.000123456789012345678));
        assertEquals("123456789012345", PrepCsv.number(123456789012345.0));
        assertEquals("12345678901234.5", PrepCsv.number(12345678901234.5));
        assertEquals("1.0E-7", PrepCsv.number(1e-7));
        assertEquals("", PrepCsv.number(Double.NaN));
    }
}
