package org.panelkit.knime.tests.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.config.base.ConfigBaseRO;
import org.knime.core.webui.node.dialog.defaultdialog.NodeParametersUtil;
import org.knime.node.parameters.NodeParameters;

/**
 * Issue #9 (b): every PanelKit node of the example workflows (the unpacked folders workflows/STAR/, not the .knwf
 * archives) has a settings.xml that KNIME loads, whose "model" settings load into the node's parameters class,
 * validate, and save back identically (same keys, same types, same values); the flow variables of the node control
 * settings that exist.
 */
@SuppressWarnings("restriction") // NodeParametersUtil is x-internal in org.knime.core.ui
class NodeSettingsWorkflowsTest {

    /** The settings.xml files of the PanelKit nodes in the unpacked example workflows, named by their path. */
    static Stream<Named<Path>> panelKitNodes() throws IOException {
        Path root = StudyData.repositoryRoot();
        return panelKitNodeSettings().stream().map(p -> Named.of(root.relativize(p.getParent()).toString(), p));
    }

    /** The settings.xml files of the PanelKit nodes in the unpacked example workflows. */
    static List<Path> panelKitNodeSettings() throws IOException {
        Path workflows = StudyData.repositoryRoot().resolve("workflows");
        List<Path> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(workflows)) {
            for (Path wf : dirs.filter(d -> Files.isRegularFile(d.resolve("workflow.knime"))).sorted().toList()) {
                try (Stream<Path> files = Files.walk(wf)) {
                    files.filter(f -> f.getFileName().toString().equals("settings.xml"))
                        .filter(NodeSettingsWorkflowsTest::isPanelKitNode).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    private static boolean isPanelKitNode(final Path settingsXml) {
        try {
            return Files.readString(settingsXml).contains("value=\"org.panelkit.knime.");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static NodeSettingsRO loadXml(final Path settingsXml) throws IOException {
        try (InputStream in = Files.newInputStream(settingsXml)) {
            return NodeSettings.loadFromXML(in);
        }
    }

    @Test
    void theWorkflowsHavePanelKitNodesOfEveryKindWithSettings() throws Exception {
        List<Path> files = panelKitNodeSettings();
        assertTrue(files.size() >= 10, "PanelKit nodes in workflows/*/: " + files.size());
        Set<NodeUnderTest> kinds = EnumSet.noneOf(NodeUnderTest.class);
        for (Path f : files) {
            kinds.add(NodeUnderTest.ofFactoryClass(loadXml(f).getString("factory")));
        }
        // the workflows use all nodes but the smoothing and the diagnostics node
        assertTrue(kinds.containsAll(EnumSet.complementOf(
            EnumSet.of(NodeUnderTest.PANEL_SMOOTHING, NodeUnderTest.PANEL_DIAGNOSTICS))), "nodes used: " + kinds);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("panelKitNodes")
    void settingsLoadValidateAndSaveBackIdentically(final Path settingsXml) throws Exception {
        String where = StudyData.repositoryRoot().relativize(settingsXml).toString();
        NodeSettingsRO node = loadXml(settingsXml);
        NodeUnderTest kind = NodeUnderTest.ofFactoryClass(node.getString("factory"));
        assertTrue(node.containsKey("model"), where + ": no model settings");
        NodeSettingsRO model = node.getNodeSettings("model");

        @SuppressWarnings("unchecked")
        Class<NodeParameters> c = (Class<NodeParameters>)kind.parametersClass();
        NodeParameters parameters = SettingsSupport.load(model, c);
        parameters.validate();
        NodeSettings saved = SettingsSupport.save(c, parameters);
        SettingsSupport.assertIdentical(model, saved, where + " (" + kind + ")");
        SettingsSupport.assertRoundTrip(c, parameters, where);

        // flow variables of the node (e.g. se_type, break_year) control settings the node has
        if (node.containsKey("variables")) {
            NodeSettingsRO variables = node.getNodeSettings("variables");
            if (variables.containsKey("tree")) {
                for (String path : variablePaths(variables.getNodeSettings("tree"), "")) {
                    assertTrue(SettingsSupport.flatten(model).containsKey(path),
                        where + ": a flow variable controls '" + path + "', which is not a setting of " + kind);
                }
            }
        }
    }

    /** The settings paths a flow-variable tree refers to (its leaves: configs with used_variable). */
    private static List<String> variablePaths(final NodeSettingsRO tree, final String prefix)
        throws InvalidSettingsException {
        List<String> out = new ArrayList<>();
        for (String key : ((ConfigBaseRO)tree).keySet()) {
            NodeSettingsRO sub = tree.getNodeSettings(key);
            String path = prefix.isEmpty() ? key : prefix + "/" + key;
            if (sub.containsKey("used_variable") || sub.containsKey("exposed_variable")) {
                out.add(path);
            } else {
                out.addAll(variablePaths(sub, path));
            }
        }
        assertFalse(prefix.isEmpty() && out.isEmpty() && !((ConfigBaseRO)tree).keySet().isEmpty(),
            "unreadable flow-variable tree");
        return out;
    }

    /**
     * Settings saved before the Panel Regression node had weights and additional fixed effects (a settings.xml the
     * previous version wrote, testdata/README.md) load: the new settings take their defaults (unweighted, no
     * additional fixed effects), every old setting keeps its value, and they save back as the old ones plus the new
     * keys.
     */
    @Test
    void panelRegressionSettingsWithoutWeightsAndAdditionalFixedEffectsLoadWithDefaults() throws Exception {
        Path xml = StudyData.repositoryRoot()
            .resolve("bundles/org.panelkit.knime.tests/testdata/panel-regression-settings-before-weights.xml");
        NodeSettingsRO model = loadXml(xml).getNodeSettings("model");
        for (String key : List.of("weighted", "weight_column", "additional_fixed_effects")) {
            assertFalse(model.containsKey(key), "the old file has no " + key);
        }
        @SuppressWarnings("unchecked")
        Class<NodeParameters> c = (Class<NodeParameters>)NodeUnderTest.PANEL_REGRESSION.parametersClass();
        NodeParameters p = SettingsSupport.load(model, c);
        p.validate();
        assertEquals(false, ParameterFields.get(p, "m_weighted"));
        assertEquals("", ParameterFields.get(p, "m_weightColumn"));
        assertEquals(0, ((Object[])ParameterFields.get(p, "m_additionalFixedEffects")).length);
        assertEquals("TU", ParameterFields.get(p, "m_y"));
        assertEquals("CLUSTER", ParameterFields.get(p, "m_model.m_seType").toString());

        var old = SettingsSupport.flatten(model);
        var saved = SettingsSupport.flatten(SettingsSupport.save(c, p));
        old.forEach((k, v) -> assertEquals(v, saved.get(k), "old setting " + k));
        var added = new ArrayList<>(saved.keySet());
        added.removeAll(old.keySet());
        assertEquals(List.of("weighted", "weight_column", "additional_fixed_effects"), added, "new keys");
        assertEquals(SettingsSupport.flatten(SettingsSupport.save(c, NodeParametersUtil.createSettings(c)))
            .get("additional_fixed_effects"), saved.get("additional_fixed_effects"));
        SettingsSupport.assertRoundTrip(c, p, "old settings loaded");
    }

    @Test
    void theStudyPanelMatchesWhatTheWorkflowsRead() {
        var study = StudyData.get();
        assertEquals(630, study.rows().size(), "30 provinces x 21 years");
        assertEquals(StudyData.STRING_COLUMNS,
            study.allColumns().stream().filter(n -> !study.numericColumns().contains(n)).toList());
    }
}
