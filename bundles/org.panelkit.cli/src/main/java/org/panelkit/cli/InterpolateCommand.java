package org.panelkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.interp.ColumnSummary;
import org.panelkit.engine.interp.Ends;
import org.panelkit.engine.interp.InterpolationMethod;
import org.panelkit.engine.interp.InterpolationResult;
import org.panelkit.engine.interp.InterpolationSpec;
import org.panelkit.engine.interp.PanelInterpolation;
import org.panelkit.engine.interp.PanelOrder;

import de.siegmar.fastcsv.writer.CsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code panelkit interpolate}: fills missing cells within each entity, ordered by time. Writes every input row
 * (plus rows inserted by {@code --complete}) sorted by entity and time with all input columns; filled cells get
 * the interpolated number, every other cell is written back as it was read. Prints a per-column summary to
 * standard error.
 */
@Command(name = "interpolate", mixinStandardHelpOptions = true,
        customSynopsis = {"panelkit interpolate --data FILE.csv --entity COL --time COL",
                "    --columns A[,B...] --method METHOD --out OUT.csv [OPTIONS]"},
        footer = {"",
            "Examples:",
            "  panelkit interpolate --data raw.csv --entity province --time year \\",
            "      --columns gdp,exports --method linear --out filled.csv",
            "  panelkit interpolate --data raw.csv --entity province --time year \\",
            "      --columns gdp --method pchip --ends constant --flags --out filled.csv"},
        description = "Interpolate missing values within each entity (panel unit), ordered by time, with the actual "
                + "time values as x.")
final class InterpolateCommand implements Callable<Integer> {
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
            description = "columns, comma-separated, to fill")
    List<String> columns;

    @Option(names = "--method", required = true, paramLabel = "METHOD",
            description = "linear, spline (natural cubic), pchip, loglinear, locf (last observation carried forward), "
                    + "nocb (next observation carried back) or nearest (required)")
    String method;

    @Option(names = "--ends", defaultValue = "none", paramLabel = "none|constant|extrapolate",
            description = "leading/trailing gaps: stay missing, nearest observed value, or the method's curve "
                    + "continued (default: ${DEFAULT-VALUE})")
    String ends;

    @Option(names = "--max-gap", defaultValue = "-1", paramLabel = "N",
            description = "leave gaps of more than N missing periods unfilled (default: no limit)")
    int maxGap;

    @Option(names = "--complete", description = "insert missing (entity, period) rows: balanced over all periods (default: rows as given)")
    boolean complete;

    @Option(names = "--flags", description = "add <column>_imputed (true/false) per filled column (default: no flags)")
    boolean flags;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "output CSV file (required)")
    Path out;

    @Option(names = "--progress", description = "show a progress line on standard error (default: only when it is a terminal)")
    boolean progress;

    @Override
    public Integer call() {
        OutputPaths.checkFile(out);
        if (maxGap < -1) {
            throw new IllegalArgumentException("--max-gap must be 0 or more, got " + maxGap);
        }
        InterpolationSpec ispec = InterpolationSpec.builder(entity, time, columns)
                .method(InterpolationMethod.fromKey(method)).ends(Ends.fromKey(ends))
                .maxGap(maxGap).complete(complete).build();
        PrintWriter err = spec.commandLine().getErr();
        ConsoleProgress monitor = new ConsoleProgress(err, progress || ConsoleProgress.interactive());
        monitor.progress(0, "reading " + data.getFileName());
        List<String> header = CsvColumns.header(data);
        List<String> added = new ArrayList<>();
        if (flags) {
            for (String c : columns) {
                added.add(c + "_imputed");
            }
        }
        PrepCsv.checkNewColumns(header, added, data);
        // the time column is read as a number column: a non-numeric cell is an error naming column and line
        List<String> numeric = new ArrayList<>(columns);
        if (!numeric.contains(time)) {
            numeric.add(time);
        }
        CsvColumns numbers = CsvColumns.read(data, numeric, List.of(entity));
        InterpolationResult r = PanelInterpolation.run(numbers, ispec, monitor);
        monitor.progress(0.9, "writing " + out.getFileName());
        CsvRows text = CsvRows.read(data, header);
        if (text.rowCount() != numbers.rowCount()) {
            throw new IllegalStateException("read " + text.rowCount() + " records as text but " + numbers.rowCount()
                    + " as numbers");
        }
        write(r, text, header, added);
        monitor.finish();
        printSummary(r, err);
        return 0;
    }

    private void write(InterpolationResult r, CsvRows text, List<String> header, List<String> added) {
        PanelOrder order = r.order();
        int width = header.size();
        int entityIndex = header.indexOf(entity);
        int timeIndex = header.indexOf(time);
        int[] target = new int[columns.size()];
        double[][] values = new double[columns.size()][];
        boolean[][] imputed = new boolean[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            target[c] = header.indexOf(columns.get(c));
            values[c] = r.values(columns.get(c));
            imputed[c] = r.imputed(columns.get(c));
        }
        // the text of an entity and a period as the input spells them, for inserted rows
        int[] entityRow = new int[order.entityCount()];
        int[] periodRow = new int[order.periodCount()];
        java.util.Arrays.fill(entityRow, -1);
        java.util.Arrays.fill(periodRow, -1);
        for (int i = 0; i < r.rowCount(); i++) {
            int src = r.sourceRow(i);
            if (src >= 0) {
                if (entityRow[order.entityCode(i)] < 0) {
                    entityRow[order.entityCode(i)] = src;
                }
                if (periodRow[order.period(i)] < 0) {
                    periodRow[order.period(i)] = src;
                }
            }
        }
        String[] fields = new String[width];
        String[] spare = new String[width];
        try (CsvWriter w = PrepCsv.writer(out)) {
            List<String> head = new ArrayList<>(header);
            head.addAll(added);
            w.writeRecord(head);
            for (int i = 0; i < r.rowCount(); i++) {
                int src = r.sourceRow(i);
                if (src >= 0) {
                    text.row(src, fields);
                } else {
                    java.util.Arrays.fill(fields, "");
                    fields[entityIndex] = text.row(entityRow[order.entityCode(i)], spare)[entityIndex];
                    fields[timeIndex] = text.row(periodRow[order.period(i)], spare)[timeIndex];
                }
                for (int c = 0; c < target.length; c++) {
                    if (imputed[c][i]) {
                        fields[target[c]] = PrepCsv.number(values[c][i]);
                    }
                }
                var rec = w.writeRecord();
                for (String f : fields) {
                    rec.writeField(f);
                }
                if (flags) {
                    for (int c = 0; c < target.length; c++) {
                        rec.writeField(imputed[c][i] ? "true" : "false");
                    }
                }
                rec.endRecord();
            }
        } catch (IOException e) {
            throw new PanelKitException("cannot write '" + out + "': " + OutputPaths.reason(e));
        } catch (java.io.UncheckedIOException e) {
            throw new PanelKitException("cannot write '" + out + "': " + OutputPaths.reason(e.getCause()));
        }
    }

    private void printSummary(InterpolationResult r, PrintWriter err) {
        InterpolationSpec s = r.spec();
        err.printf(Locale.ROOT, "interpolate: method %s, ends %s, max gap %s; %d rows (%d inserted), %d entities, %d periods%n",
                s.method().key(), s.ends().key(), s.maxGap() < 0 ? "none" : Integer.toString(s.maxGap()), r.rowCount(),
                r.insertedRows(), r.order().entityCount(), r.order().periodCount());
        int w = 6;
        for (String c : s.columns()) {
            w = Math.max(w, c.length());
        }
        err.printf(Locale.ROOT, "%-" + w + "s %10s %10s %10s%n", "column", "observed", "filled", "missing");
        for (ColumnSummary c : r.summary()) {
            err.printf(Locale.ROOT, "%-" + w + "s %10d %10d %10d%n", c.column(), c.observed(), c.filled(), c.missing());
        }
        err.println("wrote " + out);
        err.flush();
    }
}
