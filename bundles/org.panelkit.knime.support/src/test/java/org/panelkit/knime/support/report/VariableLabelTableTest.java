package org.panelkit.knime.support.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Issue 10: the Regression Table's optional input table of variable labels. */
class VariableLabelTableTest {

    @Test
    void termAndLabelColumnsElseTheFirstTwoStringColumns() {
        var t = VariableLabelTable.of(List.of("n", "Label", "x", "TERM"), List.of(false, true, true, true));
        assertEquals(3, t.termColumn());
        assertEquals(1, t.labelColumn());
        t = VariableLabelTable.of(List.of("n", "var", "text", "more"), List.of(false, true, true, true));
        assertEquals(1, t.termColumn());
        assertEquals(2, t.labelColumn());
        var e = assertThrows(IllegalArgumentException.class,
                () -> VariableLabelTable.of(List.of("term", "n"), List.of(true, false)));
        assertEquals("the Variable labels input needs two string columns, term and label (it has [term, n]): read a "
                + "term,label CSV, or remove the Variable labels port", e.getMessage());
    }

    @Test
    void rowsBecomeLabelsAndTheTextOverridesThem() {
        var t = VariableLabelTable.of(List.of("term", "label"), List.of(true, true));
        t.add(" IC ", " Industrial Cluster (IC) ", 1);
        t.add(null, " ", 2);
        t.add("CX", "Technical Innovation (CX)", 3);
        assertEquals(Map.of("IC", "Industrial Cluster (IC)", "CX", "Technical Innovation (CX)"), t.labels());
        var options = RegressionTableOptions.defaults().withLabels("CX = Innovation", "", "", "", "Constant",
                "Region effects", "Time effects", "").toTableOptions(1, null, t.labels());
        assertEquals("Industrial Cluster (IC)", options.labelOf("IC"));
        assertEquals("Innovation", options.labelOf("CX"));
        var e = assertThrows(IllegalArgumentException.class, () -> t.add("IC", "again", 4));
        assertEquals("Variable labels input, row 4: IC is labelled twice; keep one row", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.add("", "orphan", 5));
        assertEquals("Variable labels input, row 5: no term for the label 'orphan': fill in both or remove the row",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.add("HUM", null, 6));
        assertEquals("Variable labels input, row 6: no label for the term 'HUM': fill in both or remove the row",
                e.getMessage());
    }
}
