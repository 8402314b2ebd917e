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
 * Runs an R script that computes a fresh reference. R and its packages are installed by
 * releng/ci/install-test-deps.sh (which .ci/run calls): under CI (environment CI=true) a missing R or package
 * fails the test; elsewhere the test is reported as skipped (a JUnit 5 assumption, per test, never a silently
 * empty class) with the reason and what to install.
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

    private static final java.util.Map<String, Boolean> PACKAGES = new java.util.concurrent.ConcurrentHashMap<>();

    /** True under CI (environment variable CI=true): missing tools fail instead of skipping. */
    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Skips the calling test (fails it under CI) unless Rscript and every R package in {@code packages} are
     * installed. Call it in each test or in a {@code @BeforeEach}, not in {@code @BeforeAll}: an assumption
     * there hides the class's tests instead of reporting them as skipped.
     */
    public static void requireR(String... packages) {
        if (!available()) {
            missing("Rscript not found");
        }
        List<String> absent = new ArrayList<>();
        for (String pkg : packages) {
            if (!PACKAGES.computeIfAbsent(pkg, RScript::installed)) {
                absent.add(pkg);
            }
        }
        if (!absent.isEmpty()) {
            missing("R package" + (absent.size() == 1 ? "" : "s") + " " + String.join(", ", absent) + " not installed");
        }
    }

    private static void missing(String what) {
        String how = what + ": run releng/ci/install-test-deps.sh (as root) or install the Debian packages it lists";
        if (underCi()) {
            fail(how + " (CI=true: the R reference tests must run)");
        }
        Assumptions.assumeTrue(false, how);
    }

    private static boolean installed(String pkg) {
        try {
            Process p = new ProcessBuilder("Rscript", "-e", "quit(status = if (requireNamespace('" + pkg
                    + "', quietly = TRUE)) 0 else 1)").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The packages a script loads with library(NAME). */
    static String[] packagesOf(Class<?> anchor, String script) throws IOException {
        List<String> out = new ArrayList<>();
        try (var in = anchor.getResourceAsStream(script)) {
            if (in == null) {
                return new String[0];
            }
            var m = java.util.regex.Pattern.compile("library\\(([A-Za-z0-9.]+)\\)")
                    .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out.toArray(new String[0]);
    }

    /** Copies the classpath resource {@code script} to a temp dir and runs it with the given arguments. */
    public static void run(Class<?> anchor, String script, Path workDir, String... args) throws IOException,
            InterruptedException {
        requireR(packagesOf(anchor, script));
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
