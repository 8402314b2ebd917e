package org.panelkit.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.fe.Coefficient;

/**
 * Issue 12: the fixed-effect rows of a regression table for models that list their terms ({@code --fe
 * firm,year,industry^year}): the entity and time rows as before, one row per further term, and no change at all
 * for the shorthands {@code twoway|entity|time|none}.
 */
class FixedEffectTermRowsTest {
    private static ModelSummary model(String label, String fe, String entity, String time) {
        return ModelSummary.builder().label(label).dependentVariable("y")
                .coefficients(List.of(new Coefficient("x", 0.5, 0.1, 5, 1e-6, 0.3, 0.7, 30))).observations(100)
                .fixedEffects(fe, entity, time).seType("cluster").seConvention("xtreg").r2Within(0.4).build();
    }

    private static List<String> effectRows(RegressionTable t) {
        List<String> rows = new ArrayList<>();
        for (TableRow r : t.rows()) {
            if (r.kind() == TableRow.Kind.EFFECTS) {
                rows.add(String.join("|", r.texts()));
            }
        }
        return rows;
    }

    @Test
    void fixedEffectsFromTheCommandLineForm() {
        ModelSummary tw = model("a", "twoway", "firm", "year");
        assertTrue(tw.entityEffects() && tw.timeEffects());
        assertEquals(List.of(), tw.additionalEffects());
        ModelSummary e = model("a", "entity", null, null);
        assertTrue(e.entityEffects() && !e.timeEffects());
        ModelSummary none = model("a", "none", "firm", "year");
        assertFalse(none.entityEffects() || none.timeEffects());
        // a list of terms: the entity and time columns among them set the flags, the rest are listed
        ModelSummary t = model("a", "firm,year,industry^year", "firm", "year");
        assertTrue(t.entityEffects() && t.timeEffects());
        assertEquals(List.of("industry^year"), t.additionalEffects());
        // without --entity/--time every term is an additional one; a#b is the same term as a^b
        ModelSummary u = model("a", "firm,industry#year", null, null);
        assertFalse(u.entityEffects() || u.timeEffects());
        assertEquals(List.of("firm", "industry^year"), u.additionalEffects());
        assertEquals(List.of("industry^year"), t.toBuilder().build().additionalEffects(), "toBuilder keeps them");
        assertThrows(IllegalArgumentException.class, () -> model("a", "firm,,year", null, null));
    }

    @Test
    void shorthandModelsKeepTheirTwoRows() {
        RegressionTable t = RegressionTable.of(List.of(model("A", "twoway", "s", "t"), model("B", "entity", "s", "t"),
                model("C", "none", null, null)), TableOptions.defaults());
        assertEquals(List.of("Region effects|Yes|Yes|No", "Time effects|Yes|No|No"), effectRows(t));
    }

    @Test
    void termListModelsGetOneRowPerFurtherTerm() {
        RegressionTable t = RegressionTable.of(List.of(model("A", "twoway", "firm", "year"),
                model("B", "firm,year,industry^year", "firm", "year"),
                model("C", "firm,province^year", "firm", "year")), TableOptions.defaults());
        assertEquals(List.of("Region effects|Yes|Yes|Yes", "Time effects|Yes|Yes|No", "industry × year|No|Yes|No",
                "province × year|No|No|Yes"), effectRows(t));
        // the rows follow the time row, before the statistics
        int time = t.rows().indexOf(t.rowLabelled("Time effects"));
        assertEquals("industry × year", t.rows().get(time + 1).label());
        assertEquals("province × year", t.rows().get(time + 2).label());
        assertEquals(TableRow.Kind.STATISTIC, t.rows().get(time + 3).kind());
    }

    @Test
    void withoutEntityOrTimeEffectsAnywhereOnlyTheTermsAreShown() {
        RegressionTable t = RegressionTable.of(List.of(model("A", "firm,year", null, null),
                model("B", "firm,year,industry^year", null, null)), TableOptions.defaults());
        assertNull(t.rowLabelled("Region effects"));
        assertNull(t.rowLabelled("Time effects"));
        assertEquals(List.of("firm|Yes|Yes", "year|Yes|Yes", "industry × year|No|Yes"), effectRows(t));
    }

    @Test
    void variableLabelsNameTheTermRowsAndLatexGetsATimesSign() {
        TableOptions o = TableOptions.builder().variableLabels(Map.of("industry^year", "Industry-year FE")).build();
        List<ModelSummary> models = List.of(model("A", "firm,year,industry^year,province^year", "firm", "year"));
        RegressionTable t = RegressionTable.of(models, o);
        assertEquals(List.of("Region effects|Yes", "Time effects|Yes", "Industry-year FE|Yes",
                "province × year|Yes"), effectRows(t));
        String tex = LatexTable.render(t, LatexTable.Style.TABULAR);
        assertTrue(tex.contains("province $\\times$ year & Yes"), tex);
        assertFalse(tex.contains("×"), "no raw multiplication sign in LaTeX:\n" + tex);
        assertTrue(HtmlTable.table(t).contains("province × year"));
        assertTrue(TableFormat.fromKey("md").render(t).contains("province × year"));
    }
}
