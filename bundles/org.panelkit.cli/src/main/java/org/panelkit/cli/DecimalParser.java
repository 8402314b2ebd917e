package org.panelkit.cli;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * The rule for a numeric CSV cell: blanks around it are ignored; empty, {@code NA} and {@code NaN} are
 * missing (NaN); anything else must be a number in Java syntax, parsed without creating a String by
 * FastDoubleParser (correctly rounded, like {@link Double#parseDouble(String)}).
 */
final class DecimalParser {
    private DecimalParser() {
    }

    /** Returns the number, NaN for a missing cell, or throws NumberFormatException. */
    static double parse(char[] buf, int off, int len) {
        while (len > 0 && buf[off] == ' ') {
            off++;
            len--;
        }
        while (len > 0 && buf[off + len - 1] == ' ') {
            len--;
        }
        if (len == 0 || (len == 2 && buf[off] == 'N' && buf[off + 1] == 'A')
                || (len == 3 && buf[off] == 'N' && buf[off + 1] == 'a' && buf[off + 2] == 'N')) {
            return Double.NaN;
        }
        return JavaDoubleParser.parseDouble(buf, off, len);
    }
}
