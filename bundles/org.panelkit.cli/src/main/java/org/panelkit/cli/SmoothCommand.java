package org.panelkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.smooth.PanelSmoothing;
import org.panelkit.engine.smooth.SmoothingMethod;
import org.panelkit.engine.smooth.SmoothingResult;
import org.panelkit.engine.smooth.SmoothingSpec;

import de.siegmar.fastcsv.writer.CsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code panelkit smooth}: moving averages or the Hodrick-Prescott filter within each entity. Writes every input
 * row sorted by entity and time with all input columns unchanged, plus {@code <col>_ma}, {@code <col>_trailing_ma}
 * or {@code <col>_hp} and {@code <col>_cycle}.
 */
@Command(name = "smooth", mixinStandardHelpOptions = true,
        customSynopsis = {"panelkit smooth --data FILE.csv --entity COL --time COL --columns",
                "    A[,B...] --method ma|trailing-ma|hp --out OUT.csv [OPTIONS]"},
        footer = {"",
            "Examples:",
            "  panelkit smooth --data panel.csv --entity province --time year --columns \\",
            "      gdp --method ma --window 3 --out smooth.csv",
            "  panelkit smooth --data panel.csv --entity province --time year --columns \\",
            "      gdp --method hp --lambda 100 --out trend.csv"},
        description = "Smooth columns within each entity (panel unit): centred or trailing moving average, or the "
                + "Hodrick-Prescott filter.")
final class SmoothCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    DelimiterOption delimiterOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv|@NAME", converter = Datasets.DataPath.class,
            description = "CSV file with a header row, separated by commas, semicolons or tabs, or @NAME: a shipped "
                    + "dataset (panelkit datasets) (required)")
    Path data;

    @Option(names = "--entity", required = true, paramLabel = "COL", description = "panel unit column")
    String entity;

    @Option(names = "--time", required = true, paramLabel = "COL", description = "time column (numeric, e.g. year)")
    String time;

    @Option(names = "--columns", required = true, split = ",", paramLabel = "A[,B...]", hideParamSyntax = true,
            description = "columns, comma-separated, to smooth")
    List<String> columns;

    @Option(names = "--method", required = true, paramLabel = "ma|trailing-ma|hp",
            description = "smoother: ma (centred moving average), trailing-ma or hp (Hodrick-Prescott) (required)")
    String method;

    @Option(names = "--window", defaultValue = "0", paramLabel = "W",
            description = "moving-average window in periods, odd for ma (required with ma and trailing-ma; no default)")
    int window;

    @Option(names = "--min-periods", defaultValue = "0", paramLabel = "M",
            description = "fewest observed values in a window (default: the window)")
    int minPeriods;

    @Option(names = "--lambda", paramLabel = "L",
            description = "HP smoothing parameter (required with hp; no default: annual data 100, or 6.25 after "
                    + "Ravn-Uhlig; quarterly 1600)")
    Double lambda;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "output CSV file (required)")
    Path out;

    @Option(names = "--progress", description = "show a progress line on standard error (default: only when it is a terminal)")
    boolean progress;

    @Override
    public Integer call() {
        OutputPaths.checkFile(out);
        SmoothingMethod m = SmoothingMethod.fromKey(method);
        if (m != SmoothingMethod.HP && window == 0) {
            throw new IllegalArgumentException("--window is required for " + method);
        }
        if (m == SmoothingMethod.HP && lambda == null) {
            throw new IllegalArgumentException("--lambda is required for hp (annual data: 100, or 6.25 after "
                    + "Ravn and Uhlig 2002; quarterly: 1600)");
        }
        SmoothingSpec sspec = SmoothingSpec.builder(entity, time, columns).method(m).window(window)
                .minPeriods(minPeriods).lambda(lambda == null ? Double.NaN : lambda).build();
        PrintWriter err = spec.commandLine().getErr();
        ConsoleProgress monitor = new ConsoleProgress(err, progress || ConsoleProgress.interactive());
        monitor.progress(0, "reading " + data.getFileName());
        List<String> header = CsvColumns.header(data);
        List<String> added = new ArrayList<>();
        for (String c : columns) {
            added.add(sspec.outputName(c));
            if (m == SmoothingMethod.HP) {
                added.add(sspec.cycleName(c));
            }
        }
        PrepCsv.checkNewColumns(header, added, data);
        // the time column is read as a number column: a non-numeric cell is an error naming column and line
        List<String> numeric = new ArrayList<>(columns);
        if (!numeric.contains(time)) {
            numeric.add(time);
        }
        CsvColumns numbers = CsvColumns.read(data, numeric, List.of(entity));
        SmoothingResult r = PanelSmoothing.run(numbers, sspec, monitor);
        monitor.progress(0.9, "writing " + out.getFileName());
        CsvRows text = CsvRows.read(data, header);
        if (text.rowCount() != numbers.rowCount()) {
            throw new IllegalStateException("read " + text.rowCount() + " records as text but " + numbers.rowCount()
                    + " as numbers");
        }
        double[][] outputs = new double[added.size()][];
        for (int c = 0; c < added.size(); c++) {
            outputs[c] = r.values(added.get(c));
        }
        String[] fields = new String[header.size()];
        try (CsvWriter w = PrepCsv.writer(out)) {
            List<String> head = new ArrayList<>(header);
            head.addAll(added);
            w.writeRecord(head);
            for (int i = 0; i < r.rowCount(); i++) {
                text.row(r.sourceRow(i), fields);
                var rec = w.writeRecord();
                for (String f : fields) {
                    rec.writeField(f);
                }
                for (double[] o : outputs) {
                    rec.writeField(PrepCsv.number(o[i]));
                }
                rec.endRecord();
            }
        } catch (IOException e) {
            throw new PanelKitException("cannot write '" + out + "': " + OutputPaths.reason(e));
        } catch (java.io.UncheckedIOException e) {
            throw new PanelKitException("cannot write '" + out + "': " + OutputPaths.reason(e.getCause()));
        }
        monitor.finish();
        String how = m == SmoothingMethod.HP ? String.format(Locale.ROOT, "lambda %s", PrepCsv.number(sspec.lambda()))
                : String.format(Locale.ROOT, "window %d, min periods %d", sspec.window(), sspec.minPeriods());
        err.printf(Locale.ROOT, "smooth: method %s, %s; %d rows, %d entities, %d periods%n", m.key(), how, r.rowCount(),
                r.order().entityCount(), r.order().periodCount());
        for (String c : columns) {
            err.printf(Locale.ROOT, "%s: %d of %d rows smoothed -> %s%n", c, r.computed(c), r.rowCount(),
                    m == SmoothingMethod.HP ? sspec.outputName(c) + ", " + sspec.cycleName(c) : sspec.outputName(c));
        }
        err.println("wrote " + out);
        err.flush();
        return 0;
    }
}
