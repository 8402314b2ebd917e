package org.panelkit.cli;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * The rule for a numeric CSV cell: blanks around it are ignored; empty, {@code NA} and {@code NaN} are
 * missing (NaN); anything else must be a number in Java syntax, parsed without creating a String by
 * FastDoubleParser (correctly rounded, like {@link Double#parseDouble(String)}).
 */
final class DecimalParser {
    /** 10^0 .. 10^22: every one exactly representable as a double (also the parallel reader's fast path). */
    static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private DecimalParser() {
    }

    /**
     * The number in {@code b[off, off + len)} (no blanks), correctly rounded. Plain decimals ({@code -12.345}, at
     * most 15 digits) take Clinger's fast path: the digits as an exact integer m < 2^53 and f fraction digits
     * (f <= 22) give m / 10^f, one correctly rounded division of two exact doubles (Clinger 1990, "How to read
     * floating point numbers accurately"); everything else (exponents, longer mantissas, Infinity, hex) goes
     * to FastDoubleParser.
     */
    static double parseBytes(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long m = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < end; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                m = m * 10 + (c - '0');
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                break;
            }
        }
        if (i == end && digits > 0 && digits <= 15) {
            double v = fraction > 0 ? m / POWERS_OF_TEN[fraction] : m;
            return negative ? -v : v;
        }
        return JavaDoubleParser.parseDouble(b, off, len);
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
