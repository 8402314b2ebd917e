package org.panelkit.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panelkit.knime.tests.KnimeTestSupport.add;
import static org.panelkit.knime.tests.KnimeTestSupport.connect;
import static org.panelkit.knime.tests.KnimeTestSupport.edit;
import static org.panelkit.knime.tests.KnimeTestSupport.executeAll;
import static org.panelkit.knime.tests.KnimeTestSupport.rows;
import static org.panelkit.knime.tests.KnimeTestSupport.table;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.webui.node.NodeWrapper;
import org.knime.core.webui.node.dialog.NodeDialogManager;
import org.panelkit.knime.regression.PanelRegressionNodeFactory;
import org.panelkit.knime.regression.PanelRegressionParameters;
import org.panelkit.knime.report.CoefficientPlotNodeFactory;
import org.panelkit.knime.report.CoefficientPlotParameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 10: Coefficient Plot's "Terms" offer the connected models' terms. The dialog (KNIME's dialog data services,
 * as the web UI frontend reads them) offers exactly the slopes of the executed Panel Regression nodes (the possible
 * values of the coefficients tables' {@code term} column, union over the models, without {@code _cons}); before
 * they have been executed nothing is known and the terms can be typed ("Other terms"); the node plots the chosen
 * terms, then the typed ones; nothing chosen = every slope.
 */
@SuppressWarnings("restriction") // the dialog data services are x-internal in org.knime.core.ui
class CoefficientPlotTermsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String MODEL = "#/properties/model/properties/";

    private WorkflowManager m_wfm;

    private NodeID m_source;

    @BeforeEach
    void setUp() {
        m_wfm = KnimeTestSupport.newProject("coefficient-plot-terms");
        m_source = add(m_wfm, KnimeTestSupport.studyRaw().source());
    }

    @AfterEach
    void tearDown() {
        KnimeTestSupport.dispose(m_wfm);
    }

    /** A Panel Regression of y on the regressors (two-way fixed effects by province and year). */
    private NodeID regression(final String y, final String... regressors) {
        NodeID m = add(m_wfm, new PanelRegressionNodeFactory());
        connect(m_wfm, m_source, 0, m, 0);
        edit(m_wfm, m, PanelRegressionParameters.class, p -> p.set("m_y", y).set("m_regressors", regressors)
            .set("m_entity", "province").set("m_time", "year"));
        return m;
    }

    /** A Coefficient Plot with one pair of Model ports per model, connected. */
    private NodeID plot(final NodeID... models) {
        NodeID t = KnimeTestSupport.addWithPorts(m_wfm, new CoefficientPlotNodeFactory(), "Model",
            2 * models.length, BufferedDataTable.TYPE);
        for (int i = 0; i < models.length; i++) {
            connect(m_wfm, models[i], 0, t, 2 * i);
            connect(m_wfm, models[i], 1, t, 2 * i + 1);
        }
        return t;
    }

    /** The dialog's initial data ("result"), without errors or warnings. */
    private JsonNode dialog(final NodeID id) throws Exception {
        var nnc = (NativeNodeContainer)m_wfm.getNodeContainer(id);
        JsonNode initial = MAPPER.readTree(
            NodeDialogManager.getInstance().getDataServiceManager().callInitialDataService(NodeWrapper.of(nnc)));
        for (String problem : List.of("userError", "internalError", "warningMessages")) {
            assertFalse(initial.has(problem), initial.toString());
        }
        return initial.get("result");
    }

    /** The terms the dialog offers (the possible values of the "terms" widget). */
    private List<String> offeredTerms(final NodeID plot) throws Exception {
        JsonNode result = dialog(plot);
        for (JsonNode update : result.path("initialUpdates")) {
            if ("possibleValues".equals(update.path("providedOptionName").asText())
                && update.path("scope").asText().equals(MODEL + "terms")) {
                List<String> ids = new ArrayList<>();
                update.path("values").get(0).path("value").forEach(v -> ids.add(v.path("id").asText()));
                return ids;
            }
        }
        throw new AssertionError("no choices for the terms in " + result.path("initialUpdates"));
    }

    /** The controls of the UI schema whose scope ends with the field. */
    private static List<JsonNode> controls(final JsonNode node, final String field, final List<JsonNode> out) {
        if (node.isObject() && node.path("scope").asText().equals(MODEL + field)) {
            out.add(node);
        }
        node.elements().forEachRemaining(child -> controls(child, field, out));
        return out;
    }

    /** The slopes of an executed regression: its coefficients table's terms in order, without the constant. */
    private List<String> slopes(final NodeID model) {
        var coefficients = rows(table(m_wfm, model, 0));
        List<String> terms = new ArrayList<>();
        for (int r = 0; r < coefficients.size(); r++) {
            String t = coefficients.string(r, "term");
            if (!terms.contains(t)) {
                terms.add(t);
            }
        }
        assertTrue(terms.remove("_cons"), "the coefficients include the constant: " + terms);
        return terms;
    }

    /** The terms of the plotted points, in order, each once. */
    private List<String> plottedTerms(final NodeID plot) {
        var points = rows(table(m_wfm, plot, 1));
        List<String> terms = new ArrayList<>();
        for (int r = 0; r < points.size(); r++) {
            String t = points.string(r, "term");
            if (!terms.contains(t)) {
                terms.add(t);
            }
        }
        return terms;
    }

    @Test
    void dialogOffersTheSlopesOfTheExecutedModels() throws Exception {
        NodeID m1 = regression("exports", "gdp", "fdi", "gov_expenditure");
        NodeID m2 = regression("gdp", "fdi", "exports");
        NodeID one = plot(m1);
        NodeID both = plot(m1, m2);

        // before the models have been executed: nothing known, nothing offered; the terms can be typed
        assertEquals(List.of(), offeredTerms(one));
        assertEquals(List.of(), offeredTerms(both));
        JsonNode result = dialog(both);
        assertEquals(1, controls(result.path("ui_schema"), "terms", new ArrayList<>()).size());
        assertEquals("comboBox", controls(result.path("ui_schema"), "terms", new ArrayList<>()).get(0)
            .at("/options/format").asText(), "the terms are a multi-select of strings");
        assertEquals(1, controls(result.path("ui_schema"), "otherTerms", new ArrayList<>()).size(),
            "the free-text terms");

        executeAll(m_wfm);
        assertEquals(List.of("gdp", "fdi", "gov_expenditure"), slopes(m1));
        assertEquals(List.of("exports", "fdi"), slopes(m2)); // in the order of the input columns
        assertEquals(slopes(m1), offeredTerms(one), "exactly the slopes of the model");
        assertEquals(List.of("gdp", "fdi", "gov_expenditure", "exports"), offeredTerms(both),
            "the slopes of both models, each once");
    }

    @Test
    void plotsTheChosenTermsThenTheTypedOnes() throws Exception {
        NodeID m = regression("exports", "gdp", "fdi", "gov_expenditure");
        NodeID t = plot(m);
        edit(m_wfm, t, CoefficientPlotParameters.class, p -> p.set("m_terms", new String[]{"fdi", "gdp"}));
        executeAll(m_wfm);
        assertEquals(List.of("fdi", "gdp"), plottedTerms(t));

        edit(m_wfm, t, CoefficientPlotParameters.class, p -> p.set("m_terms", new String[]{"gov_expenditure"})
            .set("m_otherTerms", " gdp , gov_expenditure"));
        executeAll(m_wfm);
        assertEquals(List.of("gov_expenditure", "gdp"), plottedTerms(t), "chosen, then typed, each once");

        edit(m_wfm, t, CoefficientPlotParameters.class, p -> p.set("m_terms", new String[0])
            .set("m_otherTerms", "fdi"));
        executeAll(m_wfm);
        assertEquals(List.of("fdi"), plottedTerms(t), "typed only (the models not executed when configured)");
    }

    @Test
    void nothingChosenPlotsEverySlope() throws Exception {
        NodeID m1 = regression("exports", "gdp", "fdi", "gov_expenditure");
        NodeID m2 = regression("gdp", "fdi", "exports");
        NodeID one = plot(m1);
        NodeID both = plot(m1, m2);
        executeAll(m_wfm);
        assertEquals(List.of("gdp", "fdi", "gov_expenditure"), plottedTerms(one));
        assertEquals(List.of("gdp", "fdi", "gov_expenditure", "exports"), plottedTerms(both));
    }
}
