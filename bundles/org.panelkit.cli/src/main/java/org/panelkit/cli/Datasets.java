package org.panelkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.panelkit.engine.PanelKitException;

import picocli.CommandLine;

/**
 * The example datasets shipped inside the command line (like Stata's {@code sysuse} and R's {@code data()}):
 * real public panels from R packages and PanelKit's synthetic demonstration data. Wherever a command takes
 * {@code --data}, {@code @NAME} names one of them (a value starting with {@code @} is always a dataset; write a
 * file whose name starts with {@code @} as {@code ./@file}). The CSV files are resources of this bundle, copied
 * at build time from {@code testdata/oracle} (provenance in testdata/oracle/PROVENANCE.md) and the study data.
 */
public final class Datasets {
    /** One shipped dataset. */
    public static final class Dataset {
        final String name;
        final String file;
        final String resource;
        final String entity;
        final String time;
        final String what;
        final String source;

        Dataset(String name, String file, String resource, String entity, String time, String what, String source) {
            this.name = name;
            this.file = file;
            this.resource = resource;
            this.entity = entity;
            this.time = time;
            this.what = what;
            this.source = source;
        }

        public String name() {
            return name;
        }

        /** The file name it is written under (the name of its reference file in testdata/oracle). */
        public String fileName() {
            return file;
        }

        public String entity() {
            return entity;
        }

        public String time() {
            return time;
        }

        public String what() {
            return what;
        }

        public String source() {
            return source;
        }

        /** The CSV bytes (UTF-8, header row). */
        public byte[] bytes() {
            try (InputStream in = Datasets.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new PanelKitException("dataset @" + name + " is missing from this build (" + resource + ")");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The header's column names. */
        public List<String> columns() {
            String text = new String(bytes(), StandardCharsets.UTF_8);
            int eol = text.indexOf('\n');
            String header = (eol < 0 ? text : text.substring(0, eol)).replace("\r", "");
            return List.of(header.split(",", -1));
        }

        /** Data rows (lines after the header). */
        public int rows() {
            byte[] b = bytes();
            int lines = 0;
            for (byte c : b) {
                if (c == '\n') {
                    lines++;
                }
            }
            if (b.length > 0 && b[b.length - 1] != '\n') {
                lines++;
            }
            return lines - 1;
        }
    }

    private static final String DIR = "/org/panelkit/cli/datasets/";

    /** Every dataset, in the order {@code panelkit datasets} lists them. */
    public static final List<Dataset> ALL = List.of(
            new Dataset("produc", "Produc.csv", DIR + "Produc.csv", "state", "year",
                    "US states' public capital and output 1970-1986, logs added (Munnell 1990)", "R plm 2.6-2"),
            new Dataset("grunfeld", "Grunfeld.csv", DIR + "Grunfeld.csv", "firm", "year",
                    "investment of 10 US firms 1935-1954, logs added (Grunfeld 1958)", "R plm 2.6-2"),
            new Dataset("petersencl", "PetersenCL.csv", DIR + "PetersenCL.csv", "firm", "year",
                    "simulated, for clustered standard errors: 500 firms x 10 years (Petersen 2009)",
                    "R sandwich 3.0-2"),
            new Dataset("study", "synthetic_study_raw.csv", "/org/panelkit/cli/study/synthetic_study_raw.csv",
                    "province", "year",
                    "synthetic study-shaped raw series, 30 provinces 2001-2021 - not the study's data",
                    "PanelKit study-data"),
            new Dataset("produc_holed", "Produc_holed.csv", DIR + "Produc_holed.csv", "state", "year",
                    "Produc with 270 cells of pcap, emp, unemp knocked out (interpolation)", "PanelKit, from plm"),
            new Dataset("lq_regions", "synthetic_30x21_long.csv", DIR + "synthetic_30x21_long.csv", "region",
                    "year", "synthetic output of 30 regions x 4 industries 2000-2020, long (location quotients)",
                    "PanelKit, seeded"));

    private static final Map<String, Path> WRITTEN = new HashMap<>();
    private static final Map<Path, String> NAMES = new HashMap<>();
    private static Path tempDir;

    private Datasets() {
    }

    /** The dataset called {@code name} (with or without the leading {@code @}, any case). */
    public static Dataset get(String name) {
        String key = name.startsWith("@") ? name.substring(1) : name;
        for (Dataset d : ALL) {
            if (d.name.equalsIgnoreCase(key)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + name + "'; available: " + available()
                + " (see 'panelkit datasets')");
    }

    /** "@produc, @grunfeld, ...". */
    public static String available() {
        return ALL.stream().map(d -> "@" + d.name).collect(Collectors.joining(", "));
    }

    /**
     * The dataset as a file: written once per run into a temporary folder (deleted at exit) under its reference
     * file name, so every command reads it exactly like a user's CSV.
     */
    public static synchronized Path file(Dataset d) {
        Path p = WRITTEN.get(d.name);
        if (p != null && Files.isRegularFile(p)) {
            return p;
        }
        try {
            if (tempDir == null || !Files.isDirectory(tempDir)) {
                tempDir = Files.createTempDirectory("panelkit-datasets");
                tempDir.toFile().deleteOnExit();
            }
            p = tempDir.resolve(d.file);
            Files.write(p, d.bytes());
            p.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new PanelKitException("cannot write dataset @" + d.name + " to a temporary file: " + e.getMessage());
        }
        WRITTEN.put(d.name, p);
        NAMES.put(p, d.name);
        return p;
    }

    /** The name of the dataset {@code path} was written for by {@link #file}, or null for a user's file. */
    public static synchronized String nameOf(Path path) {
        return path == null ? null : NAMES.get(path);
    }

    /**
     * {@code --data} values: {@code @NAME} is a shipped dataset, anything else a file path. Unknown names end the
     * command with exit code 2 and one line {@code error: …} listing the datasets.
     */
    public static final class DataPath implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value.startsWith("@")) {
                try {
                    return file(get(value));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.TypeConversionException(e.getMessage());
                }
            }
            return Paths.get(value);
        }
    }
}
