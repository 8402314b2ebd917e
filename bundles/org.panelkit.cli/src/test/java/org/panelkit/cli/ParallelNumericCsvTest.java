package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.data.KeyColumn;

/**
 * The parallel reader of plain numeric CSV files against a line-by-line reference (split at commas,
 * Double.parseDouble), bit for bit, on files large enough to be split between threads (over 8 MB): the
 * one-pass path for plain decimals and the field-by-field path for everything else (NA, blanks around
 * numbers, exponents, long mantissas, CRLF, blank lines), line numbers in errors across the split, and the
 * cases it leaves to the general reader.
 */
class ParallelNumericCsvTest {
    @TempDir
    Path dir;

    private static final List<String> HEADER = List.of("id", "label", "a", "b", "c", "d");
    private static final boolean[] WANTED = {true, false, true, true, true, true};
    private static final boolean[] NO_INTEGERS = new boolean[HEADER.size()];

    /** A cell in one of the forms a numeric column can hold. */
    private static String cell(SplittableRandom r) {
        switch (r.nextInt(14)) {
        case 0:
            return "";
        case 1:
            return "NA";
        case 2:
            return "NaN";
        case 3:
            return " " + plain(r, 6) + " ";
        case 4:
            return plain(r, 6) + "e" + (r.nextInt(41) - 20);
        case 5:
            return plain(r, 19); // beyond the 15-digit fast path
        case 6:
            return "+" + plain(r, 5).replace("-", "");
        case 7:
            return "-0";
        case 8:
            return "." + r.nextInt(1000);
        case 9:
            return r.nextInt(1000) + ".";
        default:
            return plain(r, 15);
        }
    }

    private static String plain(SplittableRandom r, int maxDigits) {
        StringBuilder sb = new StringBuilder();
        if (r.nextBoolean()) {
            sb.append('-');
        }
        int digits = 1 + r.nextInt(maxDigits);
        int point = r.nextInt(digits + 1);
        for (int d = 0; d < digits; d++) {
            if (d == point && d > 0) {
                sb.append('.');
            }
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    private static double reference(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.equals("NA") || t.equals("NaN")) {
            return Double.NaN;
        }
        return Double.parseDouble(t);
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static long dataStart(String text) {
        return text.indexOf('\n') + 1;
    }

    @Test
    void everyFormReadsAsDoubleParseDoubleAcrossThreads() throws Exception {
        SplittableRandom r = new SplittableRandom(20261207);
        StringBuilder sb = new StringBuilder(String.join(",", HEADER)).append('\n');
        List<String[]> rows = new ArrayList<>();
        while (sb.length() < 12 << 20) {
            int kind = r.nextInt(100);
            if (kind == 0) {
                sb.append(r.nextBoolean() ? "\n" : "\r\n"); // a blank line: skipped
                continue;
            }
            String[] row = new String[HEADER.size()];
            row[0] = Integer.toString(rows.size() + 1);
            row[1] = r.nextInt(3) == 0 ? "" : "region " + r.nextInt(30); // text in a column not read
            for (int c = 2; c < row.length; c++) {
                row[c] = kind < 70 ? plain(r, 15) : cell(r); // mostly the plain fast path
            }
            rows.add(row);
            sb.append(String.join(",", row)).append(kind % 7 == 0 ? "\r\n" : "\n");
        }
        // the last line without a line feed
        String[] last = {Integer.toString(rows.size() + 1), "x", "1.5", "-2", "", "NA"};
        rows.add(last);
        sb.append(String.join(",", last));
        String text = sb.toString();
        Path f = write("numbers.csv", text);

        double[][] cols = ParallelNumericCsv.read(f, dataStart(text), HEADER, WANTED, NO_INTEGERS).numbers;

        assertNull(cols[1]);
        for (int c : new int[] {0, 2, 3, 4, 5}) {
            assertEquals(rows.size(), cols[c].length);
            long[] expected = new long[rows.size()];
            long[] got = new long[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                expected[i] = Double.doubleToRawLongBits(reference(rows.get(i)[c]));
                got[i] = Double.doubleToRawLongBits(cols[c][i]);
            }
            assertArrayEquals(expected, got, "column " + HEADER.get(c));
        }
    }

    /** A key cell: mostly plain whole numbers, and every other form a whole number can take, or missing. */
    private static String keyCell(SplittableRandom r) {
        int v = r.nextInt(2_000_001) - 1_000_000;
        switch (r.nextInt(20)) {
        case 0:
            return "";
        case 1:
            return "NA";
        case 2:
            return v + ".0"; // pandas writes integer columns with missing values like this
        case 3:
            return v + ".000";
        case 4:
            return " " + v + " ";
        case 5:
            return v >= 0 ? "+" + v : Integer.toString(v);
        case 6:
            return (v / 10) + "e1";
        case 7:
            return "-0";
        case 8:
            return "00" + Math.abs(v);
        case 9:
            return r.nextBoolean() ? "2147483647" : "-2147483647";
        default:
            return Integer.toString(v);
        }
    }

    /**
     * Key columns are read as whole numbers; the key and the numbers of the column equal those of the line-by-line
     * reference read as doubles ({@code KeyColumn.ofNumbers}). A cell that is no whole number (a decimal, an id
     * beyond an int, in either half) reads the column again as doubles, with the same result.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "1.5", "2147483648", "-2147483648", "12345678901", "1e300"})
    void keyColumnsReadAsWholeNumbersEqualTheDoubleReading(String odd) throws Exception {
        SplittableRandom r = new SplittableRandom(odd.hashCode());
        List<String> header = List.of("firm", "label", "year", "x");
        boolean[] wanted = {true, false, true, true};
        boolean[] integers = {true, false, true, false};
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        List<String[]> rows = new ArrayList<>();
        while (sb.length() < 10 << 20) {
            String[] row = {keyCell(r), "r", Integer.toString(2001 + r.nextInt(20)), plain(r, 8)};
            if (rows.size() == 300_000 && !odd.isEmpty()) {
                row[2] = odd; // in the second half
            }
            rows.add(row);
            sb.append(String.join(",", row)).append('\n');
        }
        String text = sb.toString();
        Path f = write("keys.csv", text);

        ParallelNumericCsv.Columns cols = ParallelNumericCsv.read(f, dataStart(text), header, wanted, integers);

        assertEquals(rows.size(), cols.rows);
        assertTrue(cols.integers[0] != null && cols.numbers[0] == null, "firm read as whole numbers");
        assertEquals(odd.isEmpty(), cols.integers[2] != null, "year as whole numbers unless a cell is none");
        assertTrue(cols.numbers[3] != null && cols.integers[3] == null);
        for (int c : new int[] {0, 2}) {
            double[] expected = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                expected[i] = reference(rows.get(i)[c]);
            }
            KeyColumn want = KeyColumn.ofNumbers(header.get(c), expected);
            KeyColumn got = cols.integers[c] != null ? KeyColumn.ofIntegers(header.get(c), cols.integers[c])
                    : KeyColumn.ofNumbers(header.get(c), cols.numbers[c]);
            assertArrayEquals(want.codes(), got.codes(), header.get(c));
            assertEquals(want.levelCount(), got.levelCount());
            for (int l = 0; l < want.levelCount(); l++) {
                assertEquals(want.numericLevel(l), got.numericLevel(l));
                assertEquals(want.level(l), got.level(l));
            }
            assertArrayEquals(want.numericValues(), got.numericValues(), header.get(c));
        }
    }

    /** Through CsvColumns: a whole-number key column is also a numeric column (its numbers made on demand). */
    @Test
    void wholeNumberKeysAreNumbersToo() throws Exception {
        String text = plainFile(400_000, 7, ",r,1.25,-3.5,42,0.001");
        Path f = write("keys.csv", text);
        CsvColumns c = CsvColumns.read(f, List.of("a"), List.of("id", "c"));
        assertEquals(-1, c.key("id").code(5), "the empty id of line 7");
        assertTrue(Double.isNaN(c.numeric("id")[5]));
        assertEquals(400_001.0, c.numeric("id")[399_999]);
        assertEquals(1, c.key("c").levelCount());
        assertEquals(42.0, c.numeric("c")[0]);
        assertEquals(1.25, c.numeric("a")[399_999]);
    }

    /** A file of the given number of plain rows, with {@code bad} as line {@code badLine} (1 = the header). */
    private static String plainFile(int rows, int badLine, String bad) {
        StringBuilder sb = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (int i = 2; i <= rows + 1; i++) {
            sb.append(i == badLine ? bad : i + ",r,1.25,-3.5,42,0.001").append('\n');
        }
        return sb.toString();
    }

    @Test
    void fieldCountErrorsNameTheFileLineInEitherHalf() throws Exception {
        int rows = 400_000; // about 11 MB: four ranges
        for (int line : new int[] {5, rows}) {
            String text = plainFile(rows, line, "7,r,1,2,3");
            Path f = write("short" + line + ".csv", text);
            PanelKitException e = assertThrows(PanelKitException.class,
                    () -> ParallelNumericCsv.read(f, dataStart(text), HEADER, WANTED, NO_INTEGERS));
            assertEquals("line " + line + ": 5 fields, but the header has 6", e.getMessage());
        }
        String text = plainFile(rows, rows - 3, "7,r,1,2,3,4,5");
        Path f = write("long.csv", text);
        PanelKitException e = assertThrows(PanelKitException.class,
                () -> ParallelNumericCsv.read(f, dataStart(text), HEADER, WANTED, NO_INTEGERS));
        assertTrue(e.getMessage().startsWith("line " + (rows - 3) + ": more fields than the 6 of the header"),
                e.getMessage());
    }

    @Test
    void textCellsAndQuotesGoToTheGeneralReader() throws Exception {
        int rows = 400_000;
        String text = plainFile(rows, rows - 10, "7,r,1,abc,3,4");
        Path f = write("text.csv", text);
        assertThrows(ParallelNumericCsv.Unsupported.class,
                () -> ParallelNumericCsv.read(f, dataStart(text), HEADER, WANTED, NO_INTEGERS));
        String quoted = plainFile(rows, 20, "7,\"r, quoted\",1,2,3,4");
        Path g = write("quoted.csv", quoted);
        assertThrows(ParallelNumericCsv.Unsupported.class,
                () -> ParallelNumericCsv.read(g, dataStart(quoted), HEADER, WANTED, NO_INTEGERS));
    }

    @Test
    void readsTheSameThroughCsvColumns() throws Exception {
        String text = plainFile(400_000, -1, null);
        Path f = write("plain.csv", text);
        CsvColumns c = CsvColumns.read(f, List.of("a", "d"), List.of("id"));
        assertEquals(400_000, c.rowCount());
        assertEquals(1.25, c.numeric("a")[399_999]);
        assertEquals(0.001, c.numeric("d")[0]);
        assertEquals(400_000, c.key("id").levelCount());
        assertEquals("400001", c.key("id").level(399_999));
    }
}
