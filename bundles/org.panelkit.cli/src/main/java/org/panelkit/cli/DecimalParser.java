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

    /**
     * Clinger's fast path applies (Clinger 1990, "How to read floating point numbers accurately"): a mantissa of at
     * most 18 digits (so that m, read as a long, did not overflow) below 2^53 is an exact double, and so is 10^f for
     * f <= 18; m / 10^f is then one correctly rounded division. That covers the 15 digits of every decimal printed
     * to 15 significant digits and most 16- and 17-digit shortest representations (Java's, R's and Python's
     * full-precision output: 0.7379605174295066 is m = 7379605174295066 < 2^53).
     */
    static boolean exactMantissa(long m, int digits) {
        return digits > 0 && digits <= 18 && m < (1L << 53);
    }

    private DecimalParser() {
    }

    /**
     * The number in {@code b[off, off + len)} (no blanks), correctly rounded. Plain decimals ({@code -12.345}) whose
     * mantissa is an exact double take Clinger's fast path ({@link #exactMantissa}); everything else (exponents,
     * longer mantissas, Infinity, hex) goes to FastDoubleParser.
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
        if (i == end && exactMantissa(m, digits)) {
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
