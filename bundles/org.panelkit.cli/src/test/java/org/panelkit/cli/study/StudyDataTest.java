package org.panelkit.cli.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The committed synthetic data equal the generator's output, and have the shape the study needs. */
class StudyDataTest {
    private static final String EXPECTED = StudyDataGenerator.csv(StudyDataGenerator.DEFAULT_SEED);

    static Path repoRoot() {
        Path p = Paths.get("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("workflows"))) {
            p = p.getParent();
        }
        assertNotNull(p, "repository root with workflows/ not found above " + Paths.get("").toAbsolutePath());
        return p;
    }

    @Test
    void committedFilesEqualTheGeneratorOutput() throws IOException {
        assertEquals(EXPECTED, Files.readString(repoRoot().resolve("workflows/data/synthetic_study_raw.csv")),
                "workflows/data/synthetic_study_raw.csv differs from `panelkit study-data`: regenerate it");
        try (InputStream in = StudyDataGenerator.class.getResourceAsStream("synthetic_study_raw.csv")) {
            assertNotNull(in, "embedded synthetic_study_raw.csv missing");
            assertEquals(EXPECTED, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "embedded synthetic_study_raw.csv differs from `panelkit study-data`: regenerate it");
        }
    }

    @Test
    void deterministicPerSeedAndDifferentAcrossSeeds() {
        assertEquals(EXPECTED, StudyDataGenerator.csv(StudyDataGenerator.DEFAULT_SEED));
        assertNotEquals(EXPECTED, StudyDataGenerator.csv(1));
    }

    @Test
    void shapeOfTheStudyPanel() {
        List<String[]> rows = StudyDataGenerator.generate(StudyDataGenerator.DEFAULT_SEED);
        assertEquals(30 * 21, rows.size());
        Set<String> provinces = new HashSet<>();
        Map<String, Set<String>> byRegion = new HashMap<>();
        int missing = 0;
        int cells = 0;
        for (String[] r : rows) {
            provinces.add(r[1]);
            byRegion.computeIfAbsent(r[2], k -> new HashSet<>()).add(r[1]);
            int year = Integer.parseInt(r[3]);
            assertTrue(year >= 2001 && year <= 2021);
            for (int c = 4; c < r.length; c++) {
                cells++;
                if (r[c].isEmpty()) {
                    missing++;
                }
            }
        }
        assertEquals(30, provinces.size());
        assertFalse(provinces.contains("Xizang") || provinces.contains("Tibet"));
        assertEquals(11, byRegion.get("East").size());
        assertEquals(8, byRegion.get("Central").size());
        assertEquals(11, byRegion.get("West").size());
        double share = (double) missing / cells;
        assertTrue(share > 0.04 && share < 0.06, "missing share " + share);
    }

    @Test
    void humanCapitalFollowsPengsPiecewiseReturns() {
        assertEquals(Math.exp(0.134 * 5), StudyDataGenerator.humanCapitalPerWorker(5), 1e-15);
        assertEquals(Math.exp(0.134 * 6 + 0.101 * 3), StudyDataGenerator.humanCapitalPerWorker(9), 1e-15);
        assertEquals(Math.exp(0.134 * 6 + 0.101 * 6 + 0.068 * 2), StudyDataGenerator.humanCapitalPerWorker(14), 1e-15);
    }
}
