package org.panelkit.engine.regions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.panelkit.engine.data.KeyColumn;

/**
 * The reference table of China's 31 provincial-level units (22 provinces, 5 autonomous regions, 4
 * municipalities; Hong Kong, Macao and Taiwan are not in it): GB/T 2260 code, Chinese names, English and
 * pinyin names with common variants, and the NBS groupings ({@link RegionGrouping}). The table is the resource
 * {@code china_provinces.csv} beside this class, read through the class loader (so it works inside OSGi).
 *
 * <p>Names are matched by {@link #find(String)}: case-insensitive; spaces, hyphens, apostrophes and other
 * punctuation ignored; tone marks removed (Nèi Měnggǔ = Nei Menggu); by the six- or two-digit code; by any
 * Chinese or English name or variant; and, when nothing matches as written, after removing a trailing
 * administrative word (Province, Sheng, Municipality, Shi, City, Autonomous Region, Zizhiqu, AR, 省, 市, 自治区
 * and the ethnic forms 壮族自治区, 回族自治区, 维吾尔自治区). A suffix is only removed when the rest is a known
 * name, so Shaanxi (陕西, 61) and Shanxi (山西, 14) never meet.
 */
public final class ChinaRegions {
    private static final String RESOURCE = "china_provinces.csv";
    private static final String[] SUFFIXES;

    static {
        String[] s = {"autonomousregion", "zizhiqu", "province", "provincial", "municipality", "sheng", "city",
            "shi", "ar", "壮族自治区", "壯族自治區", "回族自治区", "回族自治區", "维吾尔自治区", "維吾爾自治區", "自治区",
            "自治區", "省", "市"};
        Arrays.sort(s, Comparator.comparingInt(String::length).reversed());
        SUFFIXES = s;
    }

    private static volatile ChinaRegions standard;

    private final List<Province> provinces;
    private final Map<String, Province> byKey;

    private ChinaRegions(List<Province> provinces) {
        this.provinces = Collections.unmodifiableList(new ArrayList<>(provinces));
        Map<String, Province> keys = new HashMap<>();
        for (Province p : provinces) {
            List<String> names = new ArrayList<>(List.of(p.code(), p.shortCode(), p.nameZh(), p.shortZh(),
                    p.abbreviationZh(), p.nameEn(), p.pinyin()));
            names.addAll(p.variants());
            for (String n : names) {
                String k = normalize(n);
                if (k.isEmpty()) {
                    continue;
                }
                Province before = keys.putIfAbsent(k, p);
                if (before != null && before != p) {
                    throw new IllegalStateException("region table: name '" + n + "' of " + p + " is also a name of "
                            + before);
                }
            }
        }
        this.byKey = keys;
    }

    /** The built-in table (loaded once). */
    public static ChinaRegions standard() {
        ChinaRegions t = standard;
        if (t == null) {
            synchronized (ChinaRegions.class) {
                t = standard;
                if (t == null) {
                    t = load();
                    standard = t;
                }
            }
        }
        return t;
    }

    private static ChinaRegions load() {
        try (InputStream in = ChinaRegions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the engine bundle");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = r.readLine();
            if (header == null || !header.startsWith("code,name_zh,short_zh,abbr_zh,name_en,pinyin,nbs3,nbs4")) {
                throw new IllegalStateException("resource " + RESOURCE + " has an unexpected header: " + header);
            }
            List<Province> list = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 9) {
                    throw new IllegalStateException(RESOURCE + ", line " + lineNo + ": " + f.length
                            + " fields, expected 9");
                }
                List<String> variants = new ArrayList<>();
                for (String v : f[8].split(";")) {
                    if (!v.isBlank()) {
                        variants.add(v.strip());
                    }
                }
                checkGroup(f[6], RegionGrouping.NBS3, lineNo);
                checkGroup(f[7], RegionGrouping.NBS4, lineNo);
                list.add(new Province(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip(),
                        f[5].strip(), f[6].strip(), f[7].strip(), variants));
            }
            return new ChinaRegions(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkGroup(String g, RegionGrouping grouping, int lineNo) {
        if (!grouping.groups().contains(g.strip())) {
            throw new IllegalStateException(RESOURCE + ", line " + lineNo + ": '" + g + "' is not a group of "
                    + grouping.key());
        }
    }

    /** The 31 units in code order. */
    public List<Province> provinces() {
        return provinces;
    }

    /** The units of each group of a grouping, groups in their conventional order. */
    public Map<String, List<Province>> groups(RegionGrouping grouping) {
        Map<String, List<Province>> out = new LinkedHashMap<>();
        for (String g : grouping.groups()) {
            out.put(g, new ArrayList<>());
        }
        for (Province p : provinces) {
            out.get(p.group(grouping)).add(p);
        }
        out.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The unit a name or code denotes, or empty when it is not one of the 31 (also for {@code null} and blank).
     */
    public Optional<Province> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String k = normalize(name);
        if (k.isEmpty()) {
            return Optional.empty();
        }
        Province p = byKey.get(k);
        // strip at most two administrative words ("Xinjiang Uygur Autonomous Region", "Beijing Shi City")
        for (int round = 0; p == null && round < 2; round++) {
            String stripped = null;
            for (String s : SUFFIXES) {
                if (k.length() > s.length() && k.endsWith(s)) {
                    stripped = k.substring(0, k.length() - s.length());
                    break;
                }
            }
            if (stripped == null) {
                break;
            }
            k = stripped;
            p = byKey.get(k);
        }
        return Optional.ofNullable(p);
    }

    /**
     * Matches every row of a column (names or codes) to a unit. Rows that cannot be mapped, including missing
     * cells, are listed in {@link RegionMatch#unmapped()}; nothing is dropped.
     */
    public RegionMatch match(KeyColumn column) {
        int levels = column.levelCount();
        Province[] byLevel = new Province[levels];
        for (int c = 0; c < levels; c++) {
            byLevel[c] = find(column.level(c)).orElse(null);
        }
        int n = column.size();
        int[] index = new int[n];
        Map<Province, Integer> position = new HashMap<>();
        for (int i = 0; i < provinces.size(); i++) {
            position.put(provinces.get(i), i);
        }
        int[] levelIndex = new int[levels];
        for (int c = 0; c < levels; c++) {
            levelIndex[c] = byLevel[c] == null ? -1 : position.get(byLevel[c]);
        }
        int[] unmappedCount = new int[levels + 1]; // last slot: missing cells
        for (int i = 0; i < n; i++) {
            int c = column.code(i);
            int p = c < 0 ? -1 : levelIndex[c];
            index[i] = p;
            if (p < 0) {
                unmappedCount[c < 0 ? levels : c]++;
            }
        }
        return new RegionMatch(this, index, UnmappedRows.collect(column, levelIndex, unmappedCount));
    }

    /**
     * The comparison form of a name: Unicode NFKC (full-width letters become ASCII), tone marks removed, lower
     * case, only letters and digits kept.
     */
    public static String normalize(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
        s = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                b.appendCodePoint(Character.toLowerCase(cp));
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** Gathers the rows of each unmapped level (and of missing cells) in one pass. */
    static final class UnmappedRows {
        private UnmappedRows() {
        }

        /**
         * @param levelIndex    per level, the assigned index or -1
         * @param unmappedCount per level (and in the last slot for missing cells) the number of unassigned rows
         */
        static List<UnmappedValue> collect(KeyColumn column, int[] levelIndex, int[] unmappedCount) {
            int levels = levelIndex.length;
            int[][] rows = new int[levels + 1][];
            int[] fill = new int[levels + 1];
            boolean any = false;
            for (int c = 0; c <= levels; c++) {
                if (unmappedCount[c] > 0) {
                    rows[c] = new int[unmappedCount[c]];
                    any = true;
                }
            }
            if (!any) {
                return List.of();
            }
            for (int i = 0, n = column.size(); i < n; i++) {
                int c = column.code(i);
                int slot = c < 0 ? levels : c;
                if (rows[slot] != null && (c < 0 || levelIndex[c] < 0)) {
                    rows[slot][fill[slot]++] = i;
                }
            }
            List<UnmappedValue> out = new ArrayList<>();
            for (int c = 0; c <= levels; c++) {
                if (rows[c] != null) {
                    out.add(new UnmappedValue(c == levels ? null : column.level(c), rows[c]));
                }
            }
            out.sort(Comparator.comparingInt(UnmappedValue::firstRow));
            return List.copyOf(out);
        }
    }
}
