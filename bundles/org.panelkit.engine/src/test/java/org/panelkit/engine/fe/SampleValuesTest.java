package org.panelkit.engine.fe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;

/**
 * Missing and infinite values in the estimation sample: a missing y, x or weight drops its row (counted), an
 * infinite one is an error naming the column and the row, wherever it is (also in a row dropped for another
 * reason), and the rows kept give the same estimates as the complete rows alone.
 */
class SampleValuesTest {
    private static final int N = 40;

    private static double[] x() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = Math.sin(i + 1.0) + 0.05 * i;
        }
        return x;
    }

    private static double[] y(double[] x) {
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = 2 * x[i] + (i / 4) * 0.3 + Math.cos(3.0 * i);
        }
        return y;
    }

    private static Columns data(double[] y, double[] x, double[] w) {
        double[] id = new double[N];
        double[] year = new double[N];
        for (int i = 0; i < N; i++) {
            id[i] = i / 4;
            year[i] = 2000 + i % 4;
        }
        Columns c = new Columns(N).addKey("id", KeyColumn.ofNumbers("id", id))
                .addKey("year", KeyColumn.ofNumbers("year", year)).addNumeric("y", y).addNumeric("x", x);
        return w == null ? c : c.addNumeric("w", w);
    }

    private static ModelSpec spec(boolean weighted) {
        ModelSpec.Builder b = ModelSpec.builder("y", List.of("x")).entity("id").time("year");
        return (weighted ? b.weights("w") : b).build();
    }

    @Test
    void missingValuesDropTheirRows() {
        double[] x = x();
        double[] y = y(x);
        double[] w = new double[N];
        java.util.Arrays.fill(w, 1.5);
        y[3] = Double.NaN;
        x[17] = Double.NaN;
        w[30] = Double.NaN;
        FixedEffectsResult r = FixedEffectsRegression.fit(data(y, x, w), spec(true));
        assertEquals(3, r.droppedMissing());
        assertEquals(N - 3, r.observations());
        // the same fit on the complete rows only
        double[] keepX = new double[N];
        double[] keepY = new double[N];
        System.arraycopy(x, 0, keepX, 0, N);
        System.arraycopy(y, 0, keepY, 0, N);
        keepX[30] = Double.NaN; // drops the row of the missing weight in the unweighted fit
        FixedEffectsResult unweighted = FixedEffectsRegression.fit(data(keepY, keepX, null), spec(false));
        assertEquals(N - 3, unweighted.observations());
        // unit-scale weights (all 1.5) give the unweighted estimate
        assertEquals(unweighted.coefficients().get(0).estimate(), r.coefficients().get(0).estimate(), 1e-12);
    }

    @Test
    void infiniteValuesAreErrorsNamingColumnAndRow() {
        double[] x = x();
        double[] y = y(x);
        y[2] = Double.NaN;                       // a missing y does not hide an infinite x in the same row
        x[2] = Double.NEGATIVE_INFINITY;
        PanelKitException e = assertThrows(PanelKitException.class,
                () -> FixedEffectsRegression.fit(data(y, x, null), spec(false)));
        assertTrue(e.getMessage().startsWith("column 'x', row 3: infinite value"), e.getMessage());

        double[] y2 = y(x());
        y2[25] = Double.POSITIVE_INFINITY;
        e = assertThrows(PanelKitException.class, () -> FixedEffectsRegression.fit(data(y2, x(), null), spec(false)));
        assertTrue(e.getMessage().startsWith("column 'y', row 26: infinite value"), e.getMessage());

        double[] w = new double[N];
        java.util.Arrays.fill(w, 1);
        w[9] = Double.POSITIVE_INFINITY;
        e = assertThrows(PanelKitException.class, () -> FixedEffectsRegression.fit(data(y(x()), x(), w), spec(true)));
        assertTrue(e.getMessage().startsWith("column 'w', row 10: infinite value"), e.getMessage());
    }
}
