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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.NodeMessage;
import org.knime.core.node.workflow.WorkflowManager;
import org.panelkit.engine.interp.InterpolationMethod;
import org.panelkit.engine.interp.InterpolationSpec;
import org.panelkit.engine.interp.PanelInterpolation;
import org.panelkit.engine.smooth.PanelSmoothing;
import org.panelkit.engine.smooth.SmoothingSpec;
import org.panelkit.knime.interpolation.PanelInterpolationNodeFactory;
import org.panelkit.knime.interpolation.PanelInterpolationParameters;
import org.panelkit.knime.lq.LocationQuotientNodeFactory;
import org.panelkit.knime.lq.LocationQuotientParameters;
import org.panelkit.knime.regression.PanelRegressionNodeFactory;
import org.panelkit.knime.regression.PanelRegressionParameters;
import org.panelkit.knime.report.CoefficientPlotNodeFactory;
import org.panelkit.knime.report.CoefficientPlotParameters;
import org.panelkit.knime.smoothing.PanelSmoothingNodeFactory;
import org.panelkit.knime.smoothing.PanelSmoothingParameters;
import org.panelkit.knime.split.PanelSubsampleSplitterNodeFactory;
import org.panelkit.knime.split.PanelSubsampleSplitterParameters;

/**
 * Issue 10: the options whose dialog changed execute as documented - interpolation ends and gap limit, partial
 * smoothing windows, the plot height, national totals from the Location Quotient's second input (against a hand
 * computation), unique row keys of interpolated rows across nodes, clear messages for a missing optional input.
 */
class NodeOptionsExecutionTest {
    private static final double TOL = 1e-10;

    private static final String[] SERIES = {"gdp", "exports", "fdi"};

    private WorkflowManager m_wfm;

    private KnimeTestSupport.Table m_raw;

    @BeforeEach
    void setUp() {
        m_wfm = KnimeTestSupport.newProject("options");
        m_raw = KnimeTestSupport.studyRaw();
    }

    @AfterEach
    void tearDown() {
        KnimeTestSupport.dispose(m_wfm);
    }

    private NodeID node(final org.knime.core.node.NodeFactory<?> f, final NodeID input) {
        return add(m_wfm, f, input);
    }

    private static void close(final double expected, final double actual, final String what) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            assertEquals(Double.isNaN(expected), Double.isNaN(actual), what + ": " + expected + " vs " + actual);
            return;
        }
        assertTrue(Math.abs(expected - actual) <= TOL * Math.max(1, Math.abs(expected)),
            what + ": expected " + expected + ", got " + actual);
    }

    private String configureError(final NodeID id) {
        m_wfm.resetAndConfigureAll();
        var nc = m_wfm.getNodeContainer(id);
        assertFalse(nc.getNodeContainerState().isConfigured(), "should not configure");
        String m = KnimeTestSupport.messageText(nc.getNodeMessage());
        assertFalse(m.contains("Exception"), m);
        return m;
    }

    /* ------------------------------------------------------- Panel Interpolation */

    /** Interpolated values of the node equal the engine's with the given ends and maximum gap. */
    private void assertInterpolation(final NodeID id, final String ends, final int maxGap) {
        var out = rows(table(m_wfm, id, 0));
        var result = PanelInterpolation.run(EngineReference.columns(m_raw, "year"),
            InterpolationSpec.builder("province", "year", List.of(SERIES)).method(InterpolationMethod.LINEAR)
                .ends(org.panelkit.engine.interp.Ends.valueOf(ends)).maxGap(maxGap).build());
        for (String col : SERIES) {
            double[] v = result.values(col);
            for (int i = 0; i < result.rowCount(); i++) {
                close(v[i], out.number(result.sourceRow(i), col), col + " row " + result.sourceRow(i));
            }
        }
    }

    @Test
    void interpolationDefaultsLeaveTheEndsMissingAndFillEveryGap() {
        NodeID source = add(m_wfm, m_raw.source());
        NodeID id = node(new PanelInterpolationNodeFactory(), source);
        var defaults = KnimeTestSupport.parameters(m_wfm, id, PanelInterpolationParameters.class);
        var fields = new KnimeTestSupport.Fields(defaults);
        assertEquals("NONE", fields.get("m_ends").toString(), "ends: leave missing, as ipolate and the CLI");
        assertEquals(false, fields.get("m_limitGap"), "every gap filled");
        edit(m_wfm, id, PanelInterpolationParameters.class, p -> p.set("m_entity", "province").set("m_time", "year")
            .set("m_columns", SERIES));
        executeAll(m_wfm);
        assertInterpolation(id, "NONE", InterpolationSpec.NO_LIMIT);
    }

    @Test
    void interpolationGapLimitOnlyWhenChecked() {
        NodeID source = add(m_wfm, m_raw.source());
        NodeID limited = node(new PanelInterpolationNodeFactory(), source);
        edit(m_wfm, limited, PanelInterpolationParameters.class, p -> p.set("m_entity", "province")
            .set("m_time", "year").set("m_columns", SERIES).set("m_limitGap", true).set("m_maxGap", 1));
        NodeID unlimited = node(new PanelInterpolationNodeFactory(), source);
        edit(m_wfm, unlimited, PanelInterpolationParameters.class, p -> p.set("m_entity", "province")
            .set("m_time", "year").set("m_columns", SERIES).set("m_limitGap", false).set("m_maxGap", 1));
        NodeID none = node(new PanelInterpolationNodeFactory(), source);
        edit(m_wfm, none, PanelInterpolationParameters.class, p -> p.set("m_entity", "province")
            .set("m_time", "year").set("m_columns", SERIES).set("m_limitGap", true).set("m_maxGap", 0));
        executeAll(m_wfm);
        assertInterpolation(limited, "NONE", 1);
        assertInterpolation(unlimited, "NONE", InterpolationSpec.NO_LIMIT);
        assertInterpolation(none, "NONE", 0);
        var report = rows(table(m_wfm, none, 1));
        for (int r = 0; r < report.size(); r++) {
            assertEquals(0, (int)report.number(r, "filled"), "max gap 0 fills nothing");
        }
    }

    /** The study rows of the given provinces without the given (province, year) pairs. */
    private KnimeTestSupport.Table subset(final List<String> provinces, final Set<String> dropped) {
        List<DataRow> rows = new ArrayList<>();
        for (int r = 0; r < m_raw.size(); r++) {
            String p = m_raw.string(r, "province");
            String key = p + "_" + (int)m_raw.number(r, "year");
            if (provinces.contains(p) && !dropped.contains(key)) {
                rows.add(m_raw.rows().get(r));
            }
        }
        return new KnimeTestSupport.Table(m_raw.spec(), rows);
    }

    private NodeID completingInterpolation(final NodeID input, final String... columns) {
        NodeID id = node(new PanelInterpolationNodeFactory(), input);
        edit(m_wfm, id, PanelInterpolationParameters.class, p -> p.set("m_entity", "province").set("m_time", "year")
            .set("m_columns", columns).set("m_complete", true));
        return id;
    }

    @Test
    void insertedRowKeysAreUniqueAcrossChainedAndParallelNodes() {
        NodeID east = add(m_wfm, subset(List.of("Beijing", "Tianjin", "Hebei"), Set.of("Beijing_2005",
            "Tianjin_2010")).source());
        NodeID west = add(m_wfm, subset(List.of("Sichuan", "Yunnan"), Set.of("Sichuan_2005")).source());
        NodeID a = completingInterpolation(east, "gdp");
        NodeID chained = completingInterpolation(a, "exports"); // after a: nothing left to insert
        NodeID b = completingInterpolation(west, "gdp");
        NodeID both = add(m_wfm, new ConcatenateNodeFactory());
        connect(m_wfm, chained, 0, both, 0);
        connect(m_wfm, b, 0, both, 1);
        executeAll(m_wfm);
        var out = rows(table(m_wfm, both, 0));
        assertEquals(5 * 21, out.size(), "every province and year once");
        Set<String> keys = new HashSet<>();
        List<String> inserted = new ArrayList<>();
        for (DataRow row : out.rows()) {
            String k = row.getKey().getString();
            assertTrue(keys.add(k), "duplicate row key " + k);
            if (k.startsWith("panelkit_inserted_")) {
                inserted.add(k);
            }
        }
        assertEquals(List.of("panelkit_inserted_Beijing_2005", "panelkit_inserted_Tianjin_2010",
            "panelkit_inserted_Sichuan_2005"), inserted.stream().sorted((x, y) -> order(x) - order(y)).toList());
    }

    private static int order(final String key) {
        return key.contains("Beijing") ? 0 : key.contains("Tianjin") ? 1 : 2;
    }

    /* ---------------------------------------------------------- Panel Smoothing */

    @Test
    void smoothingPartialWindowsOnlyWhenChecked() {
        NodeID source = add(m_wfm, m_raw.source());
        NodeID whole = node(new PanelSmoothingNodeFactory(), source);
        edit(m_wfm, whole, PanelSmoothingParameters.class, p -> p.set("m_entity", "province").set("m_time", "year")
            .set("m_columns", new String[]{"gdp"}).set("m_method", "MA").set("m_window", 3).set("m_minPeriods", 2));
        NodeID partial = node(new PanelSmoothingNodeFactory(), source);
        edit(m_wfm, partial, PanelSmoothingParameters.class, p -> p.set("m_entity", "province").set("m_time", "year")
            .set("m_columns", new String[]{"gdp"}).set("m_method", "MA").set("m_window", 3).set("m_partial", true)
            .set("m_minPeriods", 2));
        executeAll(m_wfm);
        var data = EngineReference.columns(m_raw, "year");
        int differ = 0;
        for (var c : List.of(new Object[]{whole, 0}, new Object[]{partial, 2})) {
            var out = rows(table(m_wfm, (NodeID)c[0], 0));
            var result = PanelSmoothing.run(data, SmoothingSpec.builder("province", "year", List.of("gdp")).window(3)
                .minPeriods((Integer)c[1]).build());
            double[] expected = result.smoothed("gdp");
            for (int i = 0; i < result.rowCount(); i++) {
                close(expected[i], out.number(result.sourceRow(i), "gdp_ma"), "gdp_ma min " + c[1]);
            }
        }
        var a = rows(table(m_wfm, whole, 0));
        var b = rows(table(m_wfm, partial, 0));
        for (int r = 0; r < a.size(); r++) {
            if (Double.isNaN(a.number(r, "gdp_ma")) != Double.isNaN(b.number(r, "gdp_ma"))) {
                differ++;
            }
        }
        assertTrue(differ > 0, "partial windows report averages the whole-window rule leaves missing");
    }

    @Test
    void smoothingMinimumPeriodsBeyondTheWindowIsAClearConfigureError() {
        NodeID id = node(new PanelSmoothingNodeFactory(), add(m_wfm, m_raw.source()));
        edit(m_wfm, id, PanelSmoothingParameters.class, p -> p.set("m_entity", "province").set("m_time", "year")
            .set("m_columns", new String[]{"gdp"}).set("m_method", "MA").set("m_window", 3).set("m_partial", true)
            .set("m_minPeriods", 5));
        String m = configureError(id);
        assertTrue(m.contains("minimum periods must be between 1 and the window (3), got 5"), m);
        // unchecked, the same number is not used: the whole window
        edit(m_wfm, id, PanelSmoothingParameters.class, p -> p.set("m_partial", false));
        m_wfm.resetAndConfigureAll();
        assertTrue(m_wfm.getNodeContainer(id).getNodeContainerState().isConfigured());
    }

    /* --------------------------------------------------------- Coefficient Plot */

    private int plotHeight(final boolean auto, final int height) throws Exception {
        NodeID source = add(m_wfm, m_raw.source());
        NodeID m = node(new PanelRegressionNodeFactory(), source);
        edit(m_wfm, m, PanelRegressionParameters.class, p -> p.set("m_y", "exports")
            .set("m_regressors", new String[]{"gdp", "fdi"}).set("m_entity", "province").set("m_time", "year"));
        NodeID plot = KnimeTestSupport.addWithPorts(m_wfm, new CoefficientPlotNodeFactory(), "Model", 2,
            BufferedDataTable.TYPE);
        connect(m_wfm, m, 0, plot, 0);
        connect(m_wfm, m, 1, plot, 1);
        edit(m_wfm, plot, CoefficientPlotParameters.class, p -> p.set("m_otherTerms", "gdp").set("m_autoHeight", auto)
            .set("m_height", height).set("m_scale", 1.0));
        executeAll(m_wfm);
        var image = (ImagePortObject)KnimeTestSupport.portObject(m_wfm, plot, 0);
        byte[] png = ((org.knime.core.data.image.png.PNGImageValue)image.toDataCell()).getImageContent().getByteArray();
        var img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img);
        return img.getHeight();
    }

    @Test
    void coefficientPlotHeightFromTheModelsOrAsGiven() throws Exception {
        assertEquals(333, plotHeight(false, 333));
        int auto = plotHeight(true, 333);
        assertTrue(auto != 333 && auto >= 100, "height from the number of models: " + auto);
        assertEquals(auto, plotHeight(true, 1000), "the height field is ignored");
    }

    /* ------------------------------------------ Location Quotient: national totals table */

    private static DataRow row(final String key, final DataCell... cells) {
        return new DefaultRow(new RowKey(key), cells);
    }

    private static DataTableSpec spec(final Object... nameType) {
        var cols = new org.knime.core.data.DataColumnSpec[nameType.length / 2];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = new DataColumnSpecCreator((String)nameType[2 * i],
                (org.knime.core.data.DataType)nameType[2 * i + 1]).createSpec();
        }
        return new DataTableSpec(cols);
    }

    private static final KnimeTestSupport.Table WIDE = new KnimeTestSupport.Table(
        spec("region", StringCell.TYPE, "year", IntCell.TYPE, "ind1", DoubleCell.TYPE, "ind2", DoubleCell.TYPE),
        List.of(row("r0", new StringCell("A"), new IntCell(2001), new DoubleCell(10), new DoubleCell(30)),
            row("r1", new StringCell("B"), new IntCell(2001), new DoubleCell(20), new DoubleCell(40)),
            row("r2", new StringCell("A"), new IntCell(2002), new DoubleCell(12), new DoubleCell(28)),
            row("r3", new StringCell("B"), new IntCell(2002), new DoubleCell(18), new DoubleCell(42))));

    /** The nation (more than regions A and B), one row per year. */
    private static final KnimeTestSupport.Table NATION = new KnimeTestSupport.Table(
        spec("year", IntCell.TYPE, "ind1", DoubleCell.TYPE, "ind2", DoubleCell.TYPE),
        List.of(row("n0", new IntCell(2002), new DoubleCell(150), new DoubleCell(250)),
            row("n1", new IntCell(2001), new DoubleCell(100), new DoubleCell(300))));

    private NodeID lqWithNationalTable(final KnimeTestSupport.Table nation) {
        NodeID data = add(m_wfm, WIDE.source());
        NodeID lq = node(new LocationQuotientNodeFactory(), data);
        if (nation != null) {
            connect(m_wfm, add(m_wfm, nation.source()), 0, lq, 1);
        }
        edit(m_wfm, lq, LocationQuotientParameters.class, p -> p.set("m_layout", "WIDE").set("m_region", "region")
            .set("m_time", "year").set("m_industries", new String[]{"ind1", "ind2"})
            .set("m_national", "NATIONAL_TABLE"));
        return lq;
    }

    @Test
    void locationQuotientNationalTotalsFromTheSecondInput() {
        NodeID lq = lqWithNationalTable(NATION);
        executeAll(m_wfm);
        var out = rows(table(m_wfm, lq, 0));
        // LQ = (y_ijt / Y_it) / (Y_jt / Y_t), Y_jt from the national table, Y_t = Σ_j Y_jt:
        // 2001 (100, 300): A 10/40 / 0.25 = 1, 30/40 / 0.75 = 1; B 20/60 / 0.25 = 4/3, 40/60 / 0.75 = 8/9
        // 2002 (150, 250): A 12/40 / 0.375 = 0.8, 28/40 / 0.625 = 1.12; B 18/60 / 0.375 = 0.8, 42/60 / 0.625 = 1.12
        double[] lq1 = {1, 4.0 / 3, 0.8, 0.8};
        double[] lq2 = {1, 8.0 / 9, 1.12, 1.12};
        assertEquals(List.of("region", "year", "ind1", "ind2", "lq_ind1", "lq_ind2"),
            List.of(out.spec().getColumnNames()), "no helper columns in the output");
        for (int r = 0; r < 4; r++) {
            close(lq1[r], out.number(r, "lq_ind1"), "lq_ind1 row " + r);
            close(lq2[r], out.number(r, "lq_ind2"), "lq_ind2 row " + r);
        }
    }

    @Test
    void locationQuotientNationalTotalsLongLayout() {
        var longData = new KnimeTestSupport.Table(
            spec("region", StringCell.TYPE, "year", IntCell.TYPE, "sector", StringCell.TYPE, "value", DoubleCell.TYPE),
            List.of(row("r0", new StringCell("A"), new IntCell(2001), new StringCell("x"), new DoubleCell(10)),
                row("r1", new StringCell("A"), new IntCell(2001), new StringCell("y"), new DoubleCell(30)),
                row("r2", new StringCell("B"), new IntCell(2001), new StringCell("x"), new DoubleCell(20)),
                row("r3", new StringCell("B"), new IntCell(2001), new StringCell("y"), new DoubleCell(40))));
        var nation = new KnimeTestSupport.Table(spec("year", StringCell.TYPE, "sector", StringCell.TYPE, "value",
            DoubleCell.TYPE), List.of(row("n0", new StringCell("2001"), new StringCell("y"), new DoubleCell(300)),
                row("n1", new StringCell("2001"), new StringCell("x"), new DoubleCell(100))));
        NodeID lq = node(new LocationQuotientNodeFactory(), add(m_wfm, longData.source()));
        connect(m_wfm, add(m_wfm, nation.source()), 0, lq, 1);
        edit(m_wfm, lq, LocationQuotientParameters.class, p -> p.set("m_layout", "LONG").set("m_region", "region")
            .set("m_time", "year").set("m_industry", "sector").set("m_value", "value")
            .set("m_national", "NATIONAL_TABLE"));
        executeAll(m_wfm);
        var out = rows(table(m_wfm, lq, 0));
        double[] expected = {1, 1, 4.0 / 3, 8.0 / 9};
        double[] national = {100, 300, 100, 300};
        for (int r = 0; r < 4; r++) {
            close(expected[r], out.number(r, "lq"), "lq row " + r);
            close(national[r], out.number(r, "industry_national"), "industry_national row " + r);
            close(400, out.number(r, "national_total"), "national_total row " + r);
        }
    }

    @Test
    void locationQuotientWithoutOrWithAnIncompleteNationalTableSaysWhatToDo() {
        NodeID without = lqWithNationalTable(null);
        String m = configureError(without);
        assertTrue(m.contains("no national totals table: connect a table with the national values"), m);
        KnimeTestSupport.dispose(m_wfm);
        m_wfm = KnimeTestSupport.newProject("options");
        var only2001 = new KnimeTestSupport.Table(NATION.spec(), List.of(NATION.rows().get(1)));
        NodeID incomplete = lqWithNationalTable(only2001);
        m_wfm.executeAllAndWaitUntilDone();
        NodeMessage msg = m_wfm.getNodeContainer(incomplete).getNodeMessage();
        assertEquals(NodeMessage.Type.ERROR, msg.getMessageType(), msg.toString());
        assertTrue(KnimeTestSupport.messageText(msg).contains("the national totals table has no row for period 2002"), msg.toString());
    }

    /* ------------------------------------------------------ Subsample Splitter */

    @Test
    void splitterMappingWithoutTheSecondInputSaysWhatToConnect() {
        NodeID id = node(new PanelSubsampleSplitterNodeFactory(), add(m_wfm, m_raw.source()));
        edit(m_wfm, id, PanelSubsampleSplitterParameters.class, p -> p.set("m_method", "MAPPING")
            .set("m_entity", "province"));
        String m = configureError(id);
        assertTrue(m.contains("no mapping table: connect a table"), m);
    }
}
