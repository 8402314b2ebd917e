package org.panelkit.knime.tests.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.panelkit.knime.tests.settings.SettingsSupport.assertIdentical;
import static org.panelkit.knime.tests.settings.SettingsSupport.assertRoundTrip;
import static org.panelkit.knime.tests.settings.SettingsSupport.differences;
import static org.panelkit.knime.tests.settings.SettingsSupport.save;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.webui.node.dialog.defaultdialog.NodeParametersUtil;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.NodeParametersInput;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.widget.choices.filter.ColumnFilter;
import org.panelkit.knime.tests.settings.ParameterFields.FieldPath;

/**
 * Issue #9 (b): the settings of every PanelKit node round-trip through KNIME's NodeParametersUtil (save -> load ->
 * save gives identical NodeSettings, directly and through settings.xml, and the loaded parameters are equal in
 * content): the defaults, every field changed, each field changed on its own (and persisted under its own key), and
 * the defaults KNIME creates for the study panel (columns guessed from the input spec).
 */
@SuppressWarnings("restriction") // NodeParametersUtil is x-internal in org.knime.core.ui
class NodeSettingsRoundTripTest {

    private static <P extends NodeParameters> Class<P> parametersClass(final NodeUnderTest node) {
        @SuppressWarnings("unchecked")
        var c = (Class<P>)node.parametersClass();
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(NodeUnderTest.class)
    void defaultsRoundTrip(final NodeUnderTest node) throws Exception {
        Class<NodeParameters> c = parametersClass(node);
        NodeParameters defaults = NodeParametersUtil.createSettings(c);
        assertRoundTrip(c, defaults, node + " defaults");
        defaults.validate();
        // the no-argument constructor is what KNIME uses without input specs
        SettingsSupport.assertSameContent(ParameterFields.newInstance(c), defaults, node + " defaults");
        assertFalse(SettingsSupport.flatten(save(c, defaults)).isEmpty(), node + ": no settings saved");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(NodeUnderTest.class)
    void everyFieldChangedRoundTrips(final NodeUnderTest node) throws Exception {
        Class<NodeParameters> c = parametersClass(node);
        NodeParameters defaults = NodeParametersUtil.createSettings(c);
        List<FieldPath> fields = ParameterFields.fields(c);
        assertFalse(fields.isEmpty(), node + " has no settings fields");
        NodeParameters changed = ParameterFields.changeEveryField(NodeParametersUtil.createSettings(c));
        changed.validate(); // the changed values are valid ones: the node would accept them
        NodeParameters loaded = assertRoundTrip(c, changed, node + " every field changed");
        for (FieldPath f : fields) {
            assertNotEquals(SettingsSupport.valueText(ParameterFields.get(defaults, f)),
                SettingsSupport.valueText(ParameterFields.get(loaded, f)), node + ": " + f + " lost its change");
        }
        // every top-level settings key carries the change
        var defaultSettings = SettingsSupport.flatten(save(c, defaults));
        var changedSettings = SettingsSupport.flatten(save(c, changed));
        assertEquals(topLevel(defaultSettings.keySet()), topLevel(changedSettings.keySet()),
            node + ": the same keys whatever the values");
        for (FieldPath f : fields) {
            String key = String.join("/", f.configKeys());
            boolean differs = changedSettings.entrySet().stream()
                .anyMatch(e -> (e.getKey().equals(key) || e.getKey().startsWith(key + "/"))
                    && !e.getValue().equals(defaultSettings.get(e.getKey())));
            assertTrue(differs, node + ": the change of " + f + " is not saved under '" + key + "'");
        }
    }

    private static List<String> topLevel(final Collection<String> paths) {
        return paths.stream().filter(p -> !p.contains("/")).toList();
    }

    /** One dynamic test per node and settings field: the field alone changed is saved under its key and round-trips. */
    @TestFactory
    Stream<DynamicTest> eachFieldChangedAlone() {
        return Arrays.stream(NodeUnderTest.values()).flatMap(node -> {
            Class<NodeParameters> c = parametersClass(node);
            return ParameterFields.fields(c).stream().map(f -> dynamicTest(node + " " + f.name(), () -> {
                NodeParameters defaults = NodeParametersUtil.createSettings(c);
                NodeParameters changed = NodeParametersUtil.createSettings(c);
                ParameterFields.set(changed, f, ParameterFields.otherValue(f, ParameterFields.get(changed, f)));
                NodeParameters loaded = assertRoundTrip(c, changed, node + " " + f);
                assertEquals(SettingsSupport.valueText(ParameterFields.get(changed, f)),
                    SettingsSupport.valueText(ParameterFields.get(loaded, f)), node + " " + f);
                String key = String.join("/", f.configKeys());
                List<String> diff = differences(save(c, defaults), save(c, changed));
                assertFalse(diff.isEmpty(), node + ": changing " + f + " changes no setting");
                for (String d : diff) {
                    assertTrue(d.startsWith(key + ":") || d.startsWith(key + "/"),
                        node + ": changing " + f + " changed another setting than '" + key + "': " + diff);
                }
            }));
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(NodeUnderTest.class)
    void defaultsGuessedFromStudySpecRoundTrip(final NodeUnderTest node) throws Exception {
        Class<NodeParameters> c = parametersClass(node);
        var specs = StudyData.get().inputSpecs(node.inputs());
        NodeParameters guessed = NodeParametersUtil.createSettings(c, specs);
        guessed.validate();
        assertRoundTrip(c, guessed, node + " defaults for the study panel");

        // the same as the NodeParametersInput constructor gives (where the class has one)
        NodeParametersInput input = NodeParametersUtil.createDefaultNodeSettingsContext(specs);
        var inputConstructor = Arrays.stream(c.getDeclaredConstructors())
            .filter(k -> k.getParameterCount() == 1 && k.getParameterTypes()[0] == NodeParametersInput.class)
            .findFirst();
        if (inputConstructor.isPresent()) {
            inputConstructor.get().setAccessible(true);
            SettingsSupport.assertSameContent((NodeParameters)inputConstructor.get().newInstance(input), guessed,
                node + ": createSettings(class, specs) vs the NodeParametersInput constructor");
        }

        // what is guessed from the study panel
        for (String entity : List.of("m_entity", "m_region")) {
            if (ParameterFields.has(c, entity)) {
                assertEquals("province", ParameterFields.get(guessed, entity), node + ": guessed " + entity);
            }
        }
        if (ParameterFields.has(c, "m_time")) {
            assertEquals("year", ParameterFields.get(guessed, "m_time"), node + ": guessed time column");
        }
        if (node == NodeUnderTest.PANEL_SUBSAMPLE_SPLITTER) {
            assertEquals("province", ParameterFields.get(guessed, "m_mappingEntity"), "mapping entity column");
            assertEquals("region", ParameterFields.get(guessed, "m_mappingGroup"), "mapping group column");
        }
        if (node == NodeUnderTest.PANEL_DIAGNOSTICS) {
            var columns = (ColumnFilter)ParameterFields.get(guessed, "m_columns");
            assertEquals(StudyData.get().allColumns(),
                List.of(columns.filterFromFullSpec(StudyData.get().spec())), "columns to check");
        }
        if (node.inputs() == NodeUnderTest.Inputs.MODELS) {
            SettingsSupport.assertSameContent(NodeParametersUtil.createSettings(c), guessed,
                node + ": no column settings, nothing to guess");
        }
    }

    /** The fixtures handle nested parameter groups (none of the nodes has one today). */
    @Test
    void nestedGroupsAreChangedAndRoundTrip() throws Exception {
        List<FieldPath> fields = ParameterFields.fields(WithGroup.class);
        assertEquals(List.of("m_name", "m_group.m_count", "m_group.m_mode", "m_group.m_columns"),
            fields.stream().map(FieldPath::name).toList());
        assertEquals(List.of("group", "mode"), fields.get(2).configKeys());
        var changed = ParameterFields.changeEveryField(new WithGroup());
        var loaded = assertRoundTrip(WithGroup.class, changed, "nested group");
        assertEquals(Mode.B, loaded.m_group.m_mode);
        var spec = new DataTableSpec(new DataColumnSpecCreator("columns_a", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("other", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("columns_b", DoubleCell.TYPE).createSpec());
        // manual selection of the two columns, unknown columns now included (the default excluded them)
        assertEquals(List.of("columns_a", "other", "columns_b"),
            Arrays.asList(((ColumnFilter)ParameterFields.get(loaded, fields.get(3))).filterFromFullSpec(spec)));
        assertIdentical(save(WithGroup.class, changed), save(WithGroup.class, loaded), "nested group");
    }

    enum Mode {
            A, B
    }

    static final class WithGroup implements NodeParameters {
        @Widget(title = "Name", description = "")
        String m_name = "";

        @Persist(configKey = "group")
        Group m_group = new Group();
    }

    static final class Group implements NodeParameters {
        @Widget(title = "Count", description = "")
        int m_count = 1;

        @Widget(title = "Mode", description = "")
        Mode m_mode = Mode.A;

        @Widget(title = "Columns", description = "")
        ColumnFilter m_columns = new ColumnFilter();
    }
}
