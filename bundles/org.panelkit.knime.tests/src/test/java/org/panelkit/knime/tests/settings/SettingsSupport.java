package org.panelkit.knime.tests.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.config.base.AbstractConfigEntry;
import org.knime.core.node.config.base.ConfigBase;
import org.knime.core.node.config.base.ConfigEntries;
import org.knime.core.webui.node.dialog.defaultdialog.NodeParametersUtil;
import org.knime.core.webui.node.dialog.defaultdialog.jsonforms.JsonFormsDataUtil;
import org.knime.node.parameters.NodeParameters;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Settings through KNIME's own {@link NodeParametersUtil} (what the node model, the dialog and the workflow loader
 * use), XML as in a workflow's settings.xml, and comparisons that name the differing keys.
 */
@SuppressWarnings("restriction") // NodeParametersUtil and JsonFormsDataUtil are x-internal in org.knime.core.ui
public final class SettingsSupport {
    private SettingsSupport() {
    }

    /** The parameters saved as KNIME saves a node's "model" settings. */
    public static NodeSettings save(final Class<? extends NodeParameters> c, final NodeParameters p) {
        var s = new NodeSettings("model");
        NodeParametersUtil.saveSettings(c, p, s);
        return s;
    }

    public static <P extends NodeParameters> P load(final NodeSettingsRO s, final Class<P> c)
        throws InvalidSettingsException {
        return NodeParametersUtil.loadSettings(s, c);
    }

    /** The settings written to XML (as in settings.xml) and read back. */
    public static NodeSettingsRO viaXml(final NodeSettings s) {
        try {
            var out = new ByteArrayOutputStream();
            s.saveToXML(out);
            return NodeSettings.loadFromXML(new ByteArrayInputStream(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * save -> load -> save (directly and through XML): the saved settings must be identical and the loaded
     * parameters equal in content to the given ones.
     *
     * @return the loaded parameters
     */
    public static <P extends NodeParameters> P assertRoundTrip(final Class<P> c, final NodeParameters p,
        final String what) throws InvalidSettingsException {
        NodeSettings first = save(c, p);
        P loaded = load(first, c);
        assertSameContent(p, loaded, what + ": loaded parameters");
        NodeSettings second = save(c, loaded);
        assertIdentical(first, second, what + ": save -> load -> save");
        P fromXml = load(viaXml(first), c);
        assertSameContent(p, fromXml, what + ": parameters loaded from XML");
        assertIdentical(first, save(c, fromXml), what + ": save -> XML -> load -> save");
        return loaded;
    }

    /**
     * The parameters as the dialog sees them (KNIME's JSON Forms data mapper: every persisted field), so that
     * "equal in content" does not depend on equals methods the classes do not have.
     */
    public static JsonNode content(final NodeParameters p) {
        return JsonFormsDataUtil.getMapper().valueToTree(p);
    }

    /** A value as text: parameter groups and column filters as their JSON (they have no toString). */
    public static String valueText(final Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
            || value instanceof Enum) {
            return String.valueOf(value);
        }
        return JsonFormsDataUtil.getMapper().valueToTree(value).toString();
    }

    /** JSON compared as text (an int and a long of the same value are the same number). */
    public static void assertSameJson(final JsonNode expected, final JsonNode actual, final String what) {
        assertEquals(expected.toString(), actual.toString(), what);
    }

    public static void assertSameContent(final NodeParameters expected, final NodeParameters actual,
        final String what) {
        assertEquals(expected.getClass(), actual.getClass(), what);
        assertEquals(content(expected), content(actual), what);
    }

    /** Every entry of the settings tree: path -> type:value (config entries as path -> "config"). */
    public static Map<String, String> flatten(final NodeSettingsRO s) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten((ConfigBase)s, "", out);
        return out;
    }

    private static void flatten(final ConfigBase c, final String prefix, final Map<String, String> out) {
        for (String key : c.keySet()) {
            AbstractConfigEntry e = c.getEntry(key);
            String path = prefix.isEmpty() ? key : prefix + "/" + key;
            if (e.getType() == ConfigEntries.config) {
                out.put(path, "config");
                flatten((ConfigBase)e, path, out);
            } else {
                out.put(path, e.getType() + ":" + e.toStringValue());
            }
        }
    }

    /** The paths whose entries differ (missing on one side, other type or value). */
    public static List<String> differences(final NodeSettingsRO expected, final NodeSettingsRO actual) {
        return differences(flatten(expected), flatten(actual));
    }

    /**
     * The flow-variable settings of a node as KNIME compares them: "used_variable_flawed" false, which KNIME's
     * dialog writes, is the same as no such entry, which older files and generated workflows have.
     */
    public static Map<String, String> flattenVariables(final NodeSettingsRO variables) {
        Map<String, String> out = flatten(variables);
        out.entrySet().removeIf(
            e -> e.getKey().endsWith("/used_variable_flawed") && e.getValue().equals("xboolean:false"));
        return out;
    }

    public static void assertSameVariables(final NodeSettingsRO expected, final NodeSettingsRO actual,
        final String what) {
        List<String> diff = differences(flattenVariables(expected), flattenVariables(actual));
        if (!diff.isEmpty()) {
            fail(what + ": flow-variable settings differ at " + diff.size() + " entries:\n  "
                + String.join("\n  ", diff));
        }
    }

    private static List<String> differences(final Map<String, String> a, final Map<String, String> b) {
        List<String> diff = new ArrayList<>();
        for (String k : new TreeSet<>(union(a, b))) {
            String x = a.get(k);
            String y = b.get(k);
            if (x == null || !x.equals(y)) {
                diff.add(k + ": " + x + " -> " + y);
            }
        }
        return diff;
    }

    private static Set<String> union(final Map<String, String> a, final Map<String, String> b) {
        var keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    /** Same keys (also in the same order), same types, same values. */
    public static void assertIdentical(final NodeSettingsRO expected, final NodeSettingsRO actual,
        final String what) {
        List<String> diff = differences(expected, actual);
        if (!diff.isEmpty()) {
            fail(what + ": settings differ at " + diff.size() + " entries:\n  " + String.join("\n  ", diff));
        }
        assertEquals(List.copyOf(flatten(expected).keySet()), List.copyOf(flatten(actual).keySet()),
            what + ": order of the settings keys");
        assertTrue(((ConfigBase)expected).isIdentical((ConfigBase)actual), what + ": Config.isIdentical");
    }
}
