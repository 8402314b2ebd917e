package org.panelkit.knime.support.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The three target platforms stay consistent by this test (issue 9): panelkit-offline.target (Maven Central only),
 * panelkit-sdk.target (+ the KNIME SDK beside the checkout, what CI builds the KNIME modules against) and
 * panelkit-knime.target (+ KNIME's update site, -Pknime). Every Maven location of the offline target appears,
 * character for character, in the other two; the OSGi test runtime (Equinox launcher, JUnit 5) is the same in
 * both KNIME targets. A library added to one file only (as FastDoubleParser once was, which broke -Pknime) fails here.
 */
class TargetPlatformsTest {
    private static final Pattern LOCATION = Pattern.compile("<location\\b.*?</location>", Pattern.DOTALL);

    static Path targets() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path t = p.resolve("releng/org.panelkit.target");
            if (Files.isDirectory(t)) {
                return t;
            }
        }
        throw new AssertionError("releng/org.panelkit.target not found above " + Paths.get("").toAbsolutePath());
    }

    static List<String> locations(final String file) throws IOException {
        String xml = Files.readString(targets().resolve(file));
        List<String> out = new ArrayList<>();
        Matcher m = LOCATION.matcher(xml);
        while (m.find()) {
            out.add(m.group().replaceAll("\\s+", " "));
        }
        assertFalse(out.isEmpty(), file + " has no locations");
        return out;
    }

    @Test
    void everyOfflineLocationIsInBothKnimeTargets() throws IOException {
        List<String> offline = locations("panelkit-offline.target");
        assertTrue(offline.stream().allMatch(l -> l.contains("type=\"Maven\"")), "the offline target is Maven only");
        assertTrue(offline.stream().anyMatch(l -> l.contains("fastdoubleparser")));
        for (String file : List.of("panelkit-sdk.target", "panelkit-knime.target")) {
            List<String> other = locations(file);
            for (String l : offline) {
                assertTrue(other.contains(l), file + " lacks the offline location " + l);
            }
        }
    }

    @Test
    void bothKnimeTargetsHaveTheSameTestRuntime() throws IOException {
        List<String> sdk = testRuntime(locations("panelkit-sdk.target"));
        List<String> knime = testRuntime(locations("panelkit-knime.target"));
        assertEquals(2, sdk.size(), "Equinox launcher and JUnit 5");
        assertEquals(sdk, knime);
    }

    @Test
    void eachKnimeTargetNamesItsKnime() throws IOException {
        List<String> sdk = locations("panelkit-sdk.target");
        assertTrue(sdk.stream().anyMatch(l -> l.contains("/../shared/knime-sdk/${system_property:knime.sdk}/repository")
            && l.contains("org.knime.sdk.kruntime.feature.group")));
        List<String> knime = locations("panelkit-knime.target");
        assertTrue(knime.stream().anyMatch(l -> l.contains("https://update.knime.com/analytics-platform/")
            && l.contains("org.knime.features.core.feature.group")
            && l.contains("org.knime.workbench.repository")));
        // nothing but the offline locations, the KNIME location and the test runtime
        assertEquals(locations("panelkit-offline.target").size() + 3, sdk.size());
        assertEquals(sdk.size(), knime.size());
    }

    private static List<String> testRuntime(final List<String> locations) {
        return locations.stream().filter(l -> l.contains("label=\"Equinox launcher\"") || l.contains("label=\"JUnit 5\""))
            .toList();
    }
}
