package org.panelkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.panelkit.engine.regions.ChinaRegions;
import org.panelkit.engine.regions.Province;
import org.panelkit.engine.regions.RegionGrouping;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import de.siegmar.fastcsv.writer.CsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code panelkit regions}: prints the reference table of China's 31 provincial-level units. */
@Command(name = "regions", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  panelkit regions", "  panelkit regions --format csv > provinces.csv"},
        description = {"Print the reference table of China's 31 provincial-level units.",
            "GB/T 2260 code, Chinese and English/pinyin",
            "names with the variants 'split' recognises, NBS three- and four-region groups."})
final class RegionsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|csv|json",
            description = "output format: text, csv or json (default: ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() {
        ChinaRegions table = ChinaRegions.standard();
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
        case "text":
            text(table, out);
            break;
        case "csv":
            csv(table, out);
            break;
        case "json":
            out.println(json(table));
            break;
        default:
            throw new IllegalArgumentException("unknown format '" + format + "' (expected text, csv or json)");
        }
        out.flush();
        return 0;
    }

    private static void text(ChinaRegions table, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"code", "name", "short", "abbr", "English", "pinyin", "NBS3", "NBS4", "variants"});
        for (Province p : table.provinces()) {
            rows.add(new String[] {p.code(), p.nameZh(), p.shortZh(), p.abbreviationZh(), p.nameEn(), p.pinyin(),
                p.group(RegionGrouping.NBS3), p.group(RegionGrouping.NBS4), String.join("; ", p.variants())});
        }
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], displayWidth(r[c]));
            }
        }
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                b.append(r[c]);
                if (c < cols - 1) {
                    b.append(" ".repeat(width[c] - displayWidth(r[c]) + 2));
                }
            }
            out.println(b.toString().stripTrailing());
        }
        out.println();
        for (RegionGrouping g : RegionGrouping.values()) {
            StringBuilder b = new StringBuilder(g.key()).append(":");
            for (Map.Entry<String, List<Province>> e : table.groups(g).entrySet()) {
                b.append(' ').append(e.getKey()).append(' ').append(e.getValue().size()).append(',');
            }
            b.setLength(b.length() - 1);
            out.println(b);
        }
    }

    /** Columns a string takes in a terminal: East Asian wide characters take two. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean wide = cp >= 0x1100 && cp <= 0x115F || cp >= 0x2E80 && cp <= 0xA4CF || cp >= 0xAC00 && cp <= 0xD7A3
                    || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F || cp >= 0xFF00 && cp <= 0xFF60
                    || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x20000 && cp <= 0x3FFFD;
            w += wide ? 2 : 1;
        }
        return w;
    }

    private static void csv(ChinaRegions table, PrintWriter out) {
        CsvWriter w = PrepCsv.writer(out);
        w.writeRecord("code", "name_zh", "short_zh", "abbr_zh", "name_en", "pinyin", "nbs3", "nbs4", "variants");
        for (Province p : table.provinces()) {
            w.writeRecord(p.code(), p.nameZh(), p.shortZh(), p.abbreviationZh(), p.nameEn(), p.pinyin(),
                    p.group(RegionGrouping.NBS3), p.group(RegionGrouping.NBS4), String.join(";", p.variants()));
        }
        PrepCsv.close(w, null);
    }

    static String json(ChinaRegions table) {
        JsonArray a = new JsonArray();
        for (Province p : table.provinces()) {
            JsonObject o = new JsonObject();
            o.addProperty("code", p.code());
            o.addProperty("name_zh", p.nameZh());
            o.addProperty("short_zh", p.shortZh());
            o.addProperty("abbr_zh", p.abbreviationZh());
            o.addProperty("name_en", p.nameEn());
            o.addProperty("pinyin", p.pinyin());
            o.addProperty("nbs3", p.group(RegionGrouping.NBS3));
            o.addProperty("nbs4", p.group(RegionGrouping.NBS4));
            JsonArray v = new JsonArray();
            p.variants().forEach(v::add);
            o.add("variants", v);
            a.add(o);
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(a);
    }
}
