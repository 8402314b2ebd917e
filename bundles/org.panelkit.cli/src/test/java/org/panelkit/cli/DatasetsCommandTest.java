package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The example datasets shipped in the command line ({@code panelkit datasets}, {@code --data @NAME}): each one's
 * rows and columns, its bytes against the reference file it is built from, and one known result per dataset
 * against the reference results in testdata/oracle.
 */
class DatasetsCommandTest {
    @TempDir
    Path dir;

    private static final Map<String, String> REFERENCE_FILE = Map.of(
            "produc", "data/Produc.csv",
            "grunfeld", "data/Grunfeld.csv",
            "petersencl", "data/PetersenCL.csv",
            "produc_holed", "interp/Produc_holed.csv",
            "lq_regions", "lq/synthetic_30x21_long.csv");

    private static JsonObject ref(String file) throws IOException {
        return JsonParser.parseString(Files.readString(TestData.oracle("expected/" + file))).getAsJsonObject();
    }

    private static JsonObject json(CliRunner r) {
        assertEquals(0, r.code, r.toString());
        return JsonParser.parseString(r.out).getAsJsonObject();
    }

    private static void close(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-8 * Math.abs(expected), what + ": " + expected + " vs " + actual);
    }

    /** Coefficients and standard errors of {@code fe --format json} against one vcov block of a reference file. */
    private static void matches(JsonObject model, JsonObject ref, String vcov) {
        JsonObject se = ref.getAsJsonObject("vcov").getAsJsonObject(vcov).getAsJsonObject("se");
        int terms = 0;
        for (JsonElement e : model.getAsJsonArray("coefficients")) {
            JsonObject c = e.getAsJsonObject();
            String term = c.get("term").getAsString();
            close(ref.getAsJsonObject("coef").get(term).getAsDouble(), c.get("estimate").getAsDouble(), term);
            close(se.get(term).getAsDouble(), c.get("std_error").getAsDouble(), vcov + " se " + term);
            terms++;
        }
        assertEquals(ref.getAsJsonObject("coef").size(), terms, "terms");
        assertEquals(ref.get("n").getAsInt(), model.get("n").getAsInt(), "n");
    }

    @Test
    void listsEveryDatasetOnOneLine() {
        CliRunner r = CliRunner.run("datasets");
        assertEquals(0, r.code, r.toString());
        String[] lines = r.out.split("\n");
        assertEquals(1 + Datasets.ALL.size(), lines.length, r.out);
        assertEquals("dataset         rows  entity   time  source               what", lines[0]);
        assertEquals("@produc          816  state    year  R plm 2.6-2          US states' public capital and output "
                + "1970-1986, logs added (Munnell 1990)", lines[1]);
        assertTrue(lines[2].startsWith("@grunfeld        200  firm     year  R plm 2.6-2 "), lines[2]);
        assertTrue(lines[3].startsWith("@petersencl     5000  firm     year  R sandwich 3.0-2 "), lines[3]);
        assertTrue(lines[4].startsWith("@study           630  province year  PanelKit study-data "), lines[4]);
        assertTrue(lines[5].startsWith("@produc_holed    816  state    year "), lines[5]);
        assertTrue(lines[6].startsWith("@lq_regions     2520  region   year "), lines[6]);
        assertEquals("", r.err);
    }

    @Test
    void rowsAndColumnsOfEachDataset() {
        assertEquals(816, Datasets.get("produc").rows());
        assertEquals(List.of("state", "year", "region", "pcap", "hwy", "water", "util", "pc", "gsp", "emp", "unemp",
                "ln_gsp", "ln_pcap", "ln_pc", "ln_emp", "ln_hwy", "ln_water", "ln_util"),
                Datasets.get("produc").columns());
        assertEquals(200, Datasets.get("grunfeld").rows());
        assertEquals(List.of("firm", "year", "inv", "value", "capital", "ln_inv", "ln_value", "ln_capital"),
                Datasets.get("grunfeld").columns());
        assertEquals(5000, Datasets.get("petersencl").rows());
        assertEquals(List.of("firm", "year", "x", "y"), Datasets.get("petersencl").columns());
        assertEquals(630, Datasets.get("study").rows());
        assertEquals(21, Datasets.get("study").columns().size());
        assertEquals(List.of("province_code", "province", "region", "year"),
                Datasets.get("study").columns().subList(0, 4));
        assertEquals(816, Datasets.get("produc_holed").rows());
        assertEquals(List.of("state", "year", "region", "pcap", "emp", "unemp", "gsp"),
                Datasets.get("produc_holed").columns());
        assertEquals(2520, Datasets.get("lq_regions").rows());
        assertEquals(List.of("region", "year", "industry", "value"), Datasets.get("lq_regions").columns());
    }

    @Test
    void shippedBytesAreTheReferenceFiles() throws IOException {
        for (Map.Entry<String, String> e : REFERENCE_FILE.entrySet()) {
            assertArrayEquals(Files.readAllBytes(TestData.oracle(e.getValue())), Datasets.get(e.getKey()).bytes(),
                    e.getKey());
        }
        try (var in = org.panelkit.cli.study.StudyDataGenerator.class.getResourceAsStream("synthetic_study_raw.csv")) {
            assertArrayEquals(in.readAllBytes(), Datasets.get("study").bytes(), "study");
        }
        assertEquals(REFERENCE_FILE.size() + 1, Datasets.ALL.size());
    }

    @Test
    void writesOneAsCsv() throws IOException {
        Path out = dir.resolve("produc.csv");
        CliRunner r = CliRunner.run("datasets", "produc", "--out", out.toString());
        assertEquals(0, r.code, r.toString());
        assertEquals("wrote " + out + ": @produc, 816 rows, 18 columns\n", r.out);
        assertArrayEquals(Files.readAllBytes(TestData.oracle("data/Produc.csv")), Files.readAllBytes(out));
        CliRunner s = CliRunner.run("datasets", "@Grunfeld");
        assertEquals(0, s.code, s.toString());
        assertEquals(Files.readString(TestData.oracle("data/Grunfeld.csv")), s.out);
    }

    @Test
    void anUnknownColumnOfADatasetNamesTheDatasetNotItsTemporaryFile() {
        CliRunner r = CliRunner.run("fe", "--data", "@produc", "--y", "lgsp", "--x", "ln_pc", "--entity", "state",
                "--time", "year");
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.startsWith("error: unknown column 'lgsp' in dataset @produc (columns: state, year,"), r.err);
        assertFalse(r.err.contains("panelkit-datasets"), r.err);
    }

    @Test
    void unknownNamesListTheAvailableOnes() {
        CliRunner r = CliRunner.run("datasets", "nosuch");
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.startsWith("error: unknown dataset 'nosuch'; available: @produc, @grunfeld, @petersencl, "
                + "@study, @produc_holed, @lq_regions"), r.err);
        for (String[] args : List.of(
                new String[] {"fe", "--data", "@nosuch", "--y", "a", "--x", "b", "--entity", "e", "--time", "t"},
                new String[] {"describe", "--data", "@nosuch", "--entity", "e", "--time", "t"},
                new String[] {"interpolate", "--data", "@nosuch", "--entity", "e", "--time", "t", "--columns", "x"},
                new String[] {"reproduce", "--data", "@nosuch"})) {
            CliRunner f = CliRunner.run(args);
            assertEquals(2, f.code, f.toString());
            assertTrue(f.err.startsWith("error: "), f.err);
            assertTrue(f.err.contains("unknown dataset '@nosuch'; available: @produc, @grunfeld"), f.err);
            assertEquals(1, f.err.lines().filter(l -> l.startsWith("error:")).count(), f.err);
        }
        CliRunner o = CliRunner.run("datasets", "--out", dir.resolve("x.csv").toString());
        assertEquals(2, o.code, o.toString());
        assertTrue(o.err.startsWith("error: --out needs a dataset NAME"), o.err);
    }

    @Test
    void producTwowayClusteredByState() throws IOException {
        JsonObject m = json(CliRunner.run("fe", "--data", "@produc", "--y", "ln_gsp", "--x",
                "ln_pcap,ln_pc,ln_emp,unemp", "--entity", "state", "--time", "year", "--format", "json"));
        matches(m, ref("Produc__cd_twoways.json"), "CL_entity_CR1_stata_xtreg");
    }

    @Test
    void grunfeldEntityEffectsCr2() throws IOException {
        JsonObject m = json(CliRunner.run("fe", "--data=@grunfeld", "--y", "inv", "--x", "value,capital", "--entity",
                "firm", "--time", "year", "--fe", "entity", "--vcov", "cr2", "--format", "json"));
        matches(m, ref("Grunfeld__inv_entity.json"), "CL_entity_CR2");
    }

    @Test
    void petersenPooledOlsClusteredByFirm() throws IOException {
        JsonObject m = json(CliRunner.run("fe", "--data", "@PetersenCL", "--y", "y", "--x", "x", "--entity", "firm",
                "--time", "year", "--fe", "none", "--format", "json"));
        JsonObject ref = ref("PetersenCL__yx_none.json");
        matches(m, ref, "CL_entity_CR1_stata_xtreg");
        double se = m.getAsJsonArray("coefficients").get(0).getAsJsonObject().get("std_error").getAsDouble();
        assertEquals(0.0505957, se, 5e-8, "Petersen's published firm-clustered SE");
    }

    @Test
    void producHoledFilledLikeZoo() throws IOException {
        Path out = dir.resolve("filled.csv");
        CliRunner r = CliRunner.run("interpolate", "--data", "@produc_holed", "--entity", "state", "--time", "year",
                "--columns", "pcap,emp,unemp", "--method", "linear", "--out", out.toString());
        assertEquals(0, r.code, r.toString());
        List<String> got = Files.readAllLines(out);
        List<String> zoo = Files.readAllLines(TestData.oracle("interp/Produc_interp_approx_rule1.csv"));
        assertEquals(zoo.size(), got.size());
        List<String> header = List.of(got.get(0).split(","));
        List<String> zooHeader = List.of(zoo.get(0).split(","));
        int checked = 0;
        for (int i = 1; i < got.size(); i++) {
            String[] g = got.get(i).split(",", -1);
            String[] z = zoo.get(i).split(",", -1);
            assertEquals(z[zooHeader.indexOf("state")] + z[zooHeader.indexOf("year")], g[0] + g[1], "row " + i);
            for (String col : List.of("pcap", "emp", "unemp")) {
                String zv = z[zooHeader.indexOf(col)];
                String gv = g[header.indexOf(col)];
                if (zv.isEmpty() || zv.equals("NA")) {
                    assertTrue(gv.isEmpty() || gv.equals("NA"), col + " row " + i + ": " + gv);
                } else {
                    double e = Double.parseDouble(zv);
                    assertTrue(Math.abs(Double.parseDouble(gv) - e) <= 1e-9 * Math.max(1, Math.abs(e)),
                            col + " row " + i + ": " + gv + " vs " + zv);
                    checked++;
                }
            }
        }
        assertTrue(checked > 2000, "cells checked: " + checked);
    }

    @Test
    void lqRegionsGiveTheReferenceQuotients() throws IOException {
        Path out = dir.resolve("lq.csv");
        CliRunner r = CliRunner.run("lq", "--data", "@lq_regions", "--region", "region", "--time", "year",
                "--industry", "industry", "--value", "value", "--out", out.toString());
        assertEquals(0, r.code, r.toString());
        List<String> got = Files.readAllLines(out);
        List<String> expected = Files.readAllLines(TestData.oracle("lq/synthetic_30x21_lq.csv"));
        assertEquals(expected.size(), got.size());
        for (int i = 1; i < got.size(); i++) {
            String[] g = got.get(i).split(",", -1);
            String[] e = expected.get(i).split(",", -1);
            double lq = Double.parseDouble(e[e.length - 1]);
            assertTrue(Math.abs(Double.parseDouble(g[g.length - 1]) - lq) <= 1e-12 * Math.max(1, Math.abs(lq)),
                    "line " + (i + 1) + ": " + got.get(i) + " vs " + expected.get(i));
        }
    }

    @Test
    void studyIsTheEmbeddedSyntheticData() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        CliRunner ra = CliRunner.run("reproduce", "--data", "@study", "--wild-reps", "0", "--mediation-reps", "99",
                "--out", a.toString());
        assertEquals(0, ra.code, ra.toString());
        CliRunner rb = CliRunner.run("reproduce", "--wild-reps", "0", "--mediation-reps", "99", "--out",
                b.toString());
        assertEquals(0, rb.code, rb.toString());
        assertTrue(Files.readString(a.resolve("report.md")).contains("synthetic demonstration data - not the study's data"),
                "report.md notice");
        for (String f : List.of("table1.csv", "table2.csv", "table3.csv", "table4.csv")) {
            assertEquals(Files.readString(b.resolve(f)), Files.readString(a.resolve(f)), f);
        }
        // Table 1, Model 1: IC 0.652*** (0.138), as README.md shows for the embedded data
        assertTrue(Files.readString(a.resolve("table1.md")).contains("0.652***"), "table1.md");
    }
}
