package org.panelkit.knime.tests.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.panelkit.knime.tests.KnimeTestSupport.add;
import static org.panelkit.knime.tests.KnimeTestSupport.connect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.webui.node.NodeWrapper;
import org.knime.core.webui.node.dialog.NodeDialogManager;
import org.panelkit.knime.compare.CoefficientDifferenceTestNodeFactory;
import org.panelkit.knime.mediation.MediationAnalysisNodeFactory;
import org.panelkit.knime.node.PanelKitNodeFactory;
import org.panelkit.knime.regression.PanelRegressionNodeFactory;
import org.panelkit.knime.support.doc.NodeDoc;
import org.panelkit.knime.tests.KnimeTestSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shared model-options group (ModelOptionsParameters) in the three nodes' dialogs, as KNIME's dialog data
 * service builds them: the group's controls under model_options, the standard errors offered per node (all eight in
 * the Panel Regression; CR1, CR0, HC1, HC0 in the Difference Test; CR1, CR0 in the Mediation Analysis), the
 * Difference Test without a confidence level; the node descriptions say the same.
 */
@SuppressWarnings("restriction") // the dialog data services are x-internal in org.knime.core.ui
class ModelOptionsDialogTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WorkflowManager m_wfm;

    private NodeID m_source;

    @BeforeEach
    void setUp() {
        m_wfm = KnimeTestSupport.newProject("model-options");
        m_source = add(m_wfm, KnimeTestSupport.studyRaw().source());
    }

    @AfterEach
    void tearDown() {
        KnimeTestSupport.dispose(m_wfm);
    }

    /** The initial data of the node's dialog (connected to the study data). */
    private JsonNode dialog(final NodeFactory<?> f) throws Exception {
        NodeID id = add(m_wfm, f);
        connect(m_wfm, m_source, 0, id, 0);
        m_wfm.resetAndConfigureAll();
        var nnc = (NativeNodeContainer)m_wfm.getNodeContainer(id);
        var services = NodeDialogManager.getInstance().getDataServiceManager();
        JsonNode initial = MAPPER.readTree(services.callInitialDataService(NodeWrapper.of(nnc)));
        assertFalse(initial.has("userError") || initial.has("internalError"), initial.toString());
        return initial.get("result");
    }

    /** Scopes of the controls of the UI schema, by the last segment of their scope. */
    private static List<String> controls(final JsonNode node, final List<String> out) {
        if (node.has("scope")) {
            String scope = node.get("scope").asText();
            out.add(scope.substring(scope.lastIndexOf('/') + 1));
        }
        for (JsonNode child : node.path("elements")) {
            controls(child, out);
        }
        return out;
    }

    /** The enum values the dialog offers for a field: its initial possibleValues update or the schema's oneOf. */
    private static List<String> offered(final JsonNode result, final String field) {
        for (JsonNode update : result.path("initialUpdates")) {
            if (update.path("scope").asText().endsWith("/" + field)
                && "possibleValues".equals(update.path("providedOptionName").asText())) {
                List<String> ids = new ArrayList<>();
                update.path("values").get(0).path("value").forEach(v -> ids.add(v.path("id").asText()));
                return ids;
            }
        }
        JsonNode property = result.at("/schema/properties/model/properties/model/properties/" + field);
        List<String> ids = new ArrayList<>();
        property.path("oneOf").forEach(v -> ids.add(v.path("const").asText()));
        return ids;
    }

    @Test
    void regressionOffersEveryStandardError() throws Exception {
        JsonNode r = dialog(new PanelRegressionNodeFactory());
        assertTrue(r.at("/persist/properties/model/properties/model").path("configKey").asText()
            .equals("model_options"), r.at("/persist/properties/model/properties/model").toString());
        assertEquals(List.of("IID", "HC0", "HC1", "CR0", "CLUSTER", "CR2", "TWOWAY", "DRISCOLL_KRAAY"),
            offered(r, "seType"));
        List<String> controls = controls(r.get("ui_schema"), new ArrayList<>());
        for (String c : List.of("effects", "seType", "convention", "clusterBy", "clusterColumn",
            "secondClusterColumn", "dkLag", "level")) {
            assertTrue(controls.contains(c), c + " in " + controls);
        }
    }

    @Test
    void differenceTestOffersItsFourStandardErrorsAndNoLevel() throws Exception {
        JsonNode r = dialog(new CoefficientDifferenceTestNodeFactory());
        assertEquals(List.of("CLUSTER", "CR0", "HC1", "HC0"), offered(r, "seType"));
        assertEquals(List.of("ENTITY", "TIME", "COLUMNS"), offered(r, "clusterBy"));
        List<String> controls = controls(r.get("ui_schema"), new ArrayList<>());
        assertTrue(controls.contains("seType"), controls.toString());
        assertFalse(controls.contains("level"), controls.toString());
    }

    @Test
    void mediationOffersClusteredStandardErrors() throws Exception {
        JsonNode r = dialog(new MediationAnalysisNodeFactory());
        assertEquals(List.of("CLUSTER", "CR0"), offered(r, "seType"));
        assertEquals(List.of("ENTITY", "TIME", "COLUMNS"), offered(r, "clusterBy"));
        assertTrue(controls(r.get("ui_schema"), new ArrayList<>()).contains("level"));
    }

    /** The node descriptions list the same choices, under the group's settings keys. */
    @Test
    void descriptionsListTheOfferedChoices() {
        Map<String, NodeDoc.Option> diff = options(new CoefficientDifferenceTestNodeFactory().nodeDoc());
        NodeDoc.Option se = diff.get("model_options/se_type");
        assertTrue(se.description().contains("(value <tt>HC0</tt>)"), se.description());
        assertFalse(se.description().contains("DRISCOLL_KRAAY"), se.description());
        assertFalse(diff.containsKey("model_options/confidence_level"), diff.keySet().toString());
        assertFalse(diff.get("model_options/cluster_by").description().contains("ENTITY_AND_TIME"));
        Map<String, NodeDoc.Option> med = options(new MediationAnalysisNodeFactory().nodeDoc());
        assertFalse(med.get("model_options/se_type").description().contains("HC1"));
        assertTrue(med.get("model_options/confidence_level").description().startsWith("Level of the bootstrap"));
        Map<String, NodeDoc.Option> reg = options(new PanelRegressionNodeFactory().nodeDoc());
        assertTrue(reg.get("model_options/se_type").description().contains("DRISCOLL_KRAAY"));
        assertTrue(reg.containsKey("model_options/dk_lag"));
        assertTrue(PanelKitNodeFactory.class.isInstance(new PanelRegressionNodeFactory()));
    }

    private static Map<String, NodeDoc.Option> options(final NodeDoc doc) {
        Map<String, NodeDoc.Option> out = new LinkedHashMap<>();
        for (NodeDoc.Tab t : doc.tabs()) {
            for (NodeDoc.Option o : t.options()) {
                out.put(o.settingsKey(), o);
            }
        }
        return out;
    }
}
