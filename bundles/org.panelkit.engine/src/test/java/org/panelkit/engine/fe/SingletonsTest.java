package org.panelkit.engine.fe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;

/**
 * Singletons are kept by default (xtreg, plm); with dropSingletons they are removed iteratively (reghdfe):
 * removing a singleton entity can make a period a singleton, which is then removed too.
 */
class SingletonsTest {
    /** Rows (entity, year, y, x) of a panel with singletons that cascade. */
    private static List<double[]> rows() {
        SplittableRandom r = new SplittableRandom(11);
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            for (int t = 2001; t <= 2006; t++) {
                rows.add(new double[] {i, t, 0, 0});
            }
        }
        rows.add(new double[] {13, 2003, 0, 0}); // singleton entity
        rows.add(new double[] {14, 2010, 0, 0}); // singleton entity in a year nobody else has:
        rows.add(new double[] {15, 2010, 0, 0}); // year 2010 has two rows, both singleton entities
        for (double[] row : rows) {
            row[3] = r.nextGaussian() + 0.1 * row[0];
            row[2] = 2 * row[3] + 0.3 * row[0] + 0.05 * (row[1] - 2000) + r.nextGaussian();
        }
        return rows;
    }

    private static Columns columns(List<double[]> rows) {
        int n = rows.size();
        double[][] c = new double[4][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                c[j][i] = rows.get(i)[j];
            }
        }
        return new Columns(n).addKey("id", KeyColumn.ofNumbers("id", c[0])).addKey("year", KeyColumn.ofNumbers("year", c[1]))
                .addNumeric("y", c[2]).addNumeric("x", c[3]);
    }

    @Test
    void keptByDefaultDroppedIterativelyOnRequest() {
        List<double[]> all = rows();
        ModelSpec spec = ModelSpec.builder("y", List.of("x")).entity("id").time("year").build();
        FixedEffectsResult kept = FixedEffectsRegression.fit(columns(all), spec);
        assertEquals(all.size(), kept.observations());
        assertEquals(0, kept.singletonsDropped());

        FixedEffectsResult dropped = FixedEffectsRegression.fit(columns(all), spec.toBuilder().dropSingletons(true).build());
        assertEquals(3, dropped.singletonsDropped());
        assertEquals(all.size() - 3, dropped.observations());
        assertTrue(dropped.warnings().contains("3 singleton observations dropped"), dropped.warnings().toString());

        // the same as estimating on the panel without those rows
        FixedEffectsResult manual = FixedEffectsRegression.fit(columns(all.subList(0, 72)), spec);
        assertEquals(manual.coefficients().get(0).estimate(), dropped.coefficients().get(0).estimate(), 1e-12);
        assertEquals(manual.coefficients().get(0).stdError(), dropped.coefficients().get(0).stdError(), 1e-12);
        // singletons do not change the slope (they are fitted exactly by their own effects) but they do change
        // the degrees of freedom and G, hence the clustered standard error
        assertEquals(manual.coefficients().get(0).estimate(), kept.coefficients().get(0).estimate(), 1e-10);
        assertEquals(15, kept.groups());
        assertEquals(12, dropped.groups());
    }
}
