package org.panelkit.cli.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panelkit.cli.Main;
import org.w3c.dom.Element;

/**
 * The example KNIME workflows in workflows/ (issue 6), checked without KNIME.
 * <p>
 * The structural checks live in releng/workflows/check.py (Python 3 standard library; CI has python3): KNIME's
 * config XML format and keys, known KNIME factories, the PanelKit nodes' settings keys against their
 * NodeParameters sources, connections and ports, flow variables, columns, embedded data, the .knwf archives, and
 * that regenerating gives identical bytes. This class runs it, and checks independently in Java that every XML
 * file parses, that the .knwf archives hold exactly the workflow folders and that the expected tables are what
 * {@code panelkit reproduce} writes today.
 */
class ExampleWorkflowsTest {
    private static final String REGENERATE = "python3 releng/workflows/generate.py";

    static Path repoRoot() {
        Path p = Paths.get("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("releng/workflows/workflows.json"))) {
            p = p.getParent();
        }
        assertNotNull(p, "repository root with releng/workflows/workflows.json not found above "
                + Paths.get("").toAbsolutePath());
        return p;
    }

    private static String python(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("python3");
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(repoRoot().toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("python3 is needed to check the example workflows: " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "python3 " + String.join(" ", args) + " timed out");
        return "exit " + p.exitValue() + "\n" + out;
    }

    /** Everything except the registration of not-yet-written PanelKit nodes (reported as PENDING). */
    @Test
    void workflowsHaveTheStructureOfKnimeWorkflowsAndRegenerateIdentically() throws Exception {
        String out = python("releng/workflows/check.py", "--allow-provisional");
        assertTrue(out.startsWith("exit 0\n"), "releng/workflows/check.py found problems (fix workflows.json or "
                + "the generator, then run " + REGENERATE + "):\n" + out);
    }

    /**
     * Every PanelKit node the workflows use must be registered in bundles/org.panelkit.knime/plugin.xml with the
     * settings keys the workflows write. Fails while the nodes of issue 5 are still missing; with
     * -Dpanelkit.workflows.allowProvisional=true the missing registrations are only printed.
     */
    @Test
    void everyPanelKitNodeOfTheWorkflowsIsRegistered() throws Exception {
        String out = python("releng/workflows/check.py", "--no-regenerate");
        if (Boolean.getBoolean("panelkit.workflows.allowProvisional")) {
            System.out.println(out);
            return;
        }
        assertTrue(out.startsWith("exit 0\n"), "the example workflows use PanelKit nodes that plugin.xml does not "
                + "register or whose settings differ:\n" + out);
    }

    /** The checker itself: releng/workflows/test_check.py breaks copies of a workflow in 18 ways. */
    @Test
    void theCheckerCatchesBrokenWorkflows() throws Exception {
        String out = python("releng/workflows/test_check.py");
        assertTrue(out.startsWith("exit 0\n"), "releng/workflows/test_check.py failed:\n" + out);
    }

    @Test
    void everyXmlFileParsesAndEveryKnwfHoldsExactlyItsFolder() throws Exception {
        Path workflows = repoRoot().resolve("workflows");
        List<Path> folders;
        try (Stream<Path> s = Files.list(workflows)) {
            folders = s.filter(p -> Files.isRegularFile(p.resolve("workflow.knime"))).sorted().toList();
        }
        assertFalse(folders.isEmpty(), "no workflow folders in " + workflows + ": run " + REGENERATE);
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        for (Path folder : folders) {
            Map<String, byte[]> files = new TreeMap<>();
            try (Stream<Path> s = Files.walk(folder)) {
                for (Path f : s.filter(Files::isRegularFile).toList()) {
                    files.put(folder.getFileName() + "/" + folder.relativize(f).toString().replace('\\', '/'),
                            Files.readAllBytes(f));
                    String name = f.getFileName().toString();
                    if (name.equals("workflow.knime") || name.equals("settings.xml")) {
                        Element root = dbf.newDocumentBuilder().parse(f.toFile()).getDocumentElement();
                        assertEquals("config", root.getLocalName(), f + ": root element");
                        assertEquals("http://www.knime.org/2008/09/XMLConfig", root.getNamespaceURI(), f + ": namespace");
                        assertEquals(name, root.getAttribute("key"), f + ": root key");
                    } else if (name.endsWith(".xml") || name.endsWith(".meta")) {
                        dbf.newDocumentBuilder().parse(f.toFile());
                    }
                }
            }
            Path knwf = workflows.resolve(folder.getFileName() + ".knwf");
            assertTrue(Files.isRegularFile(knwf), knwf + " missing: run " + REGENERATE);
            Map<String, byte[]> zipped = new TreeMap<>();
            try (InputStream in = Files.newInputStream(knwf); ZipInputStream z = new ZipInputStream(in)) {
                for (ZipEntry e; (e = z.getNextEntry()) != null;) {
                    assertTrue(e.getName().startsWith(folder.getFileName() + "/"), knwf + ": entry " + e.getName()
                            + " is not inside the folder " + folder.getFileName() + "/");
                    if (!e.isDirectory()) {
                        zipped.put(e.getName(), z.readAllBytes());
                    }
                }
            }
            assertEquals(files.keySet(), zipped.keySet(), knwf + " does not hold exactly the files of " + folder);
            for (String k : files.keySet()) {
                assertTrue(java.util.Arrays.equals(files.get(k), zipped.get(k)), knwf + ": " + k
                        + " differs from the folder: run " + REGENERATE);
            }
        }
    }

    /**
     * The workflows' expected tables (releng/workflows/expected) are what `panelkit reproduce` writes today, and the
     * workflows' data preparation (interpolation, location quotients, the Expression formulas, replayed by
     * releng/workflows/semantics.py from the generated settings) gives reproduce's panel.csv.
     */
    @Test
    void expectedTablesAndStudyPanelAreWhatReproduceWrites(@TempDir Path tmp) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"reproduce", "--out", tmp.toString()}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertEquals(0, code, "panelkit reproduce failed:\n" + err);
        Path expected = repoRoot().resolve("releng/workflows/expected");
        List<Path> files;
        try (Stream<Path> s = Files.list(expected)) {
            files = s.filter(p -> p.getFileName().toString().endsWith("_coefficients.csv")).sorted().toList();
        }
        assertEquals(11, files.size(), "expected one coefficient table per model in " + expected);
        for (Path f : files) {
            Path written = tmp.resolve("models").resolve(f.getFileName());
            if (!Files.isRegularFile(written)) {
                fail("panelkit reproduce wrote no " + written.getFileName());
            }
            assertEquals(Files.readString(written), Files.readString(f), f.getFileName() + " differs from what "
                    + "`panelkit reproduce` writes: refresh with ./panelkit reproduce --out DIR && " + REGENERATE
                    + " --expected DIR");
        }
        for (int t = 1; t <= 4; t++) { // the labelled regression tables the KNIME tests compare the workflows with
            Path f = expected.resolve("table" + t + ".csv");
            assertTrue(Files.isRegularFile(f), f + " missing: " + REGENERATE + " --expected DIR");
            assertEquals(Files.readString(tmp.resolve(f.getFileName())), Files.readString(f), f.getFileName()
                    + " differs from what `panelkit reproduce` writes: refresh with ./panelkit reproduce --out DIR && "
                    + REGENERATE + " --expected DIR");
        }
        String replay = python("releng/workflows/semantics.py", tmp.resolve("panel.csv").toString());
        assertTrue(replay.startsWith("exit 0\n"), "the workflows' data preparation does not give the study panel of "
                + "`panelkit reproduce` (fix the expressions in releng/workflows/workflows.json):\n" + replay);
    }
}
