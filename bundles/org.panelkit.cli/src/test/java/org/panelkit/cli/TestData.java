package org.panelkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The repository's reference data {@code testdata/oracle/} (R plm, sandwich, clubSandwich and zoo results on public
 * panels; provenance in testdata/oracle/PROVENANCE.md), found by walking up from the working directory to the
 * repository root. Nothing outside the repository is read.
 */
public final class TestData {
    private TestData() {
    }

    /** The repository's {@code testdata/} folder. */
    public static Path testdata() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("testdata");
            if (Files.isRegularFile(candidate.resolve("oracle").resolve("README.md"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the repository's testdata/oracle above "
                + Paths.get("").toAbsolutePath());
    }

    /** A file of {@code testdata/oracle/}, e.g. {@code oracle("expected/Produc__cd_twoways.json")}. */
    public static Path oracle(String relative) {
        return testdata().resolve("oracle").resolve(relative);
    }
}
