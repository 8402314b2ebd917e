package org.panelkit.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.FixedEffectsResult;

/** The content of regression tables built from known fits of Produc. */
class RegressionTableTest {
    private static List<ModelSummary> threeModels() {
        return List.of(ModelSummary.of("Two-way", ProducModels.twoway()),
                ModelSummary.of("Entity, CR2", ProducModels.entityCr2()),
                ModelSummary.of(null, ProducModels.driscollKraay()));
    }

    private static String expectedStars(double p) {
        return p < 0.01 ? "***" : p < 0.05 ? "**" : p < 0.1 ? "*" : "";
    }

    @Test
    void estimatesCarryStarsByTheConventionalThresholdsAndStandardErrorsInParentheses() {
        List<ModelSummary> models = threeModels();
        RegressionTable t = RegressionTable.of(models, TableOptions.defaults());
        List<FixedEffectsResult> fits = List.of(ProducModels.twoway(), ProducModels.entityCr2(),
                ProducModels.driscollKraay());
        int starred = 0;
        for (int m = 0; m < fits.size(); m++) {
            for (Coefficient c : fits.get(m).coefficients()) {
                TableCell est = t.row(TableRow.Kind.ESTIMATE, c.term()).cells().get(m);
                TableCell se = t.row(TableRow.Kind.UNCERTAINTY, c.term()).cells().get(m);
                assertEquals(String.format(Locale.ROOT, "%.3f", c.estimate()), est.text(), c.term());
                assertEquals(expectedStars(c.pValue()), est.stars(), c.term() + " p=" + c.pValue());
                assertEquals("(" + String.format(Locale.ROOT, "%.3f", c.stdError()) + ")", se.text(), c.term());
                starred += est.stars().isEmpty() ? 0 : 1;
            }
        }
        assertTrue(starred >= 5, "the fits have significant terms");
        // the study default: ln_pc p = 0.055 -> one star; ln_emp -> three
        assertEquals("0.169*", t.row(TableRow.Kind.ESTIMATE, "ln_pc").cells().get(0).toString());
        assertEquals("0.769***", t.row(TableRow.Kind.ESTIMATE, "ln_emp").cells().get(0).toString());
        assertEquals("-0.030", t.row(TableRow.Kind.ESTIMATE, "ln_pcap").cells().get(0).toString());
        assertEquals("(0.058)", t.row(TableRow.Kind.UNCERTAINTY, "ln_pcap").cells().get(0).toString());
    }

    @Test
    void headerSummaryRowsAndNotes() {
        RegressionTable t = RegressionTable.of(threeModels(), TableOptions.defaults());
        assertEquals(List.of("Two-way", "Entity, CR2", "(3)"), t.columnLabels());
        assertEquals(List.of("", "Two-way", "Entity, CR2", "(3)"), t.rows().get(0).texts());
        assertEquals(List.of("Dependent variable", "ln_gsp", "ln_gsp", "ln_gsp"), t.rows().get(1).texts());
        assertEquals(List.of("Region effects", "Yes", "Yes", "Yes"), t.rowLabelled("Region effects").texts());
        assertEquals(List.of("Time effects", "Yes", "No", "Yes"), t.rowLabelled("Time effects").texts());
        assertEquals(List.of("Std. errors", "Cluster (CR1)", "Cluster (CR2)", "Driscoll-Kraay (plm)"),
                t.rowLabelled("Std. errors").texts());
        assertEquals(List.of("Clustered by", "state", "state", ""), t.rowLabelled("Clustered by").texts());
        assertEquals(List.of("Observations", "816", "816", "816"), t.rowLabelled("Observations").texts());
        assertEquals(List.of("Groups", "48", "48", "48"), t.rowLabelled("Groups").texts());
        assertEquals(List.of("Clusters", "48", "48", ""), t.rowLabelled("Clusters").texts(),
                "Driscoll-Kraay is not clustering");
        TableRow r2 = t.rowLabelled("Within R²");
        assertNotNull(r2);
        assertEquals(String.format(Locale.ROOT, "%.3f", ProducModels.twoway().r2Within()), r2.cells().get(0).text());
        // unemp is not in model 3: blank cells, not zeros
        assertEquals("", t.row(TableRow.Kind.ESTIMATE, "unemp").cells().get(2).toString());
        assertEquals("", t.row(TableRow.Kind.UNCERTAINTY, "unemp").cells().get(2).toString());
        // constant last among the coefficients
        List<TableRow> rows = t.rows();
        int cons = rows.indexOf(t.row(TableRow.Kind.ESTIMATE, ModelSummary.CONSTANT_TERM));
        assertEquals("Constant", rows.get(cons).label());
        assertEquals(TableRow.Kind.UNCERTAINTY, rows.get(cons + 1).kind());
        assertEquals(TableRow.Kind.EFFECTS, rows.get(cons + 2).kind());
        // notes: statistic and thresholds, then one description per column since they differ
        assertEquals("Standard errors in parentheses. * p<0.1, ** p<0.05, *** p<0.01.", t.notes().get(0));
        String se = t.notes().get(1);
        assertTrue(se.startsWith("Std. errors: Two-way: cluster-robust by state"), se);
        assertTrue(se.contains("Entity, CR2: cluster-robust by state (CR2"), se);
        assertTrue(se.contains("(3): Driscoll-Kraay"), se);
        assertTrue(t.notes().get(2).startsWith("Within R² = "), t.notes().get(2));
    }

    @Test
    void twoWayClusteringAndPooledOlsColumns() {
        RegressionTable t = RegressionTable.of(List.of(ModelSummary.of("A", ProducModels.twowayCluster()),
                ModelSummary.of("B", ProducModels.pooled())), TableOptions.defaults());
        assertEquals(List.of("Region effects", "Yes", "No"), t.rowLabelled("Region effects").texts());
        assertEquals(List.of("Time effects", "Yes", "No"), t.rowLabelled("Time effects").texts());
        assertEquals(List.of("Std. errors", "Two-way cluster", "Robust (HC1)"), t.rowLabelled("Std. errors").texts());
        assertEquals(List.of("Clusters", "48 x 17", ""), t.rowLabelled("Clusters").texts());
        assertEquals(List.of("Clustered by", "state, year", ""), t.rowLabelled("Clustered by").texts());
        assertEquals(List.of("Groups", "48", ""), t.rowLabelled("Groups").texts());
        assertEquals("", t.rowLabelled("Within R²").cells().get(1).text(), "no within R² for pooled OLS");
    }

    @Test
    void sameStandardErrorsGiveOneNote() {
        RegressionTable t = RegressionTable.of(List.of(ModelSummary.of("A", ProducModels.twoway()),
                ModelSummary.of("B", ProducModels.twoway())), TableOptions.defaults());
        assertEquals("Std. errors: " + ProducModels.twoway().variance().description() + ".", t.notes().get(1));
    }

    @Test
    void tStatisticsDecimalsLabelsAndRSquaredChoice() {
        assertThrows(PanelKitException.class, () -> TableOptions.builder().no(" ").build());
        TableOptions o = TableOptions.builder().statistic(InferenceStatistic.T_STATISTIC).decimals(2)
                .variableLabels(Map.of("ln_pc", "Private capital (log)", "ln_gsp", "Gross state product (log)",
                        "_cons", "Intercept"))
                .rSquared(RSquared.WITHIN_ENTITY).entityEffectsLabel("State FE").timeEffectsLabel("Year FE")
                .yes("x").no("-").title("Table 2").build();
        RegressionTable t = RegressionTable.of(threeModels(), o);
        Coefficient pc = ProducModels.twoway().coefficients().get(1);
        TableRow est = t.row(TableRow.Kind.ESTIMATE, "ln_pc");
        assertEquals("Private capital (log)", est.label());
        assertEquals("0.17*", est.cells().get(0).toString());
        assertEquals("(" + String.format(Locale.ROOT, "%.2f", pc.statistic()) + ")",
                t.row(TableRow.Kind.UNCERTAINTY, "ln_pc").cells().get(0).text());
        assertEquals("Intercept", t.row(TableRow.Kind.ESTIMATE, "_cons").label());
        assertEquals("Gross state product (log)", t.rows().get(1).cells().get(0).text());
        assertEquals(List.of("Year FE", "x", "-", "x"), t.rowLabelled("Year FE").texts());
        assertNotNull(t.rowLabelled("Within R² (entity-demeaned)"));
        assertNull(t.rowLabelled("Within R²"));
        assertTrue(t.notes().get(0).startsWith("t statistics in parentheses."));
        assertEquals("Table 2", t.title());
    }

    @Test
    void keepDropAndOrder() {
        List<ModelSummary> m = threeModels();
        RegressionTable keep = RegressionTable.of(m, TableOptions.builder().keep(List.of("ln_emp", "ln_pc")).build());
        assertEquals(List.of("ln_emp", "ln_pc", "_cons"), estimateTerms(keep));
        RegressionTable drop = RegressionTable.of(m, TableOptions.builder().drop(List.of("unemp", "_cons")).build());
        assertEquals(List.of("ln_pcap", "ln_pc", "ln_emp"), estimateTerms(drop));
        RegressionTable order = RegressionTable.of(m, TableOptions.builder().order(List.of("unemp", "ln_emp")).build());
        assertEquals(List.of("unemp", "ln_emp", "ln_pcap", "ln_pc", "_cons"), estimateTerms(order));
        PanelKitException e = assertThrows(PanelKitException.class,
                () -> RegressionTable.of(m, TableOptions.builder().keep(List.of("IC")).build()));
        assertTrue(e.getMessage().contains("'IC'") && e.getMessage().contains("ln_pcap"), e.getMessage());
        assertThrows(PanelKitException.class,
                () -> RegressionTable.of(m, TableOptions.builder().drop(List.of("ln_pcap", "ln_pc", "ln_emp", "unemp"))
                        .build()));
        assertThrows(PanelKitException.class, () -> RegressionTable.of(List.of(), TableOptions.defaults()));
    }

    private static List<String> estimateTerms(RegressionTable t) {
        return t.rows().stream().filter(r -> r.kind() == TableRow.Kind.ESTIMATE).map(TableRow::term).toList();
    }

    @Test
    void customAndNoStars() {
        RegressionTable strict = RegressionTable.of(threeModels(),
                TableOptions.builder().stars(StarLevels.of(0.05, 0.01, 0.001)).build());
        assertEquals("0.169", strict.row(TableRow.Kind.ESTIMATE, "ln_pc").cells().get(0).toString());
        assertTrue(strict.notes().get(0).endsWith("* p<0.05, ** p<0.01, *** p<0.001."), strict.notes().get(0));
        RegressionTable none = RegressionTable.of(threeModels(), TableOptions.builder().stars(StarLevels.none()).build());
        assertEquals("0.769", none.row(TableRow.Kind.ESTIMATE, "ln_emp").cells().get(0).toString());
        assertEquals("Standard errors in parentheses.", none.notes().get(0));
        assertThrows(PanelKitException.class, () -> StarLevels.of(0.01, 0.05));
        assertThrows(PanelKitException.class, () -> StarLevels.of(1.5));
    }

    @Test
    void starsAtTheExactThresholdsAndNumberFormatting() {
        StarLevels s = StarLevels.conventional();
        assertEquals("", s.stars(0.1));
        assertEquals("*", s.stars(0.0999));
        assertEquals("*", s.stars(0.05));
        assertEquals("**", s.stars(0.0499));
        assertEquals("**", s.stars(0.01));
        assertEquals("***", s.stars(0.0099));
        assertEquals("", s.stars(Double.NaN));
        assertEquals("0.000", Numbers.fixed(-0.0001, 3));
        assertEquals("-0.001", Numbers.fixed(-0.0005001, 3));
        assertEquals("", Numbers.fixed(Double.NaN, 3));
        assertEquals("12", Numbers.fixed(12.4, 0));
        assertThrows(PanelKitException.class, () -> TableOptions.builder().decimals(11).build());
    }

    @Test
    void gridIsRectangularWithNotesLast() {
        RegressionTable t = RegressionTable.of(threeModels(), TableOptions.defaults());
        List<List<String>> g = t.grid();
        assertEquals(t.rows().size() + t.notes().size(), g.size());
        for (List<String> row : g) {
            assertEquals(4, row.size());
        }
        assertEquals(t.notes().get(0), g.get(t.rows().size()).get(0));
        assertEquals("", g.get(g.size() - 1).get(3));
    }

    @Test
    void summaryFromAResultAndItsValidation() {
        FixedEffectsResult r = ProducModels.twoway();
        ModelSummary s = ModelSummary.of(null, r);
        assertEquals("ln_gsp", s.dependentVariable());
        assertEquals(816, s.observations());
        assertEquals(48, s.groups());
        assertEquals(17, s.periods());
        assertEquals(List.of(48), s.clusters());
        assertEquals(List.of("state"), s.clusterColumns());
        assertEquals("cluster", s.seType());
        assertEquals("xtreg", s.seConvention());
        assertTrue(s.entityEffects() && s.timeEffects() && s.clustered());
        assertEquals(r.constant().estimate(), s.coefficient("_cons").estimate());
        assertEquals(ProducModels.X, s.terms());
        assertNull(s.coefficient("nope"));
        assertEquals("East", s.withLabel("East").label());
        assertThrows(PanelKitException.class, () -> ModelSummary.builder().build());
        Coefficient c = new Coefficient("x", 1, 1, 1, 0.3, -1, 3, 10);
        assertThrows(PanelKitException.class, () -> ModelSummary.builder().coefficients(List.of(c, c)).build());
        assertThrows(PanelKitException.class,
                () -> ModelSummary.builder().coefficients(List.of(c)).clusters(List.of(-1)).build());
        assertTrue(ModelSummary.builder().coefficients(List.of(c)).clusters(List.of(12)).build().clustered());
        assertTrue(!ModelSummary.builder().coefficients(List.of(c)).seType("dk").clusters(List.of(12)).build()
                .clustered());
    }
}
