package org.panelkit.knime.tests.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.WorkflowManager;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.fe.FixedEffectsRegression;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.knime.regression.PanelRegressionNodeFactory;
import org.panelkit.knime.regression.PanelRegressionParameters;
import org.panelkit.knime.tests.KnimeTestSupport;

/**
 * The Panel Regression node's speed inside KNIME (issue 9), a benchmark, not a test: not picked up by the test run
 * (its name does not end in Test); releng/bench/run-knime-bench.sh runs it with -Dtest=RegressionNodeBenchmark at
 * -Xmx8g and -Xmx2g. On the issue-2 panel (default 200,000 entities x 20 years, 10% of rows dropped, 5 regressors,
 * two-way fixed effects, SEs clustered by entity) it times, in one JVM: the node with the default settings and with
 * residuals appended (wall time of execution, median of {@code reps}), and the engine alone on the same columns.
 * It prints and appends to target/knime-bench.txt one line per figure and the ratios node / engine.
 */
class RegressionNodeBenchmark {
    @Test
    void regressionNodeVersusEngine() throws Exception {
        int entities = Integer.getInteger("bench.entities", 200_000);
        int years = Integer.getInteger("bench.years", 20);
        int reps = Integer.getInteger("bench.reps", 3);
        WorkflowManager wfm = KnimeTestSupport.newProject("benchmark");
        try {
            NodeID source = KnimeTestSupport.add(wfm, new SimulatedPanelNodeFactory(entities, years));
            wfm.executeAllAndWaitUntilDone();
            BufferedDataTable panel = KnimeTestSupport.table(wfm, source, 0);
            long rows = panel.size();

            double engine = engineSeconds(panel, reps);
            double node = nodeSeconds(wfm, source, false, reps);
            double nodeResiduals = nodeSeconds(wfm, source, true, reps);

            String heap = String.format(Locale.ROOT, "%.1f GB", Runtime.getRuntime().maxMemory() / 1e9);
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "knime-bench: %d rows, heap %s, KNIME %s", rows, heap,
                org.knime.core.node.KNIMEConstants.VERSION));
            lines.add(String.format(Locale.ROOT, "knime-bench: engine alone (in-memory columns)   median %.3f s",
                engine));
            lines.add(String.format(Locale.ROOT, "knime-bench: node, default (no residuals)       median %.3f s"
                + "  ratio node/engine %.2f", node, node / engine));
            lines.add(String.format(Locale.ROOT, "knime-bench: node, residuals and fitted values  median %.3f s"
                + "  ratio node/engine %.2f", nodeResiduals, nodeResiduals / engine));
            lines.forEach(System.out::println);
            Path out = KnimeTestSupport.root().resolve("bundles/org.panelkit.knime.tests/target/knime-bench.txt");
            Files.write(out, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            assertTrue(node > 0 && engine > 0);
        } finally {
            KnimeTestSupport.dispose(wfm);
        }
    }

    private static double nodeSeconds(final WorkflowManager wfm, final NodeID source, final boolean residuals,
        final int reps) {
        NodeID reg = KnimeTestSupport.add(wfm, new PanelRegressionNodeFactory());
        KnimeTestSupport.connect(wfm, source, 0, reg, 0);
        KnimeTestSupport.edit(wfm, reg, PanelRegressionParameters.class, p -> p.set("m_y", "y")
            .set("m_regressors", SimulatedPanelNodeFactory.X).set("m_entity", "id").set("m_time", "year")
            .set("m_appendResiduals", residuals));
        double[] t = new double[reps];
        for (int r = 0; r < reps; r++) {
            wfm.resetAndConfigureNode(reg);
            long t0 = System.nanoTime();
            wfm.executeUpToHere(reg);
            try {
                wfm.waitWhileInExecution(10, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            t[r] = (System.nanoTime() - t0) / 1e9;
            assertTrue(wfm.getNodeContainer(reg).getNodeContainerState().isExecuted(),
                wfm.getNodeContainer(reg).getNodeMessage().toString());
        }
        wfm.removeNode(reg);
        return median(t);
    }

    private static double engineSeconds(final BufferedDataTable panel, final int reps) {
        int n = (int)panel.size();
        double[] id = new double[n];
        double[] year = new double[n];
        double[][] v = new double[1 + SimulatedPanelNodeFactory.X.length][n];
        int i = 0;
        for (DataRow r : panel) {
            id[i] = ((IntValue)r.getCell(0)).getIntValue();
            year[i] = ((IntValue)r.getCell(1)).getIntValue();
            for (int j = 0; j < v.length; j++) {
                v[j][i] = ((DoubleValue)r.getCell(2 + j)).getDoubleValue();
            }
            i++;
        }
        Columns c = new Columns(n).addKey("id", KeyColumn.ofNumbers("id", id))
            .addKey("year", KeyColumn.ofNumbers("year", year)).addNumeric("y", v[0]);
        for (int j = 0; j < SimulatedPanelNodeFactory.X.length; j++) {
            c.addNumeric(SimulatedPanelNodeFactory.X[j], v[1 + j]);
        }
        ModelSpec spec = ModelSpec.builder("y", List.of(SimulatedPanelNodeFactory.X)).entity("id").time("year")
            .cluster(List.of("id")).build();
        double[] t = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            FixedEffectsRegression.fit(c, spec);
            t[r] = (System.nanoTime() - t0) / 1e9;
        }
        return median(t);
    }

    private static double median(final double[] t) {
        double[] s = t.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
