package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The code examples of README.md, docs/ and workflows/ run on a clone with nothing beside it, and print what the
 * documentation shows (issue 14). The work is done by releng/docs/check_doc_examples.py (Python 3 standard
 * library; CI has python3): each page runs in an empty temporary folder where {@code ./panelkit} is this build's
 * command line (this test's class path: the classes and the shipped datasets, before the jar exists).
 */
class DocExamplesTest {
    static Path repoRoot() {
        Path p = Paths.get("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("releng/docs/check_doc_examples.py"))) {
            p = p.getParent();
        }
        assertNotNull(p, "repository root with releng/docs/check_doc_examples.py not found above "
                + Paths.get("").toAbsolutePath());
        return p;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Test
    void documentedExamplesRunAndPrintWhatTheDocsShow() throws IOException, InterruptedException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String panelkit = quote(java) + " -Xss8m -cp " + quote(System.getProperty("java.class.path"))
                + " org.panelkit.cli.Main";
        Process p;
        try {
            p = new ProcessBuilder(List.of("python3", "releng/docs/check_doc_examples.py", "--panelkit", panelkit))
                    .directory(repoRoot().toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("python3 is needed to check the documentation's examples: " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "check_doc_examples.py timed out");
        assertTrue(p.exitValue() == 0 && out.contains(", 0 problems"),
                "the documentation's examples do not run as documented (fix the docs or the code):\n" + out);
        assertTrue(out.matches("(?s).*doc examples: [1-9][0-9]* documented outputs compared.*"), out);
    }
}
