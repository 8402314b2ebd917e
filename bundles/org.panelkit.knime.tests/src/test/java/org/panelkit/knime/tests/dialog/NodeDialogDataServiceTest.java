package org.panelkit.knime.tests.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ConfigurableNodeFactory;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.config.base.ConfigBaseRO;
import org.knime.core.node.context.ModifiableNodeCreationConfiguration;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.webui.node.NodeWrapper;
import org.knime.core.webui.node.dialog.NodeDialogManager;
import org.knime.core.webui.node.dialog.defaultdialog.NodeParametersUtil;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.WidgetGroup;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.widget.choices.ChoicesProvider;
import org.knime.node.parameters.widget.choices.filter.ColumnFilter;
import org.panelkit.knime.node.ColumnChoices;
import org.panelkit.knime.node.WidgetModifications;
import org.panelkit.knime.regression.PanelRegressionNodeFactory;
import org.panelkit.knime.tests.KnimeTestSupport;
import org.panelkit.knime.tests.settings.NodeUnderTest;
import org.panelkit.knime.tests.settings.ParameterFields;
import org.panelkit.knime.tests.settings.SettingsSupport;
import org.panelkit.knime.tests.settings.StudyData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Issue #9 (c): the dialog of every PanelKit node as KNIME serves it to the (web UI) frontend, for a node in a
 * workflow whose inputs come from the study panel (or, for the report nodes, from two Panel Regression nodes):
 * KNIME's own dialog data services ({@link NodeDialogManager}'s data service manager, as KNIME's
 * NodeDialogManagerTest and DefaultNodeDialogTest call them) give initial data without error or warning, with the
 * node's settings, schema, UI schema and persist schema, and the column choices of every column widget filled with
 * the input's columns; applying the unchanged data keeps the node's settings identical.
 */
@SuppressWarnings("restriction") // the dialog data services are x-internal in org.knime.core.ui
class NodeDialogDataServiceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The example workflows' variables (workflows/README.md) and those their Variable Expression node creates, as
     * the source node pushes them.
     */
    private static final Map<String, Object> WORKFLOW_VARIABLES = Map.of("se_type", "CLUSTER", "break_year", 2017,
        "data_note", "synthetic demonstration data - not the study's data", "period_labels", "2001-2016; 2017-2021");

    private WorkflowManager m_wfm;


    @BeforeEach
    void createWorkflow() {
        m_wfm = KnimeTestSupport.newProject("PanelKit dialog test");
    }

    @AfterEach
    void disposeWorkflow() {
        KnimeTestSupport.dispose(m_wfm);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(NodeUnderTest.class)
    void initialDataHasColumnChoicesAndApplyingItKeepsTheSettings(final NodeUnderTest node) throws Exception {
        NodeID id = addConnected(node);
        m_wfm.saveNodeSettingsToDefault(id); // the defaults the node created for its input
        assertDialog(node, id, true);
    }

    /**
     * The same with every setting changed (as in NodeSettingsRoundTripTest; column names the input lacks included):
     * the dialog shows exactly the node's settings and applying them unchanged keeps them.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(NodeUnderTest.class)
    void everySettingChangedSurvivesTheDialog(final NodeUnderTest node) throws Exception {
        NodeID id = addConnected(node);
        m_wfm.saveNodeSettingsToDefault(id);
        @SuppressWarnings("unchecked")
        Class<NodeParameters> c = (Class<NodeParameters>)node.parametersClass();
        NodeParameters changed = ParameterFields.changeEveryField(NodeParametersUtil.createSettings(c));
        NodeSettings s = nodeSettings(id);
        NodeParametersUtil.saveSettings(c, changed,
            s.addNodeSettings("model"));
        m_wfm.loadNodeSettings(id, s);
        SettingsSupport.assertSameContent(changed, SettingsSupport.load(nodeSettings(id).getNodeSettings("model"), c),
            node + ": the node took the changed settings");
        assertDialog(node, id, false);
    }

    /**
     * A user changes every setting in the dialog: the dialog's apply data service saves exactly the settings the
     * parameters with these values save (the frontend's JSON -> the node's settings, for every field).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(NodeUnderTest.class)
    void everySettingChangedInTheDialogIsApplied(final NodeUnderTest node) throws Exception {
        NodeID id = addConnected(node);
        m_wfm.saveNodeSettingsToDefault(id);
        var nnc = (NativeNodeContainer)m_wfm.getNodeContainer(id);
        var services = NodeDialogManager.getInstance().getDataServiceManager();
        JsonNode result = MAPPER.readTree(services.callInitialDataService(NodeWrapper.of(nnc))).get("result");

        @SuppressWarnings("unchecked")
        Class<NodeParameters> c = (Class<NodeParameters>)node.parametersClass();
        NodeParameters changed =
            ParameterFields.changeEveryField(SettingsSupport.load(nodeSettings(id).getNodeSettings("model"), c));
        ((ObjectNode)result.get("data")).set("model",
            MAPPER.readTree(SettingsSupport.content(changed).toString()));
        JsonNode applied = MAPPER.readTree(services.callApplyDataService(NodeWrapper.of(nnc),
            MAPPER.writeValueAsString(result)));
        assertTrue(applied.path("isApplied").asBoolean(false), node + ": not applied: " + applied);
        SettingsSupport.assertIdentical(SettingsSupport.save(c, changed), nodeSettings(id).getNodeSettings("model"),
            node + ": settings applied by the dialog");
        JsonNode again = MAPPER.readTree(services.callInitialDataService(NodeWrapper.of(nnc)));
        SettingsSupport.assertSameJson(SettingsSupport.content(changed), again.at("/result/data/model"),
            node + ": the dialog opened again");
    }

    /** The PanelKit nodes of the example workflow with all studies, by their folder. */
    static Stream<Named<Path>> exampleWorkflowNodes() throws IOException {
        Path wf = StudyData.repositoryRoot().resolve("workflows/PanelKit_Study_All");
        try (var dirs = Files.list(wf)) {
            List<Named<Path>> nodes = new ArrayList<>();
            for (Path d : dirs.sorted().toList()) {
                Path xml = d.resolve("settings.xml");
                if (Files.isRegularFile(xml) && Files.readString(xml).contains("value=\"org.panelkit.knime.")) {
                    nodes.add(Named.of(d.getFileName().toString(), xml));
                }
            }
            return nodes.stream();
        }
    }

    /**
     * The settings of each PanelKit node of the example workflow (its model settings and its flow variables, e.g.
     * se_type and break_year controlled by the workflow variables) in a node with realistic inputs: the dialog shows
     * them with the flow variables available, without error, and applying them unchanged keeps them identical.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleWorkflowNodes")
    void exampleWorkflowSettingsSurviveTheDialog(final Path settingsXml) throws Exception {
        NodeSettingsRO file;
        try (var in = Files.newInputStream(settingsXml)) {
            file = NodeSettings.loadFromXML(in);
        }
        NodeUnderTest node = NodeUnderTest.ofFactoryClass(file.getString("factory"));
        NodeID id = addConnected(node);
        m_wfm.saveNodeSettingsToDefault(id);
        NodeSettings s = nodeSettings(id);
        s.addNodeSettings((NodeSettings)file.getNodeSettings("model"));
        if (file.containsKey("variables")) {
            s.addNodeSettings((NodeSettings)file.getNodeSettings("variables"));
        }
        m_wfm.loadNodeSettings(id, s);
        NodeSettings loaded = nodeSettings(id);
        SettingsSupport.assertIdentical(file.getNodeSettings("model"), loaded.getNodeSettings("model"),
            node + ": the node took the workflow's settings");

        var nnc = (NativeNodeContainer)m_wfm.getNodeContainer(id);
        var services = NodeDialogManager.getInstance().getDataServiceManager();
        JsonNode initial = MAPPER.readTree(services.callInitialDataService(NodeWrapper.of(nnc)));
        for (String problem : List.of("userError", "internalError", "warningMessages")) {
            assertFalse(initial.has(problem), node + ": " + initial.get(problem));
        }
        JsonNode result = initial.get("result");
        // the flow variables of the workflow control their settings and are available
        if (file.containsKey("variables")) {
            JsonNode flowVariables = result.get("flowVariableSettings");
            for (Map.Entry<String, String> v : usedVariables(file.getNodeSettings("variables")
                .getNodeSettings("tree"), "model").entrySet()) {
                String key = v.getKey();
                String variable = v.getValue();
                JsonNode fv = flowVariables.path(key);
                assertEquals(variable, fv.path("controllingFlowVariableName").asText(), node + ": " + flowVariables);
                assertTrue(fv.path("controllingFlowVariableAvailable").asBoolean(false), node + ": " + fv);
                assertFalse(fv.path("controllingFlowVariableFlawed").asBoolean(true), node + ": " + fv);
            }
        }
        JsonNode applied = MAPPER.readTree(services.callApplyDataService(NodeWrapper.of(nnc),
            MAPPER.writeValueAsString(result)));
        assertTrue(applied.path("isApplied").asBoolean(false), node + ": not applied: " + applied);
        assertFalse(applied.has("error"), node + ": " + applied.get("error"));
        NodeSettings after = nodeSettings(id);
        SettingsSupport.assertIdentical(file.getNodeSettings("model"), after.getNodeSettings("model"),
            node + ": model settings after applying the unchanged dialog");
        for (String key : List.of("variables")) {
            if (file.containsKey(key)) {
                // the dialog adds used_variable_flawed=false to each variable: the same for KNIME
                SettingsSupport.assertSameVariables(file.getNodeSettings(key), after.getNodeSettings(key),
                    node + ": flow variables after applying the unchanged dialog");
            }
        }
    }

    private void assertDialog(final NodeUnderTest node, final NodeID id, final boolean guessedDefaults)
        throws Exception {
        NodeSettings before = nodeSettings(id);
        var nnc = (NativeNodeContainer)m_wfm.getNodeContainer(id);
        assertTrue(NodeDialogManager.hasNodeDialog(nnc), node + " has a dialog");
        var services = NodeDialogManager.getInstance().getDataServiceManager();

        // the initial data a real dialog gets
        JsonNode initial = MAPPER.readTree(services.callInitialDataService(NodeWrapper.of(nnc)));
        assertFalse(initial.has("userError"), node + ": " + initial.get("userError"));
        assertFalse(initial.has("internalError"), node + ": " + initial.get("internalError"));
        assertFalse(initial.has("warningMessages"), node + ": " + initial.get("warningMessages"));
        if (guessedDefaults) {
            writeForReview(node, initial);
        }
        JsonNode result = initial.get("result");
        assertNotNull(result, node + ": no result in " + initial);
        for (String part : List.of("data", "schema", "ui_schema", "persist", "flowVariableSettings")) {
            assertTrue(result.has(part), node + ": no '" + part + "' in the initial data: " + result.fieldNames());
        }
        JsonNode model = result.at("/data/model");
        assertTrue(model.isObject(), node + ": no model data");

        // the dialog shows the node's settings (for the study panel: entity and time guessed)
        @SuppressWarnings("unchecked")
        Class<NodeParameters> c = (Class<NodeParameters>)node.parametersClass();
        NodeParameters current = SettingsSupport.load(before.getNodeSettings("model"), c);
        SettingsSupport.assertSameJson(SettingsSupport.content(current), model,
            node + ": dialog data vs the node's settings");
        if (guessedDefaults && node.inputs() != NodeUnderTest.Inputs.MODELS) {
            String entity = model.has("entity") ? "entity" : "region";
            assertEquals("province", model.path(entity).asText(), node + ": entity column in the dialog");
            assertEquals("year", model.path("time").asText(), node + ": time column in the dialog");
        }
        for (String key : List.of("model")) {
            assertTrue(result.at("/schema/properties").has(key), node + ": no " + key + " schema");
        }

        // the persist schema (how the frontend maps fields to settings keys, e.g. for flow variables) names the
        // node's settings keys: every field one key, every key one field
        List<String> persistedKeys = new ArrayList<>();
        // (dialog messages, @TextMessage Void fields, have a persist entry but no settings)
        List<String> messages = java.util.Arrays.stream(c.getDeclaredFields()).filter(f -> f.getType() == Void.class)
            .map(NodeDialogDataServiceTest::jsonName).toList();
        result.at("/persist/properties/model/properties").fields().forEachRemaining(
            e -> {
                if (!messages.contains(e.getKey())) {
                    persistedKeys.add(e.getValue().has("configKey") ? e.getValue().get("configKey").asText()
                        : e.getKey());
                }
            });
        List<String> settingsKeys = new ArrayList<>(((ConfigBaseRO)before
            .getNodeSettings("model")).keySet());
        assertEquals(settingsKeys, persistedKeys, node + ": settings keys of the persist schema");
        for (String field : (Iterable<String>)() -> model.fieldNames()) {
            assertTrue(result.at("/persist/properties/model/properties").has(field),
                node + ": no persist entry for the dialog field " + field);
        }

        // column choices: every column widget has its possible values, the expected columns of the input
        Map<String, List<String>> expected = expectedColumnChoices(node, c, current);
        Map<String, List<String>> actual = possibleValues(result);
        assertEquals(expected, actual, node + ": column choices of the dialog");
        if (node.inputs() != NodeUnderTest.Inputs.MODELS) {
            assertFalse(expected.isEmpty(), node + " has column widgets");
        }

        // applying the unchanged data keeps the settings
        JsonNode applied = MAPPER.readTree(services.callApplyDataService(NodeWrapper.of(nnc),
            MAPPER.writeValueAsString(result)));
        assertTrue(applied.path("isApplied").asBoolean(false), node + ": not applied: " + applied);
        assertFalse(applied.has("error"), node + ": " + applied.get("error"));
        assertFalse(applied.has("warningMessages"), node + ": " + applied.get("warningMessages"));
        NodeSettings after = nodeSettings(id);
        SettingsSupport.assertIdentical(before.getNodeSettings("model"), after.getNodeSettings("model"),
            node + ": model settings after applying the unchanged dialog");
        SettingsSupport.assertIdentical(before, after, node + ": node settings after applying the unchanged dialog");

        // and the dialog opened again shows the same
        JsonNode again = MAPPER.readTree(services.callInitialDataService(NodeWrapper.of(nnc)));
        assertEquals(result.get("data"), again.at("/result/data"), node + ": data of the dialog opened again");
    }

    /** The initial data, for review, in target/dialog-initial-data/NODE.json of the test bundle. */
    private static void writeForReview(final NodeUnderTest node, final JsonNode initial) throws IOException {
        Path dir = StudyData.repositoryRoot().resolve("bundles/org.panelkit.knime.tests/target/dialog-initial-data");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(node.name().toLowerCase(Locale.ROOT) + ".json"),
            MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(initial));
    }

    /** The node under test, added to the workflow with its inputs connected; returns its id. */
    private NodeID addConnected(final NodeUnderTest node) throws Exception {
        StudyData study = StudyData.get();
        var studyTable = new StudyTableSourceNodeFactory.Table(study.spec(), study.rows());
        var mapping = new StudyTableSourceNodeFactory.Table(study.mappingSpec(), study.mappingRows());
        switch (node.inputs()) {
            case STUDY -> {
                NodeID source = addSource(studyTable);
                NodeID id = m_wfm.addNodeAndApplyContext(node.factory(), null, -1);
                m_wfm.addConnection(source, 1, id, 1);
                return id;
            }
            case STUDY_AND_MAPPING -> {
                NodeID source = addSource(studyTable, mapping);
                NodeID id = m_wfm.addNodeAndApplyContext(node.factory(), null, -1);
                m_wfm.addConnection(source, 1, id, 1);
                m_wfm.addConnection(source, 2, id, 2);
                return id;
            }
            case MODELS -> {
                NodeID source = addSource(studyTable);
                NodeID m1 = addRegression(source, "gdp", "exports");
                NodeID m2 = addRegression(source, "gdp", "exports", "fdi", "gov_expenditure");
                NodeFactory<?> factory = node.factory();
                ModifiableNodeCreationConfiguration config =
                    ((ConfigurableNodeFactory<?>)factory).createNodeCreationConfig();
                var group = config.getPortConfig().orElseThrow().getExtendablePorts().values().iterator().next();
                for (int i = 0; i < 4; i++) {
                    group.addPort(BufferedDataTable.TYPE);
                }
                NodeID id = m_wfm.addNodeAndApplyContext(factory, config, -1);
                m_wfm.addConnection(m1, 1, id, 1);
                m_wfm.addConnection(m1, 2, id, 2);
                m_wfm.addConnection(m2, 1, id, 3);
                m_wfm.addConnection(m2, 2, id, 4);
                return id;
            }
            default -> throw new IllegalArgumentException(node.inputs().toString());
        }
    }

    /** The source of the given tables, with the workflow variables. */
    private NodeID addSource(final StudyTableSourceNodeFactory.Table... tables) {
        return m_wfm.addNodeAndApplyContext(new StudyTableSourceNodeFactory(WORKFLOW_VARIABLES, tables), null, -1);
    }

    /** A Panel Regression on the study panel (y ~ regressors, two-way fixed effects by province and year). */
    private NodeID addRegression(final NodeID source, final String y, final String... regressors) throws Exception {
        NodeID id = m_wfm.addNodeAndApplyContext(new PanelRegressionNodeFactory(), null, -1);
        m_wfm.addConnection(source, 1, id, 1);
        m_wfm.saveNodeSettingsToDefault(id);
        NodeSettings s = nodeSettings(id);
        @SuppressWarnings("unchecked")
        var c = (Class<NodeParameters>)NodeUnderTest.PANEL_REGRESSION.parametersClass();
        NodeParameters p = SettingsSupport.load(s.getNodeSettings("model"), c);
        ParameterFields.set(p, "m_y", y);
        ParameterFields.set(p, "m_regressors", new ColumnFilter(regressors).withExcludeUnknownColumns());
        ParameterFields.set(p, "m_entity", "province");
        ParameterFields.set(p, "m_time", "year");
        NodeParametersUtil.saveSettings(c, p,
            s.addNodeSettings("model"));
        m_wfm.loadNodeSettings(id, s);
        assertNotNull(m_wfm.getNodeContainer(id).getOutPort(1).getPortObjectSpec(),
            "the Panel Regression is configured: " + m_wfm.getNodeContainer(id).getNodeMessage());
        return id;
    }

    private NodeSettings nodeSettings(final NodeID id) {
        var s = new NodeSettings("node");
        m_wfm.saveNodeSettings(id, s);
        return s;
    }

    /**
     * The expected column choices of each column widget (JSON name of the field -> column names), from the
     * provider each field declares and the columns the test connects: numeric columns, key columns (numbers and
     * strings) or readable columns of the study panel, key columns of the mapping table.
     */
    private static Map<String, List<String>> expectedColumnChoices(final NodeUnderTest node,
        final Class<? extends NodeParameters> c, final NodeParameters current) {
        StudyData study = StudyData.get();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (var f : ParameterFields.fields(c)) {
            Field field = f.field();
            if (field.getType().isArray() && WidgetGroup.class.isAssignableFrom(field.getType().getComponentType())) {
                // an array layout (ArrayWidget): the column widgets of its elements (offered also while the array
                // is empty, for the elements to add)
                for (Field e : field.getType().getComponentType().getDeclaredFields()) {
                    ChoicesProvider ec = e.getAnnotation(ChoicesProvider.class);
                    if (ec == null) {
                        continue;
                    }
                    if (ec.value() == ColumnChoices.Keys.class) {
                        expected.put(jsonName(field) + "/" + jsonName(e), keyColumns(study.spec()));
                    } else if (ec.value() == ColumnChoices.Numeric.class) {
                        expected.put(jsonName(field) + "/" + jsonName(e), study.numericColumns());
                    } else {
                        throw new AssertionError(node + ": " + f + "." + e.getName()
                            + " has an unexpected choices provider " + ec.value());
                    }
                }
                continue;
            }
            ChoicesProvider choices = field.getAnnotation(ChoicesProvider.class);
            if (choices == null) {
                // an enum narrowed by the KNIME Modification of its group (e.g. the difference test's standard
                // errors): the dialog offers exactly those values
                if (f.path().size() > 1) {
                    var offered = WidgetModifications.of(f.path().get(f.path().size() - 2)).change(field).choices();
                    if (offered != null) {
                        expected.put(jsonName(field), offered.stream().map(Enum::name).toList());
                    }
                }
                continue;
            }
            Class<?> provider = choices.value();
            List<String> columns;
            if (provider == ColumnChoices.Numeric.class || provider == ColumnChoices.Periods.class) {
                columns = study.numericColumns(); // the study has no boolean column
            } else if (provider == ColumnChoices.Readable.class) {
                columns = study.allColumns(); // numbers and strings only
            } else if (provider == ColumnChoices.Keys.class) {
                columns = keyColumns(study.spec());
            } else if (EXCLUDED_ROLES.containsKey(provider)) {
                List<String> taken = new ArrayList<>();
                for (var other : ParameterFields.fields(c)) {
                    ValueReference ref = other.field().getAnnotation(ValueReference.class);
                    if (ref != null && EXCLUDED_ROLES.get(provider).contains(ref.value())) {
                        taken.add((String)ParameterFields.get(current, other));
                    }
                }
                columns = study.numericColumns().stream()
                    .filter(n -> !taken.contains(n) && !"province_code".equals(n)).toList();
            } else if (provider.getName().equals("org.panelkit.knime.report.CoefficientPlotParameters$ModelTerms")) {
                // the model terms: the possible values of the coefficients' term column, known only once the
                // Panel Regression nodes have been executed (not here; ReportNodesTest checks them executed)
                columns = List.of();
            } else if (provider == ColumnChoices.KeysOfSecondInput.class) {
                columns = node.inputs() == NodeUnderTest.Inputs.STUDY_AND_MAPPING ? List.of("province", "region")
                    : List.of();
            } else {
                throw new AssertionError(node + ": " + f + " has an unexpected choices provider " + provider);
            }
            expected.put(jsonName(field), columns);
        }
        return expected;
    }

    /** The flow variable of every setting in a variables tree, by its dotted path ("model.model_options.se_type"). */
    private static Map<String, String> usedVariables(final NodeSettingsRO tree, final String prefix)
        throws InvalidSettingsException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : ((ConfigBaseRO)tree).keySet()) {
            NodeSettingsRO c = tree.getNodeSettings(key);
            if (c.containsKey("used_variable")) {
                out.put(prefix + "." + key, c.getString("used_variable"));
            } else {
                out.putAll(usedVariables(c, prefix + "." + key));
            }
        }
        return out;
    }

    /** The roles each value-column provider leaves out (fields bound to these references). */
    private static final Map<Class<?>, List<Class<?>>> EXCLUDED_ROLES = Map.of(
        ColumnChoices.Regressors.class,
        List.of(ColumnChoices.DependentRef.class, ColumnChoices.EntityRef.class, ColumnChoices.TimeRef.class),
        ColumnChoices.Mediators.class,
        List.of(ColumnChoices.DependentRef.class, ColumnChoices.TreatmentRef.class, ColumnChoices.EntityRef.class,
            ColumnChoices.TimeRef.class),
        ColumnChoices.PanelValues.class, List.of(ColumnChoices.EntityRef.class, ColumnChoices.TimeRef.class));

    /** String and integer columns: what the key dropdowns offer (not the double columns). */
    static List<String> keyColumns(final DataTableSpec spec) {
        return spec.stream().filter(col -> col.getType().equals(StringCell.TYPE) || col.getType().equals(IntCell.TYPE)
            || col.getType().equals(LongCell.TYPE)).map(col -> col.getName()).toList();
    }

    private static String jsonName(final Field f) {
        return f.getName().startsWith("m_") ? f.getName().substring(2) : f.getName();
    }

    /** The "possibleValues" of the initial updates, by the field's JSON name (last segment of its scope). */
    private static Map<String, List<String>> possibleValues(final JsonNode result) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (JsonNode update : result.path("initialUpdates")) {
            if (!"possibleValues".equals(update.path("providedOptionName").asText())) {
                continue;
            }
            String scope = update.path("scope").asText();
            assertTrue(scope.startsWith("#/properties/model/properties/"), "scope " + scope);
            String name = scope.substring(scope.lastIndexOf('/') + 1);
            JsonNode values = update.path("values");
            String path = scope.substring("#/properties/model/properties/".length());
            if (path.contains("/items/properties/")) {
                // a widget of the elements of an array layout: one value per element (or one for all), each with
                // the same choices
                String[] parts = path.split("/items/properties/");
                List<String> first = null;
                for (JsonNode value : values) {
                    List<String> ids = new ArrayList<>();
                    for (JsonNode choice : value.path("value")) {
                        ids.add(choice.path("id").asText());
                    }
                    if (first == null) {
                        first = ids;
                    } else {
                        assertEquals(first, ids, path + ": the same choices for every element: " + values);
                    }
                }
                if (first != null) {
                    out.put(parts[0] + "/" + parts[1], first);
                }
                continue;
            }
            assertEquals(1, values.size(), name + ": one value (no array layout): " + values);
            List<String> ids = new ArrayList<>();
            for (JsonNode choice : values.get(0).path("value")) {
                ids.add(choice.path("id").asText());
            }
            out.put(name, ids);
        }
        // sorted as the fields are declared is not guaranteed by KNIME: compare as maps
        return out;
    }
}
