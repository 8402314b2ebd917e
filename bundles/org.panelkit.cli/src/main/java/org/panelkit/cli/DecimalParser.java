package org.panelkit.cli;

/**
 * Parses a decimal number from characters without creating a String. Exact: the fast path is Clinger's
 * (a mantissa of at most 15 digits below 2^53 times or divided by an exactly representable power of ten
 * up to 10^22 is correctly rounded by one IEEE operation); anything else goes to
 * {@link Double#parseDouble(String)}.
 */
final class DecimalParser {
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private DecimalParser() {
    }

    /** Returns the number, NaN for a missing cell (empty, NA, NaN), or throws NumberFormatException. */
    static double parse(char[] buf, int off, int len) {
        // trim blanks
        while (len > 0 && buf[off] == ' ') {
            off++;
            len--;
        }
        while (len > 0 && buf[off + len - 1] == ' ') {
            len--;
        }
        if (len == 0 || isMissing(buf, off, len)) {
            return Double.NaN;
        }
        int i = off;
        int end = off + len;
        boolean negative = false;
        if (buf[i] == '-' || buf[i] == '+') {
            negative = buf[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean any = false;
        while (i < end && buf[i] >= '0' && buf[i] <= '9') {
            if (digits < 18) {
                mantissa = mantissa * 10 + (buf[i] - '0');
                if (mantissa != 0) {
                    digits++;
                }
            } else {
                scale++;
            }
            any = true;
            i++;
        }
        if (i < end && buf[i] == '.') {
            i++;
            while (i < end && buf[i] >= '0' && buf[i] <= '9') {
                if (digits < 18) {
                    mantissa = mantissa * 10 + (buf[i] - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    scale--;
                }
                any = true;
                i++;
            }
        }
        if (any && i < end && (buf[i] == 'e' || buf[i] == 'E')) {
            int j = i + 1;
            boolean expNeg = false;
            if (j < end && (buf[j] == '-' || buf[j] == '+')) {
                expNeg = buf[j] == '-';
                j++;
            }
            int exp = 0;
            int expDigits = 0;
            while (j < end && buf[j] >= '0' && buf[j] <= '9' && expDigits < 6) {
                exp = exp * 10 + (buf[j] - '0');
                j++;
                expDigits++;
            }
            if (expDigits == 0) {
                return slow(buf, off, len);
            }
            scale += expNeg ? -exp : exp;
            i = j;
        }
        if (!any || i != end) {
            return slow(buf, off, len);
        }
        if (digits <= 15 && mantissa < (1L << 53) && scale >= -22 && scale <= 22) {
            double v = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
            return negative ? -v : v;
        }
        return slow(buf, off, len);
    }

    private static double slow(char[] buf, int off, int len) {
        return Double.parseDouble(new String(buf, off, len));
    }

    static boolean isMissing(char[] buf, int off, int len) {
        if (len == 2) {
            return buf[off] == 'N' && buf[off + 1] == 'A';
        }
        if (len == 3) {
            return buf[off] == 'N' && buf[off + 1] == 'a' && buf[off + 2] == 'N';
        }
        return false;
    }
}
