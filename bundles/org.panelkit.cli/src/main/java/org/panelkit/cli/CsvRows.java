package org.panelkit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.panelkit.engine.PanelKitException;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordType;

/**
 * Every field of every data record of a CSV file, kept as text so that a command can write the input columns
 * back unchanged (in another row order). Stored compactly: each record's fields as UTF-8 bytes with a length
 * prefix in 16 MB blocks, plus one long per record, so memory is about the size of the file. Records are
 * numbered as {@link CsvColumns} numbers them (header and blank lines skipped), so row {@code r} here is row
 * {@code r} there.
 */
final class CsvRows {
    private static final int BLOCK = 1 << 24;

    private final List<String> header;
    private final List<byte[]> blocks;
    private final long[] start; // block index << 32 | offset in block
    private final int rows;

    private CsvRows(List<String> header, List<byte[]> blocks, long[] start, int rows) {
        this.header = header;
        this.blocks = blocks;
        this.start = start;
        this.rows = rows;
    }

    /** Reads all records of {@code file}, whose header has been read with {@link CsvColumns#header(Path)}. */
    static CsvRows read(Path file, List<String> header) {
        Handler h = new Handler(file, header.size());
        try (CsvReader<Boolean> reader = CsvDialect.builder(file).build(h, file, StandardCharsets.UTF_8)) {
            for (Boolean ignored : reader) {
                // stored by the callbacks
            }
        } catch (IOException e) {
            throw new PanelKitException("cannot read '" + file + "': " + e.getMessage());
        } catch (CsvParseException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PanelKitException) {
                throw (PanelKitException) cause;
            }
            throw new PanelKitException("'" + file + "' is not a valid CSV file: " + e.getMessage());
        }
        h.blocks.set(h.blocks.size() - 1, Arrays.copyOf(h.block, h.used));
        return new CsvRows(List.copyOf(header), h.blocks, Arrays.copyOf(h.start, h.rows), h.rows);
    }

    int rowCount() {
        return rows;
    }

    List<String> header() {
        return header;
    }

    /** The fields of row {@code r} as text, into {@code into} (length = header size). */
    String[] row(int r, String[] into) {
        long s = start[r];
        byte[] b = blocks.get((int) (s >>> 32));
        int pos = (int) s;
        for (int c = 0; c < into.length; c++) {
            int len = 0;
            int shift = 0;
            int v;
            do {
                v = b[pos++];
                len |= (v & 0x7f) << shift;
                shift += 7;
            } while ((v & 0x80) != 0);
            into[c] = len == 0 ? "" : new String(b, pos, len, StandardCharsets.UTF_8);
            pos += len;
        }
        return into;
    }

    private static final class Handler extends AbstractBaseCsvCallbackHandler<Boolean> {
        final Path file;
        final int width;
        final List<byte[]> blocks = new ArrayList<>();
        byte[] block = new byte[1 << 16];
        int used;
        long[] start = new long[1024];
        int rows;
        byte[] record = new byte[256];
        int recordLength;
        boolean first = true;
        long line;

        Handler(Path file, int width) {
            this.file = file;
            this.width = width;
            blocks.add(block);
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            line = startingLineNumber;
            recordLength = 0;
        }

        @Override
        protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
            if (first) {
                return;
            }
            boolean ascii = true;
            for (int i = 0; i < len && ascii; i++) {
                ascii = buf[offset + i] < 0x80;
            }
            byte[] bytes = ascii ? null : new String(buf, offset, len).getBytes(StandardCharsets.UTF_8);
            int n = ascii ? len : bytes.length;
            ensure(recordLength + 5 + n);
            int v = n;
            while (v >= 0x80) {
                record[recordLength++] = (byte) (v | 0x80);
                v >>>= 7;
            }
            record[recordLength++] = (byte) v;
            if (ascii) {
                for (int i = 0; i < len; i++) {
                    record[recordLength++] = (byte) buf[offset + i];
                }
            } else {
                System.arraycopy(bytes, 0, record, recordLength, n);
                recordLength += n;
            }
        }

        private void ensure(int size) {
            if (size > record.length) {
                record = Arrays.copyOf(record, Math.max(size, record.length * 2));
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
            if (fields == 1 && width > 1) { // a blank line, skipped as CsvColumns skips it
                return Boolean.FALSE;
            }
            if (fields != width) {
                throw new PanelKitException("'" + file + "', line " + line + ": " + fields + " fields, but the header has "
                        + width);
            }
            if (used + recordLength > block.length) {
                if (block.length < BLOCK && recordLength <= BLOCK) {
                    block = Arrays.copyOf(block, Math.max(block.length * 2, Math.min(BLOCK, used + recordLength)));
                    blocks.set(blocks.size() - 1, block);
                }
                if (used + recordLength > block.length) {
                    blocks.set(blocks.size() - 1, Arrays.copyOf(block, used));
                    block = new byte[Math.max(BLOCK, recordLength)];
                    blocks.add(block);
                    used = 0;
                }
            }
            if (rows == start.length) {
                start = Arrays.copyOf(start, rows * 2);
            }
            start[rows++] = ((long) (blocks.size() - 1) << 32) | used;
            System.arraycopy(record, 0, block, used, recordLength);
            used += recordLength;
            return Boolean.TRUE;
        }
    }
}
