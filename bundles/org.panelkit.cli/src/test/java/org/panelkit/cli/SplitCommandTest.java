package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panelkit.cli.PrepTesting.run;
import static org.panelkit.cli.PrepTesting.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code panelkit split} and {@code panelkit regions} end to end. */
class SplitCommandTest {
    @TempDir
    Path dir;

    /** The study's 30 units (no Xizang) spelt in assorted ways, plus Hong Kong, over 2001-2021. */
    static final String[] UNITS = {"Beijing", "天津市", "Hebei Province", "Shanxi", "Inner Mongolia", "辽宁", "Jilin",
        "Heilongjiang", "上海", "Jiangsu", "Zhejiang", "安徽省", "Fujian", "Jiangxi", "Shandong", "Henan", "Hubei", "Hunan",
        "Guangdong", "广西壮族自治区", "Hainan", "Chongqing", "Sichuan", "Guizhou", "Yunnan", "Shaanxi", "Gansu", "Qinghai",
        "Ningxia Hui Autonomous Region", "新疆", "Hong Kong"};

    Path panel() throws Exception {
        StringBuilder b = new StringBuilder("province,year,x\n");
        for (String u : UNITS) {
            for (int t = 2001; t <= 2021; t++) {
                b.append(u).append(',').append(t).append(',').append(t - 2000).append('\n');
            }
        }
        return write(dir, "panel.csv", b.toString());
    }

    @Test
    void byNbs3RegionsWithUnmappedRowsReported() throws Exception {
        Path in = panel();
        Path out = dir.resolve("groups");
        PrepTesting.Run r = run("split", "--data", in.toString(), "--split", "region-nbs3", "--entity", "province", "--out",
                out.toString());
        assertEquals(0, r.code, r.toString());
        assertEquals(1 + 231, Files.readAllLines(out.resolve("East.csv")).size());
        assertEquals(1 + 168, Files.readAllLines(out.resolve("Central.csv")).size());
        assertEquals(1 + 231, Files.readAllLines(out.resolve("West.csv")).size());
        List<String> unassigned = Files.readAllLines(out.resolve("_unassigned.csv"));
        assertEquals(1 + 21, unassigned.size());
        assertEquals("Hong Kong,2001,1", unassigned.get(1));
        assertTrue(r.out.matches("(?s).*East\\s+231\\s+11 .*Central\\s+168\\s+8 .*West\\s+231\\s+11 .*"), r.out);
        assertTrue(r.err.startsWith("warning: 21 rows could not be assigned to a group by column 'province': 'Hong Kong'"
                + " in line 632, line 633"), r.err);
        // every input line is in exactly one output file, unchanged
        List<String> all = new ArrayList<>();
        for (String f : List.of("East.csv", "Central.csv", "West.csv", "_unassigned.csv")) {
            List<String> lines = Files.readAllLines(out.resolve(f));
            assertEquals("province,year,x", lines.get(0));
            all.addAll(lines.subList(1, lines.size()));
        }
        List<String> input = Files.readAllLines(in);
        all.sort(null);
        List<String> expected = new ArrayList<>(input.subList(1, input.size()));
        expected.sort(null);
        assertEquals(expected, all);
    }

    @Test
    void byBreakYear() throws Exception {
        Path out = dir.resolve("years");
        PrepTesting.Run r = run("split", "--data", panel().toString(), "--split", "year:2017", "--time", "year", "--entity",
                "province", "--out", out.toString());
        assertEquals(0, r.code, r.toString());
        List<String> before = Files.readAllLines(out.resolve("2001-2016.csv"));
        List<String> after = Files.readAllLines(out.resolve("2017-2021.csv"));
        assertEquals(1 + 31 * 16, before.size());
        assertEquals(1 + 31 * 5, after.size());
        assertTrue(before.stream().skip(1).allMatch(l -> Integer.parseInt(l.split(",")[1]) < 2017));
        assertTrue(after.stream().skip(1).allMatch(l -> Integer.parseInt(l.split(",")[1]) >= 2017));
        assertTrue(r.out.contains("'year' before 2017 / from 2017 on"), r.out);
        assertFalse(Files.exists(out.resolve("_unassigned.csv")));
    }

    @Test
    void byColumnAsAGroupColumnAndByMapping() throws Exception {
        Path in = write(dir, "c.csv", "id,kind,v\na,coast,1\nb,inland,2\nc,,3\nd,coast,4\n");
        Path out = dir.resolve("g.csv");
        PrepTesting.Run r = run("split", "--data", in.toString(), "--split", "column:kind", "--group-column", "grp", "--out",
                out.toString());
        assertEquals(0, r.code, r.toString());
        assertEquals(List.of("id,kind,v,grp", "a,coast,1,coast", "b,inland,2,inland", "c,,3,", "d,coast,4,coast"),
                Files.readAllLines(out));
        assertTrue(r.err.contains("(missing) in line 4"), r.err);

        Path map = write(dir, "map.csv", "name,zone\nInner Mongolia,North\n北京,North\nGuangdong,South\n");
        Path p = write(dir, "p.csv", "prov,year\n内蒙古,2001\nBeijing Shi,2001\nGuang Dong,2001\nHainan,2001\n");
        Path gdir = dir.resolve("zones");
        r = run("split", "--data", p.toString(), "--by", "mapping", "--entity", "prov", "--mapping", map.toString(),
                "--out", gdir.toString());
        assertEquals(0, r.code, r.toString());
        assertEquals(List.of("prov,year", "内蒙古,2001", "Beijing Shi,2001"), Files.readAllLines(gdir.resolve("North.csv")));
        assertEquals(List.of("prov,year", "Guang Dong,2001"), Files.readAllLines(gdir.resolve("South.csv")));
        assertEquals(List.of("prov,year", "Hainan,2001"), Files.readAllLines(gdir.resolve("_unassigned.csv")));
    }

    @Test
    void badInput() throws Exception {
        String in = panel().toString();
        PrepTesting.Run r = run("split", "--data", in, "--split", "region-nbs3", "--out", dir.resolve("x").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("error: --split region-nbs3 needs --entity COL"), r.err);
        r = run("split", "--data", in, "--by", "province", "--out", dir.resolve("x").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("error: unknown --split 'province'"), r.err);
        r = run("split", "--data", in, "--by", "year:2017", "--time", "province", "--out", dir.resolve("x").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("error: column 'province' is not numeric"), r.err);
        r = run("split", "--data", in, "--by", "year:1990", "--time", "year", "--out", dir.resolve("x").toString());
        assertEquals(2, r.code);
        assertEquals("error: the break 1990 leaves no rows before it (column 'year' runs from 2001 to 2021)\n", r.err);
        r = run("split", "--data", in, "--by", "column:sector", "--out", dir.resolve("x").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("error: unknown column 'sector'"), r.err);
    }

    @Test
    void regionsTable() {
        PrepTesting.Run text = run("regions");
        assertEquals(0, text.code, text.toString());
        assertTrue(text.out.contains("nbs3: East 11, Central 8, West 12"), text.out);
        assertTrue(text.out.contains("nbs4: East 10, Central 6, West 12, Northeast 3"), text.out);
        PrepTesting.Run csv = run("regions", "--format", "csv");
        String[] lines = csv.out.split("\n");
        assertEquals(32, lines.length);
        assertTrue(lines[5].startsWith("150000,内蒙古自治区,内蒙古,蒙,Inner Mongolia,Neimenggu,West,West,"), lines[5]);
        PrepTesting.Run json = run("regions", "--format", "json");
        var a = com.google.gson.JsonParser.parseString(json.out).getAsJsonArray();
        assertEquals(31, a.size());
        assertEquals("Xizang", a.get(25).getAsJsonObject().get("name_en").getAsString());
        assertEquals(2, run("regions", "--format", "xml").code);
    }
}
