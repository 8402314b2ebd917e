package org.panelkit.engine.fe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.panelkit.engine.testing.Approx.assertClose;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.testing.RScript;
import org.panelkit.engine.testing.TestData;
import org.panelkit.engine.vcov.Convention;
import org.panelkit.engine.vcov.VcovType;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Compares against R computed in the same run on a panel this test makes: unbalanced with gaps, entities
 * with a single observation (kept, as xtreg and plm keep them), missing cells, rows in random order, text
 * entity ids, a regressor absorbed by the entity effects and one collinear with two others.
 */
class FreshReferenceTest {
    @TempDir
    static Path dir;
    static JsonObject ref;
    static Columns data;

    private static boolean made;

    /** Per test (not @BeforeAll): without R each test is reported as skipped, with the reason. */
    @BeforeEach
    void makeDataAndReference() throws Exception {
        RScript.requireR("sandwich", "plm", "clubSandwich", "jsonlite");
        if (made) {
            return;
        }
        Path csv = dir.resolve("panel.csv");
        SplittableRandom rnd = new SplittableRandom(42);
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            double a = rnd.nextGaussian();
            double level = rnd.nextGaussian(); // entity-constant regressor: absorbed
            int periods = i % 9 == 0 ? 1 : 12; // singletons
            for (int t = 2001; t < 2001 + periods; t++) {
                if (periods > 1 && rnd.nextDouble() < 0.25) {
                    continue; // gaps
                }
                double x1 = 0.6 * a + rnd.nextGaussian();
                double x2 = 0.3 * (t - 2000) / 12.0 + rnd.nextGaussian();
                double x3 = x1 + 2 * x2; // collinear
                double y = 1.5 * x1 - 0.7 * x2 + a + 0.1 * (t - 2000) + rnd.nextGaussian() * (1 + Math.abs(x1));
                String x1s = rnd.nextDouble() < 0.04 ? "NA" : Double.toString(x1);
                double w = 0.25 + 2 * Math.abs(Math.sin(7.0 * i + t)); // analytic weights, deterministic
                rows.add(String.format("P%02d,%d,%s,%s,%s,%s,%s,%s", i, t, y, x1s, x2, x3, level, w));
            }
        }
        Collections.shuffle(rows, new java.util.Random(7));
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("id,t,y,x1,x2,x3,xa,w\n");
            for (String r : rows) {
                w.write(r + "\n");
            }
        }
        Path out = dir.resolve("ref.json");
        RScript.run(FreshReferenceTest.class, "fresh_reference.R", dir, csv.toString(), out.toString());
        ref = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        data = TestData.readCsv(csv);
        made = true;
    }

    private static FixedEffectsResult fit(VcovType vcov, Convention conv, List<String> cluster) {
        return fit(vcov, conv, cluster, null);
    }

    private static FixedEffectsResult fit(VcovType vcov, Convention conv, List<String> cluster, String weights) {
        ModelSpec spec = ModelSpec.builder("y", List.of("x1", "x2", "x3", "xa")).entity("id").time("t")
                .vcov(vcov).convention(conv).cluster(cluster).weights(weights).build();
        return FixedEffectsRegression.fit(data, spec);
    }

    private static void compare(FixedEffectsResult r, String block, double rel) {
        JsonObject expected = ref.getAsJsonObject(block);
        assertEquals(expected.size(), r.k(), block + ": number of coefficients");
        for (Coefficient c : r.coefficients()) {
            assertClose(expected.get(c.term()).getAsDouble(), c.stdError(), rel, block + " se " + c.term());
        }
    }

    @Test
    void sampleAndDroppedRegressorsMatchLm() {
        FixedEffectsResult r = fit(VcovType.IID, Convention.XTREG, List.of());
        assertEquals(ref.get("n").getAsInt(), r.observations());
        assertEquals(ref.get("df_resid").getAsInt(), r.dfResid());
        List<String> dropped = new ArrayList<>();
        r.dropped().forEach(d -> dropped.add(d.name()));
        List<String> expected = new ArrayList<>();
        ref.getAsJsonArray("dropped").forEach(e -> expected.add(e.getAsString()));
        assertEquals(expected, dropped);
        assertEquals(Dropped.Reason.COLLINEAR, r.dropped().get(0).reason());
        assertEquals(Dropped.Reason.ABSORBED, r.dropped().get(1).reason());
        for (Coefficient c : r.coefficients()) {
            assertClose(ref.getAsJsonObject("coef").get(c.term()).getAsDouble(), c.estimate(), 1e-9, "coef " + c.term());
            assertClose(ref.getAsJsonObject("plm_coef").get(c.term()).getAsDouble(), c.estimate(), 1e-9, "plm coef");
        }
        compare(r, "iid", 1e-9);
    }

    @Test
    void robustAndClusteredMatchSandwichOnDummyRegression() {
        compare(fit(VcovType.HC1, Convention.XTREG, List.of()), "hc1_lsdv", 1e-8);
        compare(fit(VcovType.CLUSTER, Convention.AREG, List.of()), "cl_lsdv", 1e-8);
        compare(fit(VcovType.TWOWAY, Convention.SANDWICH, List.of()), "cl2_lsdv", 1e-8);
    }

    @Test
    void plmConventionsMatchPlm() {
        compare(fit(VcovType.CLUSTER, Convention.PLM, List.of()), "plm_cl_sss", 1e-8);
        compare(fit(VcovType.DRISCOLL_KRAAY, Convention.XTREG, List.of()), "plm_dk", 1e-8);
    }

    @Test
    void weightedDriscollKraayMatchesVcovPlOnTheWeightedDummyRegression() {
        // sandwich::vcovPL (Bartlett, plm's lag, no adjustment) equals plm's vcovSCC unweighted (checked in the R
        // script's own output below) and takes lm's weights, which vcovSCC does not
        compare(fit(VcovType.DRISCOLL_KRAAY, Convention.XTREG, List.of()), "pl_dk", 1e-8);
        FixedEffectsResult weighted = fit(VcovType.DRISCOLL_KRAAY, Convention.XTREG, List.of(), "w");
        JsonObject coef = ref.getAsJsonObject("w_coef");
        for (Coefficient c : weighted.coefficients()) {
            assertClose(coef.get(c.term()).getAsDouble(), c.estimate(), 1e-8, "weighted estimate " + c.term());
        }
        compare(weighted, "w_pl_dk", 1e-8);
    }

    @Test
    void cr2MatchesClubSandwichOnDummyRegression() {
        FixedEffectsResult r = fit(VcovType.CR2, Convention.XTREG, List.of());
        // absorbed (plm) and dummy (lm) CR2 agree to about 1e-7 (testdata/oracle README)
        compare(r, "cr2", 1e-6);
        for (Coefficient c : r.coefficients()) {
            assertClose(ref.getAsJsonObject("cr2_df").get(c.term()).getAsDouble(), c.df(), 1e-5, "CR2 df " + c.term());
        }
    }
}
