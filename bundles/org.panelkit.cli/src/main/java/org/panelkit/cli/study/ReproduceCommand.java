package org.panelkit.cli.study;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.panelkit.cli.CsvColumns;
import org.panelkit.cli.PrepCsv;
import org.panelkit.engine.regions.RegionGrouping;
import org.panelkit.engine.regions.UnmappedValue;
import org.panelkit.engine.split.PanelSplitter;
import org.panelkit.engine.split.SplitResult;
import org.panelkit.engine.split.SplitSpec;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.interp.Ends;
import org.panelkit.engine.interp.InterpolationMethod;
import org.panelkit.engine.vcov.Convention;
import org.panelkit.engine.vcov.VcovType;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code panelkit reproduce}: the whole study on the embedded synthetic data (or the user's raw data in the
 * same columns): interpolation, location quotients, Tables 1-4, the pre/post difference test, the mechanism
 * table, wild-bootstrap p-values and the coefficient plot; prints the tables and writes the report.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        customSynopsis = {"panelkit reproduce [--data FILE.csv|DIR] [--out DIR] [OPTIONS]"},
        footer = {"",
            "Examples:",
            "  panelkit reproduce --out study-report",
            "  panelkit reproduce --data study_raw.csv --out my-report --vcov dk --split \\",
            "      year:2015"},
        description = "Reproduce the study (Tables 1-4, mechanisms) on the embedded synthetic demonstration data "
                + "or on raw data in the same columns (docs/study.md).")
public final class ReproduceCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    org.panelkit.cli.DelimiterOption delimiterOption;

    static final String EMBEDDED = "synthetic_study_raw.csv";
    static final String NOTICE = "synthetic demonstration data - not the study's data";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE|DIR|@NAME", converter = org.panelkit.cli.Datasets.DataPath.class,
            description = "raw data CSV (or a folder holding study_raw.csv) in the columns of "
                    + "workflows/data/study_raw_template.csv; default: the embedded synthetic data (@study)")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "panelkit-study",
            description = "report folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--ic-sector", defaultValue = "industry", paramLabel = "SECTOR",
            description = "sector whose location quotient is IC: industry, primary, secondary or tertiary "
                    + "(default: ${DEFAULT-VALUE})")
    String icSector;

    @Option(names = "--interpolation", defaultValue = "linear", paramLabel = "METHOD",
            description = "gap filling within province: linear, spline, pchip, loglinear, locf, nocb or nearest "
                    + "(default: ${DEFAULT-VALUE})")
    String interpolation;

    @Option(names = "--ends", defaultValue = "constant", paramLabel = "none|constant|extrapolate",
            description = "gaps before a province's first or after its last observed year: none (stay missing), "
                    + "constant (nearest observed value) or extrapolate (the method's curve continued) "
                    + "(default: ${DEFAULT-VALUE})")
    String ends;

    @Option(names = "--split", paramLabel = "year:YEAR",
            description = "the break of Table 3 and the difference test: year:YEAR, YEAR = the first year after the "
                    + "trade shock (default: year:2017)")
    String split;

    /** The old spelling of --split year:YEAR. */
    @Option(names = "--break", paramLabel = "YEAR", hidden = true, description = "old spelling of --split year:YEAR")
    String breakAlias;

    /** The break year from --split (or --break). */
    private int breakYear() {
        String v = breakAlias != null && split == null ? breakAlias : split == null ? "year:2017" : split;
        String s = v.strip();
        if (breakAlias == null || split != null) {
            if (!s.toLowerCase(java.util.Locale.ROOT).startsWith("year:")) {
                throw new IllegalArgumentException("--split '" + v
                        + "': reproduce splits by a break year only (year:YEAR, e.g. year:2017)");
            }
            s = s.substring(5).strip();
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the break year must be a whole year, got '" + s + "'");
        }
    }

    int breakYear;

    @Option(names = "--wild-reps", defaultValue = "9999", paramLabel = "B",
            description = "wild cluster bootstrap replications, 0 for none (default: ${DEFAULT-VALUE})")
    int wildReps;

    @Option(names = "--mediation-reps", defaultValue = "999", paramLabel = "B",
            description = "cluster-bootstrap replications of the indirect effects a*b, 0 for none "
                    + "(default: ${DEFAULT-VALUE})")
    int mediationReps;

    @Option(names = "--seed", defaultValue = "12345", paramLabel = "S",
            description = "seed of both bootstraps (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--vcov", defaultValue = "cluster", paramLabel = "TYPE",
            description = "standard errors of every table: iid, hc0, hc1, cr0, cluster (CR1, the study's), cr2, twoway "
                    + "or dk; the wild bootstrap is left out under iid/hc0/hc1 and uses the CR1 t statistic under "
                    + "cr2/twoway/dk (a note in the report says so) (default: ${DEFAULT-VALUE})")
    String vcov;

    @Option(names = "--convention", defaultValue = "xtreg", paramLabel = "xtreg|plm|areg|fixest|sandwich",
            description = "small-sample factor and df convention: xtreg (Stata xtreg, fe and reghdfe), plm (R plm), "
                    + "areg (Stata areg), fixest (R fixest) or sandwich (R sandwich on the dummy regression); "
                    + "see the README's conventions table (default: ${DEFAULT-VALUE})")
    String convention;

    @Override
    public Integer call() throws IOException {
        long t0 = System.nanoTime();
        PrintWriter console = spec.commandLine().getOut();
        breakYear = breakYear();
        org.panelkit.cli.OutputPaths.directory(out); // before the work: a bad folder fails at once
        boolean synthetic = data == null || "study".equals(org.panelkit.cli.Datasets.nameOf(data));
        CsvColumns raw = readRaw();
        checkProvinces(raw);
        StudyPanel panel = StudyPanel.build(raw, InterpolationMethod.fromKey(interpolation), Ends.fromKey(ends),
                StudyVariables.IcSector.fromKey(icSector));
        ModelSpec template = ModelSpec.builder("TU", List.of("IC")).entity("province").time("year")
                .effects(Effects.TWOWAY).vcov(VcovType.fromKey(vcov)).convention(Convention.fromKey(convention))
                .build();
        StudyReproduction study = new StudyReproduction(panel.variables(), template, breakYear);
        org.panelkit.engine.ProgressMonitor monitor = org.panelkit.engine.ProgressMonitor.NONE;
        Map<String, StudyModel> models = study.fitAll(monitor);
        StudyReport report = new StudyReport(models, panel, synthetic ? NOTICE : "data: " + data);
        report.add("difference", StudyInference.differenceTest(panel.variables(), template, breakYear, monitor));
        report.add("mechanisms", StudyInference.mechanisms(panel.variables(), template, mediationReps, seed,
                models.get("m2").result().variance().description(), monitor));
        VcovType type = template.vcov();
        if (wildReps <= 0) {
            report.note("Wild cluster bootstrap: left out (--wild-reps 0).");
        } else if (type == VcovType.CLUSTER || type == VcovType.CR0) {
            report.add("wild_bootstrap", StudyInference.wildBootstrap(models, wildReps, seed, null, monitor));
        } else if (type.isClustered() || type == VcovType.DRISCOLL_KRAAY) {
            // cr2, twoway, dk: the bootstrap resamples provinces; its t statistic is the one-way CR1 one
            Map<String, StudyModel> cr1 = new StudyReproduction(panel.variables(),
                    template.toBuilder().vcov(VcovType.CLUSTER).cluster(List.of()).build(), breakYear).fitAll(monitor);
            report.add("wild_bootstrap", StudyInference.wildBootstrap(cr1, wildReps, seed, "The bootstrap resamples "
                    + "whole provinces, so it uses the one-way province-clustered (CR1) t statistic, not the tables' "
                    + "--vcov " + type.key() + " standard errors.", monitor));
        } else {
            report.note("Wild cluster bootstrap: left out, because --vcov " + type.key()
                    + " has no clusters to resample (use --vcov cluster, cr0, cr2, twoway or dk to get it).");
        }
        report.write(out);
        console.print(report.consoleText());
        console.printf(Locale.ROOT, "%nReport written to %s (%.2f s)%n", out, (System.nanoTime() - t0) / 1e9);
        console.flush();
        return 0;
    }

    private CsvColumns readRaw() throws IOException {
        List<String> keys = new ArrayList<>(StudyPanel.KEYS);
        if (data == null) {
            Path tmp = Files.createTempFile("panelkit-study", ".csv");
            try (InputStream in = StudyDataGenerator.class.getResourceAsStream(EMBEDDED)) {
                if (in == null) {
                    throw new PanelKitException("the embedded study data are missing from this build");
                }
                Files.write(tmp, in.readAllBytes());
                return CsvColumns.read(tmp, StudyPanel.SERIES, keys);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        Path file = Files.isDirectory(data) ? data.resolve("study_raw.csv") : data;
        if (!Files.exists(file)) {
            throw new PanelKitException("cannot read '" + file + "': no such file (a folder must contain study_raw.csv)");
        }
        return CsvColumns.read(file, StudyPanel.SERIES, keys);
    }

    /** Every province must be in the China region table; misspelt ones are named with their file lines. */
    private void checkProvinces(CsvColumns raw) {
        SplitResult regions = PanelSplitter.split(raw, SplitSpec.byRegion("province", RegionGrouping.NBS3));
        if (regions.unassignedRows() == 0) {
            return;
        }
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (UnmappedValue v : regions.unassigned()) {
            if (shown++ == 5) {
                b.append("; ...");
                break;
            }
            b.append(shown > 1 ? "; " : "").append(v.value() == null ? "(missing)" : "'" + v.value() + "'")
                    .append(" in ").append(PrepCsv.lines(raw, v.rows()));
        }
        throw new PanelKitException(regions.unassignedRows() + " row" + (regions.unassignedRows() == 1 ? " has" : "s have")
                + " a province that is not in the China region table (see 'panelkit regions'): " + b);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
