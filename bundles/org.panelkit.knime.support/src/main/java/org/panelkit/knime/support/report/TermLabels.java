package org.panelkit.knime.support.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text options of the report nodes: variable labels as lines {@code TERM = Label} (as the {@code term,label}
 * CSV of {@code panelkit table --var-labels}), term lists separated by commas, note lines.
 */
public final class TermLabels {
    private TermLabels() {
    }

    /**
     * Parses lines {@code TERM = Label} (blank lines and lines starting with {@code #} are skipped; the first
     * {@code =} separates term and label; blanks around both are removed).
     *
     * @param option the option's name for messages
     * @throws IllegalArgumentException naming the line to fix
     */
    public static Map<String, String> parse(String text, String option) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String where = option + ", line " + (i + 1) + " '" + line + "'";
            if (eq < 0) {
                throw new IllegalArgumentException(where + ": write TERM = Label, e.g. IC = Industrial Cluster (IC)");
            }
            String term = line.substring(0, eq).strip();
            String label = line.substring(eq + 1).strip();
            if (term.isEmpty() || label.isEmpty()) {
                throw new IllegalArgumentException(where + ": term and label must not be empty (TERM = Label)");
            }
            if (out.containsKey(term)) {
                throw new IllegalArgumentException(where + ": " + term + " is labelled twice; keep one line");
            }
            out.put(term, label);
        }
        return out;
    }

    /** Merges label maps; a later map's entries win (e.g. the text field over an input table). */
    @SafeVarargs
    public static Map<String, String> merge(Map<String, String>... maps) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, String> m : maps) {
            out.putAll(m);
        }
        return out;
    }

    /** Comma-separated names, blanks removed, empty entries skipped. */
    public static List<String> list(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Non-blank lines, stripped. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String l : text.split("\\R")) {
                if (!l.isBlank()) {
                    out.add(l.strip());
                }
            }
        }
        return out;
    }
}
