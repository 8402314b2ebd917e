package org.panelkit.knime.node;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.webui.node.dialog.defaultdialog.widget.Modification;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.widget.choices.ChoicesProvider;
import org.knime.node.parameters.widget.choices.EnumChoicesProvider;

/**
 * What KNIME's {@link Modification} on a parameters group field changes, read for the node description (and its
 * test): a widget removed, a new description, the choices of an enum narrowed by an {@link EnumChoicesProvider}. The
 * modifiers are run against a recorder, as KNIME runs them against the dialog's widget tree; only the operations
 * PanelKit's modifiers use are recorded (others are ignored here, and KNIME still applies them to the dialog).
 */
@SuppressWarnings("restriction") // Modification is exported x-internal by org.knime.core.ui (5.7 - 5.11)
public final class WidgetModifications {

    /** The change of one widget. */
    public static final class Change {
        private boolean m_removed;

        private String m_description;

        private Class<?> m_choicesProvider;

        /** Whether the widget is not shown (its {@link Widget} removed). */
        public boolean removed() {
            return m_removed;
        }

        /** The new description, or null. */
        public String description() {
            return m_description;
        }

        /** The enum values offered, or null when all are. */
        public List<? extends Enum<?>> choices() {
            if (m_choicesProvider == null || !EnumChoicesProvider.class.isAssignableFrom(m_choicesProvider)) {
                return null;
            }
            try {
                var ctor = m_choicesProvider.getDeclaredConstructor();
                ctor.setAccessible(true);
                @SuppressWarnings("unchecked")
                var provider = (EnumChoicesProvider<?>)ctor.newInstance();
                return provider.choices(null);
            } catch (ReflectiveOperationException | RuntimeException e) { // a provider that needs the input
                return null;
            }
        }
    }

    private final Map<Class<?>, Change> m_changes = new HashMap<>();

    private WidgetModifications() {
    }

    /** The changes that the {@link Modification} of {@code groupField} makes (none without one). */
    public static WidgetModifications of(final Field groupField) {
        var w = new WidgetModifications();
        Modification m = groupField.getAnnotation(Modification.class);
        if (m == null) {
            m = groupField.getType().getAnnotation(Modification.class);
        }
        if (m != null) {
            for (var type : m.value()) {
                try {
                    var ctor = type.getDeclaredConstructor();
                    ctor.setAccessible(true);
                    ctor.newInstance().modify(w::find);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot run modifier " + type.getName(), e);
                }
            }
        }
        return w;
    }

    /** The change of the field (an empty change when it has no reference or is not modified). */
    public Change change(final Field field) {
        var ref = field.getAnnotation(Modification.WidgetReference.class);
        return ref == null ? new Change() : m_changes.getOrDefault(ref.value(), new Change());
    }

    private Modification.WidgetModifier find(final Class<? extends Modification.Reference> reference) {
        Change c = m_changes.computeIfAbsent(reference, r -> new Change());
        return new Modification.WidgetModifier() {
            @Override
            public <T extends Annotation> Modification.AnnotationModifier modifyAnnotation(final Class<T> type) {
                return recorder(c, type);
            }

            @Override
            public <T extends Annotation> Modification.AnnotationModifier addAnnotation(final Class<T> type) {
                return recorder(c, type);
            }

            @Override
            public <T extends Annotation> void removeAnnotation(final Class<T> type) {
                if (type == Widget.class) {
                    c.m_removed = true;
                }
            }
        };
    }

    private static Modification.AnnotationModifier recorder(final Change c, final Class<?> annotation) {
        return new Modification.AnnotationModifier() {
            @Override
            public <T> Modification.AnnotationModifier withProperty(final String key, final T value) {
                if (annotation == Widget.class && "description".equals(key)) {
                    c.m_description = (String)value;
                } else if (annotation == ChoicesProvider.class && "value".equals(key)) {
                    c.m_choicesProvider = (Class<?>)value;
                }
                return this;
            }

            @Override
            public void modify() {
                // recorded in withProperty
            }
        };
    }
}
