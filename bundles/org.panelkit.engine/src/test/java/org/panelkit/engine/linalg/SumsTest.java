package org.panelkit.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The four-partial-sum kernels against exact sums (BigDecimal): every length and offset (the tail after the last
 * group of four), within the error bound of recursive summation, (n - 1) u sum |terms| (Higham 2002, eq. 4.4).
 */
class SumsTest {
    private static final double U = 0x1p-53;

    private static double[] vector(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian() * Math.pow(10, r.nextInt(-3, 4)); // magnitudes 1e-3 to 1e3
        }
        return v;
    }

    private static void assertWithinBound(double exact, double absSum, int terms, double got, String what) {
        double bound = Math.max(terms - 1, 1) * U * absSum * 1.0001;
        assertTrue(Math.abs(got - exact) <= bound, what + ": " + got + " vs exact " + exact + ", bound " + bound);
    }

    @Test
    void dotOfEveryRangeWithinTheSummationBound() {
        SplittableRandom r = new SplittableRandom(4);
        for (int n = 0; n <= 41; n++) {
            double[] x = vector(r, n);
            double[] y = vector(r, n);
            for (int from = 0; from <= n; from++) {
                for (int to = from; to <= n; to += Math.max(1, (n - from) / 5)) {
                    BigDecimal exact = BigDecimal.ZERO;
                    double abs = 0;
                    for (int i = from; i < to; i++) {
                        exact = exact.add(new BigDecimal(x[i]).multiply(new BigDecimal(y[i])));
                        abs += Math.abs(x[i] * y[i]);
                    }
                    // each product is rounded once: one more u per term than the sum alone
                    assertWithinBound(exact.doubleValue(), abs, to - from + 1, Sums.dot(x, y, from, to),
                            "dot [" + from + ", " + to + ") of " + n);
                }
            }
        }
        assertEquals(0.0, Sums.dot(new double[3], new double[3], 2, 2));
    }

    @Test
    void sumAndCentredSquaresOfLongVectors() {
        SplittableRandom r = new SplittableRandom(5);
        for (int n : new int[] {0, 1, 2, 3, 4, 5, 7, 100_003}) {
            double[] v = vector(r, n);
            BigDecimal sum = BigDecimal.ZERO;
            double abs = 0;
            for (double d : v) {
                sum = sum.add(new BigDecimal(d));
                abs += Math.abs(d);
            }
            assertWithinBound(sum.doubleValue(), abs, n, Sums.sum(v), "sum of " + n);
            double m = n == 0 ? 0 : sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue();
            BigDecimal squares = BigDecimal.ZERO;
            double absSquares = 0;
            for (double d : v) {
                double diff = d - m; // rounded once, as in the kernel: the bound is on the sum of these squares
                squares = squares.add(new BigDecimal(diff).multiply(new BigDecimal(diff)));
                absSquares += diff * diff;
            }
            assertWithinBound(squares.doubleValue(), absSquares, n + 1, Sums.centredSquares(v, m),
                    "centred squares of " + n);
        }
    }
}
