package org.panelkit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

import org.panelkit.engine.PanelKitException;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;


/**
 * The fast path for large all-numeric CSV files (the usual shape of a prepared panel: ids, years, numbers):
 * the rows after the header are split into one contiguous range per core at line boundaries and parsed in
 * parallel straight from bytes, numbers with FastDoubleParser (correctly rounded, Eisel-Lemire).
 *
 * <p>It only handles the plain dialect: comma-separated, no quote character anywhere, every field of a wanted
 * column a number or missing (empty, NA, NaN). On anything else it gives up ({@link Unsupported}) and the
 * caller reads the file with FastCSV, which handles the full RFC 4180 dialect; errors in the data itself
 * (a wrong field count, a cell that is not a number) are reported with their line number.
 */
final class ParallelNumericCsv {
    private static final int BUFFER = 1 << 22;
    /** Eight bytes of a byte array as one long (little-endian: the byte order does not matter for counting). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The file needs the general reader. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private ParallelNumericCsv() {
    }

    /**
     * Parses the columns whose indices are in {@code wanted} (in header order: wanted[c] says whether header
     * column c is parsed) from the bytes after {@code dataStart}.
     *
     * @return one array per header column (null where not wanted)
     */
    static double[][] read(Path file, long dataStart, List<String> header, boolean[] wanted)
            throws IOException, Unsupported {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int threads = size - dataStart > (8 << 20) ? Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())) : 1;
            long[] bounds = new long[threads + 1];
            bounds[0] = dataStart;
            bounds[threads] = size;
            for (int t = 1; t < threads; t++) {
                bounds[t] = nextLineStart(ch, dataStart + (size - dataStart) * t / threads, size);
            }
            // pass 1: count the data lines of each range, so that every range parses straight into its part
            // of the final columns (no per-thread arrays, no copying)
            List<CompletableFuture<long[]>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long from = bounds[t];
                long to = Math.max(from, bounds[t + 1]);
                counts.add(CompletableFuture.supplyAsync(() -> countRows(ch, from, to)));
            }
            int[] offset = new int[threads + 1];
            for (int t = 0; t < threads; t++) {
                long rows = join(counts.get(t))[0];
                if (offset[t] + rows > Integer.MAX_VALUE - 16) {
                    throw new PanelKitException("'" + file + "' has more than 2^31 rows");
                }
                offset[t + 1] = (int) (offset[t] + rows);
            }
            double[][] out = new double[header.size()][];
            int total = offset[threads];
            // allocating (and so zeroing) the columns is a good part of the read on a fresh JVM: all threads at once
            IntStream.range(0, header.size()).parallel().filter(col -> wanted[col])
                    .forEach(col -> out[col] = new double[total]);
            List<CompletableFuture<Chunk>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long from = bounds[t];
                long to = Math.max(from, bounds[t + 1]);
                int first = offset[t];
                int limit = offset[t + 1];
                futures.add(CompletableFuture.supplyAsync(() -> {
                    Chunk c = new Chunk(header.size(), wanted, out, first, limit);
                    try {
                        c.parse(ch, from, to);
                    } catch (IOException e) {
                        c.failure = e;
                    }
                    return c;
                }));
            }
            long linesBefore = 2; // line number of the first data line (header is line 1)
            int filled = 0; // rows kept so far; a chunk with blank lines leaves a gap at its end, closed here
            for (int t = 0; t < threads; t++) {
                Chunk c = join(futures.get(t));
                if (c.failure instanceof IOException) {
                    throw (IOException) c.failure;
                }
                if (c.unsupported) {
                    throw new Unsupported();
                }
                if (c.errorMessage != null) {
                    throw new PanelKitException(c.errorMessage.replace("%LINE%", Long.toString(linesBefore + c.errorLine)));
                }
                linesBefore += c.lines;
                int kept = c.rows - offset[t];
                if (filled != offset[t]) {
                    for (double[] col : out) {
                        if (col != null) {
                            System.arraycopy(col, offset[t], col, filled, kept);
                        }
                    }
                }
                filled += kept;
            }
            if (filled != offset[threads]) {
                for (int col = 0; col < out.length; col++) {
                    if (out[col] != null) {
                        out[col] = Arrays.copyOf(out[col], filled);
                    }
                }
            }
            return out;
        }
    }

    private static <T> T join(CompletableFuture<T> f) throws IOException {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException) {
                throw ((UncheckedIOException) e.getCause()).getCause();
            }
            throw e;
        }
    }

    /**
     * Number of lines in [from, to): line feeds, plus one for a last line without one. Blank lines are counted
     * too (the parse pass skips them and {@link #read} closes the gaps). Eight bytes at a time: a byte of
     * {@code x = word ^ 0x0a0a...} is zero exactly where the word has a line feed, and
     * {@code ~(((x & 0x7f7f...) + 0x7f7f...) | x) & 0x8080...} sets the top bit of exactly those bytes
     * (no carry crosses a byte: each byte's low seven bits plus 0x7f is at most 0xfe).
     */
    private static long[] countRows(FileChannel ch, long from, long to) {
        byte[] buf = new byte[BUFFER];
        ByteBuffer bb = ByteBuffer.wrap(buf);
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
                int i = 0;
                for (; i + 8 <= n; i += 8) {
                    long x = (long) LONGS.get(buf, i) ^ 0x0a0a0a0a0a0a0a0aL;
                    rows += Long.bitCount(~(((x & 0x7f7f7f7f7f7f7f7fL) + 0x7f7f7f7f7f7f7f7fL) | x) & 0x8080808080808080L);
                }
                for (; i < n; i++) {
                    if (buf[i] == '\n') {
                        rows++;
                    }
                }
                last = buf[n - 1];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (last != '\n') {
            rows++;
        }
        return new long[] {rows};
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
        final int limit;
        int rows;
        long lines;
        boolean unsupported;
        String errorMessage;
        long errorLine;
        Exception failure;
        /** Parses into rows [first, limit) of the shared output columns. */
        Chunk(int width, boolean[] wanted, double[][] out, int first, int limit) {
            this.width = width;
            this.wanted = wanted;
            this.values = out;
            this.rows = first;
            this.limit = limit;
        }

        void parse(FileChannel ch, long from, long to) throws IOException {
            byte[] buf = new byte[BUFFER];
            ByteBuffer bb = ByteBuffer.wrap(buf);
            int carry = 0;
            long pos = from;
            while (pos < to || carry > 0) {
                int room = buf.length - carry;
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
                if (carry == buf.length) {
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
            values[column][rows] = v;
            return true;
        }
    }
}
