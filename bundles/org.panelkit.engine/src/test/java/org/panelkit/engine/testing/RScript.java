package org.panelkit.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs an R script that computes a fresh reference. R (with plm, sandwich, clubSandwich, zoo, jsonlite) is
 * installed by .ci/run: under CI a missing R fails the test; on a developer machine without R the test is
 * skipped with a message saying what to install.
 */
public final class RScript {
    private RScript() {
    }

    public static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "Rscript"))) {
                return true;
            }
        }
        return false;
    }

    public static void requireR() {
        if (!available()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("Rscript not found; .ci/run must install R and the packages in its PACKAGES list");
            }
            Assumptions.assumeTrue(false, "R not installed: install the packages listed in .ci/run (PACKAGES)");
        }
    }

    /** Copies the classpath resource {@code script} to a temp dir and runs it with the given arguments. */
    public static void run(Class<?> anchor, String script, Path workDir, String... args) throws IOException,
            InterruptedException {
        requireR();
        Path file = workDir.resolve(script);
        try (var in = anchor.getResourceAsStream(script)) {
            if (in == null) {
                fail("missing test resource " + script);
            }
            Files.copy(in, file);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add("Rscript");
        cmd.add(file.toString());
        for (String a : args) {
            cmd.add(a);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("R script " + script + " timed out");
        }
        assertEquals(0, p.exitValue(), "R script " + script + " failed:\n" + new String(output, StandardCharsets.UTF_8));
    }
}
