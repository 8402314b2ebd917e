package org.panelkit.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panelkit.knime.tests.KnimeTestSupport.add;
import static org.panelkit.knime.tests.KnimeTestSupport.connect;
import static org.panelkit.knime.tests.KnimeTestSupport.edit;
import static org.panelkit.knime.tests.KnimeTestSupport.executeAll;
import static org.panelkit.knime.tests.KnimeTestSupport.rows;
import static org.panelkit.knime.tests.KnimeTestSupport.table;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.inactive.InactiveBranchPortObject;
import org.knime.core.node.port.inactive.InactiveBranchPortObjectSpec;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.NodeMessage;
import org.knime.core.node.workflow.WorkflowManager;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.compare.CoefficientDifference;
import org.panelkit.engine.compare.Comparison;
import org.panelkit.engine.compare.ComparisonResult;
import org.panelkit.engine.compare.SubsampleComparison;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.FixedEffectTerm;
import org.panelkit.engine.fe.FixedEffectsRegression;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.mediation.Mediation;
import org.panelkit.engine.mediation.MediationSpec;
import org.panelkit.engine.report.ModelSummary;
import org.panelkit.engine.report.RegressionTable;
import org.panelkit.engine.smooth.PanelSmoothing;
import org.panelkit.engine.smooth.SmoothingSpec;
import org.panelkit.engine.split.SplitSpec;
import org.panelkit.engine.vcov.Convention;
import org.panelkit.engine.vcov.VcovType;
import org.panelkit.knime.compare.CoefficientDifferenceTestNodeFactory;
import org.panelkit.knime.compare.CoefficientDifferenceTestParameters;
import org.panelkit.knime.node.FixedEffectTermParameters;
import org.panelkit.knime.describe.PanelDiagnosticsNodeFactory;
import org.panelkit.knime.describe.PanelDiagnosticsParameters;
import org.panelkit.knime.interpolation.PanelInterpolationNodeFactory;
import org.panelkit.knime.interpolation.PanelInterpolationParameters;
import org.panelkit.knime.lq.LocationQuotientNodeFactory;
import org.panelkit.knime.lq.LocationQuotientParameters;
import org.panelkit.knime.mediation.MediationAnalysisNodeFactory;
import org.panelkit.knime.mediation.MediationAnalysisParameters;
import org.panelkit.knime.regression.PanelRegressionNodeFactory;
import org.panelkit.knime.regression.PanelRegressionParameters;
import org.panelkit.knime.report.CoefficientPlotNodeFactory;
import org.panelkit.knime.report.RegressionTableNodeFactory;
import org.panelkit.knime.smoothing.PanelSmoothingNodeFactory;
import org.panelkit.knime.smoothing.PanelSmoothingParameters;
import org.panelkit.knime.split.PanelSubsampleSplitterNodeFactory;
import org.panelkit.knime.split.PanelSubsampleSplitterParameters;
import org.panelkit.knime.support.report.ModelInput;
import org.panelkit.knime.support.report.RegressionTableOptions;
import org.panelkit.knime.support.table.ResultTable;

/**
 * Issue 9 (d): every node executes in a WorkflowManager on real BufferedDataTables (the study-shaped data, 5% of
 * cells missing). Per node: configure's output specs equal the executed tables' specs; the results equal the
 * engine called directly on the same cells (or a hand computation); flow variables; a wrong column type is a
 * clear configure error; reset and re-execute give the same tables. Cancellation stops a long execution promptly.
 */
class NodeExecutionTest {
    private static final double TOL = 1e-10;

    private static final String[] X = {"gdp", "fdi", "gov_expenditure"};

    private WorkflowManager m_wfm;

    private KnimeTestSupport.Table m_raw;

    private NodeID m_source;

    @BeforeEach
    void setUp() {
        m_wfm = KnimeTestSupport.newProject("execution");
        m_raw = KnimeTestSupport.studyRaw();
        m_source = add(m_wfm, m_raw.source());
    }

    @AfterEach
    void tearDown() {
        KnimeTestSupport.dispose(m_wfm);
    }

    /* ------------------------------------------------------------------ helpers */

    private NodeID node(final org.knime.core.node.NodeFactory<?> f, final NodeID input) {
        return add(m_wfm, f, input);
    }

    /** Configure's specs of every data output, then execution, then the executed tables' specs must equal them. */
    private void executeAndCheckSpecs(final NodeID... nodes) {
        m_wfm.resetAndConfigureAll();
        record Port(NodeID id, int port) {
        }
        Map<Port, DataTableSpec> configured = new HashMap<>();
        for (NodeID id : nodes) {
            var nc = m_wfm.getNodeContainer(id);
            assertTrue(nc.getNodeContainerState().isConfigured(), nc.getNameWithID() + " not configured: "
                + nc.getNodeMessage());
            for (int p = 1; p < nc.getNrOutPorts(); p++) {
                if (nc.getOutPort(p).getPortObjectSpec() instanceof DataTableSpec s) {
                    configured.put(new Port(id, p - 1), s);
                }
            }
        }
        executeAll(m_wfm);
        configured.forEach((key, spec) -> {
            DataTableSpec executed = table(m_wfm, key.id(), key.port()).getDataTableSpec();
            assertTrue(spec.equalStructure(executed), key + ": configured " + spec + " but executed " + executed);
        });
    }

    /** Reset, execute again: the same tables. */
    private void reexecuteGivesSameTables(final NodeID id) {
        var nc = m_wfm.getNodeContainer(id);
        List<List<DataRow>> before = new ArrayList<>();
        for (int p = 1; p < nc.getNrOutPorts(); p++) {
            if (nc.getOutPort(p).getPortObject() instanceof BufferedDataTable t) {
                before.add(rows(t).rows());
            }
        }
        m_wfm.resetAndConfigureAll();
        assertFalse(m_wfm.getNodeContainer(id).getNodeContainerState().isExecuted());
        executeAll(m_wfm);
        int i = 0;
        for (int p = 1; p < nc.getNrOutPorts(); p++) {
            if (nc.getOutPort(p).getPortObject() instanceof BufferedDataTable t) {
                List<DataRow> after = rows(t).rows();
                List<DataRow> expected = before.get(i++);
                assertEquals(expected.size(), after.size());
                for (int r = 0; r < after.size(); r++) {
                    assertEquals(expected.get(r).getKey(), after.get(r).getKey());
                    for (int c = 0; c < after.get(r).getNumCells(); c++) {
                        assertEquals(expected.get(r).getCell(c), after.get(r).getCell(c), "row " + r + " cell " + c);
                    }
                }
            }
        }
    }

    private static void close(final double expected, final double actual, final String what) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            assertEquals(Double.isNaN(expected), Double.isNaN(actual), what + ": " + expected + " vs " + actual);
            return;
        }
        double scale = Math.max(1, Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= TOL * scale, what + ": expected " + expected + ", got " + actual);
    }

    private static double num(final DataCell c) {
        return c.isMissing() ? Double.NaN : ((DoubleValue)c).getDoubleValue();
    }

    private void assertConfigureError(final NodeID id, final String... fragments) {
        m_wfm.resetAndConfigureAll();
        var nc = m_wfm.getNodeContainer(id);
        assertFalse(nc.getNodeContainerState().isConfigured(), "should not configure");
        NodeMessage m = nc.getNodeMessage();
        // KNIME shows a configure failure (InvalidSettingsException) as the node's warning; the node stays idle
        assertTrue(m.getMessageType() == NodeMessage.Type.WARNING || m.getMessageType() == NodeMessage.Type.ERROR,
            m.toString());
        for (String f : fragments) {
            assertTrue(m.getMessage().contains(f), "message '" + m.getMessage() + "' should name " + f);
        }
        assertFalse(m.getMessage().contains("Exception"), "no exception in the message: " + m.getMessage());
    }

    private Columns engineData() {
        return EngineReference.columns(m_raw, "year");
    }

    private static ModelSpec.Builder study(final String y, final String... x) {
        return ModelSpec.builder(y, List.of(x)).entity("province").time("year");
    }

    /** The coefficient table of a regression node equals the engine's fit, term by term, every statistic. */
    private static void assertCoefficients(final FixedEffectsResult fit, final KnimeTestSupport.Table coef) {
        List<Coefficient> expected = new ArrayList<>(fit.coefficients());
        if (fit.constant() != null) {
            expected.add(fit.constant());
        }
        assertEquals(expected.size(), coef.size(), "terms");
        for (int r = 0; r < coef.size(); r++) {
            String term = coef.string(r, "term");
            Coefficient c = expected.stream().filter(e -> e.term().equals(term)).findFirst().orElseThrow(
                () -> new AssertionError("unexpected term " + term));
            close(c.estimate(), coef.number(r, "estimate"), term + " estimate");
            close(c.stdError(), coef.number(r, "std_error"), term + " std_error");
            close(c.statistic(), coef.number(r, "statistic"), term + " statistic");
            close(c.pValue(), coef.number(r, "p_value"), term + " p_value");
            close(c.confLow(), coef.number(r, "conf_low"), term + " conf_low");
            close(c.confHigh(), coef.number(r, "conf_high"), term + " conf_high");
            assertEquals(c.stars(), coef.string(r, "stars") == null ? "" : coef.string(r, "stars"), term + " stars");
        }
    }

    /* -------------------------------------------------------- Panel Regression */

    private NodeID regression(final String y, final String... x) {
        NodeID id = node(new PanelRegressionNodeFactory(), m_source);
        edit(m_wfm, id, PanelRegressionParameters.class, p -> p.set("m_y", y).set("m_regressors", x)
            .set("m_entity", "province").set("m_time", "year"));
        return id;
    }

    @ParameterizedTest(name = "se_type {0}")
    @EnumSource(VcovType.class)
    void regressionEqualsEngineForEveryStandardError(final VcovType vcov) {
        NodeID id = regression("exports", X);
        String choice = vcov.name();
        edit(m_wfm, id, PanelRegressionParameters.class, p -> {
            p.set("m_model.m_seType", choice);
            p.set("m_model.m_clusterBy", vcov == VcovType.TWOWAY ? "ENTITY_AND_TIME" : "ENTITY");
        });
        executeAndCheckSpecs(id);

        var spec = study("exports", X).vcov(vcov);
        if (vcov == VcovType.TWOWAY) {
            spec.cluster(List.of("province", "year"));
        } else if (vcov == VcovType.CLUSTER || vcov == VcovType.CR0 || vcov == VcovType.CR2) {
            spec.cluster(List.of("province"));
        }
        FixedEffectsResult fit = FixedEffectsRegression.fit(engineData(), spec.build());
        assertCoefficients(fit, rows(table(m_wfm, id, 0)));

        var stats = rows(table(m_wfm, id, 1));
        assertEquals(1, stats.size());
        assertEquals(fit.observations(), (int)stats.number(0, "n"));
        assertEquals(fit.droppedMissing(), (int)stats.number(0, "n_dropped_missing"));
        assertTrue(fit.droppedMissing() > 0, "the study data have missing cells");
        assertEquals(vcov.key(), stats.string(0, "se_type"));
        close(fit.ssr(), stats.number(0, "ssr"), "ssr");
        close(fit.r2Within(), stats.number(0, "r2_within"), "r2_within");

        // flow variables pushed
        var vars = m_wfm.getNodeContainer(id).getOutPort(1).getFlowObjectStack().getAvailableFlowVariables(
            org.knime.core.node.workflow.VariableType.IntType.INSTANCE,
            org.knime.core.node.workflow.VariableType.StringType.INSTANCE);
        FlowVariable n = vars.get("fe_n");
        assertNotNull(n, "fe_n pushed: " + vars.keySet());
        assertEquals(fit.observations(), n.getIntValue());
        assertEquals(vcov.key(), vars.get("fe_se_type").getStringValue());
    }

    /**
     * Issue 12: additional fixed effects (region-by-year on top of province and year) and analytic weights
     * (population): the node equals the engine called directly with the same terms and weights, to 1e-10, and its
     * model statistics name the absorbed terms and the weight column.
     */
    @Test
    void regressionWithAdditionalFixedEffectsAndWeightsEqualsEngine() {
        NodeID id = regression("exports", X);
        edit(m_wfm, id, PanelRegressionParameters.class, p -> p
            .set("m_additionalFixedEffects", new FixedEffectTermParameters[]{
                new FixedEffectTermParameters("region", "year"),
                new FixedEffectTermParameters("year")}) // absorbed once
            .set("m_weighted", true).set("m_weightColumn", "population"));
        executeAndCheckSpecs(id);

        ModelSpec spec = study("exports", X).absorb(List.of(FixedEffectTerm.of("province"), FixedEffectTerm.of("year"),
            FixedEffectTerm.parse("region^year"))).weights("population").cluster(List.of("province")).build();
        FixedEffectsResult fit = FixedEffectsRegression.fit(engineData(), spec);
        assertCoefficients(fit, rows(table(m_wfm, id, 0)));
        var stats = rows(table(m_wfm, id, 1));
        assertEquals("province,year,region^year", stats.string(0, "effects"), "the absorbed terms");
        assertEquals("population", stats.string(0, "weights"), "the weight column");
        assertEquals("province", stats.string(0, "entity"));
        assertEquals("year", stats.string(0, "time"));
        assertEquals(fit.observations(), (int)stats.number(0, "n"));
        assertEquals(fit.fixedEffectsRank(), (int)stats.number(0, "fe_rank"));
        assertEquals(fit.zeroWeightsDropped(), (int)stats.number(0, "zero_weights_dropped"));
        assertEquals(fit.absorption().method(), stats.string(0, "absorption"));
        close(fit.ssr(), stats.number(0, "ssr"), "ssr");
        reexecuteGivesSameTables(id);

        // without weights, the same terms: another fit (the weights are used), again the engine's
        edit(m_wfm, id, PanelRegressionParameters.class, p -> p.set("m_weighted", false));
        executeAndCheckSpecs(id);
        FixedEffectsResult unweighted = FixedEffectsRegression.fit(engineData(), spec.toBuilder().weights(null).build());
        assertCoefficients(unweighted, rows(table(m_wfm, id, 0)));
        assertTrue(rows(table(m_wfm, id, 1)).string(0, "weights") == null, "unweighted: no weight column");
    }

    /** The weight column must be numeric, and chosen when the regression is weighted; a term column must exist. */
    @Test
    void regressionWeightsAndTermsAreCheckedInConfigure() {
        NodeID id = regression("exports", X);
        edit(m_wfm, id, PanelRegressionParameters.class, p -> p.set("m_weighted", true).set("m_weightColumn", ""));
        assertConfigureError(id, "weight column");
        edit(m_wfm, id, PanelRegressionParameters.class, p -> p.set("m_weightColumn", "region"));
        assertConfigureError(id, "'region'", "not numeric"); // the fix (choose a numeric weight column): resolution
        edit(m_wfm, id, PanelRegressionParameters.class, p -> p.set("m_weighted", false)
            .set("m_additionalFixedEffects", new FixedEffectTermParameters[]{
                new FixedEffectTermParameters("district", "year")}));
        assertConfigureError(id, "district", "additional fixed effect 1");
        edit(m_wfm, id, PanelRegressionParameters.class, p -> p
            .set("m_additionalFixedEffects", new FixedEffectTermParameters[]{
                new FixedEffectTermParameters()}));
        assertConfigureError(id, "dditional fixed effect 1 has no column");
    }

    /** The conventions fixest and sandwich (two-way clustered, where they differ from xtreg) equal the engine's. */
    @ParameterizedTest(name = "convention {0}")
    @EnumSource(value = Convention.class, names = {"FIXEST", "SANDWICH"})
    void regressionConventionsEqualEngine(final Convention convention) {
        NodeID id = regression("exports", X);
        edit(m_wfm, id, PanelRegressionParameters.class, p -> p.set("m_model.m_convention", convention.name())
            .set("m_model.m_seType", "TWOWAY").set("m_model.m_clusterBy", "ENTITY_AND_TIME"));
        executeAndCheckSpecs(id);
        FixedEffectsResult fit = FixedEffectsRegression.fit(engineData(), study("exports", X).vcov(VcovType.TWOWAY)
            .cluster(List.of("province", "year")).convention(convention).build());
        assertCoefficients(fit, rows(table(m_wfm, id, 0)));
        assertEquals(convention.key(), rows(table(m_wfm, id, 1)).string(0, "convention"));
    }

    @Test
    void regressionResidualsAreInactiveUnlessAsked() {
        NodeID id = regression("exports", X);
        executeAndCheckSpecs(id);
        assertTrue(KnimeTestSupport.portObject(m_wfm, id, 2) instanceof InactiveBranchPortObject,
            "third output inactive by default");
        assertTrue(m_wfm.getNodeContainer(id).getOutPort(3).getPortObjectSpec() instanceof InactiveBranchPortObjectSpec);
    }

    @Test
    void regressionResidualsAndReexecution() {
        NodeID id = regression("exports", X);
        edit(m_wfm, id, PanelRegressionParameters.class, p -> p.set("m_appendResiduals", true));
        executeAndCheckSpecs(id);
        FixedEffectsResult fit = FixedEffectsRegression.fit(engineData(),
            study("exports", X).cluster(List.of("province")).build());
        var res = rows(table(m_wfm, id, 2));
        assertEquals(m_raw.size(), res.size(), "one row per input row");
        int used = 0;
        for (int r = 0; r < res.size(); r++) {
            double e = res.number(r, "residual");
            double f = res.number(r, "fitted");
            double y = res.number(r, "exports");
            if (Double.isNaN(e)) {
                assertTrue(Double.isNaN(f));
                continue;
            }
            used++;
            close(y, e + f, "y = residual + fitted, row " + r);
        }
        assertEquals(fit.observations(), used);
        reexecuteGivesSameTables(id);
    }

    @Test
    void regressionWrongColumnTypeIsAClearConfigureError() {
        NodeID id = regression("province", X);
        assertConfigureError(id, "province");
        NodeID id2 = regression("exports", "gdp", "region");
        assertConfigureError(id2, "region");
    }

    @Test
    void cancellingALongExecutionStopsPromptly() throws Exception {
        NodeID id = node(new MediationAnalysisNodeFactory(), m_source);
        edit(m_wfm, id, MediationAnalysisParameters.class, p -> p.set("m_outcome", "exports")
            .set("m_treatment", "gdp").set("m_mediators", new String[]{"fdi", "gov_expenditure"})
            .set("m_controls", new String[]{"population"}).set("m_entity", "province").set("m_time", "year")
            .set("m_reps", 1_000_000));
        m_wfm.resetAndConfigureAll();
        assertTrue(m_wfm.getNodeContainer(id).getNodeContainerState().isConfigured(),
            m_wfm.getNodeContainer(id).getNodeMessage().toString());
        m_wfm.executeAll();
        var nc = m_wfm.getNodeContainer(id);
        long until = System.currentTimeMillis() + 30_000;
        while (!nc.getNodeContainerState().isExecutionInProgress() && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        Thread.sleep(1000); // well inside the bootstrap
        assertTrue(nc.getNodeContainerState().isExecutionInProgress(), "still running: " + nc.getNodeContainerState());
        long t0 = System.nanoTime();
        m_wfm.cancelExecution(nc);
        assertTrue(m_wfm.waitWhileInExecution(10, java.util.concurrent.TimeUnit.SECONDS), "stopped within 10 s");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 3, "cancelled after " + seconds + " s");
        assertFalse(nc.getNodeContainerState().isExecuted());
    }

    /* ---------------------------------------------------- Panel Interpolation */

    private static final String[] SERIES = {"gdp", "exports", "imports", "primary_output", "secondary_output",
        "tertiary_output"};

    private NodeID interpolation(final String ends) {
        NodeID id = node(new PanelInterpolationNodeFactory(), m_source);
        edit(m_wfm, id, PanelInterpolationParameters.class, p -> p.set("m_entity", "province").set("m_time", "year")
            .set("m_columns", SERIES).set("m_method", "LINEAR").set("m_ends", ends));
        return id;
    }

    @Test
    void interpolationFillsInteriorGapsLinearly() {
        NodeID id = interpolation("NONE");
        executeAndCheckSpecs(id);
        var out = rows(table(m_wfm, id, 0));
        assertEquals(m_raw.size(), out.size());
        int filled = 0;
        for (String col : SERIES) {
            // hand computation: linear in the year between the neighbouring observed values of the province
            for (int r = 0; r < m_raw.size(); r++) {
                String prov = m_raw.string(r, "province");
                double year = m_raw.number(r, "year");
                double v = m_raw.number(r, col);
                double expected = v;
                if (Double.isNaN(v)) {
                    double[] before = {Double.NEGATIVE_INFINITY, Double.NaN};
                    double[] after = {Double.POSITIVE_INFINITY, Double.NaN};
                    for (int s = 0; s < m_raw.size(); s++) {
                        double w = m_raw.number(s, col);
                        double t = m_raw.number(s, "year");
                        if (!prov.equals(m_raw.string(s, "province")) || Double.isNaN(w)) {
                            continue;
                        }
                        if (t < year && t > before[0]) {
                            before = new double[]{t, w};
                        }
                        if (t > year && t < after[0]) {
                            after = new double[]{t, w};
                        }
                    }
                    expected = Double.isInfinite(before[0]) || Double.isInfinite(after[0]) ? Double.NaN
                        : before[1] + (after[1] - before[1]) * (year - before[0]) / (after[0] - before[0]);
                    if (!Double.isNaN(expected)) {
                        filled++;
                    }
                }
                close(expected, out.number(r, col), col + " row " + r);
            }
        }
        assertTrue(filled > 100, "filled " + filled);
        var summary = rows(table(m_wfm, id, 1));
        int reported = 0;
        for (int r = 0; r < summary.size(); r++) {
            reported += (int)summary.number(r, "filled");
        }
        assertEquals(filled, reported);
        reexecuteGivesSameTables(id);
    }

    @Test
    void interpolationWrongColumnTypeIsAClearConfigureError() {
        NodeID id = node(new PanelInterpolationNodeFactory(), m_source);
        edit(m_wfm, id, PanelInterpolationParameters.class, p -> p.set("m_entity", "province").set("m_time", "gdp")
            .set("m_columns", new String[]{"exports"}));
        m_wfm.resetAndConfigureAll();
        // a Double column as the time is accepted by the engine only when integral: gdp is not -> error at latest
        // at execution, naming the column
        m_wfm.executeAllAndWaitUntilDone();
        var m = m_wfm.getNodeContainer(id).getNodeMessage();
        assertEquals(NodeMessage.Type.ERROR, m.getMessageType(), m.toString());
        assertTrue(m.getMessage().contains("gdp"), m.getMessage());
    }

    /* ------------------------------------------------------- Location Quotient */

    @Test
    void locationQuotientsOfTheInterpolatedPanel() {
        NodeID interp = interpolation("CONSTANT");
        NodeID lq = node(new LocationQuotientNodeFactory(), interp);
        String[] industries = {"primary_output", "secondary_output", "tertiary_output"};
        edit(m_wfm, lq, LocationQuotientParameters.class, p -> p.set("m_layout", "WIDE").set("m_region", "province")
            .set("m_time", "year").set("m_industries", industries).set("m_national", "SUM_OF_REGIONS"));
        executeAndCheckSpecs(interp, lq);
        var in = rows(table(m_wfm, interp, 0));
        var out = rows(table(m_wfm, lq, 0));
        assertEquals(in.size(), out.size());
        // LQ_ij = (Y_ij / Y_i) / (Y_j / Y), national totals summed over the provinces of the year
        Map<Double, double[]> totals = new HashMap<>();
        for (int r = 0; r < in.size(); r++) {
            double[] t = totals.computeIfAbsent(in.number(r, "year"), k -> new double[industries.length]);
            for (int j = 0; j < industries.length; j++) {
                t[j] += in.number(r, industries[j]);
            }
        }
        for (int r = 0; r < out.size(); r++) {
            double[] t = totals.get(in.number(r, "year"));
            double region = 0;
            double nation = 0;
            for (int j = 0; j < industries.length; j++) {
                region += in.number(r, industries[j]);
                nation += t[j];
            }
            for (int j = 0; j < industries.length; j++) {
                double expected = (in.number(r, industries[j]) / region) / (t[j] / nation);
                close(expected, out.number(r, "lq_" + industries[j]), "lq_" + industries[j] + " row " + r);
            }
        }
        reexecuteGivesSameTables(lq);
    }

    /* --------------------------------------------------- Subsample Splitter */

    @Test
    void splitterByNbsRegions() {
        NodeID id = node(new PanelSubsampleSplitterNodeFactory(), m_source);
        edit(m_wfm, id, PanelSubsampleSplitterParameters.class, p -> p.set("m_method", "REGION_NBS3")
            .set("m_entity", "province").set("m_time", "year"));
        executeAndCheckSpecs(id);
        var out = rows(table(m_wfm, id, 0));
        assertEquals(m_raw.size(), out.size());
        Map<String, Integer> counts = new HashMap<>();
        String group = out.spec().getColumnSpec(out.spec().getNumColumns() - 1).getName();
        for (int r = 0; r < out.size(); r++) {
            counts.merge(out.string(r, group), 1, Integer::sum);
        }
        // the study's East / Central / West samples: 11, 8 and 11 provinces x 21 years
        assertEquals(Map.of("East", 231, "Central", 168, "West", 231), counts);
        var summary = rows(table(m_wfm, id, 1));
        for (int r = 0; r < summary.size(); r++) {
            assertEquals(counts.get(summary.string(r, "group")), (int)summary.number(r, "rows"));
        }
        reexecuteGivesSameTables(id);
    }

    @Test
    void splitterByBreakYear() {
        NodeID id = node(new PanelSubsampleSplitterNodeFactory(), m_source);
        edit(m_wfm, id, PanelSubsampleSplitterParameters.class, p -> p.set("m_method", "BREAK_YEAR")
            .set("m_entity", "province").set("m_time", "year").set("m_breakYear", 2017));
        executeAndCheckSpecs(id);
        var summary = rows(table(m_wfm, id, 1));
        List<Integer> sizes = new ArrayList<>();
        for (int r = 0; r < summary.size(); r++) {
            sizes.add((int)summary.number(r, "rows"));
        }
        assertEquals(List.of(480, 150), sizes, "2001-2016 and 2017-2021");
    }

    /* ------------------------------------------------------ Panel Diagnostics */

    @Test
    void diagnosticsCountTheStudyPanel() {
        NodeID id = node(new PanelDiagnosticsNodeFactory(), m_source);
        edit(m_wfm, id, PanelDiagnosticsParameters.class, p -> p.set("m_entity", "province").set("m_time", "year"));
        executeAndCheckSpecs(id);
        var overview = rows(table(m_wfm, id, 0));
        assertEquals(630, (int)overview.number(0, "rows"));
        assertEquals(30, (int)overview.number(0, "entities"));
        assertEquals(21, (int)overview.number(0, "periods"));
        var missing = rows(table(m_wfm, id, 2));
        assertTrue(missing.size() > 0);
        for (int r = 0; r < missing.size(); r++) {
            String col = missing.string(r, "column");
            int expected = 0;
            for (int s = 0; s < m_raw.size(); s++) {
                if (m_raw.rows().get(s).getCell(m_raw.column(col)).isMissing()) {
                    expected++;
                }
            }
            assertEquals(expected, (int)missing.number(r, "missing"), col);
        }
        reexecuteGivesSameTables(id);
    }

    /* --------------------------------------------------------- Panel Smoothing */

    @Test
    void smoothingEqualsEngine() {
        NodeID id = node(new PanelSmoothingNodeFactory(), m_source);
        edit(m_wfm, id, PanelSmoothingParameters.class, p -> p.set("m_entity", "province").set("m_time", "year")
            .set("m_columns", new String[]{"gdp", "exports"}).set("m_method", "MA").set("m_window", 3));
        executeAndCheckSpecs(id);
        var out = rows(table(m_wfm, id, 0));
        var result = PanelSmoothing.run(engineData(), SmoothingSpec.builder("province", "year",
            List.of("gdp", "exports")).window(3).build());
        for (String col : new String[]{"gdp", "exports"}) {
            double[] expected = result.smoothed(col);
            for (int i = 0; i < result.rowCount(); i++) {
                int row = result.sourceRow(i);
                close(expected[i], out.number(row, col + "_ma"), col + "_ma row " + row);
            }
        }
        reexecuteGivesSameTables(id);
    }

    /* ------------------------------------------- Regression Table, Coefficient Plot */

    @Test
    void regressionTableEqualsEngineTable() {
        NodeID m1 = regression("exports", "gdp");
        NodeID m2 = regression("exports", X);
        NodeID t = KnimeTestSupport.addWithPorts(m_wfm, new RegressionTableNodeFactory(), "Model", 4,
            BufferedDataTable.TYPE);
        connect(m_wfm, m1, 0, t, 0);
        connect(m_wfm, m1, 1, t, 1);
        connect(m_wfm, m2, 0, t, 2);
        connect(m_wfm, m2, 1, t, 3);
        executeAndCheckSpecs(m1, m2, t);
        var opts = RegressionTableOptions.defaults();
        List<String> labels = ModelInput.labels(opts.modelLabels(), 2);
        var fit1 = FixedEffectsRegression.fit(engineData(), study("exports", "gdp").cluster(List.of("province")).build());
        var fit2 = FixedEffectsRegression.fit(engineData(), study("exports", X).cluster(List.of("province")).build());
        ResultTable expected = RegressionTableOptions.grid(RegressionTable.of(
            List.of(ModelSummary.of(labels.get(0), fit1), ModelSummary.of(labels.get(1), fit2)),
            opts.toTableOptions(2)));
        var actual = rows(table(m_wfm, t, 0));
        assertEquals(expected.rowCount(), actual.size());
        for (int r = 0; r < actual.size(); r++) {
            for (int c = 0; c < expected.columns().size(); c++) {
                Object e = expected.value(r, c);
                DataCell a = actual.rows().get(r).getCell(c);
                assertEquals(e == null ? "?" : e.toString(), a.isMissing() ? "?" : a.toString(), "row " + r + " col " + c);
            }
        }
        reexecuteGivesSameTables(t);
    }

    @Test
    void coefficientPlotDrawsTheModels() throws Exception {
        NodeID m1 = regression("exports", X);
        NodeID plot = KnimeTestSupport.addWithPorts(m_wfm, new CoefficientPlotNodeFactory(), "Model", 2,
            BufferedDataTable.TYPE);
        connect(m_wfm, m1, 0, plot, 0);
        connect(m_wfm, m1, 1, plot, 1);
        executeAndCheckSpecs(m1, plot);
        var image = (ImagePortObject)KnimeTestSupport.portObject(m_wfm, plot, 0);
        byte[] png = ((org.knime.core.data.image.png.PNGImageValue)image.toDataCell()).getImageContent().getByteArray();
        var img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img, "the PNG decodes");
        assertTrue(img.getWidth() > 100 && img.getHeight() > 100);
        var points = rows(table(m_wfm, plot, 1));
        var fit = FixedEffectsRegression.fit(engineData(), study("exports", X).cluster(List.of("province")).build());
        assertEquals(fit.coefficients().size(), points.size(), "one point per slope");
        for (int r = 0; r < points.size(); r++) {
            String term = points.string(r, "term");
            double expected = fit.coefficients().stream().filter(c -> c.term().equals(term)).findFirst()
                .orElseThrow().estimate();
            close(expected, points.number(r, "estimate"), term);
        }
    }

    /* --------------------------------------------------- Difference Test, Mediation */

    @Test
    void differenceTestGroupsAreTheSubsampleFits() {
        NodeID id = node(new CoefficientDifferenceTestNodeFactory(), m_source);
        edit(m_wfm, id, CoefficientDifferenceTestParameters.class, p -> p.set("m_y", "exports")
            .set("m_regressors", new String[]{"gdp", "fdi"}).set("m_entity", "province").set("m_time", "year")
            .set("m_split", "BREAK_YEAR").set("m_breakYear", 2017));
        executeAndCheckSpecs(id);
        Columns data = engineData();
        double[] year = data.numeric("year");
        var spec = study("exports", "gdp", "fdi").cluster(List.of("province")).build();
        var before = FixedEffectsRegression.fit(EngineReference.select(data, r -> year[r] < 2017), spec);
        var after = FixedEffectsRegression.fit(EngineReference.select(data, r -> year[r] >= 2017), spec);
        var groups = rows(table(m_wfm, id, 2));
        assertEquals(4, groups.size(), "2 groups x 2 terms");
        for (int r = 0; r < groups.size(); r++) {
            String term = groups.string(r, "term");
            var fit = groups.string(r, "group").startsWith("before") || groups.string(r, "group").contains("2016")
                ? before : after;
            double expected = fit.coefficients().stream().filter(c -> c.term().equals(term)).findFirst()
                .orElseThrow().estimate();
            close(expected, groups.number(r, "estimate"), groups.string(r, "group") + " " + term);
        }
        var diffs = rows(table(m_wfm, id, 0));
        boolean suest = false;
        for (int r = 0; r < diffs.size(); r++) {
            if ("suest".equals(diffs.string(r, "method"))) {
                suest = true;
                String term = diffs.string(r, "term");
                double b0 = before.coefficients().stream().filter(c -> c.term().equals(term)).findFirst()
                    .orElseThrow().estimate();
                double b1 = after.coefficients().stream().filter(c -> c.term().equals(term)).findFirst()
                    .orElseThrow().estimate();
                close(b1 - b0, diffs.number(r, "difference"), "suest difference " + term);
            }
        }
        assertTrue(suest, "suest rows");
        assertNotNull(SubsampleComparison.class);
        reexecuteGivesSameTables(id);
    }

    /**
     * Issue 12 in the Coefficient Difference Test: additional fixed effects (region-by-year) and analytic weights
     * (population). Every difference, pooled and suest, is the engine's comparison with the same terms and weights;
     * the weights are used (unweighted, the differences move).
     */
    @Test
    void differenceTestWithAdditionalFixedEffectsAndWeightsEqualsEngine() {
        NodeID id = node(new CoefficientDifferenceTestNodeFactory(), m_source);
        edit(m_wfm, id, CoefficientDifferenceTestParameters.class, p -> p.set("m_y", "exports")
            .set("m_regressors", new String[]{"gdp", "fdi"}).set("m_entity", "province").set("m_time", "year")
            .set("m_split", "BREAK_YEAR").set("m_breakYear", 2017)
            .set("m_additionalFixedEffects", new FixedEffectTermParameters[]{
                new FixedEffectTermParameters("region", "year")})
            .set("m_weighted", true).set("m_weightColumn", "population"));
        executeAndCheckSpecs(id);
        ModelSpec spec = study("exports", "gdp", "fdi").absorb(List.of(FixedEffectTerm.of("province"),
            FixedEffectTerm.of("year"), FixedEffectTerm.parse("region^year"))).weights("population")
            .cluster(List.of("province")).build();
        ComparisonResult r = SubsampleComparison.compare(engineData(), spec, SplitSpec.byBreak("year", 2017),
            ProgressMonitor.NONE);
        var diffs = rows(table(m_wfm, id, 0));
        assertEquals(4, diffs.size(), "2 terms x (pooled, suest)");
        for (int row = 0; row < diffs.size(); row++) {
            Comparison c = "suest".equals(diffs.string(row, "method")) ? r.suest() : r.pooled();
            String term = diffs.string(row, "term");
            CoefficientDifference d = c.differences().stream().filter(x -> x.term().equals(term)).findFirst()
                .orElseThrow();
            close(d.estimate(), diffs.number(row, "difference"), c.method() + " difference " + term);
            close(d.stdError(), diffs.number(row, "std_error"), c.method() + " se " + term);
        }
        ComparisonResult unweighted = SubsampleComparison.compare(engineData(), spec.toBuilder().weights(null).build(),
            SplitSpec.byBreak("year", 2017), ProgressMonitor.NONE);
        assertTrue(Math.abs(unweighted.pooled().differences().get(0).estimate()
            - r.pooled().differences().get(0).estimate()) > 1e-6, "the weights change the differences");
        reexecuteGivesSameTables(id);
        edit(m_wfm, id, CoefficientDifferenceTestParameters.class, p -> p.set("m_weightColumn", ""));
        assertConfigureError(id, "weight column");
    }

    @Test
    void mediationPathsAreTheirRegressions() {
        NodeID id = node(new MediationAnalysisNodeFactory(), m_source);
        edit(m_wfm, id, MediationAnalysisParameters.class, p -> p.set("m_outcome", "exports")
            .set("m_treatment", "gdp").set("m_mediators", new String[]{"fdi"})
            .set("m_controls", new String[]{"population"}).set("m_entity", "province").set("m_time", "year")
            .set("m_reps", 99));
        executeAndCheckSpecs(id);
        var out = rows(table(m_wfm, id, 0));
        assertEquals(1, out.size());
        // complete cases of exports, gdp, fdi, population
        Columns data = engineData();
        double[][] cols = {data.numeric("exports"), data.numeric("gdp"), data.numeric("fdi"),
            data.numeric("population")};
        ColumnSource sample = EngineReference.select(data, r -> {
            for (double[] c : cols) {
                if (Double.isNaN(c[r])) {
                    return false;
                }
            }
            return true;
        });
        var a = FixedEffectsRegression.fit(sample, study("fdi", "gdp", "population").cluster(List.of("province")).build());
        var total = FixedEffectsRegression.fit(sample,
            study("exports", "gdp", "population").cluster(List.of("province")).build());
        close(estimate(a, "gdp"), out.number(0, "a"), "a");
        close(estimate(total, "gdp"), out.number(0, "total"), "c");
        assertEquals(sample.rowCount(), (int)out.number(0, "n"));
        reexecuteGivesSameTables(id);
    }

    /**
     * Issue 12 in the Mediation Analysis: additional fixed effects (region-by-year) and analytic weights (population):
     * the node's paths, Sobel test and bootstrap are the engine's analysis with the same terms and weights (the same
     * seed: the same draws), and configure names a missing weight column.
     */
    @Test
    void mediationWithAdditionalFixedEffectsAndWeightsEqualsEngine() {
        NodeID id = node(new MediationAnalysisNodeFactory(), m_source);
        edit(m_wfm, id, MediationAnalysisParameters.class, p -> p.set("m_outcome", "exports")
            .set("m_treatment", "gdp").set("m_mediators", new String[]{"fdi"})
            .set("m_controls", new String[]{"gov_expenditure"}).set("m_entity", "province").set("m_time", "year")
            .set("m_reps", 99).set("m_additionalFixedEffects", new FixedEffectTermParameters[]{
                new FixedEffectTermParameters("region", "year")})
            .set("m_weighted", true).set("m_weightColumn", "population"));
        executeAndCheckSpecs(id);
        var out = rows(table(m_wfm, id, 0));
        ModelSpec model = study("exports", "gdp").absorb(List.of(FixedEffectTerm.of("province"),
            FixedEffectTerm.of("year"), FixedEffectTerm.parse("region^year"))).weights("population")
            .cluster(List.of("province")).build();
        var m = Mediation.analyze(engineData(), MediationSpec.builder("exports", "gdp", List.of("fdi"))
            .controls(List.of("gov_expenditure")).model(model).reps(99).build(), ProgressMonitor.NONE).mediators()
            .get(0);
        close(m.a().estimate(), out.number(0, "a"), "a");
        close(m.b().estimate(), out.number(0, "b"), "b");
        close(m.total().estimate(), out.number(0, "total"), "c");
        close(m.indirect(), out.number(0, "indirect"), "ab");
        close(m.sobelSe(), out.number(0, "sobel_se"), "Sobel se");
        close(m.bootstrapSe(), out.number(0, "boot_se"), "bootstrap se");
        assertEquals(m.observations(), (int)out.number(0, "n"));
        reexecuteGivesSameTables(id);
        edit(m_wfm, id, MediationAnalysisParameters.class, p -> p.set("m_weightColumn", ""));
        assertConfigureError(id, "weight column");
    }

    private static double estimate(final FixedEffectsResult fit, final String term) {
        return fit.coefficients().stream().filter(c -> c.term().equals(term)).findFirst().orElseThrow().estimate();
    }

    static int intValue(final DataCell c) {
        return ((IntValue)c).getIntValue();
    }
}
