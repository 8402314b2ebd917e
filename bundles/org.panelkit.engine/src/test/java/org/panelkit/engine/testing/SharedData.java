package org.panelkit.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;

/**
 * Locates the project's read-only reference folder {@code shared/} (beside the repository clone, or named by
 * the environment variable PANELKIT_SHARED) and reads its simple CSV files (no quoting; empty, NA and NaN are
 * missing). Columns that are all numbers become numeric columns, the rest key columns.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path shared() {
        String env = System.getenv("PANELKIT_SHARED");
        if (env != null) {
            return Paths.get(env);
        }
        Path p = Paths.get("").toAbsolutePath();
        while (p != null) {
            Path candidate = p.resolve("shared").resolve("oracle");
            if (Files.isDirectory(candidate)) {
                return p.resolve("shared");
            }
            p = p.getParent();
        }
        throw new IllegalStateException("cannot find shared/oracle above " + Paths.get("").toAbsolutePath()
                + "; set PANELKIT_SHARED");
    }

    public static Path oracle(String relative) {
        return shared().resolve("oracle").resolve(relative);
    }

    public static Columns readCsv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = lines.get(0).split(",", -1);
        int rows = lines.size() - 1;
        String[][] cells = new String[header.length][rows];
        for (int r = 0; r < rows; r++) {
            String[] parts = lines.get(r + 1).split(",", -1);
            for (int c = 0; c < header.length; c++) {
                cells[c][r] = parts[c];
            }
        }
        Columns out = new Columns(rows);
        for (int c = 0; c < header.length; c++) {
            double[] num = new double[rows];
            boolean numeric = true;
            for (int r = 0; r < rows && numeric; r++) {
                String s = cells[c][r];
                if (s.isEmpty() || s.equals("NA") || s.equals("NaN")) {
                    num[r] = Double.NaN;
                } else {
                    try {
                        num[r] = Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        numeric = false;
                    }
                }
            }
            if (numeric) {
                out.addNumeric(header[c], num);
            } else {
                out.addKey(header[c], KeyColumn.ofStrings(header[c], cells[c]));
            }
        }
        return out;
    }

    public static List<Path> list(Path dir, String glob) {
        List<Path> out = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(dir, glob)) {
            stream.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return out;
    }
}
