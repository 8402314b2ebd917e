package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.panelkit.engine.report.ModelSummary;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Issue 12, the command line's side: {@code --fe} term lists, {@code --entity/--time} optional with them,
 * {@code --weights COL}, {@code --boot-weights} and its old spelling, the five conventions, the new JSON fields and
 * the refusals of {@code compare} and {@code mediation}. Everything here is decided before or around the estimation
 * and holds with any engine; the estimation results of term lists and weights are in {@link FeAbsorbWeightsTest}.
 */
class FeTermsOptionsTest {
    @TempDir
    Path dir;

    static String produc() {
        return FeCommandResultsTest.oracle("data/Produc.csv").toString();
    }

    private static CliRunner fe(String... extra) {
        List<String> args = new ArrayList<>(List.of("fe", "--data", produc(), "--y", "ln_gsp", "--x",
                "ln_pcap,ln_pc,ln_emp,unemp"));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(new String[0]));
    }

    /** Exit code 2, exactly one line on standard error, starting "error:", containing every fragment. */
    static void assertOneError(CliRunner r, String... fragments) {
        assertEquals(2, r.code, r.toString());
        assertEquals(1, r.err.strip().lines().count(), "one line:\n" + r);
        assertTrue(r.err.startsWith("error: "), r.toString());
        for (String f : fragments) {
            assertTrue(r.err.contains(f), "error line should contain '" + f + "':\n" + r);
        }
        assertFalse(r.err.contains("Exception") || r.err.contains("\tat "), "no stack trace:\n" + r);
        assertEquals("", r.out, "nothing on standard output");
    }

    private static JsonObject json(CliRunner r) {
        assertEquals(0, r.code, r.toString());
        return JsonParser.parseString(r.out).getAsJsonObject();
    }

    @Test
    void malformedTermListsAreOneErrorLine() {
        assertOneError(fe("--fe", "state,,year", "--cluster", "state"), "--fe 'state,,year'", "empty fixed-effect term",
                "firm,year,industry^year");
        assertOneError(fe("--fe", "state^", "--cluster", "state"), "--fe 'state^'", "empty column name");
        assertOneError(fe("--fe", "a^", "--cluster", "state"), "--fe 'a^'", "empty column name");
        assertOneError(fe("--fe", "^year", "--cluster", "state"), "empty column name");
        assertOneError(fe("--fe", "state,year,", "--cluster", "state"), "empty fixed-effect term");
        assertOneError(fe("--fe", "state,year,state", "--cluster", "state"), "'state' listed twice");
        assertOneError(fe("--fe", "state,region^year,year#region", "--cluster", "state"), "listed twice");
        assertOneError(fe("--fe", "state,year^year", "--cluster", "state"), "column repeated");
    }

    @Test
    void unknownTermColumnsNameTheOptionAndTheColumns() {
        assertOneError(fe("--fe", "state,year,regio^year", "--cluster", "state"), "--fe: unknown column 'regio'",
                "columns: state, year, region");
        // an unknown shorthand is read as a column name
        assertOneError(fe("--fe", "threeway", "--entity", "state", "--time", "year"),
                "--fe: unknown column 'threeway'", "twoway, entity, time, none");
        // reghdfe's and fixest's separators: the comma spelling is suggested, the dataset named as written
        assertOneError(fe("--fe", "state year region^year", "--cluster", "state"),
                "--fe: unknown column 'state year region' in '" + produc() + "'",
                "terms are separated by commas: --fe state,year,region^year");
        assertOneError(CliRunner.run("fe", "--data", "@produc", "--y", "ln_gsp", "--x", "ln_pc", "--fe", "state year",
                "--cluster", "state"), "--fe: unknown column 'state year' in dataset @produc (columns: state, year",
                "--fe state,year");
        assertOneError(CliRunner.run("fe", "--data", "@produc", "--y", "ln_gsp", "--x", "ln_pc", "--fe", "state",
                "--weights", "wt", "--cluster", "state"), "--weights: unknown column 'wt' in dataset @produc");
        assertOneError(fe("--fe", "state + year + region#year", "--cluster", "state"),
                "terms are separated by commas: --fe state,year,region#year");
        assertOneError(fe("--fe", "state yeer", "--cluster", "state"), "--fe: unknown column 'state yeer'");
        assertFalse(fe("--fe", "state yeer", "--cluster", "state").err.contains("separated by commas"));
        // a variable of the model cannot be a fixed effect
        assertOneError(fe("--fe", "state,ln_pc", "--cluster", "state"), "'ln_pc' is both a variable of the model");
    }

    @Test
    void shorthandsStillNeedEntityAndTime() {
        for (String shorthand : List.of("twoway", "entity", "time")) {
            assertOneError(fe("--fe", shorthand), "--entity and --time are required for --fe " + shorthand);
            assertOneError(fe("--fe", shorthand, "--entity", "state"), "--entity and --time are required");
        }
    }

    @Test
    void withTermsEntityAndTimeAreNeededOnlyByWhatUsesThem() {
        assertOneError(fe("--fe", "state,year"), "--vcov cluster without --cluster needs --entity");
        assertOneError(fe("--fe", "state,year", "--vcov", "cr2"), "--vcov cr2 without --cluster needs --entity");
        assertOneError(fe("--fe", "state,year", "--vcov", "cr0"), "--vcov cr0 without --cluster needs --entity");
        assertOneError(fe("--fe", "state,year", "--vcov", "wild"), "--vcov wild without --cluster needs --entity");
        assertOneError(fe("--fe", "state,year", "--vcov", "twoway", "--entity", "state"),
                "--vcov twoway without --cluster A,B needs --entity and --time");
        assertOneError(fe("--fe", "state,year", "--vcov", "dk", "--entity", "state"), "--vcov dk needs --time");
        assertOneError(fe("--fe", "state,year", "--no-constant", "--cluster", "state"), "--no-constant");
    }

    @Test
    void keyColumnsIncludeEveryTermColumnOnce() {
        ModelOptions m = new ModelOptions();
        m.fe = "firm,year,industry^year,province#year";
        m.cluster = List.of("firm", "region");
        assertEquals(List.of("firm", "year", "industry", "province", "region"), m.keyColumns());
        m.entity = "firm";
        m.time = "t";
        assertEquals(List.of("firm", "t", "year", "industry", "province", "region"), m.keyColumns());
        m.fe = "twoway";
        assertEquals(List.of("firm", "t", "region"), m.keyColumns());
    }

    @Test
    void weightsErrors() throws IOException {
        assertOneError(fe("--fe", "state,year", "--cluster", "state", "--weights", "nope"),
                "--weights: unknown column 'nope'", "columns: state, year");
        assertOneError(fe("--entity", "state", "--time", "year", "--weights", "ln_pc"),
                "'ln_pc' is both a variable of the model and the weight column");
        List<String> lines = Files.readAllLines(Path.of(produc()));
        lines.set(0, lines.get(0) + ",w");
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, lines.get(i) + "," + (i == 5 ? "abc" : "1.5"));
        }
        Path bad = dir.resolve("w.csv");
        Files.write(bad, lines, StandardCharsets.UTF_8);
        assertOneError(CliRunner.run("fe", "--data", bad.toString(), "--y", "ln_gsp", "--x", "ln_pc", "--entity",
                "state", "--time", "year", "--weights", "w"), "column 'w'", "line 6", "'abc' is not a number");
        // analytic weights with the wild bootstrap: the weighted fit is bootstrapped (boottest's aweights)
        JsonObject weightedWild = json(fe("--entity", "state", "--time", "year", "--vcov", "wild", "--weights", "emp",
                "--wild-reps", "99", "--format", "json"));
        assertEquals("emp", weightedWild.getAsJsonObject("model").get("weights").getAsString());
        assertTrue(weightedWild.has("wild_bootstrap"), weightedWild.toString());
    }

    @Test
    void bootWeightsAndTheirOldSpelling() {
        String[] wild = {"--entity", "state", "--time", "year", "--vcov", "wild", "--wild-reps", "199", "--test",
            "ln_pc", "--format", "json"};
        List<JsonObject> runs = new ArrayList<>();
        for (String[] w : List.of(new String[] {"--boot-weights", "webb"}, new String[] {"--weights", "webb"})) {
            List<String> args = new ArrayList<>(List.of(wild));
            args.addAll(List.of(w));
            runs.add(json(fe(args.toArray(new String[0]))));
        }
        JsonObject boot = runs.get(0).getAsJsonObject("wild_bootstrap");
        assertEquals("webb", boot.get("weights").getAsString());
        assertEquals(boot, runs.get(1).getAsJsonObject("wild_bootstrap"), "--weights webb is --boot-weights webb");
        assertFalse(runs.get(1).getAsJsonObject("model").has("weights"), "no analytic weights");
        JsonObject rademacher = json(fe("--entity", "state", "--time", "year", "--vcov", "wild", "--wild-reps", "199",
                "--test", "ln_pc", "--weights", "rademacher", "--format", "json"));
        assertEquals("rademacher", rademacher.getAsJsonObject("wild_bootstrap").get("weights").getAsString());
        assertOneError(fe("--entity", "state", "--time", "year", "--boot-weights", "webb"),
                "--boot-weights", "apply to --vcov wild only");
        assertOneError(fe("--entity", "state", "--time", "year", "--weights", "webb"), "--boot-weights",
                "--weights rademacher|webb", "apply to --vcov wild only");
        assertOneError(fe("--entity", "state", "--time", "year", "--vcov", "wild", "--boot-weights", "mammen"),
                "unknown bootstrap weights 'mammen'");
        assertOneError(fe("--entity", "state", "--time", "year", "--vcov", "wild", "--boot-weights", "webb",
                "--weights", "rademacher"), "old spelling of --boot-weights");
    }

    @Test
    void helpListsEveryValueAndAThreeWayExample() {
        String h = CliRunner.run("fe", "--help").out;
        String conv = h.substring(h.indexOf("--convention="), h.indexOf("--dk-lag"));
        for (String c : List.of("xtreg", "plm", "areg", "fixest", "sandwich")) {
            assertTrue(conv.contains("--convention=xtreg|plm|areg|fixest|sandwich"), conv);
            assertTrue(conv.matches("(?s).*\\n\\s+" + c + "\\s+\\S.*"), c + " has its own line:\n" + conv);
        }
        assertTrue(h.contains("--boot-weights=rademacher|webb"), h);
        assertTrue(h.contains("--weights=COL"), h);
        assertTrue(h.contains("--fe=twoway|entity|time|none|TERMS"), h);
        assertTrue(h.contains("firm,year,industry^year"), h);
        String examples = h.substring(h.lastIndexOf("Examples:"));
        assertTrue(examples.contains("--fe state,year,region^year"), examples);
        assertTrue(examples.contains("--weights emp"), examples);
        assertTrue(examples.contains("--boot-weights webb"), examples);
        // compare and mediation take analytic weights and term lists too
        String compare = CliRunner.run("compare", "--help").out;
        assertTrue(compare.contains("--weights=COL"), compare);
        assertTrue(compare.contains("--fe firm,year,industry^year"), compare);
        String mediation = CliRunner.run("mediation", "--help").out;
        assertTrue(mediation.contains("--weights=COL"), mediation);
        assertTrue(mediation.contains("--fe firm,year,industry^year"), mediation);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xtreg", "plm", "areg", "fixest", "sandwich"})
    void everyConventionRunsAndIsNamedInEveryOutput(String convention) {
        JsonObject o = json(fe("--entity", "state", "--time", "year", "--convention", convention, "--format", "json"));
        assertEquals(convention, o.getAsJsonObject("vcov").get("convention").getAsString());
        CliRunner text = fe("--entity", "state", "--time", "year", "--convention", convention);
        assertEquals(0, text.code, text.toString());
        assertTrue(text.out.contains("\nConvention: " + convention + " ("), text.out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xtreg", "plm", "areg", "fixest", "sandwich"})
    void compareAndMediationTakeEveryConventionAndNameIt(String convention) {
        for (String command : List.of("compare", "mediation")) {
            List<String> args = new ArrayList<>(List.of(command, "--data", produc(), "--y", "ln_gsp", "--entity",
                    "state", "--time", "year", "--convention", convention));
            args.addAll(command.equals("compare") ? List.of("--x", "ln_pc,ln_emp", "--split", "year:1979")
                    : List.of("--x", "ln_pc", "--mediators", "ln_emp", "--mediation-reps", "0"));
            CliRunner text = CliRunner.run(args.toArray(new String[0]));
            assertEquals(0, text.code, text.toString());
            assertTrue(text.out.contains("\nConvention: " + convention + " ("), text.out);
            args.addAll(List.of("--format", "json"));
            assertEquals(convention, json(CliRunner.run(args.toArray(new String[0]))).get("convention").getAsString());
        }
    }

    @Test
    void jsonHasTheNewFieldsAndKeepsTheOldOnes() {
        JsonObject o = json(fe("--entity", "state", "--time", "year", "--format", "json"));
        JsonObject model = o.getAsJsonObject("model");
        assertEquals("twoway", model.get("fe").getAsString());
        // null fields are left out of the document (as the constant of a model without one)
        assertFalse(model.has("weights"), "unweighted: no model.weights");
        assertEquals(0, o.get("n_dropped_zero_weight").getAsInt());
        assertTrue(o.get("absorbed").isJsonArray());
        JsonObject a = o.getAsJsonObject("absorption");
        for (String f : List.of("method", "iterations", "converged")) {
            assertTrue(a.has(f), "absorption." + f + " in " + a);
        }
        assertEquals(a.get("method").getAsString().equals("iterative"), a.has("tolerance"),
                "a tolerance exactly for the iterative method: " + a);
        for (String f : List.of("n", "n_input", "n_dropped_missing", "groups", "periods", "fe_rank", "df_resid",
                "clusters", "df_inference", "coefficients", "constant", "dropped_collinear", "dropped",
                "singletons_dropped", "r2_within", "r2_within_entity", "r2_lsdv", "f_test", "wald_test", "vcov",
                "warnings", "timing")) {
            assertTrue(o.has(f), f);
        }
    }

    /**
     * mediation with a list of terms naming the shorthand's columns gives the shorthand's numbers, bootstrap included
     * (the term model is re-fitted on every resample, the shorthand uses cluster cross-products); with a third term
     * and weights it runs and says what it absorbed and weighted.
     */
    @Test
    void mediationTakesTermListsAndWeights() {
        List<String> base = List.of("mediation", "--data", produc(), "--y", "ln_gsp", "--x", "ln_pc", "--mediators",
                "ln_emp", "--cluster", "state", "--mediation-reps", "99", "--format", "json");
        List<String> shorthand = new ArrayList<>(base);
        shorthand.addAll(List.of("--entity", "state", "--time", "year"));
        List<String> listed = new ArrayList<>(base);
        listed.addAll(List.of("--fe", "state,year"));
        JsonObject a = json(CliRunner.run(shorthand.toArray(new String[0]))).getAsJsonArray("mediators").get(0)
                .getAsJsonObject();
        JsonObject b = json(CliRunner.run(listed.toArray(new String[0]))).getAsJsonArray("mediators").get(0)
                .getAsJsonObject();
        double ab = a.get("indirect_ab").getAsDouble();
        assertEquals(ab, b.get("indirect_ab").getAsDouble(), 1e-12 * Math.abs(ab));
        for (String f : List.of("std_error", "z0")) {
            double x = a.getAsJsonObject("bootstrap").get(f).getAsDouble();
            assertEquals(x, b.getAsJsonObject("bootstrap").get(f).getAsDouble(), 1e-9 * Math.abs(x), "bootstrap " + f);
        }
        List<String> weighted = new ArrayList<>(base);
        weighted.addAll(List.of("--fe", "state,year,region^year", "--weights", "emp"));
        JsonObject w = json(CliRunner.run(weighted.toArray(new String[0])));
        assertEquals("state,year,region^year", w.get("fe").getAsString());
        assertEquals("emp", w.get("weights").getAsString());
        assertTrue(Math.abs(w.getAsJsonArray("mediators").get(0).getAsJsonObject().get("indirect_ab").getAsDouble()
                - ab) > 1e-6, "another model");
        List<String> text = new ArrayList<>(weighted);
        text.set(text.indexOf("json"), "text");
        CliRunner t = CliRunner.run(text.toArray(new String[0]));
        assertEquals(0, t.code, t.toString());
        assertTrue(t.out.contains("Effects: state,year,region^year; std. errors: cluster-robust by state"), t.out);
        assertTrue(t.out.contains("\nAnalytic weights: emp\n"), t.out);
    }

    /**
     * compare with a list of terms naming the shorthand's columns gives the shorthand's numbers; with a third term
     * and weights it runs, says what it absorbed and weighted (text and JSON), and its separate fits are fe's.
     */
    @Test
    void compareTakesTermListsAndWeights() throws IOException {
        List<String> base = List.of("compare", "--data", produc(), "--y", "ln_gsp", "--x", "ln_pc,ln_emp", "--time",
                "year", "--split", "year:1979", "--cluster", "state", "--format", "json");
        List<String> shorthand = new ArrayList<>(base);
        shorthand.addAll(List.of("--entity", "state", "--fe", "twoway"));
        List<String> listed = new ArrayList<>(base);
        listed.addAll(List.of("--fe", "state,year"));
        JsonObject a = json(CliRunner.run(shorthand.toArray(new String[0])));
        JsonObject b = json(CliRunner.run(listed.toArray(new String[0])));
        for (String method : List.of("pooled", "suest")) {
            var da = a.getAsJsonObject(method).getAsJsonArray("differences");
            var db = b.getAsJsonObject(method).getAsJsonArray("differences");
            assertEquals(da.size(), db.size());
            for (int i = 0; i < da.size(); i++) {
                for (String f : List.of("difference", "std_error")) {
                    double x = da.get(i).getAsJsonObject().get(f).getAsDouble();
                    double y = db.get(i).getAsJsonObject().get(f).getAsDouble();
                    assertEquals(x, y, 1e-9 * Math.abs(x), method + " " + f + " " + i);
                }
            }
        }
        assertEquals("twoway", a.get("fe").getAsString());
        assertEquals("state,year", b.get("fe").getAsString());
        assertFalse(b.has("weights"));

        List<String> weighted = new ArrayList<>(base);
        weighted.addAll(List.of("--fe", "state,year,region^year", "--weights", "emp"));
        JsonObject w = json(CliRunner.run(weighted.toArray(new String[0])));
        assertEquals("state,year,region^year", w.get("fe").getAsString());
        assertEquals("emp", w.get("weights").getAsString());
        // the first group's fit is fe on that group's rows: the same coefficients
        JsonObject sep = w.getAsJsonArray("separate").get(0).getAsJsonObject();
        assertEquals("1970-1978", sep.get("group").getAsString());
        JsonObject fit = json(CliRunner.run("fe", "--data", rowsBefore(1979), "--y", "ln_gsp", "--x", "ln_pc,ln_emp",
                "--fe", "state,year,region^year", "--weights", "emp", "--cluster", "state", "--format", "json"));
        var mine = sep.getAsJsonArray("coefficients");
        var theirs = fit.getAsJsonArray("coefficients");
        for (int i = 0; i < 2; i++) {
            for (String f : List.of("estimate", "std_error")) {
                assertEquals(theirs.get(i).getAsJsonObject().get(f).getAsDouble(),
                        mine.get(i).getAsJsonObject().get(f).getAsDouble(), 1e-12, f + " " + i);
            }
        }
        List<String> text = new ArrayList<>(weighted);
        text.set(text.indexOf("json"), "text");
        CliRunner t = CliRunner.run(text.toArray(new String[0]));
        assertEquals(0, t.code, t.toString());
        assertTrue(t.out.contains("Fixed effects: state,year,region^year, within each group (pooled model: every term "
                + "by group)\nAnalytic weights: emp\n"), t.out);
    }

    /** Produc's rows before {@code year}, as a CSV file in the test's folder. */
    private String rowsBefore(int year) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(produc()));
        int col = List.of(lines.get(0).split(",")).indexOf("year");
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            if (Integer.parseInt(line.split(",")[col]) < year) {
                out.add(line);
            }
        }
        Path file = dir.resolve("before" + year + ".csv");
        Files.write(file, out);
        return file.toString();
    }

    @Test
    void modelFilesWithTermListsMakeTableRows() throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(FittedModels.TWOWAY)).getAsJsonObject();
        o.getAsJsonObject("model").addProperty("fe", "state,year,region^year");
        Path terms = dir.resolve("terms.json");
        Files.writeString(terms, ModelJson.render(o));
        ModelSummary s = ModelFiles.read(terms, "T");
        assertTrue(s.entityEffects() && s.timeEffects());
        assertEquals(List.of("region^year"), s.additionalEffects());
        CliRunner r = CliRunner.run("table", "--models", FittedModels.TWOWAY + "," + terms, "--format", "csv");
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("\nRegion effects,Yes,Yes\n"), r.out);
        assertTrue(r.out.contains("\nTime effects,Yes,Yes\n"), r.out);
        assertTrue(r.out.contains("\nregion × year,No,Yes\n"), r.out);
        // a shorthand model's table has no further rows
        CliRunner plain = CliRunner.run("table", "--models", FittedModels.TWOWAY.toString(), "--format", "csv");
        assertFalse(plain.out.contains("×"), plain.out);
        o.getAsJsonObject("model").addProperty("fe", "state,,year");
        Files.writeString(terms, ModelJson.render(o));
        assertOneError(CliRunner.run("table", "--models", terms.toString(), "--format", "csv"), "terms.json",
                "empty fixed-effect term");
    }
}
