package org.panelkit.engine.regions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.panelkit.engine.data.KeyColumn;

/** The reference table of China's 31 provincial-level units, its groupings and name matching. */
class ChinaRegionsTest {
    private static final ChinaRegions TABLE = ChinaRegions.standard();

    @Test
    void thirtyOneUnitsWithTheirGbCodes() {
        List<Province> all = TABLE.provinces();
        assertEquals(31, all.size());
        // GB/T 2260 province-level codes
        String expected = "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65";
        assertEquals(expected, all.stream().map(Province::shortCode).collect(Collectors.joining(" ")));
        for (Province p : all) {
            assertEquals(p.shortCode() + "0000", p.code());
            assertFalse(p.nameZh().isEmpty() || p.shortZh().isEmpty() || p.abbreviationZh().isEmpty()
                    || p.nameEn().isEmpty() || p.pinyin().isEmpty(), p.toString());
            assertTrue(p.nameZh().startsWith(p.shortZh()), p.toString());
        }
        assertEquals("内蒙古自治区", TABLE.find("15").get().nameZh());
        assertEquals("Shaanxi", TABLE.find("610000").get().nameEn());
    }

    private static List<String> names(RegionGrouping g, String group) {
        return TABLE.groups(g).get(group).stream().map(Province::nameEn).collect(Collectors.toList());
    }

    @Test
    void nbsThreeRegions() {
        Map<String, List<Province>> g = TABLE.groups(RegionGrouping.NBS3);
        assertEquals(List.of("East", "Central", "West"), new ArrayList<>(g.keySet()));
        assertEquals(new TreeSet<>(List.of("Beijing", "Tianjin", "Hebei", "Liaoning", "Shanghai", "Jiangsu", "Zhejiang",
                "Fujian", "Shandong", "Guangdong", "Hainan")), new TreeSet<>(names(RegionGrouping.NBS3, "East")));
        assertEquals(new TreeSet<>(List.of("Shanxi", "Jilin", "Heilongjiang", "Anhui", "Jiangxi", "Henan", "Hubei",
                "Hunan")), new TreeSet<>(names(RegionGrouping.NBS3, "Central")));
        assertEquals(new TreeSet<>(List.of("Inner Mongolia", "Guangxi", "Chongqing", "Sichuan", "Guizhou", "Yunnan",
                "Xizang", "Shaanxi", "Gansu", "Qinghai", "Ningxia", "Xinjiang")),
                new TreeSet<>(names(RegionGrouping.NBS3, "West")));
        assertEquals(11, g.get("East").size());
        assertEquals(8, g.get("Central").size());
        assertEquals(12, g.get("West").size());
    }

    @Test
    void nbsFourRegions() {
        Map<String, List<Province>> g = TABLE.groups(RegionGrouping.NBS4);
        assertEquals(List.of(10, 6, 12, 3), g.values().stream().map(List::size).collect(Collectors.toList()));
        assertEquals(new TreeSet<>(List.of("Liaoning", "Jilin", "Heilongjiang")),
                new TreeSet<>(names(RegionGrouping.NBS4, "Northeast")));
        assertEquals(new TreeSet<>(List.of("Shanxi", "Anhui", "Jiangxi", "Henan", "Hubei", "Hunan")),
                new TreeSet<>(names(RegionGrouping.NBS4, "Central")));
        assertEquals(new TreeSet<>(names(RegionGrouping.NBS3, "West")), new TreeSet<>(names(RegionGrouping.NBS4, "West")));
    }

    @ParameterizedTest
    @CsvSource({
        "Inner Mongolia, 150000", "Nei Mongol, 150000", "Neimenggu, 150000", "内蒙古, 150000", "内蒙古自治区, 150000",
        "inner-mongolia, 150000", "INNER MONGOLIA AUTONOMOUS REGION, 150000", "Nèi Měnggǔ, 150000", "Nei Mongol Zizhiqu, 150000",
        "Shaanxi, 610000", "Shaanxi Province, 610000", "陕西省, 610000", "Shaan'xi, 610000", "Shensi, 610000",
        "Shanxi, 140000", "Shanxi Sheng, 140000", "Shan Xi, 140000", "山西, 140000", "山西省, 140000",
        "Tibet, 540000", "Xizang, 540000", "西藏自治区, 540000", "Tibet AR, 540000", "Xizang Autonomous Region, 540000",
        "Guangxi, 450000", "Guangxi Zhuang Autonomous Region, 450000", "广西壮族自治区, 450000", "广西, 450000",
        "Ningxia, 640000", "Ningxia Hui Autonomous Region, 640000", "宁夏回族自治区, 640000",
        "Xinjiang, 650000", "Xinjiang Uygur Autonomous Region, 650000", "Xinjiang Uyghur, 650000", "新疆维吾尔自治区, 650000",
        "Beijing, 110000", "Peking, 110000", "Beijing Shi, 110000", "北京市, 110000", "beijing city, 110000",
        "11, 110000", "110000, 110000", "Ｂｅｉｊｉｎｇ, 110000", "京, 110000",
        "Chongqing Municipality, 500000", "重庆, 500000", "Heilongjiang Province, 230000", "廣東省, 440000",
        "Hubei, 420000", "Hebei, 130000", "Henan, 410000", "Hunan, 430000", "Hainan, 460000"
    })
    void namesAndVariants(String name, String code) {
        assertEquals(code, TABLE.find(name).map(Province::code).orElse("none"), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hong Kong", "Taiwan", "China", "全国", "Shan", "Mongolia", "Province", "省", "   ", "99"})
    void notAProvincialUnit(String name) {
        assertTrue(TABLE.find(name).isEmpty(), name + " -> " + TABLE.find(name));
    }

    @Test
    void everyNameOfTheTableFindsItsOwnUnit() {
        for (Province p : TABLE.provinces()) {
            List<String> names = new ArrayList<>(List.of(p.nameZh(), p.shortZh(), p.nameEn(), p.pinyin(),
                    p.nameEn() + " Province", p.nameEn().toUpperCase(), p.abbreviationZh()));
            names.addAll(p.variants());
            for (String n : names) {
                assertEquals(p, TABLE.find(n).orElse(null), n);
            }
        }
    }

    @Test
    void unmappedRowsAreReportedWithValuesAndRows() {
        KeyColumn col = KeyColumn.ofStrings("province",
                new String[] {"Beijing", "Atlantis", "Shanxi", null, "Atlantis", "陕西", "Hong Kong"});
        RegionMatch m = TABLE.match(col);
        assertEquals("110000", m.province(0).code());
        assertEquals("140000", m.province(2).code());
        assertEquals("610000", m.province(5).code());
        assertNull(m.province(1));
        assertEquals(4, m.unmappedRows());
        List<UnmappedValue> u = m.unmapped();
        assertEquals(3, u.size());
        assertEquals("Atlantis", u.get(0).value());
        assertArrayEquals(new int[] {1, 4}, u.get(0).rows());
        assertNull(u.get(1).value());
        assertArrayEquals(new int[] {3}, u.get(1).rows());
        assertEquals("Hong Kong", u.get(2).value());
        assertArrayEquals(new int[] {6}, u.get(2).rows());
    }

    @Test
    void numericCodesInANumericColumn() {
        KeyColumn col = KeyColumn.ofNumbers("code", new double[] {110000, 540000, 999999, 15});
        RegionMatch m = TABLE.match(col);
        assertEquals("Beijing", m.province(0).nameEn());
        assertEquals("Xizang", m.province(1).nameEn());
        assertNull(m.province(2));
        assertEquals("Inner Mongolia", m.province(3).nameEn());
        assertEquals("999999", m.unmapped().get(0).value());
    }
}
