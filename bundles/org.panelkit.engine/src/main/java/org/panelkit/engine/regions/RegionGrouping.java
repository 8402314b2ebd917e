package org.panelkit.engine.regions;

import java.util.List;
import java.util.Locale;

import org.panelkit.engine.PanelKitException;

/**
 * The National Bureau of Statistics (NBS) groupings of China's 31 provincial-level units.
 * <ul>
 * <li>{@link #NBS3}: the three economic belts of the Seventh Five-Year Plan (1986), with Inner Mongolia and
 * Guangxi in the West since the Western Development programme (2000): East 11 (Beijing, Tianjin, Hebei,
 * Liaoning, Shanghai, Jiangsu, Zhejiang, Fujian, Shandong, Guangdong, Hainan), Central 8 (Shanxi, Jilin,
 * Heilongjiang, Anhui, Jiangxi, Henan, Hubei, Hunan), West 12 (Inner Mongolia, Guangxi, Chongqing, Sichuan,
 * Guizhou, Yunnan, Xizang, Shaanxi, Gansu, Qinghai, Ningxia, Xinjiang).</li>
 * <li>{@link #NBS4}: the four regions NBS uses since 2011 (East 10, Central 6, West 12, Northeast 3: Liaoning,
 * Jilin, Heilongjiang).</li>
 * </ul>
 * Source: NBS, "东西中部和东北地区划分方法" (division of the eastern, western, central and northeastern
 * regions), 2011, www.stats.gov.cn.
 */
public enum RegionGrouping {
    NBS3("nbs3", List.of("East", "Central", "West")),
    NBS4("nbs4", List.of("East", "Central", "West", "Northeast"));

    private final String key;
    private final List<String> groups;

    RegionGrouping(String key, List<String> groups) {
        this.key = key;
        this.groups = groups;
    }

    /** {@code nbs3} or {@code nbs4}. */
    public String key() {
        return key;
    }

    /** The group labels in their conventional order. */
    public List<String> groups() {
        return groups;
    }

    public static RegionGrouping fromKey(String key) {
        String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        for (RegionGrouping g : values()) {
            if (g.key.equals(k)) {
                return g;
            }
        }
        throw new PanelKitException("unknown region grouping '" + key + "' (expected nbs3 or nbs4)");
    }
}
