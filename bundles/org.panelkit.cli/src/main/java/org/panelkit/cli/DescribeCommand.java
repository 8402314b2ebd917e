package org.panelkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.panelkit.engine.describe.ColumnMissing;
import org.panelkit.engine.describe.DuplicateKey;
import org.panelkit.engine.describe.EntityGaps;
import org.panelkit.engine.describe.PanelDescriber;
import org.panelkit.engine.describe.PanelDescription;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code panelkit describe}: panel diagnostics as readable text or one JSON object. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        customSynopsis = {"panelkit describe --data FILE.csv --entity COL --time COL [--columns",
                "    A[,B...]] [--format text|json]"},
        footer = {"",
            "Examples:",
            "  panelkit describe --data raw.csv --entity province --time year",
            "  panelkit describe --data raw.csv --entity province --time year --columns \\",
            "      gdp,exports --format json"},
        sortOptions = false,
        description = {"Panel diagnostics: balance, gaps, duplicate keys, missing cells, singletons.",
            "Entities, periods, balance, gaps inside each entity's",
            "span, duplicate keys, singletons and missing cells per column (leading,",
            "interior and trailing within entities)."})
final class DescribeCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    DelimiterOption delimiterOption;

    private static final int LIST = 20;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv|@NAME", converter = Datasets.DataPath.class,
            description = "CSV file with a header row, separated by commas, semicolons or tabs, or @NAME: a shipped "
                    + "dataset (panelkit datasets) (required)")
    Path data;

    @Option(names = "--entity", required = true, paramLabel = "COL", description = "panel unit column")
    String entity;

    @Option(names = "--time", required = true, paramLabel = "COL", description = "period column")
    String time;

    @Option(names = "--columns", split = ",", paramLabel = "A[,B...]", hideParamSyntax = true,
            description = "columns, comma-separated, to count missing cells in (default: all)")
    List<String> columns;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "output format: text or json (default: ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("unknown format '" + format + "' (expected text or json)");
        }
        List<String> header = CsvColumns.header(data);
        List<String> cols = columns == null || columns.isEmpty() ? header : columns;
        List<String> keys = new ArrayList<>(List.of(entity, time));
        for (String c : cols) {
            if (!keys.contains(c)) {
                keys.add(c);
            }
        }
        CsvColumns table = CsvColumns.read(data, List.of(), keys);
        PanelDescription d = PanelDescriber.describe(table, entity, time, cols,
                new ConsoleProgress(spec.commandLine().getErr(), false));
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(json(d, table));
        } else {
            out.print(text(d, table));
        }
        out.flush();
        return 0;
    }

    static String text(PanelDescription d, CsvColumns table) {
        StringBuilder b = new StringBuilder();
        line(b, "Panel", table.file().getFileName() + ": entity " + d.entityColumn() + ", time " + d.timeColumn());
        line(b, "Rows", Integer.toString(d.rows()));
        line(b, "Entities", Integer.toString(d.entities()));
        String grid = Double.isNaN(d.step()) ? "the observed periods" : "step " + PrepCsv.number(d.step());
        line(b, "Periods", d.periods() + (d.firstPeriod() == null ? "" : " (" + d.firstPeriod() + " to " + d.lastPeriod()
                + ", " + grid + ", " + d.gridPeriods() + " on the grid)"));
        line(b, "Balanced", d.balanced() ? "yes" : "no");
        line(b, "Periods per entity", "min " + d.minPerEntity() + ", max " + d.maxPerEntity());
        line(b, "Spanning all periods", d.entitiesSpanningPanel() + " of " + d.entities() + " entities");
        line(b, "Absent periods", d.absentPeriods().isEmpty() ? "none" : list(d.absentPeriods()));
        line(b, "Gaps", d.gaps().isEmpty() ? "none"
                : d.gapPeriods() + " missing period" + (d.gapPeriods() == 1 ? "" : "s") + " inside the span"
                        + (d.gaps().size() == 1 ? " of 1 entity" : "s of " + d.gaps().size() + " entities"));
        for (int i = 0; i < Math.min(LIST, d.gaps().size()); i++) {
            EntityGaps g = d.gaps().get(i);
            b.append(String.format(Locale.ROOT, "    %s (%s to %s, %d periods): missing %s%n", g.entity(), g.first(),
                    g.last(), g.observed(), list(g.missing())));
        }
        more(b, d.gaps().size());
        line(b, "Duplicate keys", d.duplicates().isEmpty() ? "none" : d.duplicates().size() + " keys with several rows");
        for (int i = 0; i < Math.min(LIST, d.duplicates().size()); i++) {
            DuplicateKey k = d.duplicates().get(i);
            b.append(String.format(Locale.ROOT, "    %s=%s, %s=%s: %s%n", d.entityColumn(), k.entity(), d.timeColumn(),
                    k.time(), PrepCsv.lines(table, k.rows())));
        }
        more(b, d.duplicates().size());
        line(b, "Singleton entities", d.singletonEntities().isEmpty() ? "none"
                : d.singletonEntities().size() + ": " + list(d.singletonEntities()));
        line(b, "Singleton periods", d.singletonPeriods().isEmpty() ? "none"
                : d.singletonPeriods().size() + ": " + list(d.singletonPeriods()));
        line(b, "Rows without key", d.missingKeyRows().length == 0 ? "none"
                : d.missingKeyRows().length + " (" + PrepCsv.lines(table, d.missingKeyRows()) + ")");
        b.append(System.lineSeparator());
        int w = "column".length();
        for (ColumnMissing c : d.columns()) {
            w = Math.max(w, c.name().length());
        }
        b.append(String.format(Locale.ROOT, "%-" + w + "s %9s %7s %9s %9s %9s %15s%n", "column", "missing", "share",
                "leading", "interior", "trailing", "empty entities"));
        for (ColumnMissing c : d.columns()) {
            if (c.missing() == 0) {
                b.append(String.format(Locale.ROOT, "%-" + w + "s %9d %6.1f%%%n", c.name(), 0, 0.0));
            } else {
                b.append(String.format(Locale.ROOT, "%-" + w + "s %9d %6.1f%% %9d %9d %9d %15s%n", c.name(), c.missing(),
                        100 * c.share(), c.leading(), c.interior(), c.trailing(),
                        c.emptyEntities() == 0 ? "0" : c.emptyEntities() + " (" + c.inEmptyEntities() + " cells)"));
            }
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "%-22s %s%n", label, value));
    }

    private static void more(StringBuilder b, int size) {
        if (size > LIST) {
            b.append(String.format(Locale.ROOT, "    ... %d more (--format json lists all)%n", size - LIST));
        }
    }

    private static String list(List<String> v) {
        if (v.size() <= 12) {
            return String.join(", ", v);
        }
        return String.join(", ", v.subList(0, 12)) + ", ... (" + v.size() + ")";
    }

    static String json(PanelDescription d, CsvColumns table) {
        JsonObject o = new JsonObject();
        o.addProperty("file", table.file().toString());
        o.addProperty("entity", d.entityColumn());
        o.addProperty("time", d.timeColumn());
        o.addProperty("rows", d.rows());
        o.addProperty("entities", d.entities());
        o.addProperty("periods", d.periods());
        o.addProperty("first_period", d.firstPeriod());
        o.addProperty("last_period", d.lastPeriod());
        if (!Double.isNaN(d.step())) {
            o.addProperty("step", d.step());
        }
        o.addProperty("grid_periods", d.gridPeriods());
        o.addProperty("balanced", d.balanced());
        o.addProperty("min_periods_per_entity", d.minPerEntity());
        o.addProperty("max_periods_per_entity", d.maxPerEntity());
        o.addProperty("entities_spanning_all_periods", d.entitiesSpanningPanel());
        o.add("absent_periods", strings(d.absentPeriods()));
        o.addProperty("gap_periods", d.gapPeriods());
        JsonArray gaps = new JsonArray();
        for (EntityGaps g : d.gaps()) {
            JsonObject j = new JsonObject();
            j.addProperty("entity", g.entity());
            j.addProperty("first", g.first());
            j.addProperty("last", g.last());
            j.addProperty("observed", g.observed());
            j.add("missing", strings(g.missing()));
            gaps.add(j);
        }
        o.add("gaps", gaps);
        JsonArray dups = new JsonArray();
        for (DuplicateKey k : d.duplicates()) {
            JsonObject j = new JsonObject();
            j.addProperty("entity", k.entity());
            j.addProperty("time", k.time());
            JsonArray lines = new JsonArray();
            for (int r : k.rows()) {
                lines.add(r + 2);
            }
            j.add("lines", lines);
            dups.add(j);
        }
        o.add("duplicate_keys", dups);
        o.add("singleton_entities", strings(d.singletonEntities()));
        o.add("singleton_periods", strings(d.singletonPeriods()));
        JsonArray noKey = new JsonArray();
        for (int r : d.missingKeyRows()) {
            noKey.add(r + 2);
        }
        o.add("lines_without_key", noKey);
        JsonArray cols = new JsonArray();
        for (ColumnMissing c : d.columns()) {
            JsonObject j = new JsonObject();
            j.addProperty("column", c.name());
            j.addProperty("missing", c.missing());
            j.addProperty("share", c.share());
            j.addProperty("leading", c.leading());
            j.addProperty("interior", c.interior());
            j.addProperty("trailing", c.trailing());
            j.addProperty("empty_entities", c.emptyEntities());
            j.addProperty("cells_in_empty_entities", c.inEmptyEntities());
            cols.add(j);
        }
        o.add("columns", cols);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o);
    }

    private static JsonArray strings(List<String> v) {
        JsonArray a = new JsonArray();
        v.forEach(a::add);
        return a;
    }
}
