package org.panelkit.cli.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10: workflows/batch/run-knime-batch.sh (dry run, no KNIME needed) accepts every advertised se_type value,
 * prints the command lines with the -workflow.variable arguments single-quoted, runs the testflows from
 * workflows/testflows/; docs/batch.md quotes every -workflow.variable argument and advertises the same values.
 */
class BatchScriptTest {
    /** The se_type values of docs/batch.md, the script and the KNIME test that runs each in the workflow. */
    static final List<String> SE_TYPES = List.of("IID", "HC0", "HC1", "CR0", "CLUSTER", "CR2", "TWOWAY",
            "DRISCOLL_KRAAY");

    private static String[] run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", "workflows/batch/run-knime-batch.sh", "--dry-run"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(ExampleWorkflowsTest.repoRoot().toFile()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(1, TimeUnit.MINUTES), "run-knime-batch.sh timed out");
        return new String[] {Integer.toString(p.exitValue()), out};
    }

    @ParameterizedTest(name = "--se-type {0}")
    @CsvSource({"IID,IID", "HC0,HC0", "HC1,HC1", "CR0,CR0", "CLUSTER,CLUSTER", "CR2,CR2", "TWOWAY,TWOWAY",
        "DRISCOLL_KRAAY,DRISCOLL_KRAAY", "dk,DRISCOLL_KRAAY", "cluster,CLUSTER", "twoway,TWOWAY", "iid,IID"})
    void everyAdvertisedSeTypeGivesTheCommandLine(String given, String variable) throws Exception {
        String[] r = run("--se-type", given);
        assertEquals("0", r[0], r[1]);
        for (String w : List.of("PanelKit_Study_1_Benchmark", "PanelKit_Study_All")) {
            assertTrue(r[1].contains("-workflowFile=" + ExampleWorkflowsTest.repoRoot().resolve("workflows/" + w
                    + ".knwf")), r[1]);
        }
        assertEquals(6, r[1].split("-workflow.variable='se_type," + variable + ",String'", -1).length - 1, r[1]);
        assertTrue(r[1].contains("-workflow.variable='data_path,\"knime://knime.workflow/data/synthetic_study_raw.csv\","
                + "String' -workflow.variable='break_year,2017,int'"), r[1]);
    }

    @Test
    void badValuesAreRefusedWithTheFix() throws Exception {
        String[] r = run("--se-type", "HC3");
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].contains("--se-type must be one of IID HC0 HC1 CR0 CLUSTER CR2 TWOWAY DRISCOLL_KRAAY, got "
                + "'HC3'"), r[1]);
        r = run("--break-year", "17");
        assertEquals("2", r[0], r[1]);
    }

    @Test
    void valuesWithCommasAndQuotesArePrintedForTheShell() throws Exception {
        String[] r = run("--workflow", "3", "--data", "knime://knime.mountpoint/My data/raw,2021's.csv");
        assertEquals("0", r[0], r[1]);
        assertTrue(r[1].contains("-workflow.variable='data_path,\"knime://knime.mountpoint/My data/raw,2021'\\''s.csv\","
                + "String'"), r[1]);
    }

    @Test
    void testflowsRunFromTheirFolders() throws Exception {
        String[] r = run("--testflows", "--workflow", "all-in-one");
        assertEquals("0", r[0], r[1]);
        assertTrue(r[1].contains("-workflowDir="), r[1]);
        assertTrue(r[1].contains("/PanelKit_Study_All -nosave"), r[1]);
    }

    @Test
    void docsQuoteEveryWorkflowVariableAndAdvertiseEverySeType() throws Exception {
        String doc = Files.readString(ExampleWorkflowsTest.repoRoot().resolve("docs/batch.md"));
        Matcher m = Pattern.compile("-workflow\\.variable=(\\S*)").matcher(doc);
        int n = 0;
        while (m.find()) {
            String arg = m.group(1);
            if (arg.contains(",") && !arg.startsWith("name,value,type")) {
                assertTrue(arg.startsWith("'"), "docs/batch.md: -workflow.variable=" + arg + " is not single-quoted");
                n++;
            }
        }
        assertTrue(n >= 6, "quoted examples in docs/batch.md: " + n);
        String row = doc.lines().filter(l -> l.startsWith("| `se_type` |")).findFirst().orElseThrow();
        for (String t : SE_TYPES) {
            assertTrue(row.contains("`" + t + "`"), "docs/batch.md se_type row lacks " + t + ": " + row);
        }
        String script = Files.readString(ExampleWorkflowsTest.repoRoot().resolve("workflows/batch/run-knime-batch.sh"));
        assertTrue(script.contains("IID|HC0|HC1|CR0|CLUSTER|CR2|TWOWAY)") && script.contains("DK|DRISCOLL_KRAAY)"),
                "run-knime-batch.sh accepts other se_type values than " + SE_TYPES);
    }
}
