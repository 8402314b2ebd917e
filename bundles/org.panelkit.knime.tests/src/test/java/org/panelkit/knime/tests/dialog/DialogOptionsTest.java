package org.panelkit.knime.tests.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.webui.node.NodeWrapper;
import org.knime.core.webui.node.dialog.NodeDialogManager;
import org.knime.core.webui.node.dialog.defaultdialog.NodeParametersUtil;
import org.knime.node.parameters.NodeParameters;
import org.panelkit.knime.tests.KnimeTestSupport;
import org.panelkit.knime.tests.settings.NodeUnderTest;
import org.panelkit.knime.tests.settings.ParameterFields;
import org.panelkit.knime.tests.settings.SettingsSupport;
import org.panelkit.knime.tests.settings.StudyData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 10: what the dialogs offer, as KNIME's dialog data service serves them - column choices by type and by the
 * other fields' values, dropdown instead of a value switch, explicit toggles instead of sentinel numbers, the
 * mapping and national-totals messages when the optional input is missing, the split order, the guessed long-layout
 * columns of the Location Quotient.
 */
@SuppressWarnings("restriction") // the dialog data services are x-internal in org.knime.core.ui
class DialogOptionsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String MODEL = "#/properties/model/properties/";

    private WorkflowManager m_wfm;


    @BeforeEach
    void createWorkflow() {
        m_wfm = KnimeTestSupport.newProject("PanelKit dialog options");
    }

    @AfterEach
    void disposeWorkflow() {
        KnimeTestSupport.dispose(m_wfm);
    }

    /* ------------------------------------------------------------- helpers */

    private static StudyTableSourceNodeFactory.Table study() {
        return new StudyTableSourceNodeFactory.Table(StudyData.get().spec(), StudyData.get().rows());
    }

    private static StudyTableSourceNodeFactory.Table mapping() {
        return new StudyTableSourceNodeFactory.Table(StudyData.get().mappingSpec(), StudyData.get().mappingRows());
    }

    /** The node fed by the tables (port i of the source to port i of the node); its settings the defaults. */
    private NodeID add(final NodeUnderTest node, final StudyTableSourceNodeFactory.Table... tables) {
        NodeID source = m_wfm.addNodeAndApplyContext(new StudyTableSourceNodeFactory(tables), null, -1);
        NodeID id = m_wfm.addNodeAndApplyContext(node.factory(), null, -1);
        for (int i = 0; i < tables.length; i++) {
            m_wfm.addConnection(source, i + 1, id, i + 1);
        }
        m_wfm.saveNodeSettingsToDefault(id);
        return id;
    }

    /** Changes fields of the node's settings, as a dialog's OK would. */
    private void edit(final NodeID id, final NodeUnderTest node, final Consumer<NodeParameters> edit)
        throws Exception {
        @SuppressWarnings("unchecked")
        Class<NodeParameters> c = (Class<NodeParameters>)node.parametersClass();
        NodeSettings s = new NodeSettings("node");
        m_wfm.saveNodeSettings(id, s);
        NodeParameters p = SettingsSupport.load(s.getNodeSettings("model"), c);
        edit.accept(p);
        NodeParametersUtil.saveSettings(c, p, s.addNodeSettings("model"));
        m_wfm.loadNodeSettings(id, s);
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

    /** The column choices the dialog offers for a field (by its JSON name). */
    private static List<String> choices(final JsonNode result, final String field) {
        for (JsonNode update : result.path("initialUpdates")) {
            if ("possibleValues".equals(update.path("providedOptionName").asText())
                && update.path("scope").asText().equals(MODEL + field)) {
                List<String> ids = new ArrayList<>();
                update.path("values").get(0).path("value").forEach(v -> ids.add(v.path("id").asText()));
                return ids;
            }
        }
        throw new AssertionError("no column choices for " + field + " in " + result.path("initialUpdates"));
    }

    /** The control of a field in the UI schema. */
    private static JsonNode control(final JsonNode result, final String field) {
        List<JsonNode> found = new ArrayList<>();
        collect(result.get("ui_schema"), field, found);
        assertEquals(1, found.size(), "one control for " + field);
        return found.get(0);
    }

    private static void collect(final JsonNode node, final String field, final List<JsonNode> out) {
        if (node.isObject()) {
            if ("Control".equals(node.path("type").asText()) && node.path("scope").asText().equals(MODEL + field)) {
                out.add(node);
            }
            node.elements().forEachRemaining(e -> collect(e, field, out));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(e -> collect(e, field, out));
        }
    }

    /** The effect of the control's rule and the fields its condition reads. */
    private static String rule(final JsonNode control) {
        JsonNode rule = control.get("rule");
        assertNotNull(rule, "no rule on " + control);
        List<String> scopes = new ArrayList<>();
        rule.findValues("scope").forEach(s -> scopes.add(s.asText().replace(MODEL, "")));
        return rule.path("effect").asText() + " " + scopes;
    }

    /** The enum constants of a field, in the order the dialog shows them. */
    private static List<String> constants(final JsonNode result, final String field) {
        List<String> out = new ArrayList<>();
        result.at("/schema/properties/model/properties/" + field + "/oneOf").forEach(c -> out.add(c.path("const")
            .asText()));
        return out;
    }

    /* --------------------------------------------------------------- tests */

    @Test
    void keyDropdownsOfferStringAndIntegerColumnsAndPeriodsNumbers() throws Exception {
        StudyData data = StudyData.get();
        List<String> keys = NodeDialogDataServiceTest.keyColumns(data.spec());
        assertEquals(List.of("province_code", "province", "region", "year", "patents_granted"), keys);
        JsonNode interpolation = dialog(add(NodeUnderTest.PANEL_INTERPOLATION, study()));
        assertEquals(keys, choices(interpolation, "entity"));
        assertEquals(data.numericColumns(), choices(interpolation, "time"));
        assertFalse(choices(interpolation, "time").contains("province"));
        JsonNode lq = dialog(add(NodeUnderTest.LOCATION_QUOTIENT, study()));
        assertEquals(keys, choices(lq, "region"));
        assertEquals(keys, choices(lq, "time"));
        assertFalse(choices(lq, "region").contains("gdp"), "no double column");
        JsonNode diagnostics = dialog(add(NodeUnderTest.PANEL_DIAGNOSTICS, study()));
        assertEquals(keys, choices(diagnostics, "entity"));
        assertEquals(keys, choices(diagnostics, "time"));
    }

    @Test
    void regressorsLeaveOutTheDependentVariableEntityTimeAndCodes() throws Exception {
        NodeID id = add(NodeUnderTest.PANEL_REGRESSION, study());
        edit(id, NodeUnderTest.PANEL_REGRESSION, p -> {
            ParameterFields.set(p, "m_y", "exports");
            ParameterFields.set(p, "m_entity", "province");
            ParameterFields.set(p, "m_time", "year");
        });
        JsonNode result = dialog(id);
        List<String> regressors = choices(result, "regressors");
        List<String> expected = new ArrayList<>(StudyData.get().numericColumns());
        expected.removeAll(List.of("exports", "year", "province_code"));
        assertEquals(expected, regressors);
        // recomputed when y, entity or time change in the dialog
        List<String> triggers = new ArrayList<>();
        result.path("globalUpdates").forEach(u -> triggers.add(u.at("/trigger/scope").asText().replace(MODEL, "")));
        assertTrue(triggers.containsAll(List.of("y", "entity", "time")), triggers.toString());

        NodeID mediation = add(NodeUnderTest.MEDIATION_ANALYSIS, study());
        edit(mediation, NodeUnderTest.MEDIATION_ANALYSIS, p -> {
            ParameterFields.set(p, "m_outcome", "exports");
            ParameterFields.set(p, "m_treatment", "fdi");
        });
        JsonNode m = dialog(mediation);
        for (String list : List.of("mediators", "controls")) {
            List<String> offered = choices(m, list);
            for (String role : List.of("exports", "fdi", "year", "province_code")) {
                assertFalse(offered.contains(role), list + " offers " + role);
            }
            assertTrue(offered.contains("gdp"), list);
        }
        JsonNode diff = dialog(add(NodeUnderTest.COEFFICIENT_DIFFERENCE_TEST, study()));
        assertFalse(choices(diff, "regressors").contains("province_code"));
        for (var node : List.of(NodeUnderTest.PANEL_INTERPOLATION, NodeUnderTest.PANEL_SMOOTHING)) {
            List<String> columns = choices(dialog(add(node, study())), "columns");
            assertFalse(columns.contains("year") || columns.contains("province_code"), node + ": " + columns);
            assertTrue(columns.contains("gdp"), node + ": " + columns);
        }
        List<String> industries = choices(dialog(add(NodeUnderTest.LOCATION_QUOTIENT, study())), "industries");
        assertFalse(industries.contains("year") || industries.contains("province_code"), industries.toString());
    }

    @Test
    void smoothingMethodIsADropdown() throws Exception {
        JsonNode result = dialog(add(NodeUnderTest.PANEL_SMOOTHING, study()));
        JsonNode method = control(result, "method");
        assertFalse(method.path("options").has("format"), "no value switch or radio buttons: " + method);
        assertEquals(List.of("MA", "TRAILING_MA", "HP"), constants(result, "method"));
    }

    @Test
    void sentinelNumbersAreExplicitToggles() throws Exception {
        JsonNode interpolation = dialog(add(NodeUnderTest.PANEL_INTERPOLATION, study()));
        assertEquals(false, interpolation.at("/data/model/limitGap").asBoolean(true));
        assertEquals("SHOW [limitGap]", rule(control(interpolation, "maxGap")));
        assertEquals(0, control(interpolation, "maxGap").at("/options/validation/min/parameters/min").asInt(-9));

        JsonNode smoothing = dialog(add(NodeUnderTest.PANEL_SMOOTHING, study()));
        assertEquals(false, smoothing.at("/data/model/partial").asBoolean(true));
        assertEquals("SHOW [method, partial]", rule(control(smoothing, "minPeriods")));
        assertEquals(1, control(smoothing, "minPeriods").at("/options/validation/min/parameters/min").asInt(-9));

        JsonNode plot = dialog(add(NodeUnderTest.COEFFICIENT_PLOT));
        assertEquals(true, plot.at("/data/model/autoHeight").asBoolean(false));
        assertEquals("HIDE [autoHeight]", rule(control(plot, "height")));
        assertEquals(100, control(plot, "height").at("/options/validation/min/parameters/min").asInt(-9));
    }

    @Test
    void splitterSaysWhenTheMappingTableIsMissing() throws Exception {
        NodeID without = add(NodeUnderTest.PANEL_SUBSAMPLE_SPLITTER, study());
        assertFalse(dialog(without).toString().contains("No mapping table connected"), "not for the NBS split");
        edit(without, NodeUnderTest.PANEL_SUBSAMPLE_SPLITTER, p -> ParameterFields.set(p, "m_method",
            Enum.valueOf(enumType(p, "m_method"), "MAPPING")));
        JsonNode result = dialog(without);
        assertTrue(result.toString().contains("No mapping table connected"), result.path("initialUpdates").toString());
        assertTrue(rule(control(result, "mappingEntity")).startsWith("SHOW"));

        NodeID with = add(NodeUnderTest.PANEL_SUBSAMPLE_SPLITTER, study(), mapping());
        edit(with, NodeUnderTest.PANEL_SUBSAMPLE_SPLITTER, p -> ParameterFields.set(p, "m_method",
            Enum.valueOf(enumType(p, "m_method"), "MAPPING")));
        JsonNode connected = dialog(with);
        assertFalse(connected.toString().contains("No mapping table connected"));
        assertEquals(List.of("province", "region"), choices(connected, "mappingEntity"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Enum> enumType(final NodeParameters p, final String field) {
        return (Class<Enum>)ParameterFields.find(p.getClass(), field).field().getType();
    }

    @Test
    void splitterAndDifferenceTestOrderTheirSplitsAlike() throws Exception {
        List<String> splitter = constants(dialog(add(NodeUnderTest.PANEL_SUBSAMPLE_SPLITTER, study())), "method");
        List<String> test = constants(dialog(add(NodeUnderTest.COEFFICIENT_DIFFERENCE_TEST, study())), "split");
        assertEquals(List.of("BREAK_YEAR", "REGION_NBS3", "REGION_NBS4", "MAPPING", "COLUMN"), splitter);
        assertEquals(test, splitter);
    }

    @Test
    void locationQuotientGuessesTheLongLayoutColumns() throws Exception {
        var spec = new DataTableSpec(new DataColumnSpecCreator("region_code", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("region", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("year", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("sector", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("output", DoubleCell.TYPE).createSpec());
        JsonNode result = dialog(add(NodeUnderTest.LOCATION_QUOTIENT, new StudyTableSourceNodeFactory.Table(spec,
            List.of())));
        JsonNode model = result.at("/data/model");
        assertEquals("region", model.path("region").asText());
        assertEquals("year", model.path("time").asText());
        assertEquals("sector", model.path("industry").asText());
        assertEquals("output", model.path("value").asText());
        // the layout's description says what the choice is about; the choices describe themselves
        String description = result.at("/schema/properties/model/properties/layout/description").asText();
        assertFalse(description.contains("Wide: one row"), description);
    }

    @Test
    void locationQuotientSaysWhenTheNationalTotalsTableIsMissing() throws Exception {
        NodeID id = add(NodeUnderTest.LOCATION_QUOTIENT, study());
        assertFalse(dialog(id).toString().contains("No national totals table connected"));
        edit(id, NodeUnderTest.LOCATION_QUOTIENT, p -> ParameterFields.set(p, "m_national",
            Enum.valueOf(enumType(p, "m_national"), "NATIONAL_TABLE")));
        JsonNode result = dialog(id);
        assertTrue(result.toString().contains("No national totals table connected"), result.toString());
        assertEquals(List.of("SUM_OF_REGIONS", "NATIONAL_ROWS", "NATIONAL_COLUMN", "NATIONAL_TABLE"),
            constants(result, "national"));
    }
}
