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
 * Locates the repository's reference data {@code testdata/oracle/} (R plm, sandwich, clubSandwich and zoo results
 * on public panels; provenance in testdata/oracle/PROVENANCE.md) by walking up from the working directory to the
 * repository root, and reads its simple CSV files (no quoting; empty, NA and NaN are missing). Columns that are
 * all numbers become numeric columns, the rest key columns. Nothing outside the repository is read.
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

    /** A file of {@code testdata/oracle/}, e.g. {@code oracle("data/Produc.csv")}. */
    public static Path oracle(String relative) {
        return testdata().resolve("oracle").resolve(relative);
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
