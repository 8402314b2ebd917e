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

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinWorkerThread;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knime.core.node.KNIMEConstants;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.WorkflowManager;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.fe.FixedEffectsRegression;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.knime.mediation.MediationAnalysisNodeFactory;
import org.panelkit.knime.mediation.MediationAnalysisParameters;
import org.panelkit.knime.node.EngineThreads;
import org.panelkit.knime.regression.PanelRegressionNodeFactory;
import org.panelkit.knime.regression.PanelRegressionParameters;

/**
 * Issue 10: the engine's parallel work inside KNIME runs on the threads PanelKit gives it, bounded by KNIME's
 * thread limit ({@code -Dorg.knime.core.maxThreads}, i.e. {@link KNIMEConstants#GLOBAL_THREAD_POOL}'s maximum),
 * not on the JVM's common fork/join pool.
 */
class EngineThreadsTest {
    private static final String[] X = {"gdp", "fdi", "gov_expenditure"};

    private int m_knimeMaxThreads;

    private WorkflowManager m_wfm;

    private KnimeTestSupport.Table m_raw;

    @BeforeEach
    void setUp() {
        m_knimeMaxThreads = KNIMEConstants.GLOBAL_THREAD_POOL.getMaxThreads();
        m_wfm = KnimeTestSupport.newProject("engine-threads");
        m_raw = KnimeTestSupport.studyRaw();
    }

    @AfterEach
    void tearDown() {
        KnimeTestSupport.dispose(m_wfm);
        KNIMEConstants.GLOBAL_THREAD_POOL.setMaxThreads(m_knimeMaxThreads);
    }

    /** Records the thread of every progress and cancellation call (the engine checks inside its parallel steps). */
    private static final class ThreadRecorder implements ProgressMonitor {
        final Set<Thread> m_threads = ConcurrentHashMap.newKeySet();

        @Override
        public void progress(final double fraction, final String message) {
            m_threads.add(Thread.currentThread());
        }

        @Override
        public void checkCanceled() {
            m_threads.add(Thread.currentThread());
        }
    }

    @Test
    void theBoundIsKnimesThreadLimitAtMostTheProcessors() {
        int cores = Runtime.getRuntime().availableProcessors();
        KNIMEConstants.GLOBAL_THREAD_POOL.setMaxThreads(1);
        assertEquals(1, EngineThreads.maxThreads());
        assertEquals(1, EngineThreads.parallelism().threads());
        KNIMEConstants.GLOBAL_THREAD_POOL.setMaxThreads(2);
        assertEquals(Math.min(2, cores), EngineThreads.maxThreads());
        KNIMEConstants.GLOBAL_THREAD_POOL.setMaxThreads(10_000);
        assertEquals(cores, EngineThreads.maxThreads());
    }

    @Test
    void anEngineCallRunsOnPanelKitWorkersOnlyAndGivesTheCommonPoolResult() {
        var data = EngineReference.columns(m_raw, "year");
        ModelSpec spec = ModelSpec.builder("exports", List.of(X)).entity("province").time("year")
            .cluster(List.of("province")).build();
        FixedEffectsResult free = FixedEffectsRegression.fit(data, spec);
        for (int limit : new int[]{1, 2}) {
            KNIMEConstants.GLOBAL_THREAD_POOL.setMaxThreads(limit);
            ThreadRecorder seen = new ThreadRecorder();
            FixedEffectsResult bounded = EngineThreads.call(() -> FixedEffectsRegression.fit(data, spec, seen));
            assertFalse(seen.m_threads.isEmpty());
            assertTrue(seen.m_threads.size() <= EngineThreads.maxThreads(), "limit " + limit + ": " + seen.m_threads);
            for (Thread t : seen.m_threads) {
                assertTrue(t.getName().startsWith("PanelKit engine "), t.getName());
                assertTrue(t instanceof ForkJoinWorkerThread && !((ForkJoinWorkerThread)t).getPool().equals(
                    java.util.concurrent.ForkJoinPool.commonPool()), t.getName() + " is not a common-pool worker");
            }
            for (int j = 0; j < free.coefficients().size(); j++) {
                assertEquals(free.coefficients().get(j).estimate(), bounded.coefficients().get(j).estimate(), 0.0);
                assertEquals(free.coefficients().get(j).stdError(), bounded.coefficients().get(j).stdError(), 0.0);
            }
        }
    }

    private NodeID executed(final org.knime.core.node.NodeFactory<?> factory,
        final java.util.function.Consumer<NodeID> settings) {
        NodeID source = add(m_wfm, m_raw.source());
        NodeID id = add(m_wfm, factory);
        connect(m_wfm, source, 0, id, 0);
        settings.accept(id);
        m_wfm.resetAndConfigureAll();
        executeAll(m_wfm);
        assertTrue(m_wfm.getNodeContainer(id).getNodeContainerState().isExecuted(),
            m_wfm.getNodeContainer(id).getNodeMessage().toString());
        return id;
    }

    @Test
    void thePanelRegressionNodeEstimatesOnOneWorkerWhenKnimeAllowsOneThread() {
        KNIMEConstants.GLOBAL_THREAD_POOL.setMaxThreads(1);
        long before = EngineThreads.workersStarted();
        NodeID id = executed(new PanelRegressionNodeFactory(), n -> edit(m_wfm, n, PanelRegressionParameters.class,
            p -> p.set("m_y", "exports").set("m_regressors", X).set("m_entity", "province").set("m_time", "year")));
        // the fit ran in a pool of PanelKit's that started exactly one worker: the engine call and its parallel
        // residualization of the four columns all ran there, none on the common pool
        assertEquals(1, EngineThreads.workersStarted() - before);
        FixedEffectsResult fit = FixedEffectsRegression.fit(EngineReference.columns(m_raw, "year"),
            ModelSpec.builder("exports", List.of(X)).entity("province").time("year").cluster(List.of("province"))
                .build());
        var coef = rows(table(m_wfm, id, 0));
        assertEquals(fit.coefficients().size() + 1, coef.size());
        for (int r = 0; r < coef.size(); r++) {
            String term = coef.string(r, "term");
            double expected = fit.coefficients().stream().filter(c -> c.term().equals(term)).findFirst()
                .orElse(fit.constant()).estimate();
            assertEquals(expected, coef.number(r, "estimate"), 1e-10 * Math.max(1, Math.abs(expected)), term);
        }
    }

    @Test
    void theMediationBootstrapStaysWithinKnimesLimit() {
        KNIMEConstants.GLOBAL_THREAD_POOL.setMaxThreads(2);
        int limit = EngineThreads.maxThreads();
        long before = EngineThreads.workersStarted();
        executed(new MediationAnalysisNodeFactory(), n -> edit(m_wfm, n, MediationAnalysisParameters.class,
            p -> p.set("m_outcome", "exports").set("m_treatment", "gdp").set("m_mediators", new String[]{"fdi"})
                .set("m_controls", new String[]{"population"}).set("m_entity", "province").set("m_time", "year")
                .set("m_reps", 499)));
        long started = EngineThreads.workersStarted() - before;
        assertTrue(started >= 1 && started <= limit, started + " workers for a limit of " + limit);
    }
}
