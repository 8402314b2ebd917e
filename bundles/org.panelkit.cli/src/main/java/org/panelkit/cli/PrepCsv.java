package org.panelkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.panelkit.engine.PanelKitException;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * CSV plumbing for the panel-preparation commands (lq, split): streams the input's records a second time, in
 * the numbering {@link CsvColumns} uses (header and blank lines skipped), so a command can write every input
 * column back unchanged next to what it computed without holding the text in memory; and writes CSV with
 * FastCSV (UTF-8, LF, quoting only where needed).
 */
public final class PrepCsv {
    private PrepCsv() {
    }

    /** Receives the fields of data row {@code row} (0-based). */
    interface RecordSink {
        void accept(int row, List<String> fields) throws IOException;
    }

    /**
     * Streams the data records of {@code file} to {@code sink}; {@code rows} is the number of data rows
     * {@link CsvColumns} read, which must be the number streamed.
     */
    static void stream(Path file, int width, int rows, RecordSink sink) {
        int row = 0;
        boolean first = true;
        try (CsvReader<CsvRecord> reader = CsvDialect.builder(file).allowMissingFields(true).allowExtraFields(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            for (CsvRecord r : reader) {
                if (first) {
                    first = false;
                    continue;
                }
                int fields = r.getFieldCount();
                if (fields == 1 && width > 1 && r.getField(0).isBlank()) {
                    continue;
                }
                if (fields != width) {
                    throw new PanelKitException("'" + file + "', line " + r.getStartingLineNumber() + ": " + fields
                            + " fields, but the header has " + width);
                }
                if (row >= rows) {
                    throw new PanelKitException("'" + file + "' changed while it was being read (more rows than before)");
                }
                sink.accept(row++, r.getFields());
            }
        } catch (IOException e) {
            throw new PanelKitException("cannot read '" + file + "': " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new PanelKitException("cannot write: " + e.getCause().getMessage());
        } catch (CsvParseException e) {
            throw new PanelKitException("'" + file + "' is not a valid CSV file: " + e.getMessage());
        }
        if (row != rows) {
            throw new PanelKitException("'" + file + "' changed while it was being read (" + row + " rows, before "
                    + rows + ")");
        }
    }

    /** A writer on a file. */
    static CsvWriter writer(Path out) {
        try {
            return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PanelKitException("cannot write '" + out + "': " + OutputPaths.reason(e));
        }
    }

    /** A writer on standard output (flush it; closing it would close standard output). */
    static CsvWriter writer(PrintWriter out) {
        return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
    }

    static void close(CsvWriter w, Path file) {
        try {
            if (file == null) {
                w.flush();
            } else {
                w.close();
            }
        } catch (IOException e) {
            throw new PanelKitException("cannot write '" + (file == null ? "standard output" : file) + "': "
                    + OutputPaths.reason(e));
        }
    }

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p; // exact up to 1e22
            p *= 10;
        }
    }

    /**
     * A computed number as written to CSV, as R's {@code write.csv} writes it: 15 significant digits, trailing
     * zeros dropped, integers without a decimal point, plain notation for magnitudes in [1e-5, 1e15) (Java's
     * {@link Double#toString} outside); NaN is an empty cell.
     */
    static String number(double v) {
        if (v != v) {
            return "";
        }
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e15) {
            return Long.toString((long) v);
        }
        if (Double.isInfinite(v) || a < 1e-5 || a >= 1e15) {
            return Double.toString(v);
        }
        int exp = (int) Math.floor(Math.log10(a)); // a in [10^exp, 10^(exp+1)), exp in -5..14
        if (belowPowerOfTen(a, exp)) {
            exp--; // log10 rounded up just below a power of ten
        } else if (!belowPowerOfTen(a, exp + 1)) {
            exp++;
        }
        int decimals = 14 - exp; // 0..19 digits after the point make 15 significant ones
        long m = roundScaled(a, decimals);
        if (m >= 1_000_000_000_000_000L && decimals > 0) { // rounded up to 10^15: one digit fewer after the point
            decimals--;
            m = roundScaled(a, decimals);
        }
        while (decimals > 0 && m % 10 == 0) {
            m /= 10;
            decimals--;
        }
        String digits = Long.toString(m);
        StringBuilder b = new StringBuilder(digits.length() + 8);
        if (v < 0) {
            b.append('-');
        }
        if (decimals == 0) {
            b.append(digits);
        } else if (digits.length() > decimals) {
            b.append(digits, 0, digits.length() - decimals).append('.').append(digits, digits.length() - decimals,
                    digits.length());
        } else {
            b.append("0.");
            for (int i = digits.length(); i < decimals; i++) {
                b.append('0');
            }
            b.append(digits);
        }
        return b.toString();
    }

    /**
     * a·10^d rounded to the nearest integer as exact decimal rounding does (C's printf, R): the product's
     * rounding error (exact, from a fused multiply-add; 10^d is exact) settles the cases that look like ties,
     * and an exact tie goes to the even neighbour. Needs a·10^d &lt; 2^52, so that 0.5 is a multiple of its ulp.
     */
    private static long roundScaled(double a, int d) {
        double p = a * POW10[d];
        double err = Math.fma(a, POW10[d], -p);
        double floor = Math.floor(p);
        double frac = p - floor; // exact
        long m = (long) floor;
        if (frac > 0.5 || frac == 0.5 && (err > 0 || err == 0 && (m & 1) == 1)) {
            m++;
        }
        return m;
    }

    /** a &lt; 10^e, exactly for -22 &lt;= e &lt;= 22. */
    private static boolean belowPowerOfTen(double a, int e) {
        return e >= 0 ? a < POW10[e] : a * POW10[-e] < 1;
    }

    /** Rejects an output file that is the input file. */
    static void checkNotInput(Path out, Path in) {
        try {
            if (out != null && java.nio.file.Files.exists(out) && java.nio.file.Files.exists(in)
                    && java.nio.file.Files.isSameFile(out, in)) {
                throw new PanelKitException("--out '" + out + "' is the input file; write to another file");
            }
        } catch (IOException e) {
            throw new PanelKitException("cannot read '" + in + "': " + e.getMessage());
        }
    }

    /** Rejects output column names that the input already has. */
    static void checkNewColumns(List<String> header, List<String> added, Path file) {
        for (String a : added) {
            if (header.contains(a)) {
                throw new PanelKitException("'" + file + "' already has a column '" + a
                        + "', which this command adds; rename it first");
            }
        }
    }

    /** A short list of row labels: "line 5, line 9, ... (12 rows)". */
    public static String lines(CsvColumns data, int[] rows) {
        StringBuilder b = new StringBuilder();
        int shown = Math.min(rows.length, 8);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(data.rowLabel(rows[i]));
        }
        if (rows.length > shown) {
            b.append(", ... (").append(rows.length).append(" rows)");
        }
        return b.toString();
    }
}
