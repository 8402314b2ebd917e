package org.panelkit.knime.support.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panelkit.knime.support.report.OutputFiles.Overwrite;

/** Issue 10: where the report nodes write (paths, knime:// URLs), overwrite policy, missing folders. */
class OutputFilesTest {

    private static OutputFiles.Context context(Path workflow, Path mountpoint) {
        return new OutputFiles.Context() {
            @Override
            public Path workflowFolder() {
                return workflow;
            }

            @Override
            public Path resolveKnimeUrl(String url) throws IOException {
                if (url.startsWith("knime://LOCAL/")) {
                    return mountpoint.resolve(url.substring("knime://LOCAL/".length()));
                }
                if (url.startsWith("knime://broken/")) {
                    throw new IOException("no such mountpoint");
                }
                return null;
            }
        };
    }

    private static Map<String, byte[]> two() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("md", "markdown".getBytes(StandardCharsets.UTF_8));
        m.put("csv", "a,b".getBytes(StandardCharsets.UTF_8));
        return m;
    }

    @Test
    void locationsResolveAgainstTheWorkflow(@TempDir Path dir) {
        Path wf = dir.resolve("My Workflow");
        var c = context(wf, dir.resolve("mount"));
        assertEquals(wf.resolve("output/table1"), OutputFiles.at("output/table1").base(c));
        assertEquals(wf.resolve("output/table 1"), OutputFiles.at("knime://knime.workflow/output/table%201").base(c));
        assertEquals(wf.resolve("t"), OutputFiles.at(" knime://knime.workflow/x/../t ").base(c));
        assertEquals(dir.resolve("mount/reports/t1"), OutputFiles.at("knime://LOCAL/reports/t1").base(c));
        assertEquals(dir.resolve("abs/t1"), OutputFiles.at(dir.resolve("abs/t1").toString()).base(c));
        assertEquals(dir.resolve("abs/t1"), OutputFiles.at(dir.resolve("abs/t1").toUri().toString()).base(c));
        assertEquals(List.of(wf.resolve("out/t.md"), wf.resolve("out/t.csv")),
                OutputFiles.at("out/t").files(c, List.of("md", "csv")));
    }

    @Test
    void badLocationsNameTheFix(@TempDir Path dir) {
        var c = context(dir, dir);
        var none = OutputFiles.folderContext(null);
        assertEquals("no output file given: enter a path without extension (absolute, relative to the workflow, or a "
                + "knime://knime.workflow/... URL) or switch off 'Write files'", message(OutputFiles.at(" "), c));
        assertEquals("the output location 'out/t' is relative to the workflow, but the workflow has no local folder: "
                + "enter an absolute path", message(OutputFiles.at("out/t"), none));
        assertTrue(message(OutputFiles.at("knime://knime.workflow/t"), none).contains("has no local folder"));
        assertEquals("the output location 'knime://hub/space/t' is not a local file (KNIME can write reports only to "
                + "local files here): use a knime://knime.workflow/... URL or a local path",
                message(OutputFiles.at("knime://hub/space/t"), c));
        assertEquals("the output location 'knime://broken/t' cannot be resolved: no such mountpoint: use a "
                + "knime://knime.workflow/... URL or a local path", message(OutputFiles.at("knime://broken/t"), c));
        assertEquals("the output location 'https://example.org/t' uses a protocol PanelKit cannot write to: enter a "
                + "local path or a knime://knime.workflow/... URL", message(OutputFiles.at("https://example.org/t"), c));
        assertTrue(message(OutputFiles.at("file:relative"), c).startsWith("the output location 'file:relative' is "
                + "not a valid file URL"), message(OutputFiles.at("file:relative"), c));
        assertEquals("the output location 'knime://knime.workflow/' names a folder, not a file: add a file name "
                + "without extension, e.g. knime://knime.workflow/table1",
                message(OutputFiles.at("knime://knime.workflow/"), c));
    }

    private static String message(OutputFiles f, OutputFiles.Context c) {
        return assertThrows(IllegalArgumentException.class, () -> f.base(c)).getMessage();
    }

    @Test
    void overwritePolicyFail(@TempDir Path dir) throws Exception {
        var c = context(dir, dir);
        OutputFiles f = new OutputFiles("t", Overwrite.FAIL, false);
        assertEquals(List.of(dir.resolve("t.md"), dir.resolve("t.csv")), f.write(c, two()));
        Files.writeString(dir.resolve("t.md"), "old");
        Files.delete(dir.resolve("t.csv"));
        var e = assertThrows(IllegalArgumentException.class, () -> f.write(c, two()));
        assertEquals(dir.resolve("t.md") + " exists: choose 'Overwrite' under 'If files exist' or another output "
                + "file", e.getMessage());
        assertEquals("old", Files.readString(dir.resolve("t.md")));
        assertFalse(Files.exists(dir.resolve("t.csv")), "nothing is written when one file exists");
    }

    @Test
    void overwritePolicyOverwrite(@TempDir Path dir) throws Exception {
        var c = context(dir, dir);
        Files.writeString(dir.resolve("t.md"), "old");
        new OutputFiles("t", Overwrite.OVERWRITE, false).write(c, two());
        assertEquals("markdown", Files.readString(dir.resolve("t.md")));
        assertArrayEquals("a,b".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(dir.resolve("t.csv")));
        Files.createDirectories(dir.resolve("d.md"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new OutputFiles("d", Overwrite.OVERWRITE, false).write(c, two()));
        assertEquals(dir.resolve("d.md") + " is a folder: choose another output file", e.getMessage());
    }

    @Test
    void createMissingFolders(@TempDir Path dir) throws Exception {
        var c = context(dir, dir);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new OutputFiles("a/b/t", Overwrite.FAIL, false).write(c, two()));
        assertEquals("the output folder " + dir.resolve("a/b") + " does not exist: create it or tick 'Create missing "
                + "folders'", e.getMessage());
        assertFalse(Files.exists(dir.resolve("a")));
        new OutputFiles("a/b/t", Overwrite.FAIL, true).write(c, two());
        assertTrue(Files.isRegularFile(dir.resolve("a/b/t.csv")));
        Files.writeString(dir.resolve("f"), "x");
        e = assertThrows(IllegalArgumentException.class,
                () -> new OutputFiles("f/t", Overwrite.FAIL, true).write(c, two()));
        assertEquals("the output folder " + dir.resolve("f") + " is a file: choose another location", e.getMessage());
    }
}
