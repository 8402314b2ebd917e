package org.panelkit.engine.describe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.testing.TestData;

/**
 * Panel diagnostics on plm's Produc with cells knocked out (testdata/oracle/interp/Produc_holed.csv; the
 * knocked-out cells are listed in Produc_mask.csv), and on variants of it with rows removed or duplicated.
 */
class PanelDescriberTest {
    private static Columns holed;

    @BeforeAll
    static void read() {
        holed = TestData.readCsv(TestData.oracle("interp/Produc_holed.csv"));
    }

    private static String state(Columns c, int row) {
        KeyColumn k = c.key("state");
        return k.level(k.code(row));
    }

    @Test
    void holedProducIsBalancedWithMissingCells() throws IOException {
        PanelDescription d = PanelDescriber.describe(holed, "state", "year");
        assertEquals(816, d.rows());
        assertEquals(48, d.entities());
        assertEquals(17, d.periods());
        assertEquals("1970", d.firstPeriod());
        assertEquals("1986", d.lastPeriod());
        assertEquals(1.0, d.step());
        assertTrue(d.balanced());
        assertTrue(d.gaps().isEmpty() && d.duplicates().isEmpty() && d.singletonEntities().isEmpty());
        assertEquals(17, d.minPerEntity());
        assertEquals(48, d.entitiesSpanningPanel());
        // missing cells per variable = the knocked-out cells listed in the mask
        Map<String, Integer> masked = new HashMap<>();
        List<String> lines = Files.readAllLines(TestData.oracle("interp/Produc_mask.csv"));
        for (String line : lines.subList(1, lines.size())) {
            masked.merge(line.split(",")[2], 1, Integer::sum);
        }
        for (ColumnMissing c : d.columns()) {
            int expected = masked.getOrDefault(c.name(), 0);
            assertEquals(expected, c.missing(), c.name());
            assertEquals(expected / 816.0, c.share(), 1e-15, c.name());
            assertEquals(c.missing(), c.leading() + c.interior() + c.trailing() + c.inEmptyEntities(), c.name());
        }
        ColumnMissing emp = column(d, "emp");
        assertEquals(1, emp.emptyEntities(), "VERMONT emp is entirely missing");
        assertEquals(17, emp.inEmptyEntities());
        // interior / leading / trailing checked against a direct count per state (rows are in state-year order)
        for (String v : List.of("pcap", "emp", "unemp")) {
            int[] split = directCount(holed, v);
            ColumnMissing c = column(d, v);
            assertArrayEquals(split, new int[] {c.leading(), c.interior(), c.trailing()}, v);
        }
    }

    private static ColumnMissing column(PanelDescription d, String name) {
        return d.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** Leading, interior, trailing missing cells, state by state over its 17 consecutive rows. */
    private static int[] directCount(Columns c, String v) {
        double[] x = c.numeric(v);
        int[] out = new int[3];
        for (int s = 0; s < 48; s++) {
            int first = -1;
            int last = -1;
            for (int t = 0; t < 17; t++) {
                if (!Double.isNaN(x[s * 17 + t])) {
                    if (first < 0) {
                        first = t;
                    }
                    last = t;
                }
            }
            if (first < 0) {
                continue;
            }
            for (int t = 0; t < 17; t++) {
                if (Double.isNaN(x[s * 17 + t])) {
                    out[t < first ? 0 : t > last ? 2 : 1]++;
                }
            }
        }
        return out;
    }

    /** Produc_holed without the rows for which {@code drop} holds, plus {@code extra} copies of given rows. */
    private static Columns subset(IntPredicate drop, int... duplicate) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < holed.rowCount(); i++) {
            if (!drop.test(i)) {
                keep.add(i);
            }
        }
        for (int i : duplicate) {
            keep.add(i);
        }
        int m = keep.size();
        String[] st = new String[m];
        double[] yr = new double[m];
        double[] pcap = new double[m];
        for (int k = 0; k < m; k++) {
            st[k] = state(holed, keep.get(k));
            yr[k] = holed.numeric("year")[keep.get(k)];
            pcap[k] = holed.numeric("pcap")[keep.get(k)];
        }
        return new Columns(m).addKey("state", KeyColumn.ofStrings("state", st)).addNumeric("year", yr)
                .addNumeric("pcap", pcap);
    }

    @Test
    void gapsInsideAnEntitysSpan() {
        // ALABAMA loses 1975 and 1976 (a gap); ARIZONA loses 1970 (a late start, not a gap)
        Columns c = subset(i -> state(holed, i).equals("ALABAMA") && (holed.numeric("year")[i] == 1975
                || holed.numeric("year")[i] == 1976) || state(holed, i).equals("ARIZONA") && holed.numeric("year")[i] == 1970);
        PanelDescription d = PanelDescriber.describe(c, "state", "year");
        assertFalse(d.balanced());
        assertEquals(1, d.gaps().size());
        EntityGaps g = d.gaps().get(0);
        assertEquals("ALABAMA", g.entity());
        assertEquals(List.of("1975", "1976"), g.missing());
        assertEquals(15, g.observed());
        assertEquals(2, d.gapPeriods());
        assertEquals(47, d.entitiesSpanningPanel());
        assertEquals(15, d.minPerEntity());
        assertEquals(17, d.periods());
    }

    @Test
    void aYearMissingFromTheWholePanel() {
        Columns c = subset(i -> holed.numeric("year")[i] == 1980);
        PanelDescription d = PanelDescriber.describe(c, "state", "year");
        assertEquals(List.of("1980"), d.absentPeriods());
        assertEquals(16, d.periods());
        assertEquals(17, d.gridPeriods());
        assertEquals(48, d.gaps().size());
        assertFalse(d.balanced());
    }

    @Test
    void duplicatesSingletonsAndMissingKeys() {
        // duplicate ARIZONA 1971 (row 18) twice; keep only one row of CALIFORNIA
        Columns c = subset(i -> state(holed, i).equals("CALIFORNIA") && holed.numeric("year")[i] != 1980, 18, 18);
        PanelDescription d = PanelDescriber.describe(c, "state", "year");
        assertEquals(1, d.duplicates().size());
        DuplicateKey k = d.duplicates().get(0);
        assertEquals("ARIZONA", state(holed, 18), "row 18 is ARIZONA 1971 (ALABAMA has 17 rows)");
        assertEquals("ARIZONA", k.entity());
        assertEquals("1971", k.time());
        assertEquals(3, k.rows().length);
        assertEquals(List.of("CALIFORNIA"), d.singletonEntities());
        assertFalse(d.balanced());

        Columns withHole = new Columns(3).addKey("id", KeyColumn.ofStrings("id", new String[] {"a", null, "a"}))
                .addNumeric("t", new double[] {1, 2, Double.NaN});
        PanelDescription e = PanelDescriber.describe(withHole, "id", "t");
        assertArrayEquals(new int[] {1, 2}, e.missingKeyRows());
        assertEquals(List.of("a"), e.singletonEntities());
        assertEquals(List.of("1"), e.singletonPeriods());
        assertFalse(e.balanced());
    }

    @Test
    void textTimesAndSpacedYears() {
        Columns c = new Columns(5).addKey("id", KeyColumn.ofStrings("id", new String[] {"a", "a", "a", "b", "b"}))
                .addNumeric("t", new double[] {2000, 2010, 2004, 2000, 2002});
        PanelDescription d = PanelDescriber.describe(c, "id", "t");
        assertEquals(2.0, d.step());
        assertEquals(6, d.gridPeriods());
        assertEquals(List.of("2006", "2008"), d.absentPeriods());
        assertEquals(List.of("2002", "2006", "2008"), d.gaps().get(0).missing());
        Columns q = new Columns(3).addKey("id", KeyColumn.ofStrings("id", new String[] {"a", "a", "b"}))
                .addKey("q", KeyColumn.ofStrings("q", new String[] {"2001Q1", "2001Q3", "2001Q2"}));
        PanelDescription e = PanelDescriber.describe(q, "id", "q");
        assertTrue(Double.isNaN(e.step()));
        assertEquals(List.of("2001Q2"), e.gaps().get(0).missing(), "the grid is the observed periods");
    }

    @Test
    void unknownColumn() {
        PanelKitException e = assertThrows(PanelKitException.class,
                () -> PanelDescriber.describe(holed, "state", "yr", List.of(), ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith("unknown column 'yr' (columns: state, year"), e.getMessage());
    }
}
