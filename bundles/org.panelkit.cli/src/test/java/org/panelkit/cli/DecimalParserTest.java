package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The byte parser of the parallel CSV reader gives exactly Java's Double.parseDouble, bit for bit, on the fast path
 * (plain decimals whose mantissa is below 2^53, up to 18 digits) and on the fallback (larger mantissas, exponents,
 * special values).
 */
class DecimalParserTest {
    private static void assertSame(String text) {
        byte[] b = ("  " + text + ",").getBytes(StandardCharsets.US_ASCII);
        double got = DecimalParser.parseBytes(b, 2, text.length());
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(got), text);
    }

    @Test
    void randomDecimalsAreParsedExactlyAsJava() {
        SplittableRandom r = new SplittableRandom(2026);
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < 500_000; n++) {
            sb.setLength(0);
            if (r.nextInt(4) == 0) {
                sb.append('-');
            }
            int digits = 1 + r.nextInt(19);              // 1..19: both sides of the 15-digit fast path
            int point = r.nextInt(digits + 2) - 1;       // -1: no point; digits: trailing point
            for (int d = 0; d < digits; d++) {
                if (d == point) {
                    sb.append('.');
                }
                sb.append((char) ('0' + r.nextInt(10)));
            }
            if (point == digits) {
                sb.append('.');
            }
            assertSame(sb.toString());
        }
    }

    @Test
    void edgeCasesFollowJava() {
        for (String s : new String[] {"0", "-0", "+1.5", ".5", "-.25", "1.", "000123.4500", "9007199254740993",
            "123456789012345", "0.000000000000001", "1e5", "-2.5E-3", "1.7976931348623157e308", "4.9e-324",
            "Infinity", "-Infinity", "0.1", "0.3", "2.2250738585072014E-308", "999999999999999.9",
            "9007199254740991", "9007199254740992", "900719925474099.1", "0.7379605174295066",
            "1.4115872529330282", "-0.35994435061055347", "123456789012345678", "0.00000000000000001"}) {
            assertSame(s);
        }
    }

    @Test
    void textIsNotANumber() {
        for (String s : new String[] {"abc", "-", ".", "1.2.3", "1,5", "--1"}) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertThrows(NumberFormatException.class, () -> DecimalParser.parseBytes(b, 0, b.length), s);
        }
    }
}
