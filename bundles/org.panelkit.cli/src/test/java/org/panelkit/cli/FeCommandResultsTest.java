package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The JSON contract of {@code panelkit fe --format json} against the reference results in testdata/oracle, and
 * legal-but-degenerate input (unsorted rows, missing cells, constant and collinear regressors) giving the right
 * result with the problem reported.
 */
class FeCommandResultsTest {
    @TempDir
    Path dir;

    static Path oracle(String rel) {
        return TestData.oracle(rel);
    }

    private static JsonObject json(CliRunner r) {
        assertEquals(0, r.code, r.toString());
        return JsonParser.parseString(r.out).getAsJsonObject();
    }

    private static void close(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-8 * Math.abs(expected), what + ": " + expected + " vs " + actual);
    }

    @Test
    void jsonMatchesOracleForTheStudyDefault() throws IOException {
        JsonObject ref = JsonParser.parseString(Files.readString(oracle("expected/Produc__cd_twoways.json")))
                .getAsJsonObject();
        JsonObject o = json(CliRunner.run("fe", "--data", oracle("data/Produc.csv").toString(), "--y", "ln_gsp", "--x",
                "ln_pcap,ln_pc,ln_emp,unemp", "--entity", "state", "--time", "year", "--format", "json"));
        for (String field : List.of("n", "n_dropped_missing", "groups", "periods", "df_resid", "clusters",
                "df_inference", "coefficients", "constant", "dropped_collinear", "singletons_dropped", "r2_within",
                "r2_within_entity", "r2_lsdv", "f_test", "wald_test", "vcov", "timing")) {
            assertTrue(o.has(field), "JSON field " + field);
        }
        assertEquals(816, o.get("n").getAsInt());
        assertEquals(748, o.get("df_resid").getAsInt());
        assertEquals(47, o.get("df_inference").getAsInt());
        assertEquals(48, o.getAsJsonArray("clusters").get(0).getAsInt());
        JsonObject v = ref.getAsJsonObject("vcov").getAsJsonObject("CL_entity_CR1_stata_xtreg");
        for (JsonElement e : o.getAsJsonArray("coefficients")) {
            JsonObject c = e.getAsJsonObject();
            String term = c.get("term").getAsString();
            close(ref.getAsJsonObject("coef").get(term).getAsDouble(), c.get("estimate").getAsDouble(), term);
            close(v.getAsJsonObject("se").get(term).getAsDouble(), c.get("std_error").getAsDouble(), "se " + term);
            close(v.getAsJsonObject("p").getAsJsonObject("df_cluster").get(term).getAsDouble(),
                    c.get("p_value").getAsDouble(), "p " + term);
        }
        close(ref.get("constant_stata").getAsDouble(), o.getAsJsonObject("constant").get("estimate").getAsDouble(),
                "constant");
        close(ref.get("r2_within").getAsDouble(), o.get("r2_within").getAsDouble(), "r2_within");
        close(ref.get("r2_within_stata").getAsDouble(), o.get("r2_within_entity").getAsDouble(), "r2_within_entity");
        JsonObject vc = o.getAsJsonObject("vcov");
        assertEquals("cluster", vc.get("type").getAsString());
        assertEquals("xtreg", vc.get("convention").getAsString());
        close(v.get("small_sample_factor").getAsDouble(), vc.get("small_sample_factor").getAsDouble(), "factor");
    }

    @Test
    void unsortedRowsMissingCellsAndDroppedRegressorsAreHandledAndReported() throws IOException {
        List<String> lines = Files.readAllLines(oracle("data/Produc.csv"));
        String header = lines.get(0) + ",const,twice_pc";
        List<String> body = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            double lnPc = Double.parseDouble(f[13]);
            body.add(lines.get(i) + ",1," + (2 * lnPc));
        }
        Collections.shuffle(body, new java.util.Random(3));
        // knock out ln_emp in 5 rows: listwise deletion
        for (int i = 0; i < 5; i++) {
            String[] f = body.get(i * 7).split(",", -1);
            f[14] = "NA";
            body.set(i * 7, String.join(",", f));
        }
        Path p = dir.resolve("produc_messy.csv");
        Files.writeString(p, header + "\n" + String.join("\n", body) + "\n", StandardCharsets.UTF_8);
        JsonObject o = json(CliRunner.run("fe", "--data", p.toString(), "--y", "ln_gsp", "--x",
                "ln_pcap,ln_pc,const,ln_emp,twice_pc,unemp", "--entity", "state", "--time", "year", "--format", "json"));
        assertEquals(811, o.get("n").getAsInt());
        assertEquals(5, o.get("n_dropped_missing").getAsInt());
        JsonArray dropped = o.getAsJsonArray("dropped_collinear");
        assertEquals(List.of("const", "twice_pc"), List.of(dropped.get(0).getAsString(), dropped.get(1).getAsString()));
        assertEquals(4, o.getAsJsonArray("coefficients").size());
        JsonArray warnings = o.getAsJsonArray("warnings");
        assertTrue(warnings.toString().contains("5 of 816 rows removed"), warnings.toString());
        assertTrue(warnings.toString().contains("'const' dropped: constant"), warnings.toString());
        assertTrue(warnings.toString().contains("'twice_pc' dropped: collinear"), warnings.toString());

        // the same estimate from the clean subset, sorted: order and dropped columns change nothing
        List<String> clean = new ArrayList<>();
        clean.add(header);
        for (String line : body) {
            if (!line.contains(",NA,")) {
                clean.add(line);
            }
        }
        Collections.sort(clean.subList(1, clean.size()));
        Path q = dir.resolve("produc_clean.csv");
        Files.writeString(q, String.join("\n", clean) + "\n", StandardCharsets.UTF_8);
        JsonObject c = json(CliRunner.run("fe", "--data", q.toString(), "--y", "ln_gsp", "--x",
                "ln_pcap,ln_pc,ln_emp,unemp", "--entity", "state", "--time", "year", "--format", "json"));
        for (int i = 0; i < 4; i++) {
            JsonObject a = o.getAsJsonArray("coefficients").get(i).getAsJsonObject();
            JsonObject b = c.getAsJsonArray("coefficients").get(i).getAsJsonObject();
            assertEquals(b.get("term").getAsString(), a.get("term").getAsString());
            close(b.get("estimate").getAsDouble(), a.get("estimate").getAsDouble(), "estimate");
            close(b.get("std_error").getAsDouble(), a.get("std_error").getAsDouble(), "se");
        }
    }

    @Test
    void textOutputNamesTheConvention() {
        CliRunner r = CliRunner.run("fe", "--data", oracle("data/Grunfeld.csv").toString(), "--y", "inv", "--x",
                "value,capital", "--entity", "firm", "--time", "year", "--fe", "entity", "--vcov", "cr2");
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("CR2 Bell-McCaffrey"), r.out);
        assertTrue(r.out.contains("Satterthwaite"), r.out);
    }
}
