package org.panelkit.engine.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.regions.RegionGrouping;

/** Splitting by NBS region groupings, user mappings, a break year and a column. */
class PanelSplitterTest {
    /** The study's 30 units (all but Xizang), spelt in assorted ways. */
    static final String[] STUDY_UNITS = {"Beijing", "天津市", "Hebei Province", "Shanxi", "Inner Mongolia", "辽宁",
        "Jilin", "Heilongjiang", "上海", "Jiangsu", "Zhejiang", "安徽省", "Fujian", "Jiangxi", "Shandong", "Henan",
        "Hubei", "Hunan", "Guangdong", "广西壮族自治区", "Hainan", "Chongqing", "Sichuan", "Guizhou", "Yunnan",
        "Shaanxi", "Gansu", "Qinghai", "Ningxia Hui Autonomous Region", "新疆"};

    static Columns studyPanel(List<String> extraUnits) {
        List<String> units = new ArrayList<>(List.of(STUDY_UNITS));
        units.addAll(extraUnits);
        int n = units.size() * 21;
        String[] entity = new String[n];
        double[] year = new double[n];
        double[] x = new double[n];
        int k = 0;
        for (String u : units) {
            for (int t = 2001; t <= 2021; t++) {
                entity[k] = u;
                year[k] = t;
                x[k] = k;
                k++;
            }
        }
        return new Columns(n).addKey("province", KeyColumn.ofStrings("province", entity)).addNumeric("year", year)
                .addNumeric("x", x);
    }

    @Test
    void studySampleByNbs3() {
        SplitResult r = PanelSplitter.split(studyPanel(List.of()), SplitSpec.byRegion("province", RegionGrouping.NBS3));
        assertEquals(List.of("East", "Central", "West"), r.groups());
        assertEquals(231, r.size(0));
        assertEquals(168, r.size(1));
        assertEquals(231, r.size(2));
        assertEquals(11, r.entities(0));
        assertEquals(8, r.entities(1));
        assertEquals(11, r.entities(2));
        assertEquals(0, r.unassignedRows());
    }

    @Test
    void studySampleByNbs4() {
        SplitResult r = PanelSplitter.split(studyPanel(List.of()), SplitSpec.byRegion("province", RegionGrouping.NBS4));
        assertEquals(List.of("East", "Central", "West", "Northeast"), r.groups());
        assertArrayEquals(new int[] {210, 126, 231, 63}, new int[] {r.size(0), r.size(1), r.size(2), r.size(3)});
    }

    @Test
    void unmappedRowsAreReportedNotDropped() {
        Columns c = studyPanel(List.of("Hong Kong", "Tibet"));
        SplitResult r = PanelSplitter.split(c, SplitSpec.byRegion("province", RegionGrouping.NBS3));
        assertEquals(231 + 0, r.size(0));
        assertEquals(252, r.size(2), "Tibet is West");
        assertEquals(12, r.entities(2));
        assertEquals(21, r.unassignedRows());
        assertEquals("Hong Kong", r.unassigned().get(0).value());
        assertEquals(30 * 21, r.unassigned().get(0).firstRow());
        assertEquals(-1, r.group(30 * 21 + 5));
        KeyColumn g = r.groupColumn("region");
        assertEquals("East", g.level(g.code(0)));
        assertEquals(-1, g.code(30 * 21));
    }

    @Test
    void breakYear() {
        SplitResult r = PanelSplitter.split(studyPanel(List.of()), SplitSpec.byBreak("year", 2017).withEntity("province"));
        assertEquals(List.of("2001-2016", "2017-2021"), r.groups());
        assertEquals(30 * 16, r.size(0));
        assertEquals(30 * 5, r.size(1));
        assertEquals(30, r.entities(1));
        assertEquals(2016.0, studyPanel(List.of()).numeric("year")[r.rows(0)[15]]);
        assertEquals(2017.0, studyPanel(List.of()).numeric("year")[r.rows(1)[0]]);
        PanelKitException e = assertThrows(PanelKitException.class,
                () -> PanelSplitter.split(studyPanel(List.of()), SplitSpec.byBreak("year", 2030)));
        assertEquals("the break 2030 leaves no rows at or after it (column 'year' runs from 2001 to 2021)", e.getMessage());
        e = assertThrows(PanelKitException.class,
                () -> PanelSplitter.split(studyPanel(List.of()), SplitSpec.byBreak("province", 2017)));
        assertTrue(e.getMessage().contains("column 'province' is not numeric"), e.getMessage());
    }

    @Test
    void breakWithMissingTimes() {
        Columns c = new Columns(4).addKey("id", KeyColumn.ofStrings("id", new String[] {"a", "a", "a", "a"}))
                .addNumeric("t", new double[] {1, 2, Double.NaN, 3});
        SplitResult r = PanelSplitter.split(c, SplitSpec.byBreak("t", 2.5));
        assertEquals(List.of("1-2", "3"), r.groups());
        assertEquals(1, r.unassignedRows());
        assertNull(r.unassigned().get(0).value());
        assertArrayEquals(new int[] {2}, r.unassigned().get(0).rows());
    }

    @Test
    void byColumnValues() {
        Columns c = new Columns(5).addKey("id", KeyColumn.ofStrings("id", new String[] {"a", "b", "c", "d", "e"}))
                .addKey("kind", KeyColumn.ofStrings("kind", new String[] {"coast", "inland", "coast", null, "inland"}));
        SplitResult r = PanelSplitter.split(c, SplitSpec.byColumn("kind"));
        assertEquals(List.of("coast", "inland"), r.groups());
        assertArrayEquals(new int[] {0, 2}, r.rows(0));
        assertArrayEquals(new int[] {1, 4}, r.rows(1));
        assertArrayEquals(new int[] {3}, r.unassigned().get(0).rows());
        PanelKitException e = assertThrows(PanelKitException.class, () -> PanelSplitter.split(c, SplitSpec.byColumn("sector")));
        assertTrue(e.getMessage().startsWith("unknown column 'sector' (columns: id, kind"), e.getMessage());
    }

    @Test
    void byUserMapping() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Inner Mongolia", "North");
        m.put("Beijing", "North");
        m.put("guang dong", "South");
        Columns c = new Columns(5).addKey("p", KeyColumn.ofStrings("p",
                new String[] {"内蒙古自治区", "BEIJING", "Guangdong", "Hainan", "beijing"}));
        SplitResult r = PanelSplitter.split(c, SplitSpec.byMapping("p", m));
        assertEquals(List.of("North", "South"), r.groups());
        assertArrayEquals(new int[] {0, 1, 4}, r.rows(0));
        assertArrayEquals(new int[] {2}, r.rows(1));
        assertEquals("Hainan", r.unassigned().get(0).value());
        m.put("北京", "South");
        PanelKitException e = assertThrows(PanelKitException.class, () -> PanelSplitter.split(c, SplitSpec.byMapping("p", m)));
        assertEquals("the mapping puts 'Beijing' in group 'North' and '北京' (the same unit) in group 'South'", e.getMessage());
    }
}
