package org.panelkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.panelkit.engine.lq.LocalizationTable;
import org.panelkit.engine.lq.LocationQuotients;
import org.panelkit.engine.lq.LqResult;
import org.panelkit.engine.lq.LqSpec;
import org.panelkit.engine.lq.SpecializationTable;

import de.siegmar.fastcsv.writer.CsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code panelkit lq}: location quotients LQ_ijt = (Y_ijt/Y_it)/(Y_jt/Y_t) on a long or wide CSV table; the
 * output is the input, row for row, with the LQ columns added; optionally the Krugman, Hoover, Gini and HHI
 * indices in two more files.
 */
@Command(name = "lq", mixinStandardHelpOptions = true,
        customSynopsis = {"panelkit lq --data FILE.csv --region COL --time COL (--industry COL",
                "    --value COL | --industries A[,B...]) [OPTIONS]"},
        footer = {"",
            "Examples:",
            "  panelkit lq --data employment.csv --region province --time year --industry \\",
            "      sector --value jobs --out lq.csv",
            "  panelkit lq --data wide.csv --region province --time year --industries \\",
            "      agri,manuf,services --indices --out lq.csv"},
        sortOptions = false,
        description = {"Location quotients and the Krugman, Hoover, Gini and HHI indices.",
            "LQ = (Y_ijt/Y_it)/(Y_jt/Y_t) for region i, industry j, year t.",
            "Long input (--industry, --value) adds region_total, industry_national,",
            "national_total and lq; wide input (--industries) adds lq_<industry> columns."})
final class LqCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    DelimiterOption delimiterOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv|@NAME", converter = Datasets.DataPath.class,
            description = "CSV file with a header row, separated by commas, semicolons or tabs, or @NAME: a shipped "
                    + "dataset (panelkit datasets) (required)")
    Path data;

    @Option(names = "--region", required = true, paramLabel = "COL", description = "region column")
    String region;

    @Option(names = "--time", required = true, paramLabel = "COL", description = "year column")
    String time;

    @Option(names = "--industry", paramLabel = "COL", description = "industry column (long layout, with --value; default: wide layout)")
    String industry;

    @Option(names = "--value", paramLabel = "COL", description = "value column (long layout, with --industry; default: none, wide layout)")
    String value;

    @Option(names = "--industries", split = ",", paramLabel = "A,B,...", hideParamSyntax = true, description = "industry columns, comma-separated (wide layout; default: none, long layout)")
    List<String> industries;

    @Option(names = "--national-region", paramLabel = "NAME",
            description = "region value of the rows holding the national values, which are not a region "
                    + "(default: national totals are the sums over regions)")
    String nationalRegion;

    @Option(names = "--national-column", split = ",", paramLabel = "COL[,COL...]", hideParamSyntax = true,
            description = "column with the national value of the row's industry and year (wide: one per industry; "
                    + "default: the sums over regions)")
    List<String> nationalColumns;

    @Option(names = "--missing", defaultValue = "propagate", paramLabel = "propagate|skip",
            description = "a total with a missing value is missing (propagate) or sums the observed values (skip) "
                    + "(default: ${DEFAULT-VALUE})")
    String missing;

    @Option(names = "--allow-negative", description = "compute LQs although some values are negative (default: an error)")
    boolean allowNegative;

    @Option(names = "--indices", description = "also write OUT_specialization.csv (Krugman) and OUT_localization.csv"
            + " (Hoover, Gini, HHI); needs --out (default: LQs only)")
    boolean indices;

    @Option(names = "--out", paramLabel = "OUT.csv", description = "output file (default: CSV on standard output)")
    Path out;

    @Option(names = "--progress", description = "show a progress line on standard error (default: only when it is a terminal)")
    boolean progress;

    @Override
    public Integer call() {
        OutputPaths.checkFile(out);
        boolean longLayout = industry != null || value != null;
        boolean wide = industries != null && !industries.isEmpty();
        if (longLayout == wide || longLayout && (industry == null || value == null)) {
            throw new IllegalArgumentException("give either --industry COL and --value COL (long table) or --industries"
                    + " A,B,... (wide table)");
        }
        if (indices && out == null) {
            throw new IllegalArgumentException("--indices writes two more files next to --out; give --out OUT.csv");
        }
        LqSpec.Builder b = wide ? LqSpec.wideFormat(region, time, industries)
                : LqSpec.longFormat(region, time, industry, value);
        if (nationalRegion != null) {
            b.nationalRegion(nationalRegion);
        }
        if (nationalColumns != null && !nationalColumns.isEmpty()) {
            b.nationalColumns(nationalColumns);
        }
        LqSpec lq = b.allowNegative(allowNegative).missing(LqSpec.Missing.fromKey(missing)).indices(indices).build();

        PrepCsv.checkNotInput(out, data);
        List<String> header = CsvColumns.header(data);
        List<String> added = new ArrayList<>();
        if (wide) {
            for (String ind : industries) {
                added.add("lq_" + ind);
            }
        } else {
            added.addAll(List.of("region_total", "industry_national", "national_total", "lq"));
        }
        PrepCsv.checkNewColumns(header, added, data);

        ConsoleProgress monitor = new ConsoleProgress(spec.commandLine().getErr(), progress || ConsoleProgress.interactive());
        monitor.progress(0, "reading " + data.getFileName());
        List<String> numeric = new ArrayList<>(wide ? industries : List.of(value));
        numeric.addAll(lq.nationalColumns());
        List<String> keys = new ArrayList<>(List.of(region, time));
        if (!wide) {
            keys.add(industry);
        }
        CsvColumns columns = CsvColumns.read(data, numeric, keys);
        LqResult r = LocationQuotients.compute(columns, lq, monitor);
        monitor.progress(1, "writing");
        write(columns, header, added, r, wide);
        monitor.finish();
        var err = spec.commandLine().getErr();
        for (String w : r.warnings()) {
            err.println("warning: " + w);
        }
        if (out != null) {
            var o = spec.commandLine().getOut();
            int missingLq = r.missingValues() + r.missingTotals() + r.zeroDenominators();
            o.printf(Locale.ROOT, "location quotients: %d rows -> %s (%d LQ values missing)%n", r.rows(), out, missingLq);
            if (indices) {
                Path spec1 = sibling(out, "_specialization.csv");
                Path spec2 = sibling(out, "_localization.csv");
                writeSpecialization(r.specialization(), spec1);
                writeLocalization(r.localization(), spec2, wide ? "industry" : industry);
                o.printf(Locale.ROOT, "Krugman specialization: %d region-years -> %s%n", r.specialization().size(), spec1);
                o.printf(Locale.ROOT, "Hoover, Gini, HHI: %d industry-years -> %s%n", r.localization().size(), spec2);
            }
            o.flush();
        }
        return 0;
    }

    private void write(CsvColumns columns, List<String> header, List<String> added, LqResult r, boolean wide) {
        CsvWriter w = out == null ? PrepCsv.writer(spec.commandLine().getOut()) : PrepCsv.writer(out);
        List<String> head = new ArrayList<>(header);
        head.addAll(added);
        w.writeRecord(head);
        int width = header.size();
        String[] rec = new String[width + added.size()];
        if (wide) {
            double[][] lq = new double[industries.size()][];
            for (int j = 0; j < lq.length; j++) {
                lq[j] = r.lq(industries.get(j));
            }
            PrepCsv.stream(data, width, columns.rowCount(), (row, fields) -> {
                fill(rec, fields);
                for (int j = 0; j < lq.length; j++) {
                    rec[width + j] = PrepCsv.number(lq[j][row]);
                }
                w.writeRecord(rec);
            });
        } else {
            double[] rt = r.regionTotal();
            double[] in = r.industryNational();
            double[] nt = r.nationalTotal();
            double[] lq = r.lq();
            Cache c1 = new Cache();
            Cache c2 = new Cache();
            Cache c3 = new Cache();
            PrepCsv.stream(data, width, columns.rowCount(), (row, fields) -> {
                fill(rec, fields);
                rec[width] = c1.text(rt[row]);
                rec[width + 1] = c2.text(in[row]);
                rec[width + 2] = c3.text(nt[row]);
                rec[width + 3] = PrepCsv.number(lq[row]);
                w.writeRecord(rec);
            });
        }
        PrepCsv.close(w, out);
    }

    private static void fill(String[] rec, List<String> fields) {
        for (int c = 0; c < fields.size(); c++) {
            rec[c] = fields.get(c);
        }
    }

    /** Totals repeat down the rows of a region-year or year: format each run once. */
    private static final class Cache {
        private double last = Double.NaN;
        private String text = "";

        String text(double v) {
            if (Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(last)) {
                last = v;
                text = PrepCsv.number(v);
            }
            return text;
        }
    }

    static Path sibling(Path out, String suffix) {
        String name = out.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(stem + suffix);
    }

    private void writeSpecialization(SpecializationTable t, Path file) {
        CsvWriter w = PrepCsv.writer(file);
        w.writeRecord(region, time, "krugman");
        for (int k = 0; k < t.size(); k++) {
            w.writeRecord(t.region(k), t.time(k), PrepCsv.number(t.krugman(k)));
        }
        PrepCsv.close(w, file);
    }

    private void writeLocalization(LocalizationTable t, Path file, String industryName) {
        CsvWriter w = PrepCsv.writer(file);
        w.writeRecord(industryName, time, "hoover", "gini", "hhi");
        for (int k = 0; k < t.size(); k++) {
            w.writeRecord(t.industry(k), t.time(k), PrepCsv.number(t.hoover(k)), PrepCsv.number(t.gini(k)),
                    PrepCsv.number(t.hhi(k)));
        }
        PrepCsv.close(w, file);
    }
}
