package org.panelkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import org.panelkit.engine.PanelKitException;

import de.siegmar.fastcsv.reader.CsvReader;

/**
 * How a CSV file is written, as spreadsheets write it: UTF-8 with or without a byte-order mark (Excel's
 * "CSV UTF-8" writes one; it is skipped), and a delimiter that is a comma, a semicolon (Excel in locales with a
 * decimal comma) or a tab. The delimiter is the one of these that occurs most often in the header line, outside
 * quotes (a comma when none occurs: a one-column file), unless {@code --delimiter} forces one. In a
 * semicolon-separated file a number may have a decimal comma ({@code 1,5}).
 */
public final class CsvDialect {
    /** The help text of {@code --delimiter}. */
    public static final String HELP = "delimiter of the input CSV files: auto, comma, semicolon or tab (default: auto, the "
            + "one of the three the header line holds most; a UTF-8 byte-order mark is skipped; with semicolons "
            + "a decimal comma (1,5) is read)";

    /** The value of {@code --delimiter} for the command being run (null: detect). */
    private static final ThreadLocal<String> FORCED = new ThreadLocal<>();

    private CsvDialect() {
    }

    /** Sets (or with null clears) the delimiter that {@code --delimiter} forces. */
    public static void force(String value) {
        if (value == null) {
            FORCED.remove();
        } else {
            FORCED.set(value);
        }
    }

    /** The forced delimiter, or 0 for none (auto). */
    static char forced() {
        String v = FORCED.get();
        if (v == null) {
            return 0;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
        case "auto":
            return 0;
        case ",":
        case "comma":
            return ',';
        case ";":
        case "semicolon":
            return ';';
        case "\t":
        case "\\t":
        case "tab":
            return '\t';
        default:
            throw new PanelKitException("--delimiter '" + v + "': expected auto, comma, semicolon or tab");
        }
    }

    /** A reader builder for {@code file}: its delimiter, byte-order mark skipped. */
    static CsvReader.CsvReaderBuilder builder(Path file) {
        return CsvReader.builder().detectBomHeader(true).fieldSeparator(delimiter(file));
    }

    /** The delimiter of {@code file}: forced, or detected from its header line. */
    public static char delimiter(Path file) {
        char f = forced();
        if (f != 0) {
            return f;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1 << 16);
        } catch (NoSuchFileException e) {
            throw new PanelKitException("cannot read '" + file + "': no such file");
        } catch (IOException e) {
            throw new PanelKitException("cannot read '" + file + "': " + e.getMessage());
        }
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (byte b : head) {
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (b == '\n' || b == '\r') {
                    break;
                }
                if (b == ',') {
                    commas++;
                } else if (b == ';') {
                    semicolons++;
                } else if (b == '\t') {
                    tabs++;
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return ',';
    }

    /** "comma", "semicolon", "tab". */
    public static String name(char delimiter) {
        switch (delimiter) {
        case ';':
            return "semicolon";
        case '\t':
            return "tab";
        case ',':
            return "comma";
        default:
            return "'" + delimiter + "'";
        }
    }

    /** For messages: "comma-separated (detected from the header; --delimiter forces another)". */
    public static String describe(char delimiter) {
        return name(delimiter) + "-separated" + (forced() != 0 ? " (--delimiter)"
                : " (detected from the header; --delimiter comma|semicolon|tab forces one)");
    }

    /**
     * A cell that is not a number as written: with a decimal comma in a semicolon-separated file, the number;
     * otherwise NaN-free failure (NumberFormatException) with a message saying what to do.
     */
    static double decimalComma(char delimiter, String cell) {
        String s = cell.strip();
        if (s.matches("[+-]?[0-9]*,[0-9]+([eE][+-]?[0-9]+)?")) {
            if (delimiter == ';' || delimiter == '\t') {
                return Double.parseDouble(s.replace(',', '.'));
            }
            throw new NumberFormatException("a decimal comma, but the file is " + name(delimiter)
                    + "-separated: write the number with a decimal point, or save the file separated by semicolons");
        }
        if (s.matches("[+-]?[0-9]{1,3}([.,' ][0-9]{3})+([.,][0-9]+)?")) {
            throw new NumberFormatException("thousands separators are not read: save the column without them "
                    + "(a plain number with a decimal " + (delimiter == ';' ? "comma or point" : "point") + ")");
        }
        throw new NumberFormatException(null);
    }
}
