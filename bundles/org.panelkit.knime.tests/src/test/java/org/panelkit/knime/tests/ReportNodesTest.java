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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.workflow.NodeContainerState;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.NodeMessage;
import org.knime.core.node.workflow.WorkflowManager;
import org.panelkit.engine.fe.FixedEffectsRegression;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.report.InferenceStatistic;
import org.panelkit.engine.report.RSquared;
import org.panelkit.engine.report.ModelSummary;
import org.panelkit.engine.report.RegressionTable;
import org.panelkit.engine.report.TableFormat;
import org.panelkit.knime.regression.PanelRegressionNodeFactory;
import org.panelkit.knime.regression.PanelRegressionParameters;
import org.panelkit.knime.report.CoefficientPlotNodeFactory;
import org.panelkit.knime.report.CoefficientPlotParameters;
import org.panelkit.knime.report.RegressionTableNodeFactory;
import org.panelkit.knime.report.RegressionTableParameters;
import org.panelkit.knime.support.report.ModelInput;
import org.panelkit.knime.support.report.OutputFiles;
import org.panelkit.knime.support.report.RegressionTableOptions;
import org.panelkit.knime.support.table.ResultTable;

/**
 * Issue 10: the Regression Table's labels, term selection, effect-row labels and notes inside KNIME, and the report
 * nodes' files (knime://knime.workflow/ URLs and relative paths against the workflow folder, every overwrite policy,
 * create missing folders or not).
 */
class ReportNodesTest {
    private static final String LABELS = "gdp = Gross domestic product (GDP)\nfdi = Foreign Direct Investment (FDI)\n"
        + "exports = Exports";

    private WorkflowManager m_wfm;

    private NodeID m_model;

    private Path m_workflowDir;

    @BeforeEach
    void setUp() {
        m_wfm = KnimeTestSupport.newProject("reports");
        m_workflowDir = m_wfm.getContextV2().getExecutorInfo().getLocalWorkflowPath();
        NodeID source = add(m_wfm, KnimeTestSupport.studyRaw().source());
        m_model = add(m_wfm, new PanelRegressionNodeFactory());
        connect(m_wfm, source, 0, m_model, 0);
        edit(m_wfm, m_model, PanelRegressionParameters.class, p -> p.set("m_y", "exports")
            .set("m_regressors", new String[]{"gdp", "fdi", "gov_expenditure"}).set("m_entity", "province")
            .set("m_time", "year"));
    }

    @AfterEach
    void tearDown() {
        KnimeTestSupport.dispose(m_wfm);
    }

    private static FixedEffectsResult fit() {
        return FixedEffectsRegression.fit(EngineReference.columns(KnimeTestSupport.studyRaw(), "year"),
            ModelSpec.builder("exports", List.of("gdp", "fdi", "gov_expenditure")).entity("province").time("year")
                .cluster(List.of("province")).build());
    }

    private NodeID regressionTable() {
        NodeID t = KnimeTestSupport.addWithPorts(m_wfm, new RegressionTableNodeFactory(), "Model", 2,
            BufferedDataTable.TYPE);
        connect(m_wfm, m_model, 0, t, 0);
        connect(m_wfm, m_model, 1, t, 1);
        return t;
    }

    private NodeID coefficientPlot() {
        NodeID t = KnimeTestSupport.addWithPorts(m_wfm, new CoefficientPlotNodeFactory(), "Model", 2,
            BufferedDataTable.TYPE);
        connect(m_wfm, m_model, 0, t, 0);
        connect(m_wfm, m_model, 1, t, 1);
        return t;
    }

    @Test
    void labelsTermsEffectRowsAndNotesAsTheEngineLaysThemOut() {
        NodeID t = regressionTable();
        edit(m_wfm, t, RegressionTableParameters.class, p -> p.set("m_modelLabels", "Benchmark")
            .set("m_title", "Table 1: Results").set("m_variableLabels", LABELS).set("m_keep", "fdi, gdp, _cons")
            .set("m_drop", "").set("m_order", "gdp").set("m_constantLabel", "Constant term")
            .set("m_entityEffectsLabel", "Regional effects").set("m_timeEffectsLabel", "Year effects")
            .set("m_notes", "synthetic demonstration data\nsecond note"));
        executeAll(m_wfm);
        var fit = fit();
        var options = RegressionTableOptions.defaults().withLabels(LABELS, "fdi, gdp, _cons", "", "gdp",
            "Constant term", "Regional effects", "Year effects", "synthetic demonstration data\nsecond note");
        RegressionTable engine = RegressionTable.of(List.of(ModelSummary.of("Benchmark", fit)),
            options.toTableOptions(1));
        ResultTable expected = RegressionTableOptions.grid(engine);
        var actual = rows(table(m_wfm, t, 0));
        assertEquals(expected.rowCount(), actual.size());
        StringBuilder firstColumn = new StringBuilder();
        for (int r = 0; r < actual.size(); r++) {
            for (int c = 0; c < expected.columns().size(); c++) {
                Object e = expected.value(r, c);
                DataCell a = actual.rows().get(r).getCell(c);
                assertEquals(e == null ? "?" : e.toString(), a.isMissing() ? "?" : a.toString(), "row " + r + " col "
                    + c);
            }
            firstColumn.append(actual.string(r, "label")).append('|');
        }
        String labels = firstColumn.toString();
        assertTrue(labels.contains("|Gross domestic product (GDP)||Foreign Direct Investment (FDI)||Constant term||"
            + "Regional effects|Year effects|"), labels);
        assertFalse(labels.contains("gov_expenditure"), labels);
        assertTrue(labels.endsWith("|synthetic demonstration data|second note|"), labels);
        assertEquals("Exports", actual.string(1, "model_1"), "the dependent variable is labelled");
    }

    private NodeID regressionTableWithLabelTable(final String[] columns, final String[][] rows) {
        var factory = new RegressionTableNodeFactory();
        var config = factory.createNodeCreationConfig();
        var ports = config.getPortConfig().orElseThrow().getExtendablePorts();
        ports.get("Model").addPort(BufferedDataTable.TYPE);
        ports.get("Model").addPort(BufferedDataTable.TYPE);
        ports.get("Variable labels").addPort(BufferedDataTable.TYPE);
        NodeID t = m_wfm.addNodeAndApplyContext(factory, config, -1);
        connect(m_wfm, m_model, 0, t, 0);
        connect(m_wfm, m_model, 1, t, 1);
        DataColumnSpec[] specs = new DataColumnSpec[columns.length];
        for (int c = 0; c < columns.length; c++) {
            specs[c] = new DataColumnSpecCreator(columns[c], c == 0 && columns[0].equals("n") ? IntCell.TYPE
                : StringCell.TYPE).createSpec();
        }
        List<DataRow> data = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            DataCell[] cells = new DataCell[columns.length];
            for (int c = 0; c < columns.length; c++) {
                cells[c] = rows[r][c] == null ? DataType.getMissingCell() : specs[c].getType().equals(IntCell.TYPE)
                    ? new IntCell(Integer.parseInt(rows[r][c])) : new StringCell(rows[r][c]);
            }
            data.add(new DefaultRow(RowKey.createRowKey((long)r), cells));
        }
        NodeID labels = add(m_wfm, new KnimeTestSupport.Table(new DataTableSpec(specs), data).source());
        connect(m_wfm, labels, 0, t, 2);
        return t;
    }

    @Test
    void variableLabelsFromAnInputTableTheTextOverridesThem() {
        NodeID t = regressionTableWithLabelTable(new String[]{"n", "name", "term", "label"}, new String[][]{
            {"1", "x", "gdp", "GDP from the table"}, {"2", "y", "fdi", "FDI from the table"}, {"3", null, null, null},
            {"4", "z", "exports", "Exports (table)"}});
        edit(m_wfm, t, RegressionTableParameters.class, p -> p.set("m_variableLabels", "fdi = FDI from the text"));
        executeAll(m_wfm);
        var grid = rows(table(m_wfm, t, 0));
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < grid.size(); r++) {
            labels.add(grid.string(r, "label"));
        }
        assertTrue(labels.contains("GDP from the table"), labels.toString());
        assertTrue(labels.contains("FDI from the text"), labels.toString());
        assertEquals("Exports (table)", grid.string(1, "model_1"));
    }

    @Test
    void aLabelTableWithoutTheFirstTwoStringColumnsOrWithHolesIsAnError() {
        // no term/label columns: the first two string columns
        NodeID t = regressionTableWithLabelTable(new String[]{"var", "text"}, new String[][]{{"gdp", "GDP"},
            {"fdi", null}});
        m_wfm.executeAllAndWaitUntilDone();
        assertError(t, "Variable labels input, row 2: no label for the term 'fdi': fill in both or remove the row");
        KnimeTestSupport.dispose(m_wfm);
        setUp();
        t = regressionTableWithLabelTable(new String[]{"n", "text"}, new String[][]{{"1", "GDP"}});
        m_wfm.resetAndConfigureAll();
        assertNotConfigured(t, "the Variable labels input needs two string columns, term and label (it has [n, "
            + "text]): read a term,label CSV, or remove the Variable labels port");
    }

    @Test
    void aTermNoModelHasIsAnErrorNamingIt() {
        NodeID t = regressionTable();
        edit(m_wfm, t, RegressionTableParameters.class, p -> p.set("m_keep", "GDP"));
        m_wfm.executeAllAndWaitUntilDone();
        NodeMessage m = m_wfm.getNodeContainer(t).getNodeMessage();
        assertEquals(NodeMessage.Type.ERROR, m.getMessageType(), m.toString());
        assertTrue(KnimeTestSupport.messageText(m).startsWith("keep: no model has the term 'GDP' (terms: gdp, fdi, gov_expenditure"),
            m.getMessage());
        edit(m_wfm, t, RegressionTableParameters.class, p -> p.set("m_keep", "").set("m_variableLabels", "gdp GDP"));
        m_wfm.resetAndConfigureAll();
        assertNotConfigured(t, "Variable labels, line 1 'gdp GDP': write TERM = Label, e.g. IC = Industrial Cluster "
            + "(IC)");
    }

    /** Every combination of "If files exist" and "Create missing folders", for a workflow-relative location. */
    @ParameterizedTest(name = "if_exists={0}, create_missing_folders={1}, file={2}")
    @CsvSource({"FAIL,false,knime://knime.workflow/out/table1", "FAIL,true,knime://knime.workflow/out/table1",
        "OVERWRITE,false,out/table1", "OVERWRITE,true,out/table1"})
    void regressionTableFiles(final String ifExists, final boolean create, final String file) throws Exception {
        NodeID t = regressionTable();
        edit(m_wfm, t, RegressionTableParameters.class, p -> p.set("m_writeFiles", true).set("m_output.m_file", file)
            .set("m_output.m_ifExists", ifExists).set("m_output.m_createMissingFolders", create).set("m_variableLabels", LABELS));
        Path out = m_workflowDir.resolve("out");
        m_wfm.executeAllAndWaitUntilDone();
        if (!create) {
            assertError(t, "the output folder " + out + " does not exist: create it or tick 'Create missing folders'");
            assertFalse(Files.exists(out));
            Files.createDirectories(out);
            m_wfm.resetAndConfigureAll();
            m_wfm.executeAllAndWaitUntilDone();
        }
        assertTrue(m_wfm.getNodeContainer(t).getNodeContainerState().isExecuted(), KnimeTestSupport.message(m_wfm, t));
        for (String ext : List.of("md", "html", "tex", "csv")) {
            assertTrue(Files.isRegularFile(out.resolve("table1." + ext)), ext);
        }
        String md = Files.readString(out.resolve("table1.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("Gross domestic product (GDP)"), md);
        Files.writeString(out.resolve("table1.md"), "old");
        m_wfm.resetAndConfigureAll();
        m_wfm.executeAllAndWaitUntilDone();
        if (ifExists.equals("FAIL")) {
            assertError(t, out.resolve("table1.md") + " exists: choose 'Overwrite' under 'If files exist' or another "
                + "output file");
            assertEquals("old", Files.readString(out.resolve("table1.md")));
        } else {
            assertTrue(m_wfm.getNodeContainer(t).getNodeContainerState().isExecuted());
            assertEquals(md, Files.readString(out.resolve("table1.md"), StandardCharsets.UTF_8));
        }
    }

    @Test
    void regressionTableFileOptionsAreCheckedInConfigure() {
        NodeID t = regressionTable();
        edit(m_wfm, t, RegressionTableParameters.class, p -> p.set("m_writeFiles", true).set("m_output.m_file", ""));
        m_wfm.resetAndConfigureAll();
        assertNotConfigured(t, "no output file given: enter a path without extension (absolute, relative to the workflow, or "
            + "a knime://knime.workflow/... URL) or switch off 'Write files'");
        edit(m_wfm, t, RegressionTableParameters.class, p -> p.set("m_output.m_file", "https://example.org/t"));
        m_wfm.resetAndConfigureAll();
        assertNotConfigured(t, "the output location 'https://example.org/t' uses a protocol PanelKit cannot write to: enter a "
            + "local path or a knime://knime.workflow/... URL");
        edit(m_wfm, t, RegressionTableParameters.class, p -> p.set("m_writeFiles", false));
        m_wfm.resetAndConfigureAll();
        assertTrue(m_wfm.getNodeContainer(t).getNodeContainerState().isConfigured(), KnimeTestSupport.message(m_wfm,
            t));
    }

    @ParameterizedTest(name = "if_exists={0}, create_missing_folders={1}")
    @CsvSource({"FAIL,false", "FAIL,true", "OVERWRITE,false", "OVERWRITE,true"})
    void coefficientPlotFilesAndLabels(final String ifExists, final boolean create, @TempDir final Path outside)
        throws Exception {
        NodeID t = coefficientPlot();
        // an absolute location outside the workflow, in a folder that does not exist yet
        Path abs = outside.resolve("plots").resolve("coef");
        edit(m_wfm, t, CoefficientPlotParameters.class, p -> p.set("m_terms", new String[]{"gdp", "fdi"})
            .set("m_writeFiles", true)
            .set("m_output.m_file", abs.toString()).set("m_output.m_ifExists", ifExists).set("m_output.m_createMissingFolders", create)
            .set("m_variableLabels", LABELS));
        m_wfm.executeAllAndWaitUntilDone();
        if (!create) {
            assertError(t, "the output folder " + abs.getParent() + " does not exist: create it or tick 'Create "
                + "missing folders'");
            Files.createDirectories(abs.getParent());
            m_wfm.resetAndConfigureAll();
            m_wfm.executeAllAndWaitUntilDone();
        }
        assertTrue(m_wfm.getNodeContainer(t).getNodeContainerState().isExecuted(), KnimeTestSupport.message(m_wfm, t));
        assertTrue(Files.readString(abs.resolveSibling("coef.svg")).contains("Gross domestic product (GDP)"));
        assertTrue(Files.size(abs.resolveSibling("coef.png")) > 100);
        var points = rows(table(m_wfm, t, 1));
        assertEquals("Gross domestic product (GDP)", points.string(0, "term_label"));
        m_wfm.resetAndConfigureAll();
        m_wfm.executeAllAndWaitUntilDone();
        NodeContainerState s = m_wfm.getNodeContainer(t).getNodeContainerState();
        if (ifExists.equals("FAIL")) {
            assertError(t, abs.resolveSibling("coef.svg") + " exists: choose 'Overwrite' under 'If files exist' or "
                + "another output file");
        } else {
            assertTrue(s.isExecuted(), KnimeTestSupport.message(m_wfm, t));
        }
    }

    /** Configure failed (KNIME shows configure's message as a warning) with this message. */
    private void assertNotConfigured(final NodeID id, final String message) {
        var nc = m_wfm.getNodeContainer(id);
        assertFalse(nc.getNodeContainerState().isConfigured(), nc.getNodeContainerState().toString());
        assertEquals(KnimeTestSupport.normalizedMessage(message), KnimeTestSupport.messageText(nc.getNodeMessage()));
    }

    private void assertError(final NodeID id, final String message) {
        NodeMessage m = m_wfm.getNodeContainer(id).getNodeMessage();
        assertEquals(NodeMessage.Type.ERROR, m.getMessageType(), m.toString());
        assertEquals(KnimeTestSupport.normalizedMessage(message), KnimeTestSupport.messageText(m));
    }

    @Test
    void theTableFileIsWhatTheEngineRenders() throws Exception {
        NodeID t = regressionTable();
        edit(m_wfm, t, RegressionTableParameters.class, p -> p.set("m_writeFiles", true).set("m_output.m_file", "t")
            .set("m_title", "T"));
        executeAll(m_wfm);
        var fit = fit();
        var options = new RegressionTableOptions("", "T", InferenceStatistic.STD_ERROR, 3, RSquared.WITHIN, true, "",
            "", "", "", "Constant", "Region effects", "Time effects", "", false, OutputFiles.at(""));
        RegressionTable engine = RegressionTable.of(List.of(ModelSummary.of(ModelInput.labels("", 1).get(0), fit)),
            options.toTableOptions(1));
        assertEquals(TableFormat.CSV.render(engine), Files.readString(m_workflowDir.resolve("t.csv")));
        assertEquals(TableFormat.LATEX.render(engine), Files.readString(m_workflowDir.resolve("t.tex")));
    }
}
