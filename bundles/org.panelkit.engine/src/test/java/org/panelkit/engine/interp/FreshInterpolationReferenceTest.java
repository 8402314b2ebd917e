package org.panelkit.engine.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panelkit.engine.testing.Approx.assertClose;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.testing.RScript;
import org.panelkit.engine.testing.TestData;

/**
 * R computed in the same run on a panel this test makes: irregular time (about a fifth of the years have no row,
 * so the intervals between observations differ), missing cells, rows shuffled, text ids, positive values with
 * flat stretches and turning points. Linear and loglinear against R {@code approx}, the natural spline against
 * {@code splinefun(method = "natural")} (both ends extrapolated), pchip against {@code pracma::pchip} (MATLAB's
 * algorithm, extrapolating with its end pieces).
 */
class FreshInterpolationReferenceTest {
    @TempDir
    static Path dir;
    static Columns data;
    static Map<String, Map<String, Double>> reference = new HashMap<>();

    private static boolean made;

    /** Per test (not @BeforeAll): without R each test is reported as skipped, with the reason. */
    @BeforeEach
    void makeDataAndReference() throws Exception {
        RScript.requireR("pracma");
        if (made) {
            return;
        }
        SplittableRandom rnd = new SplittableRandom(20240607);
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            double level = 50 + 100 * rnd.nextDouble();
            int observed = 0;
            List<String> entity = new ArrayList<>();
            for (int t = 1990; t <= 2015; t++) {
                level *= Math.exp(0.08 * (rnd.nextDouble() - 0.4));
                if (i % 5 == 0 && t % 6 < 2) {
                    level = Math.floor(level); // flat stretches: pchip must stay flat
                }
                if (rnd.nextDouble() < 0.2) {
                    continue; // no row for this year
                }
                boolean hole = rnd.nextDouble() < 0.25;
                if (!hole) {
                    observed++;
                }
                entity.add(String.format(java.util.Locale.ROOT, "E%02d,%d,%s", i, t, hole ? "NA" : Double.toString(level)));
            }
            if (observed >= 3) {
                rows.addAll(entity);
            }
        }
        Collections.shuffle(rows, new Random(11));
        Path csv = dir.resolve("panel.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("id,t,y\n");
            for (String r : rows) {
                w.write(r + "\n");
            }
        }
        Path out = dir.resolve("ref.csv");
        RScript.run(FreshInterpolationReferenceTest.class, "interp_reference.R", dir, csv.toString(), out.toString());
        data = TestData.readCsv(csv);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double v = f[3].equals("NA") ? Double.NaN : Double.parseDouble(f[3]);
            reference.computeIfAbsent(f[2], k -> new HashMap<>()).put(f[0] + "/" + Integer.parseInt(f[1]), v);
        }
        made = true;
    }

    @ParameterizedTest(name = "{0}, ends {1}")
    @CsvSource({"linear, none", "loglinear, none", "spline, extrapolate", "pchip, extrapolate"})
    void matchesR(String method, String ends) {
        InterpolationResult r = PanelInterpolation.run(data, InterpolationSpec.builder("id", "t", List.of("y"))
                .method(InterpolationMethod.fromKey(method)).ends(Ends.fromKey(ends)).build());
        Map<String, Double> expected = reference.get(method);
        double[] y = r.values("y");
        double[] input = data.numeric("y");
        KeyColumn id = data.key("id");
        int compared = 0;
        int filled = 0;
        for (int i = 0; i < r.rowCount(); i++) {
            int src = r.sourceRow(i);
            String key = id.level(id.code(src)) + "/" + (long) r.order().time(i);
            if (Double.isNaN(input[src])) {
                Double e = expected.get(key);
                assertTrue(e != null, "R has no value for " + key);
                if (Double.isNaN(e)) {
                    assertTrue(Double.isNaN(y[i]), method + " " + key + ": R leaves it missing, we have " + y[i]);
                } else {
                    assertClose(e, y[i], 1e-9, method + " " + key);
                    filled++;
                }
                compared++;
            } else {
                assertEquals(input[src], y[i], method + " " + key + " observed");
            }
        }
        assertEquals(expected.size(), compared);
        assertTrue(filled > 100, "enough interpolated cells: " + filled);
    }
}
