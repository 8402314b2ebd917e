package org.panelkit.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panelkit.knime.tests.KnimeTestSupport.add;
import static org.panelkit.knime.tests.KnimeTestSupport.edit;
import static org.panelkit.knime.tests.KnimeTestSupport.executeAll;
import static org.panelkit.knime.tests.KnimeTestSupport.rows;
import static org.panelkit.knime.tests.KnimeTestSupport.table;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.NodeMessage;
import org.knime.core.node.workflow.WorkflowManager;
import org.panelkit.knime.compare.CoefficientDifferenceTestNodeFactory;
import org.panelkit.knime.compare.CoefficientDifferenceTestParameters;
import org.panelkit.knime.interpolation.PanelInterpolationNodeFactory;
import org.panelkit.knime.interpolation.PanelInterpolationParameters;
import org.panelkit.knime.mediation.MediationAnalysisNodeFactory;
import org.panelkit.knime.mediation.MediationAnalysisParameters;
import org.panelkit.knime.regression.PanelRegressionNodeFactory;
import org.panelkit.knime.regression.PanelRegressionParameters;

/**
 * Issue 10: the nodes' warnings and errors are KNIME messages (summary, issue, resolutions) as the node shows them
 * (NodeContainer.getNodeMessage(): KNIME's NodeMessage with getIssue() and getResolutions()), and the shared model
 * options (model_options) of the Difference Test and the Mediation Analysis: every offered standard error runs, the
 * others are a configure error that names the choices.
 */
class NodeMessagesTest {
    private WorkflowManager m_wfm;

    private KnimeTestSupport.Table m_raw;

    private NodeID m_source;

    @BeforeEach
    void setUp() {
        m_wfm = KnimeTestSupport.newProject("messages");
        m_raw = KnimeTestSupport.studyRaw();
        m_source = add(m_wfm, m_raw.source());
    }

    @AfterEach
    void tearDown() {
        KnimeTestSupport.dispose(m_wfm);
    }

    private NodeID node(final NodeFactory<?> f) {
        return add(m_wfm, f, m_source);
    }

    private NodeMessage message(final NodeID id) {
        return m_wfm.getNodeContainer(id).getNodeMessage();
    }

    private NodeID regression(final String y, final String... x) {
        NodeID id = node(new PanelRegressionNodeFactory());
        edit(m_wfm, id, PanelRegressionParameters.class, p -> p.set("m_y", y).set("m_regressors", x)
            .set("m_entity", "province").set("m_time", "year"));
        return id;
    }

    /* ----------------------------------------------------------------- warnings */

    @Test
    void regressionWarningCountsInTheSummaryEngineTextsInTheIssue() {
        // province_code does not vary within a province: absorbed by the entity effects; 5% of the cells are empty
        NodeID id = regression("exports", "gdp", "province_code");
        executeAll(m_wfm);
        NodeMessage m = message(id);
        assertEquals(NodeMessage.Type.WARNING, m.getMessageType(), m.toString());
        assertTrue(m.getMessage().matches("\\d+ rows? dropped for missing values; 1 regressor dropped"),
            m.getMessage());
        String issue = m.getIssue().orElseThrow(() -> new AssertionError("no issue: " + m.toStringWithDetails()));
        List<String> lines = issue.lines().toList();
        assertEquals(2, lines.size(), issue);
        assertTrue(lines.get(0).matches("\\d+ of " + m_raw.size()
            + " rows removed for missing values in the model's columns \\(listwise deletion\\)"), lines.get(0));
        assertTrue(lines.get(1).startsWith("regressor 'province_code' dropped: "), lines.get(1));
        assertEquals(2, m.getResolutions().size(), m.getResolutions().toString());
        assertTrue(m.getResolutions().get(0).contains("Panel Interpolation"), m.getResolutions().toString());
        assertTrue(m.getResolutions().get(1).contains("'Regressors'"), m.getResolutions().toString());
        // the statistics table agrees with the summary's count
        int dropped = (int)rows(table(m_wfm, id, 1)).number(0, "n_dropped_missing");
        assertTrue(m.getMessage().startsWith(dropped + " row"), m.getMessage());
    }

    @Test
    void interpolationWarningSummarizesTheColumns() {
        NodeID id = node(new PanelInterpolationNodeFactory());
        String[] columns = {"gdp", "exports", "imports"};
        edit(m_wfm, id, PanelInterpolationParameters.class, p -> p.set("m_entity", "province").set("m_time", "year")
            .set("m_columns", columns).set("m_method", "LINEAR").set("m_ends", "NONE"));
        executeAll(m_wfm);
        var summary = rows(table(m_wfm, id, 1));
        int interpolated = 0;
        int filled = 0;
        int missing = 0;
        for (int r = 0; r < summary.size(); r++) {
            int f = (int)summary.number(r, "filled");
            interpolated += f > 0 ? 1 : 0;
            filled += f;
            missing += (int)summary.number(r, "still_missing");
        }
        NodeMessage m = message(id);
        assertEquals(NodeMessage.Type.WARNING, m.getMessageType(), m.toString());
        String expected = interpolated + " columns interpolated, " + filled + " cells filled"
            + (missing > 0 ? ", " + missing + (missing == 1 ? " cell" : " cells") + " left missing" : "");
        assertEquals(expected, m.getMessage());
        List<String> lines = m.getIssue().orElseThrow().lines().toList();
        assertEquals(columns.length, lines.size(), lines.toString());
        for (int i = 0; i < columns.length; i++) {
            assertTrue(lines.get(i).startsWith("'" + columns[i] + "': "), lines.get(i));
        }
        assertEquals(missing > 0 ? 1 : 0, m.getResolutions().size(), m.getResolutions().toString());
    }

    /* ------------------------------------------------------------------- errors */

    @Test
    void configureErrorNamesTheFixAsResolution() {
        NodeID id = regression("province", "gdp");
        m_wfm.resetAndConfigureAll();
        assertFalse(m_wfm.getNodeContainer(id).getNodeContainerState().isConfigured());
        NodeMessage m = message(id);
        assertEquals("Column 'province' is not numeric (it holds string values)", m.getMessage(),
            m.toStringWithDetails());
        assertEquals(List.of("Choose a numeric dependent variable (y) column."), m.getResolutions());
    }

    @Test
    void executeErrorIsAMessageWithoutStackTrace() {
        NodeID id = node(new PanelInterpolationNodeFactory());
        edit(m_wfm, id, PanelInterpolationParameters.class, p -> p.set("m_entity", "province").set("m_time", "gdp")
            .set("m_columns", new String[]{"exports"}));
        m_wfm.executeAllAndWaitUntilDone();
        NodeMessage m = message(id);
        assertEquals(NodeMessage.Type.ERROR, m.getMessageType(), m.toString());
        assertTrue(m.getMessage().contains("gdp"), m.getMessage());
        assertFalse(m.toStringWithDetails().contains("Exception"), m.toStringWithDetails());
    }

    /* ------------------------------------------------ shared model options */

    private NodeID differenceTest(final String se, final String clusterBy) {
        NodeID id = node(new CoefficientDifferenceTestNodeFactory());
        edit(m_wfm, id, CoefficientDifferenceTestParameters.class, p -> p.set("m_y", "exports")
            .set("m_regressors", new String[]{"gdp", "fdi"}).set("m_entity", "province").set("m_time", "year")
            .set("m_split", "BREAK_YEAR").set("m_breakYear", 2017).set("m_model.m_seType", se)
            .set("m_model.m_clusterBy", clusterBy).set("m_model.m_clusterColumn", "region"));
        return id;
    }

    @ParameterizedTest(name = "se_type {0}")
    @ValueSource(strings = {"CLUSTER", "CR0", "HC1", "HC0"})
    void differenceTestRunsWithEveryOfferedStandardError(final String se) {
        NodeID id = differenceTest(se, "ENTITY");
        executeAll(m_wfm);
        assertTrue(rows(table(m_wfm, id, 0)).size() > 0);
    }

    /** The shared group offers the difference test every fixed-effects choice, None (pooled OLS) included. */
    @ParameterizedTest(name = "effects {0}")
    @ValueSource(strings = {"TWOWAY", "ENTITY", "TIME", "NONE"})
    void differenceTestRunsWithEveryFixedEffect(final String effects) {
        NodeID id = differenceTest("CLUSTER", "ENTITY");
        edit(m_wfm, id, CoefficientDifferenceTestParameters.class, p -> p.set("m_model.m_effects", effects));
        executeAll(m_wfm);
        assertTrue(rows(table(m_wfm, id, 2)).size() > 0);
    }

    @ParameterizedTest(name = "cluster_by {0}")
    @ValueSource(strings = {"ENTITY", "TIME", "COLUMNS"})
    void differenceTestRunsWithEveryOfferedClusterDimension(final String clusterBy) {
        NodeID id = differenceTest("CLUSTER", clusterBy);
        executeAll(m_wfm);
        assertTrue(rows(table(m_wfm, id, 1)).size() > 0);
    }

    @ParameterizedTest(name = "se_type {0}")
    @ValueSource(strings = {"IID", "CR2", "TWOWAY", "DRISCOLL_KRAAY"})
    void differenceTestNamesItsChoicesForOtherStandardErrors(final String se) {
        NodeID id = differenceTest(se, "ENTITY");
        m_wfm.resetAndConfigureAll();
        assertFalse(m_wfm.getNodeContainer(id).getNodeContainerState().isConfigured());
        NodeMessage m = message(id);
        assertTrue(m.getMessage().startsWith("The difference test needs one-way clustered"), m.getMessage());
        assertEquals(List.of("Set 'Standard errors' to Clustered (CR1), Clustered (CR0), Robust (HC1) or Robust (HC0) "
            + "(se_type CLUSTER, CR0, HC1 or HC0)."), m.getResolutions());
    }

    private NodeID mediation(final String se) {
        NodeID id = node(new MediationAnalysisNodeFactory());
        edit(m_wfm, id, MediationAnalysisParameters.class, p -> p.set("m_outcome", "exports")
            .set("m_treatment", "gdp").set("m_mediators", new String[]{"fdi"}).set("m_entity", "province")
            .set("m_time", "year").set("m_reps", 0).set("m_model.m_seType", se)
            .set("m_model.m_level", 0.9));
        return id;
    }

    @ParameterizedTest(name = "se_type {0}")
    @ValueSource(strings = {"CLUSTER", "CR0"})
    void mediationRunsWithEveryOfferedStandardError(final String se) {
        NodeID id = mediation(se);
        executeAll(m_wfm);
        assertEquals(0.9, rows(table(m_wfm, id, 0)).number(0, "level"), 0.0);
    }

    @ParameterizedTest(name = "se_type {0}")
    @ValueSource(strings = {"IID", "HC0", "HC1", "CR2", "TWOWAY", "DRISCOLL_KRAAY"})
    void mediationNamesItsChoicesForOtherStandardErrors(final String se) {
        NodeID id = mediation(se);
        m_wfm.resetAndConfigureAll();
        NodeMessage m = message(id);
        assertTrue(m.getMessage().startsWith("The cluster bootstrap needs clustered standard errors"),
            m.getMessage());
        assertEquals(List.of("Set 'Standard errors' to Clustered (CR1) or Clustered (CR0) (se_type CLUSTER or CR0)."),
            m.getResolutions());
    }
}
