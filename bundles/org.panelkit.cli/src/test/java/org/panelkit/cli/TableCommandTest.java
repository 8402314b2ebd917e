package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.report.ModelSummary;
import org.panelkit.engine.report.RegressionTable;
import org.panelkit.engine.report.TableOptions;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * {@code panelkit table} end to end: models fitted with {@code panelkit fe --format json} into files, then tables
 * in every format; the model file read back equals the fit; CSV round-trips through FastCSV; errors are one line.
 */
class TableCommandTest {
    @TempDir
    Path dir;

    static final Path twoway = FittedModels.TWOWAY;
    static final Path entityCr2 = FittedModels.ENTITY_CR2;
    static final Path dk = FittedModels.DK;

    private static String models() {
        return FittedModels.all();
    }

    @Test
    void modelFileReadsBackAsTheFit() throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(twoway)).getAsJsonObject();
        ModelSummary s = ModelFiles.read(twoway, "A");
        assertEquals("A", s.label());
        assertEquals("ln_gsp", s.dependentVariable());
        assertEquals(816, s.observations());
        assertEquals(48, s.groups());
        assertEquals(List.of(48), s.clusters());
        assertEquals(List.of("state"), s.clusterColumns());
        assertEquals("cluster", s.seType());
        assertTrue(s.entityEffects() && s.timeEffects());
        assertEquals(json.get("r2_within").getAsDouble(), s.r2Within());
        Coefficient pc = s.coefficient("ln_pc");
        JsonObject jpc = json.getAsJsonArray("coefficients").get(1).getAsJsonObject();
        assertEquals(jpc.get("estimate").getAsDouble(), pc.estimate());
        assertEquals(jpc.get("std_error").getAsDouble(), pc.stdError());
        assertEquals(jpc.get("p_value").getAsDouble(), pc.pValue());
        assertEquals(47, pc.df());
        assertEquals(json.getAsJsonObject("constant").get("estimate").getAsDouble(), s.constant().estimate());
        ModelSummary e = ModelFiles.read(entityCr2, null);
        assertTrue(e.entityEffects() && !e.timeEffects());
        assertEquals("cr2", e.seType());
    }

    @Test
    void markdownToStandardOutputWithLabelsAndVariableLabels() throws IOException {
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "term,label\nln_pc,Private capital (log)\nln_gsp,GSP (log)\n\nunemp,\"Unemployment, %\"\n");
        CliRunner r = CliRunner.run("table", "--models", models(), "--labels", "Two-way FE,Entity FE,DK",
                "--var-labels", labels.toString(), "--format", "md");
        assertEquals(0, r.code, r.toString());
        String[] lines = r.out.split("\n");
        assertTrue(lines[0].matches("\\|\\s+\\| Two-way FE\\s+\\| Entity FE\\s+\\| DK\\s+\\|"), lines[0]);
        assertTrue(r.out.contains("| Private capital (log) | 0.169*"), r.out);
        assertTrue(r.out.contains("| Unemployment, %"), r.out);
        assertTrue(r.out.contains("| GSP (log)"), r.out);
        assertTrue(r.out.contains("| Std. errors           | Cluster (CR1) | Cluster (CR2)"), r.out);
        assertTrue(r.out.contains("| Observations          | 816"), r.out);
        assertTrue(r.out.contains("Driscoll-Kraay (plm)"), r.out);
    }

    @Test
    void csvRoundTripsThroughFastCsvAndEqualsTheGrid() throws IOException {
        Path labels = dir.resolve("labels2.csv");
        Files.writeString(labels, "ln_pcap,\"Public capital, \"\"log\"\"\"\nln_emp,Employment\n");
        Path out = dir.resolve("t.csv");
        CliRunner r = CliRunner.run("table", "--models", models(), "--labels", "\"East, pre-2017\",B,C",
                "--var-labels", labels.toString(), "--format", "csv", "--out", out.toString());
        assertEquals(0, r.code, r.toString());
        assertEquals("", r.out);
        List<List<String>> read = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(Files.readString(out))) {
            for (CsvRecord rec : reader) {
                read.add(rec.getFields());
            }
        }
        RegressionTable expected = RegressionTable.of(ModelFiles.read(List.of(twoway, entityCr2, dk),
                List.of("East, pre-2017", "B", "C")), TableOptions.builder()
                        .variableLabels(ModelFiles.variableLabels(labels)).build());
        assertEquals(expected.grid(), read);
        assertEquals("East, pre-2017", read.get(0).get(1));
        assertEquals("Public capital, \"log\"", read.get(2).get(0));
    }

    @Test
    void latexAndHtmlFilesAndOptions() throws IOException {
        Path tex = dir.resolve("t.tex");
        CliRunner r = CliRunner.run("table", "--models", models(), "--keep", "ln_pc,ln_emp", "--stat", "t",
                "--decimals", "2", "--title", "Produc & co", "--r2", "lsdv", "--entity-label", "State effects",
                "--format", "tex", "--out", tex.toString());
        assertEquals(0, r.code, r.toString());
        String t = Files.readString(tex);
        assertTrue(t.contains("\\caption{Produc \\& co}"), t);
        assertTrue(t.contains("\\toprule") && t.contains("\\bottomrule") && t.contains("threeparttable"));
        assertTrue(t.contains("ln\\_pc & 0.17* & 0.29*** & 0.16**"), t);
        assertTrue(t.contains("State effects & Yes & Yes & Yes"), t);
        assertTrue(t.contains("R\\textsuperscript{2} (LSDV)"), t);
        assertTrue(t.contains("t statistics in parentheses"));
        assertTrue(!t.contains("unemp") && !t.contains("ln\\_pcap"));
        CliRunner plain = CliRunner.run("table", "--models", twoway.toString(), "--format", "tex", "--tex-style",
                "tabular", "--drop", "_cons", "--no-depvar", "--stars", "none", "--note", "Source: plm.");
        assertEquals(0, plain.code, plain.toString());
        assertTrue(plain.out.startsWith("% PanelKit") && !plain.out.contains("\\begin{table}"), plain.out);
        assertTrue(!plain.out.contains("Constant") && !plain.out.contains("Dependent variable"));
        assertTrue(plain.out.contains("ln\\_emp & 0.769 \\\\") && plain.out.contains("Source: plm."), plain.out);
        Path html = dir.resolve("t.html");
        r = CliRunner.run("table", "--models", models(), "--labels", "<East>,B,C", "--format", "html", "--out",
                html.toString());
        assertEquals(0, r.code, r.toString());
        String h = Files.readString(html);
        assertTrue(h.startsWith("<!DOCTYPE html>") && h.contains("<th>&lt;East&gt;</th>"), h);
    }

    @Test
    void badInputIsOneErrorLine() throws IOException {
        Path notJson = dir.resolve("bad.json");
        Files.writeString(notJson, "Fixed-effects regression: entity and time effects\n");
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"rows\": 3}");
        Path badLabels = dir.resolve("bad_labels.csv");
        Files.writeString(badLabels, "ln_pc,a,b\n");
        String[][] cases = {
            {"cannot read model file", "table", "--models", dir.resolve("missing.json").toString(), "--format", "md"},
            {"is not valid JSON", "table", "--models", notJson.toString(), "--format", "md"},
            {"no 'coefficients'", "table", "--models", other.toString(), "--format", "md"},
            {"--labels gives 1 label(s) for 2 model file(s)", "table", "--models", twoway + "," + dk, "--labels",
                "A", "--format", "md"},
            {"keep: no model has the term 'IC'", "table", "--models", twoway.toString(), "--keep", "IC", "--format",
                "md"},
            {"unknown table format 'docx'", "table", "--models", twoway.toString(), "--format", "docx"},
            {"unknown statistic 'p'", "table", "--models", twoway.toString(), "--stat", "p", "--format", "md"},
            {"expected 2 fields", "table", "--models", twoway.toString(), "--var-labels", badLabels.toString(),
                "--format", "md"},
            {"decimals must be between 0 and 10", "table", "--models", twoway.toString(), "--decimals", "12",
                "--format", "md"},
            {"star thresholds must decrease", "table", "--models", twoway.toString(), "--stars", "0.01,0.1",
                "--format", "md"},
            {"no such directory", "table", "--models", twoway.toString(), "--format", "md", "--out",
                dir.resolve("no/such/dir/t.md").toString()},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            CliRunner r = CliRunner.run(args);
            assertEquals(Main.BAD_INPUT, r.code, r.toString());
            assertTrue(r.err.startsWith("error: ") && r.err.contains(c[0]), c[0] + " / " + r.err);
            assertEquals(1, r.err.strip().split("\n").length, r.err);
        }
    }
}
