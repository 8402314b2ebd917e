package org.panelkit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.Parallelism;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.KeyColumn;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.RecordType;

/**
 * The columns of a CSV file with a header row (FastCSV does the parsing), read once, only the columns asked
 * for. Numeric columns are parsed straight from the parser's buffer; empty, {@code NA} and {@code NaN} are
 * missing. Key columns stay numbers when every cell is a number and become text otherwise.
 */
public final class CsvColumns implements ColumnSource {
    private final Path file;
    private final List<String> header;
    private final int rows;
    private final Map<String, double[]> numeric = new HashMap<>();
    private final Map<String, KeyColumn> keys = new HashMap<>();
    /** Key columns read as whole numbers: their numbers are made from the key on demand. */
    private final Set<String> wholeNumberKeys = new HashSet<>();
    /** The file line of each row where it is not row + 2 (blank lines, quoted line breaks); else null. */
    private int[] lines;

    private CsvColumns(Path file, List<String> header, int rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    /** The header of {@code file}; an error naming the file if it is missing or empty. */
    public static List<String> header(Path file) {
        try (CsvReader<CsvRecord> reader = CsvDialect.builder(file).ofCsvRecord(file, StandardCharsets.UTF_8)) {
            var it = reader.iterator();
            if (!it.hasNext()) {
                throw new PanelKitException("'" + file + "' is empty: expected a header row and data rows");
            }
            List<String> names = new ArrayList<>();
            for (String f : it.next().getFields()) {
                names.add(f.strip());
            }
            if (names.size() == 1 && names.get(0).isEmpty()) {
                throw new PanelKitException("'" + file + "' is empty: expected a header row and data rows");
            }
            return names;
        } catch (NoSuchFileException e) {
            throw new PanelKitException("cannot read '" + file + "': no such file");
        } catch (IOException e) {
            throw new PanelKitException("cannot read '" + file + "': " + e.getMessage());
        } catch (CsvParseException e) {
            throw new PanelKitException("'" + file + "' is not a valid CSV file: " + e.getMessage());
        }
    }

    /**
     * Reads the named numeric and key columns. Unknown names are an error listing the columns that exist.
     */
    public static CsvColumns read(Path file, List<String> numericColumns, List<String> keyColumns) {
        if (!Files.isRegularFile(file)) {
            throw new PanelKitException("cannot read '" + file + "': no such file");
        }
        List<String> header = header(file);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (index.putIfAbsent(header.get(i), i) != null) {
                // a duplicated header name is only a problem if it is used
                index.put(header.get(i), -1);
            }
        }
        List<String> all = new ArrayList<>(numericColumns);
        for (String k : keyColumns) {
            if (!all.contains(k)) {
                all.add(k);
            }
        }
        for (String name : all) {
            Integer i = index.get(name);
            if (i == null) {
                char d = CsvDialect.delimiter(file);
                String hint = "";
                if (header.size() == 1) {
                    for (char other : new char[] {',', ';', '\t'}) {
                        if (other != d && header.get(0).indexOf(other) >= 0) {
                            hint = "; the header is one column holding " + CsvDialect.name(other)
                                    + "s: use --delimiter " + CsvDialect.name(other);
                        }
                    }
                }
                String dataset = Datasets.nameOf(file);
                if (dataset != null) {
                    // a shipped dataset: name it as the user wrote it, not by its temporary file
                    throw new PanelKitException("unknown column '" + name + "' in dataset @" + dataset + " (columns: "
                            + String.join(", ", header) + ")");
                }
                throw new PanelKitException("unknown column '" + name + "' in '" + file + "' (columns: "
                        + String.join(", ", header) + "; the file is read as " + CsvDialect.describe(d) + hint + ")");
            }
            if (i < 0) {
                throw new PanelKitException("column '" + name + "' appears more than once in the header of '" + file + "'");
            }
        }
        int width = header.size();
        Kind[] kinds = new Kind[width];
        Arrays.fill(kinds, Kind.SKIP);
        for (String k : keyColumns) {
            kinds[index.get(k)] = Kind.KEY_NUMBER;
        }
        for (String nm : numericColumns) {
            kinds[index.get(nm)] = Kind.NUMBER;
        }
        CsvColumns fast = tryParallel(file, header, kinds);
        if (fast != null) {
            return fast;
        }
        Handler h;
        while (true) {
            h = new Handler(file, header, kinds);
            try {
                h.readAll();
                break;
            } catch (NonNumericKey e) {
                kinds[e.column] = Kind.KEY_TEXT; // a text key: read again keeping that column as text
            }
        }
        if (h.rows == 0) {
            throw new PanelKitException("'" + file + "' has a header but no data rows");
        }
        CsvColumns out = new CsvColumns(file, header, h.rows);
        out.lines = h.lines == null ? null : Arrays.copyOf(h.lines, h.rows);
        for (int c = 0; c < width; c++) {
            String name = header.get(c);
            switch (kinds[c]) {
            case NUMBER:
                out.numeric.put(name, Arrays.copyOf(h.numbers[c], h.rows));
                break;
            case KEY_NUMBER:
                double[] v = Arrays.copyOf(h.numbers[c], h.rows);
                out.numeric.put(name, v);
                out.keys.put(name, KeyColumn.ofNumbers(name, v));
                break;
            case KEY_TEXT:
                out.keys.put(name, KeyColumn.ofStrings(name, Arrays.copyOf(h.texts[c], h.rows)));
                break;
            default:
            }
        }
        return out;
    }

    /** The parallel path for plain all-numeric files; null when the file needs the general reader. */
    private static CsvColumns tryParallel(Path file, List<String> header, Kind[] kinds) {
        if (CsvDialect.delimiter(file) != ',') {
            return null;
        }
        long dataStart = headerEnd(file);
        if (dataStart < 0) {
            return null;
        }
        boolean[] wanted = new boolean[kinds.length];
        boolean[] integers = new boolean[kinds.length];
        for (int c = 0; c < kinds.length; c++) {
            wanted[c] = kinds[c] != Kind.SKIP;
            integers[c] = kinds[c] == Kind.KEY_NUMBER;
        }
        ParallelNumericCsv.Columns cols;
        try {
            cols = ParallelNumericCsv.read(file, dataStart, header, wanted, integers);
        } catch (ParallelNumericCsv.Unsupported e) {
            return null;
        } catch (IOException e) {
            throw new PanelKitException("cannot read '" + file + "': " + e.getMessage());
        }
        if (cols.rows <= 0) {
            throw new PanelKitException("'" + file + "' has a header but no data rows");
        }
        CsvColumns out = new CsvColumns(file, header, cols.rows);
        // the key columns are coded in parallel (firm, year, industry: a pass or three over each): the first here,
        // the others on the pool's workers (a thread outside the pool would only wait while they run)
        List<Supplier<KeyColumn>> coding = new ArrayList<>();
        for (int c = 0; c < kinds.length; c++) {
            String name = header.get(c);
            if (kinds[c] == Kind.NUMBER) {
                out.numeric.put(name, cols.numbers[c]);
            } else if (kinds[c] == Kind.KEY_NUMBER) {
                int[] whole = cols.integers[c];
                double[] values = cols.numbers[c];
                if (whole != null) {
                    out.wholeNumberKeys.add(name); // numbers on demand: numeric(name)
                    coding.add(() -> KeyColumn.ofIntegers(name, whole));
                } else {
                    out.numeric.put(name, values);
                    coding.add(() -> KeyColumn.ofNumbers(name, values));
                }
            }
        }
        List<ForkJoinTask<KeyColumn>> forked = new ArrayList<>();
        for (int i = 1; i < coding.size(); i++) {
            forked.add(Parallelism.fork(coding.get(i)));
        }
        if (!coding.isEmpty()) {
            KeyColumn k = coding.get(0).get();
            out.keys.put(k.name(), k);
        }
        for (var f : forked) {
            KeyColumn k = f.join();
            out.keys.put(k.name(), k);
        }
        return out;
    }

    /** Byte offset after the header line, or -1 when the header has a quote (general reader). */
    private static long headerEnd(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(1 << 20);
            for (int i = 0; i < b.length; i++) {
                if (b[i] == '"') {
                    return -1;
                }
                if (b[i] == '\n') {
                    return i + 1;
                }
            }
            return -1;
        } catch (IOException e) {
            throw new PanelKitException("cannot read '" + file + "': " + e.getMessage());
        }
    }

    private enum Kind { SKIP, NUMBER, KEY_NUMBER, KEY_TEXT }

    private static final class NonNumericKey extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int column;

        NonNumericKey(int column) {
            super(null, null, false, false);
            this.column = column;
        }
    }

    /** FastCSV callback: fields arrive as char ranges, numbers are parsed without a String. */
    private static final class Handler extends AbstractBaseCsvCallbackHandler<Boolean> {
        final Path file;
        final List<String> header;
        final Kind[] kinds;
        final double[][] numbers;
        final String[][] texts;
        final Map<String, String> interned = new HashMap<>();
        int rows;
        int capacity = 1024;
        boolean first = true;
        long line;
        int[] lines;
        final char delimiter;

        Handler(Path file, List<String> header, Kind[] kinds) {
            this.file = file;
            this.header = header;
            this.kinds = kinds;
            this.delimiter = CsvDialect.delimiter(file);
            this.numbers = new double[kinds.length][];
            this.texts = new String[kinds.length][];
            for (int c = 0; c < kinds.length; c++) {
                if (kinds[c] == Kind.NUMBER || kinds[c] == Kind.KEY_NUMBER) {
                    numbers[c] = new double[capacity];
                } else if (kinds[c] == Kind.KEY_TEXT) {
                    texts[c] = new String[capacity];
                }
            }
        }

        void readAll() {
            try (CsvReader<Boolean> reader = CsvDialect.builder(file).build(this, file, StandardCharsets.UTF_8)) {
                for (Boolean ignored : reader) {
                    // records are stored by the callbacks
                }
            } catch (IOException e) {
                throw new PanelKitException("cannot read '" + file + "': " + e.getMessage());
            } catch (CsvParseException e) {
                Throwable cause = e.getCause();
                if (cause instanceof NonNumericKey) {
                    throw (NonNumericKey) cause;
                }
                if (cause instanceof PanelKitException) {
                    throw (PanelKitException) cause;
                }
                throw new PanelKitException("'" + file + "' is not a valid CSV file: " + e.getMessage()
                        + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : ""));
            }
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            line = startingLineNumber;
            if (!first && rows == capacity) {
                capacity *= 2;
                for (int c = 0; c < kinds.length; c++) {
                    if (numbers[c] != null) {
                        numbers[c] = Arrays.copyOf(numbers[c], capacity);
                    }
                    if (texts[c] != null) {
                        texts[c] = Arrays.copyOf(texts[c], capacity);
                    }
                }
                if (lines != null) {
                    lines = Arrays.copyOf(lines, capacity);
                }
            }
        }

        @Override
        protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
            if (first || fieldIdx >= kinds.length) {
                return;
            }
            switch (kinds[fieldIdx]) {
            case NUMBER:
                numbers[fieldIdx][rows] = number(fieldIdx, buf, offset, len, false);
                break;
            case KEY_NUMBER:
                numbers[fieldIdx][rows] = number(fieldIdx, buf, offset, len, true);
                break;
            case KEY_TEXT: {
                String s = new String(buf, offset, len).strip();
                texts[fieldIdx][rows] = s.isEmpty() || s.equals("NA") || s.equals("NaN") ? null
                        : interned.computeIfAbsent(s, x -> x);
                break;
            }
            default:
            }
        }

        private double number(int column, char[] buf, int offset, int len, boolean key) {
            try {
                return DecimalParser.parse(buf, offset, len);
            } catch (NumberFormatException e) {
                if (key) {
                    throw new NonNumericKey(column);
                }
                String cell = new String(buf, offset, len);
                try {
                    return CsvDialect.decimalComma(delimiter, cell);
                } catch (NumberFormatException why) {
                    boolean otherDelimiter = delimiter != ',' || cell.indexOf(';') >= 0 || cell.indexOf('\t') >= 0;
                    throw new PanelKitException("column '" + header.get(column) + "', line " + line + ": '"
                            + cell + "' is not a number" + (why.getMessage() != null ? " (" + why.getMessage() + ")"
                                    : otherDelimiter ? " (the file is read as " + CsvDialect.describe(delimiter) + ")"
                                    : ""));
                }
            }
        }

        @Override
        protected Boolean buildRecord() {
            if (getRecordType() != RecordType.DATA) {
                return Boolean.FALSE;
            }
            if (first) {
                first = false;
                return Boolean.FALSE;
            }
            int fields = getFieldCount();
            if (fields == 1 && isBlankRecord()) {
                return Boolean.FALSE;
            }
            if (fields != kinds.length) {
                throw new PanelKitException("'" + file + "', line " + line + ": " + fields + " fields, but the header has "
                        + kinds.length + " (the file is read as " + CsvDialect.describe(delimiter) + ")");
            }
            if (lines == null && line != rows + 2) {
                lines = new int[capacity];
                for (int i = 0; i < rows; i++) {
                    lines[i] = i + 2;
                }
            }
            if (lines != null) {
                lines[rows] = (int) line;
            }
            rows++;
            return Boolean.TRUE;
        }

        private boolean isBlankRecord() {
            return kinds.length > 1;
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public int rowCount() {
        return rows;
    }

    @Override
    public List<String> columnNames() {
        return header;
    }

    @Override
    public boolean has(String name) {
        return numeric.containsKey(name) || keys.containsKey(name);
    }

    @Override
    public synchronized double[] numeric(String name) { // synchronized: columns made on first use
        double[] v = numeric.get(name);
        if (v == null && wholeNumberKeys.contains(name)) {
            v = keys.get(name).numericValues();
            numeric.put(name, v);
        }
        if (v == null) {
            if (keys.containsKey(name)) {
                throw new PanelKitException("column '" + name + "' is not numeric");
            }
            throw new PanelKitException("unknown column '" + name + "'");
        }
        return v;
    }

    @Override
    public synchronized KeyColumn key(String name) {
        KeyColumn k = keys.get(name);
        if (k == null) {
            double[] v = numeric.get(name);
            if (v == null) {
                throw new PanelKitException("unknown column '" + name + "'");
            }
            k = KeyColumn.ofNumbers(name, v);
            keys.put(name, k);
        }
        return k;
    }

    @Override
    public String rowLabel(int row) {
        return "line " + (lines != null ? lines[row] : row + 2);
    }
}
