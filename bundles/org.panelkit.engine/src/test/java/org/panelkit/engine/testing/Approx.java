package org.panelkit.engine.testing;

import static org.junit.jupiter.api.Assertions.fail;

/** Relative comparison with an absolute floor, reporting what differs. */
public final class Approx {
    private Approx() {
    }

    public static void assertClose(double expected, double actual, double rel, String what) {
        double tol = rel * Math.max(Math.abs(expected), 1e-300);
        if (Double.isNaN(expected) && Double.isNaN(actual)) {
            return;
        }
        if (!(Math.abs(expected - actual) <= tol)) {
            fail(what + ": expected " + expected + " but got " + actual + " (relative difference "
                    + Math.abs(expected - actual) / Math.abs(expected) + ", tolerance " + rel + ")");
        }
    }

    /** Relative to a scale (for entries that may be near zero, e.g. covariances). */
    public static void assertCloseScaled(double expected, double actual, double scale, double rel, String what) {
        if (!(Math.abs(expected - actual) <= rel * scale)) {
            fail(what + ": expected " + expected + " but got " + actual + " (difference "
                    + Math.abs(expected - actual) + ", allowed " + rel * scale + ")");
        }
    }
}
