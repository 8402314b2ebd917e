package org.panelkit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.data.KeyColumn;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;


/**
 * The fast path for large all-numeric CSV files (the usual shape of a prepared panel: ids, years, numbers):
 * the rows after the header are split into ranges of about 16 MB at line boundaries, their lines counted, and the
 * ranges parsed in parallel straight from bytes into their rows of the final columns, numbers by Clinger's exact
 * path or FastDoubleParser (correctly rounded, Eisel-Lemire).
 *
 * <p>Key columns are read as whole numbers ({@code int}, half the memory of doubles, and coded faster), as long as
 * every cell of them is one (an id of more than nine digits or a decimal key: read again as doubles).
 *
 * <p>It only handles the plain dialect: comma-separated, no quote character anywhere, every field of a wanted
 * column a number or missing (empty, NA, NaN). On anything else it gives up ({@link Unsupported}) and the
 * caller reads the file with FastCSV, which handles the full RFC 4180 dialect; errors in the data itself
 * (a wrong field count, a cell that is not a number) are reported with their line number.
 */
final class ParallelNumericCsv {
    /**
     * 256 KB: the buffer the kernel copies the file into stays in the core's cache (with 4 MB the read of the
     * 3.6M-row benchmark took 0.07 s longer). A longer line goes to the general reader.
     */
    private static final int BUFFER = 1 << 18;
    private static final long[] LONG_POWERS_OF_TEN = new long[19];

    static {
        long p = 1;
        for (int i = 0; i < LONG_POWERS_OF_TEN.length; i++) {
            LONG_POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    /** The file needs the general reader. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private ParallelNumericCsv() {
    }

    /** The columns read: numbers, and whole-number key columns ({@link KeyColumn#MISSING_INTEGER} missing). */
    static final class Columns {
        /** One array per header column, null where not read as numbers. */
        final double[][] numbers;
        /** One array per header column, null where not read as whole numbers. */
        final int[][] integers;
        final int rows;

        Columns(double[][] numbers, int[][] integers, int rows) {
            this.numbers = numbers;
            this.integers = integers;
            this.rows = rows;
        }
    }

    /** A chunk found a cell of a whole-number column that is no whole number. */
    private static final class NotIntegers extends Exception {
        private static final long serialVersionUID = 1L;
        final int column;

        NotIntegers(int column) {
            super(null, null, false, false);
            this.column = column;
        }
    }

    /**
     * Parses the columns whose indices are in {@code wanted} (in header order: wanted[c] says whether header
     * column c is parsed) from the bytes after {@code dataStart}, those with {@code integers[c]} as whole numbers
     * when every cell is one, else (found while reading: the file is read again) as numbers.
     */
    static Columns read(Path file, long dataStart, List<String> header, boolean[] wanted, boolean[] integers)
            throws IOException, Unsupported {
        boolean[] asIntegers = integers.clone();
        while (true) {
            try {
                return readOnce(file, dataStart, header, wanted, asIntegers);
            } catch (NotIntegers e) {
                asIntegers[e.column] = false;
            }
        }
    }

    private static Columns readOnce(Path file, long dataStart, List<String> header, boolean[] wanted,
            boolean[] integers) throws IOException, Unsupported, NotIntegers {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            // ranges of about 4 MB at line boundaries (one for a small file), taken one at a time by the threads of
            // the fork/join pool and the caller as each finishes the last ({@link #eachRange}: equal halves finished
            // up to 50 ms apart on a fresh JVM)
            int ranges = size - dataStart > (8 << 20) ? (int) Math.min(1024, Math.max(4, (size - dataStart) >> 22)) : 1;
            long[] bounds = new long[ranges + 1];
            bounds[0] = dataStart;
            bounds[ranges] = size;
            for (int t = 1; t < ranges; t++) {
                bounds[t] = nextLineStart(ch, dataStart + (size - dataStart) * t / ranges, size);
            }
            // pass 1: count the data lines of each range, so that every range parses straight into its part
            // of the final columns (no per-thread arrays, no copying)
            long[] counts = new long[ranges];
            try {
                eachRange(ranges, t -> counts[t] = countRows(ch, bounds[t], Math.max(bounds[t], bounds[t + 1])));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            int[] offset = new int[ranges + 1];
            for (int t = 0; t < ranges; t++) {
                if (offset[t] + counts[t] > Integer.MAX_VALUE - 16) {
                    throw new PanelKitException("'" + file + "' has more than 2^31 rows");
                }
                offset[t + 1] = (int) (offset[t] + counts[t]);
            }
            double[][] out = new double[header.size()][];
            int[][] whole = new int[header.size()][];
            int total = offset[ranges];
            // allocating (and so zeroing) the columns is a good part of the read on a fresh JVM: all threads at once
            IntStream.range(0, header.size()).parallel().filter(col -> wanted[col]).forEach(col -> {
                if (integers[col]) {
                    whole[col] = new int[total];
                } else {
                    out[col] = new double[total];
                }
            });
            Chunk[] chunks = new Chunk[ranges];
            eachRange(ranges, t -> {
                Chunk c = new Chunk(header.size(), wanted, out, whole, offset[t], offset[t + 1]);
                try {
                    c.parse(ch, bounds[t], Math.max(bounds[t], bounds[t + 1]));
                } catch (IOException e) {
                    c.failure = e;
                }
                chunks[t] = c;
            });
            long linesBefore = 2; // line number of the first data line (header is line 1)
            int filled = 0; // rows kept so far; a chunk with blank lines leaves a gap at its end, closed here
            for (int t = 0; t < ranges; t++) {
                Chunk c = chunks[t];
                if (c.failure instanceof IOException) {
                    throw (IOException) c.failure;
                }
                if (c.unsupported) {
                    throw new Unsupported();
                }
                if (c.notIntegers >= 0) {
                    throw new NotIntegers(c.notIntegers);
                }
                if (c.errorMessage != null) {
                    throw new PanelKitException(c.errorMessage.replace("%LINE%", Long.toString(linesBefore + c.errorLine)));
                }
                linesBefore += c.lines;
                int kept = c.rows - offset[t];
                if (filled != offset[t]) {
                    for (int col = 0; col < out.length; col++) {
                        Object a = out[col] != null ? out[col] : whole[col];
                        if (a != null) {
                            System.arraycopy(a, offset[t], a, filled, kept);
                        }
                    }
                }
                filled += kept;
            }
            if (filled != offset[ranges]) {
                for (int col = 0; col < out.length; col++) {
                    if (out[col] != null) {
                        out[col] = Arrays.copyOf(out[col], filled);
                    }
                    if (whole[col] != null) {
                        whole[col] = Arrays.copyOf(whole[col], filled);
                    }
                }
            }
            return new Columns(out, whole, filled);
        }
    }

    /**
     * Number of lines in [from, to): line feeds, plus one for a last line without one. Blank lines are counted
     * too (the parse pass skips them and {@link #read} closes the gaps). Eight bytes at a time: a byte of
     * {@code x = word ^ 0x0a0a...} is zero exactly where the word has a line feed, and
     * {@code ~(((x & 0x7f7f...) + 0x7f7f...) | x) & 0x8080...} sets the top bit of exactly those bytes (no carry
     * crosses a byte: each byte's low seven bits plus 0x7f is at most 0xfe). (Mapping the file instead of reading
     * it saves no time in the whole read and counts the mapped file in the resident memory.)
     */
    /**
     * body(t) for t = 0 .. ranges - 1, each taken by the next free thread: the calling thread and the workers of
     * the current fork/join pool (a parallel stream would split the ranges into a few fixed runs of ranges).
     */
    private static void eachRange(int ranges, IntConsumer body) {
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int t = next.getAndIncrement(); t < ranges; t = next.getAndIncrement()) {
                body.accept(t);
            }
        };
        int helpers = ranges == 1 ? 0 : Math.min(ranges - 1, ForkJoinTask.getPool() != null
                ? ForkJoinTask.getPool().getParallelism() - 1 : ForkJoinPool.getCommonPoolParallelism());
        List<ForkJoinTask<?>> forked = new ArrayList<>();
        for (int h = 0; h < helpers; h++) {
            forked.add(ForkJoinTask.adapt(worker).fork());
        }
        worker.run();
        for (ForkJoinTask<?> f : forked) {
            f.join();
        }
    }

    private static long countRows(FileChannel ch, long from, long to) {
        byte[] buf = new byte[BUFFER];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        long rows = 0;
        long pos = from;
        byte last = '\n';
        try {
            while (pos < to) {
                bb.clear();
                bb.limit((int) Math.min(buf.length, to - pos));
                int n = ch.read(bb, pos);
                if (n <= 0) {
                    break;
                }
                pos += n;
                rows += countLineFeeds(bb, n);
                last = buf[n - 1];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (last != '\n') {
            rows++;
        }
        return rows;
    }

    private static long countLineFeeds(ByteBuffer b, int n) {
        long rows = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long x = b.getLong(i) ^ 0x0a0a0a0a0a0a0a0aL;
            rows += Long.bitCount(~(((x & 0x7f7f7f7f7f7f7f7fL) + 0x7f7f7f7f7f7f7f7fL) | x) & 0x8080808080808080L);
        }
        for (; i < n; i++) {
            if (b.get(i) == '\n') {
                rows++;
            }
        }
        return rows;
    }

    private static long nextLineStart(FileChannel ch, long pos, long size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        long p = pos;
        while (p < size) {
            b.clear();
            int n = ch.read(b, p);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (b.get(i) == '\n') {
                    return p + i + 1;
                }
            }
            p += n;
        }
        return size;
    }

    /** One thread's range of lines. */
    private static final class Chunk {
        final int width;
        final boolean[] wanted;
        final double[][] values;
        /** Per column: where the whole numbers go, or null (then values, or not wanted). */
        final int[][] integers;
        final int limit;
        int rows;
        long lines;
        boolean unsupported;
        /** A whole-number column with a cell that is no whole number (or too large for an int), or -1. */
        int notIntegers = -1;
        String errorMessage;
        long errorLine;
        Exception failure;
        /** Parses into rows [first, limit) of the shared output columns. */
        Chunk(int width, boolean[] wanted, double[][] out, int[][] integers, int first, int limit) {
            this.width = width;
            this.wanted = wanted;
            this.values = out;
            this.integers = integers;
            this.rows = first;
            this.limit = limit;
        }

        void parse(FileChannel ch, long from, long to) throws IOException {
            byte[] buf = new byte[BUFFER];
            ByteBuffer bb = ByteBuffer.wrap(buf);
            int carry = 0;
            long pos = from;
            while (pos < to || carry > 0) {
                int room = BUFFER - carry;
                int n = 0;
                if (pos < to) {
                    bb.clear();
                    bb.position(carry);
                    bb.limit(carry + (int) Math.min(room, to - pos));
                    n = ch.read(bb, pos);
                    if (n < 0) {
                        n = 0;
                    }
                    pos += n;
                }
                int end = carry + n;
                boolean last = pos >= to;
                int complete = end; // the complete lines end at the buffer's last line feed
                while (complete > 0 && buf[complete - 1] != '\n') {
                    complete--;
                }
                int lineStart = 0;
                while (lineStart < complete) {
                    int next = plainLine(buf, lineStart);
                    if (next < 0) {
                        // anything but plain numbers: the field-by-field rules (and their messages)
                        int lf = lineStart;
                        while (buf[lf] != '\n') {
                            lf++;
                        }
                        if (!line(buf, lineStart, lf)) {
                            return;
                        }
                        next = lf + 1;
                    }
                    lineStart = next;
                }
                if (last) {
                    if (lineStart < end && !line(buf, lineStart, end)) {
                        return;
                    }
                    return;
                }
                carry = end - lineStart;
                if (carry == BUFFER) {
                    unsupported = true; // a line longer than the buffer
                    return;
                }
                System.arraycopy(buf, lineStart, buf, 0, carry);
            }
        }

        /**
         * The common case in one pass over the bytes: a line of plain decimals ({@code -12.345}; by Clinger's fast path
         * where the mantissa is an exact double, else by FastDoubleParser, both as {@link DecimalParser#parseBytes}
         * converts them) and empty cells in the wanted columns,
         * anything without a quote or line feed in the others, the header's number of fields, ending in
         * {@code \n} or {@code \r\n}. Returns the index after the line feed, or -1 for any other line (blank,
         * NA, blanks around numbers, exponents, errors), which {@link #line} then reads; a line feed is known
         * to follow {@code p} in the buffer.
         */
        private int plainLine(byte[] b, int p) {
            if (b[p] == '\n' || rows == limit) {
                return -1;
            }
            int row = rows;
            for (int f = 0; f < width; f++) {
                byte c = b[p];
                if (wanted[f]) {
                    int start = p;
                    boolean negative = c == '-';
                    if (negative) {
                        c = b[++p];
                    }
                    long m = 0;
                    int digits = 0;
                    while (c >= '0' && c <= '9') {
                        m = m * 10 + (c - '0');
                        digits++;
                        c = b[++p];
                    }
                    int fraction = 0;
                    if (c == '.') {
                        c = b[++p];
                        while (c >= '0' && c <= '9') {
                            m = m * 10 + (c - '0');
                            digits++;
                            fraction++;
                            c = b[++p];
                        }
                    }
                    int[] whole = integers[f];
                    if (whole != null) {
                        // a whole number (also written with zero decimals, 2001.0) or an empty cell; anything else
                        // (NA, exponents, signs, decimals, numbers beyond an int) goes to the field-by-field rules
                        if (p == start) {
                            whole[row] = KeyColumn.MISSING_INTEGER;
                        } else if (digits == 0 || digits > 18 || (fraction > 0 && m % LONG_POWERS_OF_TEN[fraction] != 0)) {
                            return -1;
                        } else {
                            m /= LONG_POWERS_OF_TEN[fraction];
                            if (m > Integer.MAX_VALUE) {
                                return -1;
                            }
                            whole[row] = negative ? (int) -m : (int) m;
                        }
                    } else {
                        double v;
                        if (DecimalParser.exactMantissa(m, digits)) {
                            v = fraction == 0 ? m : m / DecimalParser.POWERS_OF_TEN[fraction];
                            if (negative) {
                                v = -v;
                            }
                        } else if (p == start) {
                            v = Double.NaN; // an empty cell
                        } else if (digits > 0) {
                            // a mantissa that is no exact double (some 17-digit full-precision output): the field as
                            // DecimalParser.parseBytes reads it (FastDoubleParser), without leaving this pass
                            try {
                                v = JavaDoubleParser.parseDouble(b, start, p - start);
                            } catch (NumberFormatException e) {
                                return -1;
                            }
                        } else {
                            return -1;
                        }
                        values[f][row] = v;
                    }
                } else {
                    while (c != ',' && c != '\n') {
                        if (c == '"') {
                            return -1;
                        }
                        c = b[++p];
                    }
                }
                if (f < width - 1) {
                    if (c != ',') {
                        return -1;
                    }
                } else {
                    if (c == '\r') {
                        c = b[++p];
                    }
                    if (c != '\n') {
                        return -1;
                    }
                }
                p++;
            }
            lines++;
            rows++;
            return p;
        }

        /** Parses one line [start, end) (without '\n'); false stops the chunk. */
        private boolean line(byte[] b, int start, int end) {
            lines++;
            if (end > start && b[end - 1] == '\r') {
                end--;
            }
            if (end == start) {
                return true; // blank line
            }
            if (rows == limit) {
                unsupported = true; // the file changed between the two passes
                return false;
            }
            int field = 0;
            int fs = start;
            for (int i = start; i <= end; i++) {
                if (i == end || b[i] == ',') {
                    if (field >= width) {
                        errorMessage = "line %LINE%: more fields than the " + width + " of the header";
                        errorLine = lines - 1;
                        return false;
                    }
                    if (wanted[field] && !number(b, fs, i, field)) {
                        return false;
                    }
                    field++;
                    fs = i + 1;
                } else if (b[i] == '"') {
                    unsupported = true;
                    return false;
                }
            }
            if (field != width) {
                errorMessage = "line %LINE%: " + field + " fields, but the header has " + width;
                errorLine = lines - 1;
                return false;
            }
            rows++;
            return true;
        }

        private boolean number(byte[] b, int s, int e, int column) {
            while (s < e && b[s] == ' ') {
                s++;
            }
            while (e > s && b[e - 1] == ' ') {
                e--;
            }
            int len = e - s;
            double v;
            if (len == 0 || (len == 2 && b[s] == 'N' && b[s + 1] == 'A')
                    || (len == 3 && b[s] == 'N' && b[s + 1] == 'a' && b[s + 2] == 'N')) {
                v = Double.NaN;
            } else {
                try {
                    v = DecimalParser.parseBytes(b, s, len);
                } catch (NumberFormatException ex) {
                    // a text cell: maybe a text key column, which the general reader handles
                    unsupported = true;
                    return false;
                }
            }
            int[] whole = integers[column];
            if (whole == null) {
                values[column][rows] = v;
            } else if (v != v) {
                whole[rows] = KeyColumn.MISSING_INTEGER;
            } else if (v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE) {
                whole[rows] = (int) v;
            } else {
                notIntegers = column; // read again with this column as numbers
                return false;
            }
            return true;
        }
    }
}
