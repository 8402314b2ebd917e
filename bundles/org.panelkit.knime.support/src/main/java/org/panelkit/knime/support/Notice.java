package org.panelkit.knime.support;

import java.util.List;
import java.util.Optional;

/**
 * What a node tells the user after it ran, KNIME-free: a one-line summary (the node's warning as KNIME shows it on
 * the node), the details (one line each: the engine's warning texts) and resolutions (what to change, where there
 * is something to change). The KNIME bundle turns it into KNIME's {@code Message} (summary, issue, resolutions).
 *
 * @param summary one line, e.g. "3 rows dropped for missing values; 1 regressor dropped"
 * @param details the full texts, one per line (may be empty)
 * @param resolutions what the user can change (may be empty)
 */
public record Notice(String summary, List<String> details, List<String> resolutions) {

    public Notice {
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("a notice needs a summary");
        }
        details = List.copyOf(details);
        resolutions = List.copyOf(resolutions);
    }

    /**
     * The notice of a list of warnings without a more specific summary: none for no warnings; one warning is the
     * summary; several give the first as summary with the count of the others, every warning in the details.
     */
    public static Optional<Notice> of(List<String> warnings) {
        if (warnings.isEmpty()) {
            return Optional.empty();
        }
        if (warnings.size() == 1) {
            return Optional.of(new Notice(warnings.get(0), List.of(), List.of()));
        }
        int more = warnings.size() - 1;
        return Optional.of(new Notice(warnings.get(0) + " (and " + more + " more warning" + (more == 1 ? "" : "s")
                + ": see the details)", warnings, List.of()));
    }

    /** The verbs with which PanelKit's messages name the fix after the last ": " ("...: choose two columns"). */
    private static final java.util.regex.Pattern FIX = java.util.regex.Pattern.compile(
            ": ((?:choose|enter|remove|select|set|add|use|connect|change|rename|give|pick|leave|fill|raise|lower|"
                    + "check|drop|keep|make|include|exclude|sort|convert)\\b[^:]*)$");

    /**
     * The notice of an error message in PanelKit's form "what is wrong: what to do": the fix after the last ": "
     * (when it starts with a verb such as choose, enter, remove, set) becomes the resolution (capitalized, with a
     * full stop), the rest the summary; a message without a fix is the summary alone.
     */
    public static Notice ofError(String message) {
        String m = message == null || message.isBlank() ? "unknown problem" : message.strip();
        var fix = FIX.matcher(m);
        if (fix.find() && fix.start() > 0) {
            String resolution = fix.group(1).strip();
            resolution = Character.toUpperCase(resolution.charAt(0)) + resolution.substring(1)
                    + (resolution.endsWith(".") ? "" : ".");
            return new Notice(capitalize(m.substring(0, fix.start())), List.of(), List.of(resolution));
        }
        return new Notice(capitalize(m), List.of(), List.of());
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "1 regressor" / "3 regressors". */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
