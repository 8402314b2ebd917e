package org.panelkit.engine.fe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panelkit.engine.testing.Approx.assertClose;
import static org.panelkit.engine.testing.Approx.assertCloseScaled;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.testing.TestData;
import org.panelkit.engine.vcov.Convention;
import org.panelkit.engine.vcov.VcovType;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Several fixed-effect terms, analytic weights, iterative singleton dropping and a term nested in the cluster
 * variable against the exact dummy-variable regression in R (testdata/oracle/hdfe: {@code lm} with one dummy per
 * level, {@code sandwich}, {@code clubSandwich}, and the published small-sample rules of reghdfe and fixest
 * applied to sandwich's CR0 matrices; README.md there documents every entry). A 6,664-row unbalanced panel of
 * 1,000 firms x 13 years in 8 industries and 20 regions, with firm, year and industry^year effects.
 *
 * <p>Each file gives the sample (rows dropped for missing values, zero weights and singletons), the exact rank of
 * the fixed effects (lm's rank minus the slopes) and its split per term, the coefficients, and variance
 * entries; every entry with a {@code panelkit} mapping (vcov, convention, cluster columns) is reproduced here:
 * standard errors and covariances to 1e-8 relative (CR2: 1e-6), t degrees of freedom, K and the small-sample
 * factor when the engine reports them. {@link Fixture} checks the data facts without the engine.
 */
class HighDimensionalReferenceTest {
    private static final double REL = 1e-8;
    private static final double REL_CR2 = 1e-6;
    private static Columns data;

    static synchronized Columns data() {
        if (data == null) {
            data = TestData.readCsv(TestData.oracle("hdfe/hdfe_panel.csv"));
        }
        return data;
    }

    static List<JsonObject> references() {
        List<JsonObject> out = new ArrayList<>();
        for (Path f : TestData.list(TestData.oracle("hdfe/expected"), "*.json")) {
            try {
                out.add(JsonParser.parseString(Files.readString(f)).getAsJsonObject());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertEquals(6, out.size(), "reference files in testdata/oracle/hdfe/expected");
        return out;
    }

    static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e == null || e.isJsonNull()) {
            return out;
        }
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(v -> out.add(v.getAsString()));
        } else {
            out.add(e.getAsString());
        }
        return out;
    }

    static String stringOrNull(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** The model of a reference file: terms, weights, singleton dropping; no entity/time needed. */
    static ModelSpec.Builder spec(JsonObject ref) {
        JsonObject m = ref.getAsJsonObject("model");
        return ModelSpec.builder(m.get("y").getAsString(), strings(m.get("x")))
                .fixedEffects(m.get("fe").getAsString())
                .weights(stringOrNull(m, "weights"))
                .dropSingletons(m.get("drop_singletons").getAsBoolean());
    }

    @TestFactory
    Stream<DynamicTest> everyReference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonObject ref : references()) {
            String id = ref.get("id").getAsString();
            tests.add(DynamicTest.dynamicTest(id + " sample, ranks, coefficients", () -> checkModel(ref)));
            for (Map.Entry<String, JsonElement> v : ref.getAsJsonObject("vcov").entrySet()) {
                JsonObject entry = v.getValue().getAsJsonObject();
                JsonElement pk = entry.get("panelkit");
                if (pk == null || pk.isJsonNull()) {
                    continue; // recorded for information only
                }
                tests.add(DynamicTest.dynamicTest(id + " " + v.getKey(),
                        () -> checkVariance(ref, v.getKey(), entry, options(ref, pk.getAsJsonObject()))));
            }
            if (id.startsWith("twoway_")) {
                // the shorthand with entity and time (the path that existed before terms) must give the same
                for (Map.Entry<String, JsonElement> v : ref.getAsJsonObject("vcov").entrySet()) {
                    JsonObject entry = v.getValue().getAsJsonObject();
                    JsonElement pk = entry.get("panelkit");
                    if (pk != null && !pk.isJsonNull()) {
                        tests.add(DynamicTest.dynamicTest(id + " " + v.getKey() + " via --fe twoway",
                                () -> checkVariance(ref, v.getKey(), entry, options(ref, pk.getAsJsonObject())
                                        .entity("firm").time("year").fixedEffects("twoway"))));
                    }
                }
            }
        }
        return tests.stream();
    }

    private static ModelSpec.Builder options(JsonObject ref, JsonObject pk) {
        return spec(ref).vcov(VcovType.fromKey(pk.get("vcov").getAsString()))
                .convention(Convention.fromKey(pk.get("convention").getAsString()))
                .cluster(strings(pk.get("cluster")));
    }

    private static void checkModel(JsonObject ref) {
        FixedEffectsResult r = FixedEffectsRegression.fit(data(), spec(ref).vcov(VcovType.IID)
                .convention(Convention.AREG).build());
        assertEquals(ref.get("n_input_rows").getAsInt(), r.inputRows(), "input rows");
        assertEquals(ref.get("n").getAsInt(), r.observations(), "n");
        assertEquals(ref.get("n_dropped_missing").getAsInt(), r.droppedMissing(), "rows dropped for missing values");
        assertEquals(ref.get("n_zero_weight").getAsInt(), r.zeroWeightsDropped(), "rows dropped for zero weight");
        assertEquals(ref.get("n_singletons_dropped").getAsInt(), r.singletonsDropped(), "singletons dropped");
        assertEquals(stringOrNull(ref.getAsJsonObject("model"), "weights"), r.weightsColumn(), "weights column");
        assertEquals(ref.get("k").getAsInt(), r.k(), "k");
        JsonObject lm = ref.getAsJsonObject("lm");
        int kFe = ref.get("k_fe_rank").getAsInt();
        assertEquals(lm.get("rank").getAsInt() - r.k(), kFe, "fixture: k_fe_rank = lm rank - k");
        assertEquals(kFe, r.fixedEffectsRank(), "rank of the fixed effects (lm rank - slopes)");
        assertEquals(lm.get("df_residual").getAsInt(), r.dfResid(), "residual df (lm)");
        assertTrue(r.absorption().converged(), "absorption converged: " + r.absorption().method());

        // reghdfe's table: one row per term, in the order listed
        JsonArray expected = ref.getAsJsonArray("absorbed_exact");
        List<AbsorbedTerm> absorbed = r.absorbed();
        assertEquals(expected.size(), absorbed.size(), "absorbed terms");
        int sum = 0;
        boolean allExact = true;
        for (int j = 0; j < absorbed.size(); j++) {
            JsonObject e = expected.get(j).getAsJsonObject();
            AbsorbedTerm a = absorbed.get(j);
            assertEquals(e.get("term").getAsString(), a.term(), "term " + j);
            assertEquals(e.get("levels").getAsInt(), a.levels(), "levels of " + a.term());
            assertFalse(a.nestedInCluster(), a.term() + " nested in a cluster without clustering");
            sum += a.coefficients();
            allExact &= a.exact();
            if (a.exact()) {
                // exact: the levels redundant given the terms before it, as the rank of the dummies says
                assertEquals(e.get("redundant").getAsInt(), a.redundant(), "redundant levels of " + a.term());
            }
        }
        assertEquals(r.fixedEffectsRank(), sum, "fixedEffectsRank = sum of coefficients over the terms");
        assertTrue(allExact, "every term's count exact on this panel (lm's rank is reproduced)");

        JsonObject coef = ref.getAsJsonObject("coefficients");
        assertEquals(coef.size(), r.k(), "number of coefficients");
        for (Coefficient c : r.coefficients()) {
            assertClose(coef.getAsJsonObject(c.term()).get("estimate").getAsDouble(), c.estimate(), REL,
                    "coef " + c.term());
        }
        if (r.weightsColumn() == null) {
            assertClose(ref.get("ssr").getAsDouble(), r.ssr(), REL, "ssr");
            assertClose(ref.get("sigma").getAsDouble(), r.sigma(), REL, "sigma");
        }
    }

    private static void checkVariance(JsonObject ref, String name, JsonObject entry, ModelSpec.Builder options) {
        boolean cr2 = name.startsWith("CR2");
        double rel = cr2 ? REL_CR2 : REL;
        FixedEffectsResult r = FixedEffectsRegression.fit(data(), options.build());
        assertEquals(ref.get("n").getAsInt(), r.observations(), "n");
        JsonObject coef = ref.getAsJsonObject("coefficients");
        for (int j = 0; j < r.k(); j++) {
            Coefficient c = r.coefficients().get(j);
            JsonObject e = coef.getAsJsonObject(c.term());
            assertClose(e.get("estimate").getAsDouble(), c.estimate(), REL, name + " coef " + c.term());
            assertClose(e.getAsJsonObject("se").get(name).getAsDouble(), c.stdError(), rel, name + " se " + c.term());
            assertClose(e.getAsJsonObject("df").get(name).getAsDouble(), c.df(), cr2 ? REL_CR2 : 1e-12,
                    name + " t df " + c.term());
        }
        JsonArray m = entry.getAsJsonArray("matrix");
        double[][] vm = r.slopeVcov();
        for (int i = 0; i < r.k(); i++) {
            for (int j = 0; j < r.k(); j++) {
                assertCloseScaled(m.get(i).getAsJsonArray().get(j).getAsDouble(), vm[i][j],
                        Math.sqrt(vm[i][i] * vm[j][j]), rel, name + " vcov[" + i + "," + j + "]");
            }
        }
        JsonElement k = entry.get("K");
        if (k != null && !k.isJsonNull() && r.variance().kUsed() != null) {
            assertEquals(k.getAsInt(), r.variance().kUsed().intValue(), name + " K");
        }
        JsonElement f = entry.get("small_sample_factor");
        if (f != null && f.isJsonPrimitive() && r.variance().smallSampleFactor() != null) {
            assertClose(f.getAsDouble(), r.variance().smallSampleFactor(), 1e-12, name + " small-sample factor");
        }
        // reghdfe's "*": a term is nested when each of its levels lies in one cluster (of either cluster column)
        Set<String> nested = new HashSet<>();
        for (String cl : r.spec().cluster()) {
            nested.addAll(strings(ref.getAsJsonObject("clusters").getAsJsonObject(cl).get("nested_terms")));
        }
        if (!r.spec().cluster().isEmpty()) {
            for (AbsorbedTerm a : r.absorbed()) {
                assertEquals(nested.contains(a.term()), a.nestedInCluster(), name + ": " + a.term() + " nested in cluster");
            }
        }
    }

    /**
     * The fixture itself, without the engine: the CSV as the tests read it agrees with the counts, levels and
     * nesting the R reference reports (listwise deletion, zero weights, the iterative singleton cascade).
     */
    @Nested
    class Fixture {
        private final String[] xs = {"y", "x1", "x2", "x3"};

        @Test
        void csvReadAsRDid() {
            Columns d = data();
            assertEquals(6664, d.rowCount(), "rows of hdfe_panel.csv");
            for (String c : List.of("firm", "industry", "region")) {
                assertFalse(d.key(c).isNumeric(), c + " holds text ids");
            }
            for (String c : List.of("year", "y", "x1", "x2", "x3", "w")) {
                d.numeric(c); // numeric, or this throws
            }
            assertEquals(1000, d.key("firm").levelCount(), "firms");
            assertEquals(13, d.key("year").levelCount(), "years");
            assertEquals(8, d.key("industry").levelCount(), "industries");
            assertEquals(20, d.key("region").levelCount(), "regions");
            // each firm in exactly one industry and one region
            for (String outer : List.of("industry", "region")) {
                Map<Integer, Integer> of = new HashMap<>();
                KeyColumn firm = d.key("firm");
                KeyColumn o = d.key(outer);
                for (int i = 0; i < d.rowCount(); i++) {
                    Integer prev = of.put(firm.code(i), o.code(i));
                    assertTrue(prev == null || prev == o.code(i), "firm " + firm.level(firm.code(i)) + " in two " + outer);
                }
            }
            // firm-year pairs are unique (the two-way intersection clusters are single rows)
            Set<String> pairs = new HashSet<>();
            for (int i = 0; i < d.rowCount(); i++) {
                assertTrue(pairs.add(d.key("firm").code(i) + "/" + d.numeric("year")[i]), "duplicate firm-year");
            }
            double[] w = d.numeric("w");
            int zero = 0;
            int missing = 0;
            for (double v : w) {
                zero += v == 0 ? 1 : 0;
                missing += Double.isNaN(v) ? 1 : 0;
                assertTrue(Double.isNaN(v) || v >= 0, "negative weight");
            }
            assertEquals(15, zero, "rows with w = 0");
            assertEquals(6, missing, "rows with w missing");
        }

        @Test
        void samplesMatchTheReferenceCounts() {
            for (JsonObject ref : references()) {
                String id = ref.get("id").getAsString();
                boolean weighted = stringOrNull(ref.getAsJsonObject("model"), "weights") != null;
                List<String> terms = new ArrayList<>();
                FixedEffectTerm.parseList(ref.getAsJsonObject("model").get("fe").getAsString())
                        .forEach(t -> terms.add(t.name()));
                Columns d = data();
                assertEquals(ref.get("n_input_rows").getAsInt(), d.rowCount(), id + " input rows");
                List<Integer> rows = new ArrayList<>();
                int missing = 0;
                int zero = 0;
                for (int i = 0; i < d.rowCount(); i++) {
                    boolean ok = true;
                    for (String c : xs) {
                        ok &= !Double.isNaN(d.numeric(c)[i]);
                    }
                    if (weighted) {
                        ok &= !Double.isNaN(d.numeric("w")[i]);
                    }
                    if (!ok) {
                        missing++;
                    } else if (weighted && d.numeric("w")[i] == 0) {
                        zero++;
                    } else {
                        rows.add(i);
                    }
                }
                assertEquals(ref.get("n_dropped_missing").getAsInt(), missing, id + " rows with missing values");
                assertEquals(ref.get("n_zero_weight").getAsInt(), zero, id + " zero-weight rows");
                int before = rows.size();
                int rounds = 0;
                if (ref.getAsJsonObject("model").get("drop_singletons").getAsBoolean()) {
                    rounds = dropSingletons(rows, terms);
                }
                assertEquals(ref.get("n_singletons_dropped").getAsInt(), before - rows.size(), id + " singletons");
                assertEquals(ref.get("singleton_rounds").getAsInt(), rounds, id + " singleton rounds");
                assertEquals(ref.get("n").getAsInt(), rows.size(), id + " n");
                for (String t : terms) {
                    assertEquals(ref.getAsJsonObject("fe_levels").get(t).getAsInt(), levels(rows, t).size(),
                            id + " levels of " + t);
                }
                for (Map.Entry<String, JsonElement> c : ref.getAsJsonObject("clusters").entrySet()) {
                    assertEquals(c.getValue().getAsJsonObject().get("G").getAsInt(), levels(rows, c.getKey()).size(),
                            id + " clusters " + c.getKey());
                }
            }
        }

        /** The level of term {@code t} (a column or columns joined by ^) in row i. */
        private String level(int i, String t) {
            StringBuilder b = new StringBuilder();
            for (String c : FixedEffectTerm.parse(t).columns()) {
                KeyColumn k = data().key(c);
                b.append(k.level(k.code(i))).append('\u0001');
            }
            return b.toString();
        }

        private Map<String, Integer> levels(List<Integer> rows, String t) {
            Map<String, Integer> count = new LinkedHashMap<>();
            for (int i : rows) {
                count.merge(level(i, t), 1, Integer::sum);
            }
            return count;
        }

        /** Iteratively removes rows alone in a level of some term; returns the number of rounds. */
        private int dropSingletons(List<Integer> rows, List<String> terms) {
            int rounds = 0;
            while (true) {
                Set<Integer> drop = new HashSet<>();
                for (String t : terms) {
                    Map<String, Integer> count = levels(rows, t);
                    for (int i : rows) {
                        if (count.get(level(i, t)) == 1) {
                            drop.add(i);
                        }
                    }
                }
                if (drop.isEmpty()) {
                    return rounds;
                }
                rounds++;
                rows.removeIf(drop::contains);
            }
        }
    }
}
