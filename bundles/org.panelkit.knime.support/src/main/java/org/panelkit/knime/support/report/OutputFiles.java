package org.panelkit.knime.support.report;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a report node writes its files and how: a location without extension (an absolute path, a path relative to
 * the workflow folder, a {@code knime://knime.workflow/...} URL relative to the workflow, another {@code knime://}
 * URL that KNIME resolves to a local file, or a {@code file:} URL), what to do with existing files and whether
 * missing folders are created. The extensions are added per format ({@code <location>.md}, ...).
 *
 * @param location the text of the option
 * @param overwrite {@link Overwrite#FAIL} (KNIME's writer default) or {@link Overwrite#OVERWRITE}
 * @param createFolders whether missing parent folders are created
 */
public record OutputFiles(String location, Overwrite overwrite, boolean createFolders) {

    /** The KNIME URL prefix of files relative to the workflow folder. */
    public static final String WORKFLOW_URL = "knime://knime.workflow/";

    /** What to do when a file to write exists already. */
    public enum Overwrite {
        /** stop with an error naming the file (nothing is written) */
        FAIL,
        /** replace the existing files */
        OVERWRITE
    }

    /** How the node's context resolves locations (KNIME: the workflow folder and KNIME's URL handlers). */
    public interface Context {
        /** The local folder of the workflow, or null when it has none (e.g. a workflow on a remote hub). */
        Path workflowFolder();

        /**
         * A {@code knime://} URL other than {@code knime://knime.workflow/} as a local file, or null if it has none.
         *
         * @throws IOException if KNIME cannot resolve it
         */
        Path resolveKnimeUrl(String url) throws IOException;
    }

    /** A context without KNIME: only absolute paths and {@code file:} URLs, plus a workflow folder if given. */
    public static Context folderContext(Path workflowFolder) {
        return new Context() {
            @Override
            public Path workflowFolder() {
                return workflowFolder;
            }

            @Override
            public Path resolveKnimeUrl(String url) {
                return null;
            }
        };
    }

    /** Files at an absolute path: fail on existing files, create no folders (KNIME's defaults). */
    public static OutputFiles at(String location) {
        return new OutputFiles(location, Overwrite.FAIL, false);
    }

    /**
     * The location as a local path (without extension).
     *
     * @throws IllegalArgumentException naming the fix
     */
    public Path base(Context context) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("no output file given: enter a path without extension (absolute, "
                    + "relative to the workflow, or a knime://knime.workflow/... URL) or switch off 'Write files'");
        }
        String s = location.strip();
        Path p;
        if (s.startsWith(WORKFLOW_URL) || s.equals("knime://knime.workflow")) {
            String rel = s.length() > WORKFLOW_URL.length() ? s.substring(WORKFLOW_URL.length()) : "";
            p = relativeToWorkflow(decode(rel), context);
        } else if (s.regionMatches(true, 0, "knime:", 0, 6)) {
            try {
                p = context.resolveKnimeUrl(s);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("the output location '" + s + "' cannot be resolved: "
                        + e.getMessage() + ": use a knime://knime.workflow/... URL or a local path", e);
            }
            if (p == null) {
                throw new IllegalArgumentException("the output location '" + s + "' is not a local file (KNIME can "
                        + "write reports only to local files here): use a knime://knime.workflow/... URL or a local "
                        + "path");
            }
        } else if (s.regionMatches(true, 0, "file:", 0, 5)) {
            try {
                p = Paths.get(URI.create(s.replace(" ", "%20")));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the output location '" + s + "' is not a valid file URL ("
                        + e.getMessage() + "): write it as file:/home/me/table1 or as a plain path", e);
            }
        } else if (s.contains("://")) {
            throw new IllegalArgumentException("the output location '" + s + "' uses a protocol PanelKit cannot "
                    + "write to: enter a local path or a knime://knime.workflow/... URL");
        } else {
            try {
                p = Paths.get(s);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the output location '" + s + "' is not a valid path: "
                        + e.getMessage(), e);
            }
            if (!p.isAbsolute()) {
                p = relativeToWorkflow(s, context);
            }
        }
        p = p.normalize();
        if (p.getFileName() == null || p.getFileName().toString().isBlank() || s.endsWith("/") || s.endsWith("\\")
                || s.equals("knime://knime.workflow")) {
            throw new IllegalArgumentException("the output location '" + s + "' names a folder, not a file: add a "
                    + "file name without extension, e.g. " + (s.endsWith("/") ? s : s + "/") + "table1");
        }
        return p;
    }

    private static Path relativeToWorkflow(String rel, Context context) {
        Path wf = context.workflowFolder();
        if (wf == null) {
            throw new IllegalArgumentException("the output location '" + rel + "' is relative to the workflow, but "
                    + "the workflow has no local folder: enter an absolute path");
        }
        try {
            return wf.resolve(rel);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the output location '" + rel + "' is not a valid path: "
                    + e.getMessage(), e);
        }
    }

    private static String decode(String s) {
        try {
            return new URI("file:///" + s.replace(" ", "%20")).getPath().substring(1);
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return s;
        }
    }

    /** The files {@code <base>.<extension>}, in the order given. */
    public List<Path> files(Context context, List<String> extensions) {
        Path base = base(context);
        List<Path> out = new ArrayList<>();
        for (String ext : extensions) {
            out.add(base.resolveSibling(base.getFileName() + "." + ext));
        }
        return out;
    }

    /**
     * Writes the contents by extension after checking every target: an existing file with {@link Overwrite#FAIL},
     * or a missing folder without {@link #createFolders()}, stops before anything is written.
     *
     * @return the files written
     * @throws IllegalArgumentException naming the fix
     */
    public List<Path> write(Context context, Map<String, byte[]> contents) throws IOException {
        List<Path> files = files(context, new ArrayList<>(contents.keySet()));
        Path folder = files.get(0).getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            if (Files.exists(folder)) {
                throw new IllegalArgumentException("the output folder " + folder + " is a file: choose another "
                        + "location");
            }
            if (!createFolders) {
                throw new IllegalArgumentException("the output folder " + folder + " does not exist: create it or "
                        + "tick 'Create missing folders'");
            }
        }
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                throw new IllegalArgumentException(f + " is a folder: choose another output file");
            }
            if (Files.exists(f) && overwrite != Overwrite.OVERWRITE) {
                throw new IllegalArgumentException(f + " exists: choose 'Overwrite' under 'If files exist' or "
                        + "another output file");
            }
        }
        if (folder != null) {
            Files.createDirectories(folder);
        }
        Map<Path, byte[]> byFile = new LinkedHashMap<>();
        int i = 0;
        for (byte[] b : contents.values()) {
            byFile.put(files.get(i++), b);
        }
        for (Map.Entry<Path, byte[]> e : byFile.entrySet()) {
            Files.write(e.getKey(), e.getValue());
        }
        return files;
    }

    /** What the node writes, for its description. */
    public static String describe(List<String> extensions) {
        return String.join(", ", extensions.stream().map(e -> "<file>." + e).toList());
    }
}
