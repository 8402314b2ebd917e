package org.panelkit.engine.regions;

import java.util.List;

/** One of China's 31 provincial-level units (province, autonomous region or municipality). Immutable. */
public final class Province {
    private final String code;
    private final String nameZh;
    private final String shortZh;
    private final String abbreviationZh;
    private final String nameEn;
    private final String pinyin;
    private final String nbs3;
    private final String nbs4;
    private final List<String> variants;

    Province(String code, String nameZh, String shortZh, String abbreviationZh, String nameEn, String pinyin,
            String nbs3, String nbs4, List<String> variants) {
        this.code = code;
        this.nameZh = nameZh;
        this.shortZh = shortZh;
        this.abbreviationZh = abbreviationZh;
        this.nameEn = nameEn;
        this.pinyin = pinyin;
        this.nbs3 = nbs3;
        this.nbs4 = nbs4;
        this.variants = List.copyOf(variants);
    }

    /** The six-digit GB/T 2260 administrative division code, e.g. {@code 110000} for Beijing. */
    public String code() { return code; }
    /** The two-digit province part of the code, e.g. {@code 11}. */
    public String shortCode() { return code.substring(0, 2); }
    /** The full Chinese name, e.g. 内蒙古自治区. */
    public String nameZh() { return nameZh; }
    /** The Chinese name without the administrative suffix, e.g. 内蒙古. */
    public String shortZh() { return shortZh; }
    /** The one-character abbreviation (简称), e.g. 蒙. */
    public String abbreviationZh() { return abbreviationZh; }
    /** The English name, e.g. Inner Mongolia. */
    public String nameEn() { return nameEn; }
    /** Hanyu Pinyin without tones, e.g. Neimenggu. */
    public String pinyin() { return pinyin; }
    /** Other spellings recognised when matching names (Wade-Giles/postal, long forms, traditional characters). */
    public List<String> variants() { return variants; }

    /** The group of this unit in a grouping: East, Central, West (and Northeast for NBS4). */
    public String group(RegionGrouping grouping) {
        return grouping == RegionGrouping.NBS3 ? nbs3 : nbs4;
    }

    @Override
    public String toString() {
        return nameEn + " (" + nameZh + ", " + code + ")";
    }
}
