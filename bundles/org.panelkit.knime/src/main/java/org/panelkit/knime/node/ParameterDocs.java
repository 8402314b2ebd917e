package org.panelkit.knime.node;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.node.parameters.Advanced;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.WidgetGroup;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.widget.choices.Label;
import org.panelkit.knime.support.doc.NodeDoc;
import org.panelkit.knime.support.doc.NodeDocXml;

/**
 * Reads the node description's options from a parameters class: every field with {@link Widget} becomes an option
 * (title and description), grouped into tabs by the {@link Section} its {@link Layout} names, in field order; enum
 * options list their {@link Label}s; each option states its settings key ({@link Persist#configKey()}, else the
 * field name without a leading {@code m_}; nested groups as {@code group/key}). A KNIME {@code Modification} on a
 * group field (a shared group narrowed for one node) is applied as the dialog applies it: removed widgets are left
 * out, replaced descriptions and narrowed enum choices are used ({@link WidgetModifications}; the one x-internal
 * KNIME type read here, the rest are public annotation types).
 */
final class ParameterDocs {
    private static final String DEFAULT_TAB = "Options";

    private ParameterDocs() {
    }

    static List<NodeDoc.Tab> tabs(final Class<?> parametersClass) {
        Map<String, List<NodeDoc.Option>> tabs = new LinkedHashMap<>();
        collect(parametersClass, "", null, null, tabs);
        List<NodeDoc.Tab> out = new ArrayList<>();
        tabs.forEach((name, options) -> out.add(new NodeDoc.Tab(name, options)));
        return out;
    }

    private static void collect(final Class<?> type, final String keyPrefix, final String inheritedTab,
        final WidgetModifications modifications, final Map<String, List<NodeDoc.Option>> tabs) {
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            String key = keyPrefix + settingsKey(f);
            String tab = tabName(f, inheritedTab);
            Widget w = f.getAnnotation(Widget.class);
            if (w == null) {
                if (WidgetGroup.class.isAssignableFrom(f.getType())) {
                    collect(f.getType(), key + "/", tab, WidgetModifications.of(f), tabs);
                }
                continue;
            }
            var change = modifications == null ? null : modifications.change(f);
            if (change != null && change.removed()) {
                continue;
            }
            String text = change != null && change.description() != null ? change.description() : w.description();
            // @Widget and @Label descriptions are plain text (the dialog shows them as such)
            String description = NodeDocXml.escape(text);
            if (f.getType().isEnum()) {
                description += enumChoices(f.getType(), change == null ? null : change.choices());
            }
            if (f.getType().isArray() && WidgetGroup.class.isAssignableFrom(f.getType().getComponentType())) {
                description += elementOptions(f.getType().getComponentType(), key);
            }
            if (w.advanced() || f.isAnnotationPresent(Advanced.class)) {
                description += "<p>(Advanced option: shown when the dialog's advanced settings are on.)</p>";
            }
            tabs.computeIfAbsent(tab == null ? DEFAULT_TAB : tab, t -> new ArrayList<>())
                .add(new NodeDoc.Option(w.title(), description, key));
        }
    }

    /** The options of each element of an array setting ({@code ArrayWidget}), keys {@code key/<i>/element_key}. */
    private static String elementOptions(final Class<?> element, final String key) {
        StringBuilder sb = new StringBuilder("<p>Each element:</p><ul>");
        for (Field f : element.getDeclaredFields()) {
            Widget w = f.getAnnotation(Widget.class);
            if (Modifier.isStatic(f.getModifiers()) || w == null) {
                continue;
            }
            sb.append("<li><b>").append(NodeDocXml.escape(w.title())).append("</b>: ")
                .append(NodeDocXml.escape(w.description())).append(" (settings key <tt>").append(key)
                .append("/&lt;i&gt;/").append(settingsKey(f)).append("</tt>, i = 0, 1, ...)</li>");
        }
        return sb.append("</ul>").toString();
    }

    private static String settingsKey(final Field f) {
        Persist p = f.getAnnotation(Persist.class);
        if (p != null && !p.configKey().isBlank()) {
            return p.configKey();
        }
        String name = f.getName();
        return name.startsWith("m_") ? name.substring(2) : name;
    }

    private static String tabName(final Field f, final String inherited) {
        Layout layout = f.getAnnotation(Layout.class);
        if (layout == null) {
            return inherited;
        }
        Section section = layout.value().getAnnotation(Section.class);
        if (section != null && !section.title().isBlank()) {
            return section.title();
        }
        return inherited;
    }

    private static String enumChoices(final Class<?> enumType, final List<? extends Enum<?>> offered) {
        StringBuilder sb = new StringBuilder("<ul>");
        for (Object constant : offered != null ? offered.toArray() : enumType.getEnumConstants()) {
            String name = ((Enum<?>)constant).name();
            Label label = null;
            try {
                label = enumType.getField(name).getAnnotation(Label.class);
            } catch (NoSuchFieldException e) { // cannot happen for an enum constant
                throw new IllegalStateException(e);
            }
            sb.append("<li><b>").append(NodeDocXml.escape(label == null ? name : label.value())).append("</b>");
            if (label != null && !label.description().isBlank()) {
                sb.append(": ").append(NodeDocXml.escape(label.description()));
            }
            sb.append(" (value <tt>").append(name).append("</tt>)</li>");
        }
        return sb.append("</ul>").toString();
    }
}
