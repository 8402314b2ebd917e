package org.panelkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.regions.RegionGrouping;
import org.panelkit.engine.regions.UnmappedValue;
import org.panelkit.engine.split.PanelSplitter;
import org.panelkit.engine.split.SplitResult;
import org.panelkit.engine.split.SplitSpec;

import de.siegmar.fastcsv.writer.CsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code panelkit split}: subsamples by China's NBS regions, a user mapping, a break year or a column's values;
 * one CSV per group in a directory, or the input with a group column. Rows that cannot be assigned are
 * reported (and written to {@code _unassigned.csv}), never dropped silently.
 */
@Command(name = "split", mixinStandardHelpOptions = true,
        customSynopsis = {"panelkit split --data FILE.csv --split",
                "    region-nbs3|region-nbs4|mapping|year:Y|column:COL --out DIR|FILE",
                "    [OPTIONS]"},
        footer = {"",
            "Examples:",
            "  panelkit split --data panel.csv --split region-nbs3 --entity province \\",
            "      --out by-region",
            "  panelkit split --data panel.csv --split year:2017 --time year \\",
            "      --group-column period --out panel_periods.csv"},
        sortOptions = false,
        description = {"Split a panel into subsamples by region, break year or column values.",
            "By NBS region (region-nbs3, region-nbs4),",
            "a mapping table (mapping), a break year (year:2017: before < 2017 <= after)",
            "or a column's values (column:COL). Writes one CSV per group into --out DIR,",
            "or the input with a group column (--group-column NAME --out FILE)."})
final class SplitCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    DelimiterOption delimiterOption;

    private static final int MAX_FILES = 1000;
    private static final String UNASSIGNED = "_unassigned";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv|@NAME", converter = Datasets.DataPath.class,
            description = "CSV file with a header row, separated by commas, semicolons or tabs, or @NAME: a shipped "
                    + "dataset (panelkit datasets) (required)")
    Path data;

    @Option(names = "--split", paramLabel = "region-nbs3|region-nbs4|mapping|year:Y|column:COL",
            description = "what to split by (required): region-nbs3/region-nbs4 (the --entity column's provinces by "
                    + "NBS region), mapping (--mapping FILE), year:Y (the --time column before Y and from Y on) or "
                    + "column:COL (one group per value)")
    String by;

    /** The old spelling of --split. */
    @Option(names = "--by", paramLabel = "SPLIT", hidden = true, description = "old spelling of --split")
    void byAlias(String v) {
        by = v;
    }

    @Option(names = "--entity", paramLabel = "COL",
            description = "entity (province) column: required for region and mapping splits, else counted per group "
                    + "(default: none)")
    String entity;

    @Option(names = "--time", paramLabel = "COL", description = "time column (required for year:Y; default: none)")
    String time;

    @Option(names = "--mapping", paramLabel = "FILE.csv", description = "mapping table entity -> group (required with --split mapping)")
    Path mapping;

    @Option(names = "--mapping-entity", paramLabel = "COL", description = "entity column of the mapping (default: its first)")
    String mappingEntity;

    @Option(names = "--mapping-group", paramLabel = "COL", description = "group column of the mapping (default: its second)")
    String mappingGroup;

    @Option(names = "--group-column", paramLabel = "NAME",
            description = "write the input with this group column to --out FILE (default: one file per group "
                    + "in --out DIR)")
    String groupColumn;

    @Option(names = "--out", required = true, paramLabel = "DIR|FILE",
            description = "directory for the group files, or the output file with --group-column (required)")
    Path out;

    @Override
    public Integer call() {
        SplitSpec split = parse();
        List<String> keys = new ArrayList<>();
        keys.add(split.column());
        if (split.entity() != null && !keys.contains(split.entity())) {
            keys.add(split.entity());
        }
        List<String> header = CsvColumns.header(data);
        if (groupColumn != null) {
            PrepCsv.checkNewColumns(header, List.of(groupColumn), data);
            PrepCsv.checkNotInput(out, data);
        }
        CsvColumns columns = CsvColumns.read(data, List.of(), keys);
        SplitResult r = PanelSplitter.split(columns, split);
        PrintWriter o = spec.commandLine().getOut();
        List<String> files = groupColumn != null ? writeWithGroupColumn(columns, header, r) : writeGroups(columns, header, r);
        o.printf(Locale.ROOT, "split of %s by %s: %d rows%n", data.getFileName(), describe(split), r.rowCount());
        row(o, "group", "rows", "entities", groupColumn != null ? "" : "file");
        for (int g = 0; g < r.groups().size(); g++) {
            row(o, r.groups().get(g), Integer.toString(r.size(g)), r.entities(g) < 0 ? "" : Integer.toString(r.entities(g)),
                    files.get(g));
        }
        if (r.unassignedRows() > 0) {
            row(o, "(unassigned)", Integer.toString(r.unassignedRows()), "",
                    groupColumn != null ? "" : out.resolve(UNASSIGNED + ".csv").toString());
        }
        if (groupColumn != null) {
            o.printf(Locale.ROOT, "wrote %s with column '%s'%n", out, groupColumn);
        }
        o.flush();
        if (r.unassignedRows() > 0) {
            PrintWriter err = spec.commandLine().getErr();
            StringBuilder b = new StringBuilder();
            int shown = 0;
            for (UnmappedValue v : r.unassigned()) {
                if (shown++ == 10) {
                    b.append("; ... (").append(r.unassigned().size()).append(" values)");
                    break;
                }
                b.append(shown > 1 ? "; " : "").append(v.value() == null ? "(missing)" : "'" + v.value() + "'")
                        .append(" in ").append(PrepCsv.lines(columns, v.rows()));
            }
            err.println("warning: " + r.unassignedRows() + " row" + (r.unassignedRows() == 1 ? "" : "s")
                    + " could not be assigned to a group by column '" + split.column() + "': " + b + "; "
                    + (groupColumn != null ? "their " + groupColumn + " is empty"
                            : (r.unassignedRows() == 1 ? "it is in " : "they are in ") + out.resolve(UNASSIGNED + ".csv")));
            err.flush();
        }
        return 0;
    }

    private static void row(PrintWriter o, String group, String rows, String entities, String file) {
        o.println(String.format(Locale.ROOT, "%-20s %10s %9s  %s", group, rows, entities, file).stripTrailing());
    }

    private SplitSpec parse() {
        if (by == null) {
            throw new IllegalArgumentException("missing --split (region-nbs3, region-nbs4, mapping, year:Y or column:COL)");
        }
        String b = by.strip();
        String lower = b.toLowerCase(Locale.ROOT);
        if (mapping != null && !lower.equals("mapping")) {
            throw new IllegalArgumentException("--mapping goes with --split mapping");
        }
        if (lower.equals("region-nbs3") || lower.equals("region-nbs4")) {
            requireEntity(b);
            return SplitSpec.byRegion(entity, RegionGrouping.fromKey(lower.substring("region-".length())));
        }
        if (lower.equals("mapping")) {
            requireEntity(b);
            if (mapping == null) {
                throw new IllegalArgumentException("--split mapping needs --mapping FILE.csv");
            }
            return SplitSpec.byMapping(entity, readMapping());
        }
        if (lower.startsWith("year:")) {
            if (time == null) {
                throw new IllegalArgumentException("--split " + b + " needs --time COL");
            }
            double br;
            try {
                br = Double.parseDouble(b.substring(5).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--split " + b + ": '" + b.substring(5) + "' is not a year");
            }
            return SplitSpec.byBreak(time, br).withEntity(entity);
        }
        if (lower.startsWith("column:") && b.length() > 7) {
            return SplitSpec.byColumn(b.substring(7).strip()).withEntity(entity);
        }
        throw new IllegalArgumentException("unknown --split '" + b + "' (expected region-nbs3, region-nbs4, mapping, year:Y"
                + " or column:COL)");
    }

    private void requireEntity(String b) {
        if (entity == null) {
            throw new IllegalArgumentException("--split " + b + " needs --entity COL (the province column)");
        }
    }

    private Map<String, String> readMapping() {
        List<String> h = CsvColumns.header(mapping);
        if ((mappingEntity == null || mappingGroup == null) && h.size() < 2) {
            throw new PanelKitException("mapping '" + mapping + "' needs two columns (entity, group)");
        }
        String me = mappingEntity != null ? mappingEntity : h.get(0);
        String mg = mappingGroup != null ? mappingGroup : h.get(1);
        CsvColumns m = CsvColumns.read(mapping, List.of(), List.of(me, mg));
        KeyColumn ek = m.key(me);
        KeyColumn gk = m.key(mg);
        Map<String, String> map = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < m.rowCount(); i++) {
            if (ek.code(i) < 0 || gk.code(i) < 0) {
                throw new PanelKitException("mapping '" + mapping + "', " + m.rowLabel(i) + ": the "
                        + (ek.code(i) < 0 ? "entity ('" + me + "')" : "group ('" + mg + "')") + " is empty");
            }
            String e = ek.level(ek.code(i));
            String g = gk.level(gk.code(i));
            String before = map.putIfAbsent(e, g);
            if (before != null && !before.equals(g)) {
                throw new PanelKitException("mapping '" + mapping + "': '" + e + "' is in group '" + before + "' ("
                        + m.rowLabel(lineOf.get(e)) + ") and in group '" + g + "' (" + m.rowLabel(i) + ")");
            }
            lineOf.putIfAbsent(e, i);
        }
        return map;
    }

    private static String describe(SplitSpec s) {
        switch (s.kind()) {
        case REGION:
            return "NBS " + (s.grouping() == RegionGrouping.NBS3 ? "three" : "four") + "-region grouping of '"
                    + s.column() + "'";
        case MAPPING:
            return "mapping of '" + s.column() + "'";
        case BREAK:
            return "'" + s.column() + "' before " + number(s.breakValue()) + " / from " + number(s.breakValue()) + " on";
        default:
            return "values of '" + s.column() + "'";
        }
    }

    private static String number(double v) {
        return PrepCsv.number(v);
    }

    private List<String> writeGroups(CsvColumns columns, List<String> header, SplitResult r) {
        int groups = r.groups().size();
        if (groups > MAX_FILES) {
            throw new PanelKitException("column '" + r.spec().column() + "' has " + groups + " distinct values; at most "
                    + MAX_FILES + " files are written (use --group-column NAME --out FILE instead)");
        }
        OutputPaths.directory(out);
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        used.add(UNASSIGNED.toLowerCase(Locale.ROOT));
        CsvWriter[] writers = new CsvWriter[groups];
        Path[] paths = new Path[groups];
        for (int g = 0; g < groups; g++) {
            if (r.size(g) == 0) {
                names.add("(no rows, no file)");
                continue;
            }
            String base = fileName(r.groups().get(g));
            String name = base;
            for (int k = 2; !used.add(name.toLowerCase(Locale.ROOT)); k++) {
                name = base + "_" + k;
            }
            paths[g] = out.resolve(name + ".csv");
            PrepCsv.checkNotInput(paths[g], data);
            names.add(paths[g].toString());
        }
        Path unassignedPath = out.resolve(UNASSIGNED + ".csv");
        try {
            Files.deleteIfExists(unassignedPath); // a stale list from an earlier run would mislead
        } catch (IOException e) {
            throw new PanelKitException("cannot write '" + unassignedPath + "': " + OutputPaths.reason(e));
        }
        CsvWriter unassigned = r.unassignedRows() > 0 ? PrepCsv.writer(unassignedPath) : null;
        try {
            for (int g = 0; g < groups; g++) {
                if (paths[g] != null) {
                    writers[g] = PrepCsv.writer(paths[g]);
                    writers[g].writeRecord(header);
                }
            }
            if (unassigned != null) {
                unassigned.writeRecord(header);
            }
            PrepCsv.stream(data, header.size(), columns.rowCount(), (row, fields) -> {
                int g = r.group(row);
                (g < 0 ? unassigned : writers[g]).writeRecord(fields);
            });
        } finally {
            for (int g = 0; g < groups; g++) {
                if (writers[g] != null) {
                    PrepCsv.close(writers[g], paths[g]);
                }
            }
            if (unassigned != null) {
                PrepCsv.close(unassigned, unassignedPath);
            }
        }
        return names;
    }

    /** A file name from a group label: letters, digits, '-', '_' and '.' kept, anything else '_'. */
    static String fileName(String label) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < label.length(); ) {
            int cp = label.codePointAt(i);
            i += Character.charCount(cp);
            b.appendCodePoint(Character.isLetterOrDigit(cp) || cp == '-' || cp == '_' || cp == '.' ? cp : '_');
        }
        String s = b.toString();
        if (s.isEmpty() || s.chars().allMatch(c -> c == '.')) {
            return "group";
        }
        return s;
    }

    private List<String> writeWithGroupColumn(CsvColumns columns, List<String> header, SplitResult r) {
        CsvWriter w = PrepCsv.writer(out);
        List<String> head = new ArrayList<>(header);
        head.add(groupColumn);
        int width = header.size();
        String[] rec = new String[width + 1];
        try {
            w.writeRecord(head);
            PrepCsv.stream(data, width, columns.rowCount(), (row, fields) -> {
                for (int c = 0; c < width; c++) {
                    rec[c] = fields.get(c);
                }
                int g = r.group(row);
                rec[width] = g < 0 ? "" : r.groups().get(g);
                w.writeRecord(rec);
            });
        } finally {
            PrepCsv.close(w, out);
        }
        List<String> names = new ArrayList<>();
        for (int g = 0; g < r.groups().size(); g++) {
            names.add("");
        }
        return names;
    }
}
