package org.panelkit.knime.support.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.report.RegressionTable;
import org.panelkit.engine.report.TableOptions;
import org.panelkit.knime.support.table.ResultTable;

/** Issue 10: the Regression Table's labels, term selection, effect rows and notes map to the engine's options. */
class RegressionTableLabelsTest {

    private static RegressionTableOptions labelled(String labels, String keep, String drop, String order,
            String constant, String entity, String time, String notes) {
        return RegressionTableOptions.defaults().withLabels(labels, keep, drop, order, constant, entity, time, notes);
    }

    private static RegressionTable table(RegressionTableOptions o) {
        return RegressionTable.of(List.of(ModelInputTest.roundTrip("Model 1", ModelInputTest.fit(List.of("ic")), 0),
                ModelInputTest.roundTrip("Model 2", ModelInputTest.fit(List.of("ic", "fdi")), 1)),
                o.toTableOptions(2));
    }

    /** The first-column texts of the grid by row kind (term rows as kind:term). */
    private static List<String> labels(RegressionTable t) {
        ResultTable g = RegressionTableOptions.grid(t);
        List<String> out = new ArrayList<>();
        for (int r = 0; r < g.rowCount(); r++) {
            out.add(g.value(r, 0) + (g.value(r, 1) == null ? "" : ":" + g.value(r, 1)) + "=" + g.value(r, 2));
        }
        return out;
    }

    @Test
    void defaultsAreTheEnginesDefaults() {
        TableOptions o = RegressionTableOptions.defaults().toTableOptions(1);
        TableOptions e = TableOptions.defaults();
        assertEquals(e.constantLabel(), o.constantLabel());
        assertEquals(e.entityEffectsLabel(), o.entityEffectsLabel());
        assertEquals(e.timeEffectsLabel(), o.timeEffectsLabel());
        assertEquals(List.of(), o.keep());
        assertEquals(List.of(), o.drop());
        assertEquals(List.of(), o.order());
        assertEquals(Map.of(), o.variableLabels());
        assertEquals(List.of(), o.extraNotes());
    }

    @Test
    void theStudysLabelsAsReproduceWritesThem() {
        RegressionTable t = table(labelled("""
                # the study's labels
                ic = Industrial Cluster (IC)

                fdi=Foreign Direct Investment (FDI)
                  tu =  Trade quality (TU)\s
                """, "", "", "", "Constant term", "Regional effects", "Time effects",
                "synthetic demonstration data - not the study's data\n\n"));
        List<String> l = labels(t);
        assertTrue(l.contains("DEPENDENT_VARIABLE=Dependent variable"), l.toString());
        assertTrue(l.contains("ESTIMATE:ic=Industrial Cluster (IC)"), l.toString());
        assertTrue(l.contains("ESTIMATE:fdi=Foreign Direct Investment (FDI)"), l.toString());
        assertTrue(l.contains("ESTIMATE:_cons=Constant term"), l.toString());
        assertTrue(l.contains("EFFECTS=Regional effects"), l.toString());
        assertTrue(l.contains("EFFECTS=Time effects"), l.toString());
        assertEquals("NOTE=synthetic demonstration data - not the study's data", l.get(l.size() - 1));
        ResultTable g = RegressionTableOptions.grid(t);
        assertEquals("Trade quality (TU)", g.value(1, 3)); // the dependent variable is labelled too
    }

    @Test
    void keepDropAndOrder() {
        List<String> l = labels(table(labelled("", "fdi, ic", "", "", "Constant", "Region effects", "Time effects",
                "")));
        assertTrue(l.indexOf("ESTIMATE:fdi=fdi") < l.indexOf("ESTIMATE:ic=ic"), l.toString());
        assertEquals(List.of("ESTIMATE:fdi=fdi", "ESTIMATE:ic=ic", "ESTIMATE:_cons=Constant"),
                l.stream().filter(s -> s.startsWith("ESTIMATE")).toList(), "the constant stays last unless dropped");
        l = labels(table(labelled("", "", "_cons, fdi", "", "Constant", "Region effects", "Time effects", "")));
        assertEquals(List.of("ESTIMATE:ic=ic"), l.stream().filter(s -> s.startsWith("ESTIMATE")).toList());
        l = labels(table(labelled("", "", "", "fdi", "Constant", "Region effects", "Time effects", "")));
        assertEquals(List.of("ESTIMATE:fdi=fdi", "ESTIMATE:ic=ic", "ESTIMATE:_cons=Constant"),
                l.stream().filter(s -> s.startsWith("ESTIMATE")).toList());
        var e = assertThrows(PanelKitException.class, () -> table(labelled("", "", "", "IC", "Constant",
                "Region effects", "Time effects", "")));
        assertTrue(e.getMessage().startsWith("order: no model has the term 'IC' (terms: ic, fdi"), e.getMessage());
    }

    @Test
    void badLabelsNameTheLineToFix() {
        var e = assertThrows(IllegalArgumentException.class, () -> labelled("ic = IC\nfdi FDI", "", "", "",
                "Constant", "Region effects", "Time effects", "").toTableOptions(1));
        assertEquals("Variable labels, line 2 'fdi FDI': write TERM = Label, e.g. IC = Industrial Cluster (IC)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> labelled("ic = \n", "", "", "", "Constant",
                "Region effects", "Time effects", "").toTableOptions(1));
        assertEquals("Variable labels, line 1 'ic =': term and label must not be empty (TERM = Label)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> labelled("ic = A\nic = B", "", "", "", "Constant",
                "Region effects", "Time effects", "").toTableOptions(1));
        assertEquals("Variable labels, line 2 'ic = B': ic is labelled twice; keep one line", e.getMessage());
        for (int blank = 0; blank < 3; blank++) {
            String[] l = {"Constant", "Region effects", "Time effects"};
            String name = new String[] {"Constant label", "Entity effects label", "Time effects label"}[blank];
            l[blank] = " ";
            var ex = assertThrows(IllegalArgumentException.class,
                    () -> labelled("", "", "", "", l[0], l[1], l[2], "").toTableOptions(1));
            assertEquals("'" + name + "' is empty: enter the text of that row", ex.getMessage());
        }
    }

    @Test
    void textHelpers() {
        assertEquals(List.of("a", "b"), TermLabels.list(" a, ,b ,"));
        assertEquals(List.of(), TermLabels.list(null));
        assertEquals(List.of("x", "y"), TermLabels.lines("x\r\n\n  y  \n"));
        assertEquals(Map.of("a", "1=2"), TermLabels.parse("a = 1=2", "Variable labels"));
        assertEquals(Map.of("a", "2", "b", "3"), TermLabels.merge(Map.of("a", "1", "b", "3"), Map.of("a", "2")));
    }
}
