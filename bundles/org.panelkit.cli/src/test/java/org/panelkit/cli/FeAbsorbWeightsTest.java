package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Issue 12 end to end on the command line: fixed-effect term lists and analytic weights, each checked against a
 * model the engine already fits and that is validated against R (testdata/oracle): the dummy-variable regression
 * (Frisch-Waugh-Lovell: absorbing a term = including its dummies) and weighted least squares as ordinary least
 * squares on the data multiplied by sqrt(w). No number here is typed in; every expected value is computed by the
 * other route in the same run.
 * <p>
 * <b>These tests need the issue-12 engine</b> (absorption of term lists, weights, the absorbed-terms table); they fail
 * on a branch that has the API without its implementation.
 */
class FeAbsorbWeightsTest {
    @TempDir
    Path dir;

    private static JsonObject json(CliRunner r) {
        assertEquals(0, r.code, r.toString());
        return JsonParser.parseString(r.out).getAsJsonObject();
    }

    private static JsonObject fe(String data, String... extra) {
        List<String> args = new ArrayList<>(List.of("fe", "--data", data, "--format", "json"));
        args.addAll(List.of(extra));
        return json(CliRunner.run(args.toArray(new String[0])));
    }

    private static void close(double expected, double actual, double tol, String what) {
        assertTrue(Math.abs(expected - actual) <= tol * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + ", got " + actual);
    }

    private static JsonObject coef(JsonObject o, String term) {
        for (JsonElement e : o.getAsJsonArray("coefficients")) {
            if (e.getAsJsonObject().get("term").getAsString().equals(term)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no coefficient " + term + " in " + o.getAsJsonArray("coefficients"));
    }

    /** Estimates (and standard errors when {@code se}) of {@code terms} equal in both fits. */
    private static void sameCoefficients(JsonObject a, JsonObject b, List<String> terms, boolean se, double tol) {
        for (String t : terms) {
            close(coef(a, t).get("estimate").getAsDouble(), coef(b, t).get("estimate").getAsDouble(), tol, t);
            if (se) {
                close(coef(a, t).get("std_error").getAsDouble(), coef(b, t).get("std_error").getAsDouble(), tol,
                        "se " + t);
                close(coef(a, t).get("p_value").getAsDouble(), coef(b, t).get("p_value").getAsDouble(), tol,
                        "p " + t);
            }
        }
    }

    /** Sum of the absorbed terms' coefficients; checks the table against fe_rank and df_resid. */
    private static int checkAbsorbedTable(JsonObject o, List<String> terms) {
        JsonArray a = o.getAsJsonArray("absorbed");
        assertEquals(terms.size(), a.size(), a.toString());
        int sum = 0;
        for (int j = 0; j < a.size(); j++) {
            JsonObject t = a.get(j).getAsJsonObject();
            assertEquals(terms.get(j), t.get("term").getAsString());
            assertEquals(t.get("levels").getAsInt() - t.get("redundant").getAsInt(), t.get("coefficients").getAsInt());
            sum += t.get("coefficients").getAsInt();
        }
        assertEquals(o.get("fe_rank").getAsInt(), sum, "fe_rank = sum of the terms' coefficients");
        assertEquals(o.get("n").getAsInt() - o.getAsJsonArray("coefficients").size() - sum,
                o.get("df_resid").getAsInt(), "df_resid = N - k - fe_rank");
        return sum;
    }

    private static boolean allExact(JsonObject o) {
        for (JsonElement e : o.getAsJsonArray("absorbed")) {
            if (!e.getAsJsonObject().get("exact").getAsBoolean()) {
                return false;
            }
        }
        return true;
    }

    private static final List<String> PRODUC_X = List.of("ln_pcap", "ln_pc", "ln_emp", "unemp");

    /** Produc with one dummy column per region x year cell (ry_R_Y). */
    private Path producWithRegionYearDummies(List<String> dummies) throws IOException {
        List<String> lines = Files.readAllLines(FeCommandResultsTest.oracle("data/Produc.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int region = header.indexOf("region");
        int year = header.indexOf("year");
        Set<String> cells = new LinkedHashSet<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            cells.add("ry_" + f[region] + "_" + f[year]);
        }
        dummies.addAll(cells);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + "," + String.join(",", dummies));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            String cell = "ry_" + f[region] + "_" + f[year];
            StringBuilder sb = new StringBuilder(l);
            for (String d : dummies) {
                sb.append(',').append(d.equals(cell) ? '1' : '0');
            }
            out.add(sb.toString());
        }
        Path p = dir.resolve("produc_ry.csv");
        Files.write(p, out, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void termListWithoutEntityAndTimeEqualsTheTwoWayShorthand() {
        String data = FeCommandResultsTest.oracle("data/Produc.csv").toString();
        String x = String.join(",", PRODUC_X);
        JsonObject shorthand = fe(data, "--y", "ln_gsp", "--x", x, "--entity", "state", "--time", "year");
        JsonObject terms = fe(data, "--y", "ln_gsp", "--x", x, "--fe", "state,year", "--cluster", "state");
        sameCoefficients(shorthand, terms, PRODUC_X, true, 1e-10);
        assertEquals(shorthand.get("df_resid").getAsInt(), terms.get("df_resid").getAsInt());
        assertEquals(shorthand.get("fe_rank").getAsInt(), terms.get("fe_rank").getAsInt());
        assertEquals("twoway", shorthand.getAsJsonObject("model").get("fe").getAsString());
        assertEquals("state,year", terms.getAsJsonObject("model").get("fe").getAsString());
        // the absorbed table of the shorthand: state and year with the panel's counts
        checkAbsorbedTable(shorthand, List.of("state", "year"));
        JsonArray a = shorthand.getAsJsonArray("absorbed");
        assertEquals(shorthand.get("groups").getAsInt(), a.get(0).getAsJsonObject().get("levels").getAsInt());
        assertEquals(shorthand.get("periods").getAsInt(), a.get(1).getAsJsonObject().get("levels").getAsInt());
        assertTrue(a.get(0).getAsJsonObject().get("nested_in_cluster").getAsBoolean(), "state in state clusters");
        assertFalse(a.get(1).getAsJsonObject().get("nested_in_cluster").getAsBoolean());
        assertTrue(shorthand.getAsJsonObject("absorption").get("converged").getAsBoolean());
        checkAbsorbedTable(terms, List.of("state", "year"));
    }

    @Test
    void threeWayEqualsTheDummyVariableRegression() throws IOException {
        List<String> dummies = new ArrayList<>();
        String data = producWithRegionYearDummies(dummies).toString();
        List<String> xd = new ArrayList<>(PRODUC_X);
        xd.addAll(dummies);
        // reference: region x year dummies as regressors in the (R-validated) two-way model; the engine drops the
        // dummies collinear with the state and year effects
        JsonObject dummy = fe(data, "--y", "ln_gsp", "--x", String.join(",", xd), "--entity", "state", "--time",
                "year", "--vcov", "iid");
        JsonObject three = fe(data, "--y", "ln_gsp", "--x", String.join(",", PRODUC_X), "--fe",
                "state,year,region^year", "--vcov", "iid");
        sameCoefficients(dummy, three, PRODUC_X, false, 1e-8);
        int kept = dummy.getAsJsonArray("coefficients").size() - PRODUC_X.size();
        int exactRank = dummy.get("fe_rank").getAsInt() + kept;
        int rank = checkAbsorbedTable(three, List.of("state", "year", "region^year"));
        if (allExact(three)) {
            assertEquals(exactRank, rank, "exact count = rank of the dummy block");
            assertEquals(dummy.get("df_resid").getAsInt(), three.get("df_resid").getAsInt());
            sameCoefficients(dummy, three, PRODUC_X, true, 1e-8);
        } else {
            assertTrue(rank >= exactRank, "a conservative count never finds more redundancy than there is: " + rank
                    + " vs " + exactRank);
        }
        assertEquals("state,year,region^year", three.getAsJsonObject("model").get("fe").getAsString());
        // the same in text: the absorbed-degrees-of-freedom table
        CliRunner text = CliRunner.run("fe", "--data", data, "--y", "ln_gsp", "--x", String.join(",", PRODUC_X),
                "--fe", "state,year,region^year", "--cluster", "state");
        assertEquals(0, text.code, text.toString());
        assertTrue(text.out.startsWith("Fixed-effects regression: 3 absorbed terms"), text.out);
        assertTrue(text.out.contains("Absorbed degrees of freedom:"), text.out);
        assertTrue(text.out.matches("(?s).*\\n\\s+state \\|\\s+48 -.*\\*\\n.*"), "state row marked nested:\n"
                + text.out);
        assertTrue(text.out.matches("(?s).*\\n\\s+region\\^year \\|.*"), text.out);
        assertTrue(text.out.contains("\nAbsorption: "), text.out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xtreg", "plm", "areg", "fixest", "sandwich"})
    void everyConventionRunsWithATermList(String convention) {
        String data = FeCommandResultsTest.oracle("data/Produc.csv").toString();
        JsonObject o = fe(data, "--y", "ln_gsp", "--x", String.join(",", PRODUC_X), "--fe", "state,year,region^year",
                "--cluster", "state", "--convention", convention);
        JsonObject v = o.getAsJsonObject("vcov");
        assertEquals(convention, v.get("convention").getAsString());
        if (convention.equals("fixest")) {
            // the documented rule: K = k + sum of levels - (terms - 1), a term nested in a cluster counting 1;
            // factor (N-1)/(N-K) G/(G-1)
            int n = o.get("n").getAsInt();
            int k = o.getAsJsonArray("coefficients").size();
            JsonArray a = o.getAsJsonArray("absorbed");
            int kk = k - (a.size() - 1);
            for (JsonElement e : a) {
                JsonObject t = e.getAsJsonObject();
                kk += t.get("nested_in_cluster").getAsBoolean() ? 1 : t.get("levels").getAsInt();
            }
            int g = o.getAsJsonArray("clusters").get(0).getAsInt();
            close((n - 1.0) / (n - kk) * g / (g - 1.0), v.get("small_sample_factor").getAsDouble(), 1e-12,
                    "fixest factor with K = " + kk);
            assertEquals(g - 1, o.get("df_inference").getAsInt());
        }
    }

    /** Grunfeld with a weight column w (1..5, or as {@code weight} gives) and the sqrt(w)-scaled variables. */
    private Path grunfeldWeighted(String name, BiFunction<Integer, Integer, String> weight) throws IOException {
        List<String> lines = Files.readAllLines(FeCommandResultsTest.oracle("data/Grunfeld.csv"));
        StringBuilder sb = new StringBuilder(lines.get(0)).append(",w,sy,sv,sc,one");
        for (int g = 1; g <= 10; g++) {
            sb.append(",d").append(g);
        }
        sb.append('\n');
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            int firm = Integer.parseInt(f[0]);
            int year = Integer.parseInt(f[1]);
            String wText = weight.apply(firm, year);
            double w = wText.isEmpty() ? Double.NaN : Double.parseDouble(wText);
            double s = Math.sqrt(w);
            sb.append(lines.get(i)).append(',').append(wText);
            for (double v : new double[] {s * Double.parseDouble(f[2]), s * Double.parseDouble(f[3]),
                s * Double.parseDouble(f[4]), s}) {
                sb.append(',').append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.17g", v));
            }
            for (int g = 1; g <= 10; g++) {
                sb.append(',').append(Double.isNaN(s) ? "" : g == firm ? String.format(Locale.ROOT, "%.17g", s) : "0");
            }
            sb.append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private static String w15(int firm, int year) {
        return Integer.toString(1 + (firm * 7 + year) % 5);
    }

    @Test
    void weightedPooledOlsIsOlsOnTheScaledData() throws IOException {
        String data = grunfeldWeighted("gw.csv", FeAbsorbWeightsTest::w15).toString();
        for (String vcov : List.of("iid", "hc1")) {
            JsonObject wls = fe(data, "--y", "inv", "--x", "value,capital", "--fe", "none", "--weights", "w",
                    "--vcov", vcov);
            JsonObject ols = fe(data, "--y", "sy", "--x", "sv,sc,one", "--fe", "none", "--no-constant", "--vcov",
                    vcov);
            for (String[] pair : new String[][] {{"value", "sv"}, {"capital", "sc"}}) {
                close(coef(ols, pair[1]).get("estimate").getAsDouble(), coef(wls, pair[0]).get("estimate")
                        .getAsDouble(), 1e-9, vcov + " " + pair[0]);
                close(coef(ols, pair[1]).get("std_error").getAsDouble(), coef(wls, pair[0]).get("std_error")
                        .getAsDouble(), 1e-9, vcov + " se " + pair[0]);
            }
            close(coef(ols, "one").get("estimate").getAsDouble(),
                    wls.getAsJsonObject("constant").get("estimate").getAsDouble(), 1e-9, "constant");
            assertEquals("w", wls.getAsJsonObject("model").get("weights").getAsString());
        }
    }

    @Test
    void weightedEntityEffectsAreTheScaledDummyRegression() throws IOException {
        String data = grunfeldWeighted("gw.csv", FeAbsorbWeightsTest::w15).toString();
        // areg: K = k + every absorbed effect, the same K as the dummy regression's
        JsonObject wls = fe(data, "--y", "inv", "--x", "value,capital", "--fe", "entity", "--entity", "firm",
                "--time", "year", "--weights", "w", "--convention", "areg");
        JsonObject dummies = fe(data, "--y", "sy", "--x", "sv,sc,d1,d2,d3,d4,d5,d6,d7,d8,d9,d10", "--fe", "none",
                "--no-constant", "--cluster", "firm", "--convention", "areg");
        for (String[] pair : new String[][] {{"value", "sv"}, {"capital", "sc"}}) {
            for (String f : List.of("estimate", "std_error", "p_value")) {
                close(coef(dummies, pair[1]).get(f).getAsDouble(), coef(wls, pair[0]).get(f).getAsDouble(), 1e-8,
                        f + " " + pair[0]);
            }
        }
        // the same weighted model as a term list without --entity/--time
        JsonObject terms = fe(data, "--y", "inv", "--x", "value,capital", "--fe", "firm", "--cluster", "firm",
                "--weights", "w", "--convention", "areg");
        sameCoefficients(wls, terms, List.of("value", "capital"), true, 1e-10);
        // and weights 1 are no weights
        JsonObject unweighted = fe(data, "--y", "inv", "--x", "value,capital", "--fe", "entity", "--entity", "firm",
                "--time", "year");
        String ones = grunfeldWeighted("g1.csv", (f, y) -> "1").toString();
        JsonObject w1 = fe(ones, "--y", "inv", "--x", "value,capital", "--fe", "entity", "--entity", "firm", "--time",
                "year", "--weights", "w");
        sameCoefficients(unweighted, w1, List.of("value", "capital"), true, 1e-10);
    }

    @Test
    void zeroMissingAndNegativeWeights() throws IOException {
        BiFunction<Integer, Integer, String> zeros = (f, y) -> f == 3 && y <= 1937 ? "0" : w15(f, y);
        String data = grunfeldWeighted("gz.csv", zeros).toString();
        String[] model = {"--y", "inv", "--x", "value,capital", "--fe", "twoway", "--entity", "firm", "--time",
            "year", "--weights", "w"};
        JsonObject z = fe(data, model);
        assertEquals(3, z.get("n_dropped_zero_weight").getAsInt());
        assertEquals(197, z.get("n").getAsInt());
        assertEquals(200, z.get("n_input").getAsInt());
        // the same as the data without those rows
        List<String> lines = Files.readAllLines(Path.of(data));
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            if (!(f[0].equals("3") && Integer.parseInt(f[1]) <= 1937)) {
                kept.add(l);
            }
        }
        Path without = dir.resolve("without.csv");
        Files.write(without, kept, StandardCharsets.UTF_8);
        JsonObject w = fe(without.toString(), model);
        assertEquals(0, w.get("n_dropped_zero_weight").getAsInt());
        sameCoefficients(w, z, List.of("value", "capital"), true, 1e-10);
        CliRunner text = CliRunner.run("fe", "--data", data, "--y", "inv", "--x", "value,capital", "--entity", "firm",
                "--time", "year", "--weights", "w");
        assertTrue(text.out.contains("Weights: w (analytic weights); rows with weight 0 dropped: 3"), text.out);

        // a missing weight drops the row like any missing value
        String missing = grunfeldWeighted("gm.csv", (f, y) -> f == 2 && y == 1940 ? "" : w15(f, y)).toString();
        JsonObject m = fe(missing, model);
        assertEquals(1, m.get("n_dropped_missing").getAsInt());
        assertEquals(199, m.get("n").getAsInt());

        // a negative weight is bad input: one error line from the engine
        String negative = grunfeldWeighted("gn.csv", (f, y) -> f == 4 && y == 1950 ? "-2" : w15(f, y)).toString();
        List<String> args = new ArrayList<>(List.of("fe", "--data", negative));
        args.addAll(List.of(model));
        CliRunner r = CliRunner.run(args.toArray(new String[0]));
        FeTermsOptionsTest.assertOneError(r, "negative");
    }
}
