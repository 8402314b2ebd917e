package org.panelkit.engine.smooth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panelkit.engine.testing.Approx.assertCloseScaled;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.testing.RScript;
import org.panelkit.engine.testing.TestData;

/**
 * HP trend and cycle per entity against R mFilter::hpfilter(type = "lambda") computed in the same run on series
 * this test makes (lengths 4 to 60, trending random walks with cycles, rows shuffled). mFilter solves the exact
 * textbook problem with dense matrices (cycle = lambda Q (I + lambda Q'Q)^-1 Q' y, the Woodbury form of
 * y - (I + lambda K'K)^-1 y), so the two must agree to rounding.
 */
class HodrickPrescottReferenceTest {
    @TempDir
    static Path dir;
    static Columns data;
    static Map<Double, Map<String, double[]>> reference = new HashMap<>();

    private static boolean made;

    /** Per test (not @BeforeAll): without R each test is reported as skipped, with the reason. */
    @BeforeEach
    void makeDataAndReference() throws Exception {
        RScript.requireR("mFilter");
        if (made) {
            return;
        }
        SplittableRandom rnd = new SplittableRandom(99);
        List<String> rows = new ArrayList<>();
        int[] lengths = {4, 5, 12, 21, 35, 60}; // mFilter fails for T = 3 (a dropped matrix dimension)
        for (int i = 0; i < lengths.length * 2; i++) {
            int n = lengths[i % lengths.length];
            double level = 1000 * rnd.nextDouble();
            double drift = rnd.nextGaussian() * 20;
            for (int t = 0; t < n; t++) {
                level += drift + rnd.nextGaussian() * 15;
                double y = level + 40 * Math.sin(t * 0.9 + i);
                rows.add(String.format(Locale.ROOT, "S%02d,%d,%s", i, 1960 + t, Double.toString(y)));
            }
        }
        Collections.shuffle(rows, new Random(5));
        Path csv = dir.resolve("series.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("id,t,y\n");
            for (String r : rows) {
                w.write(r + "\n");
            }
        }
        Path out = dir.resolve("hp.csv");
        RScript.run(HodrickPrescottReferenceTest.class, "hp_reference.R", dir, csv.toString(), out.toString());
        data = TestData.readCsv(csv);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            reference.computeIfAbsent(Double.parseDouble(f[2]), k -> new HashMap<>()).put(f[0] + "/" + Integer.parseInt(f[1]),
                    new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[4])});
        }
        made = true;
    }

    @ParameterizedTest(name = "lambda {0}")
    @ValueSource(doubles = {6.25, 100, 1600})
    void matchesMFilter(double lambda) {
        SmoothingResult r = PanelSmoothing.run(data, SmoothingSpec.builder("id", "t", List.of("y"))
                .method(SmoothingMethod.HP).lambda(lambda).build());
        Map<String, double[]> expected = reference.get(lambda);
        assertEquals(expected.size(), r.rowCount());
        double[] trend = r.values("y_hp");
        double[] cycle = r.values("y_cycle");
        double[] y = data.numeric("y");
        KeyColumn id = data.key("id");
        double scale = 0;
        for (double v : y) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < r.rowCount(); i++) {
            int src = r.sourceRow(i);
            String key = id.level(id.code(src)) + "/" + (long) r.order().time(i);
            double[] e = expected.get(key);
            assertCloseScaled(e[0], trend[i], scale, 1e-10, "trend " + key);
            assertCloseScaled(e[1], cycle[i], scale, 1e-10, "cycle " + key);
            assertEquals(y[src], trend[i] + cycle[i], 1e-9 * scale);
        }
        assertTrue(r.computed("y") == r.rowCount());
    }
}
