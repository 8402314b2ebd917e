package org.panelkit.knime.tests.settings;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.WidgetGroup;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.widget.choices.filter.ColumnFilter;

/**
 * Reflection over the fields of a {@link NodeParameters} class, nested parameter groups included: enumerates them,
 * reads and writes them, and gives each a value different from its current one (String, int, long, double,
 * boolean, enum, {@link ColumnFilter} with a manual selection, an array of parameter groups with one more element). A field of another type fails the test that meets
 * it, so that a new kind of setting is not silently left out.
 */
public final class ParameterFields {
    private ParameterFields() {
    }

    /** One settings field, reached from the parameters object through the nested groups of {@link #path()}. */
    public record FieldPath(List<Field> path) {
        public Field field() {
            return path.get(path.size() - 1);
        }

        /** The settings keys of the field (with its groups'), as KNIME persists them. */
        public List<String> configKeys() {
            return path.stream().map(ParameterFields::configKey).toList();
        }

        /** Dotted Java name, e.g. m_group.m_value. */
        public String name() {
            return String.join(".", path.stream().map(Field::getName).toList());
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** The settings key of a field: its {@code @Persist(configKey)}, else the field name without {@code m_}. */
    public static String configKey(final Field f) {
        Persist p = f.getAnnotation(Persist.class);
        if (p != null && !p.configKey().isEmpty()) {
            return p.configKey();
        }
        return f.getName().startsWith("m_") ? f.getName().substring(2) : f.getName();
    }

    /** Every leaf settings field of the class, in declaration order; nested groups are descended into. */
    public static List<FieldPath> fields(final Class<?> parametersClass) {
        List<FieldPath> out = new ArrayList<>();
        collect(parametersClass, new ArrayList<>(), out);
        return out;
    }

    private static void collect(final Class<?> c, final List<Field> prefix, final List<FieldPath> out) {
        for (Field f : declaredFields(c)) {
            List<Field> path = new ArrayList<>(prefix);
            path.add(f);
            if (isGroup(f.getType())) {
                collect(f.getType(), path, out);
            } else {
                out.add(new FieldPath(List.copyOf(path)));
            }
        }
    }

    private static List<Field> declaredFields(final Class<?> c) {
        List<Field> fields = new ArrayList<>();
        if (c.getSuperclass() != null && c.getSuperclass() != Object.class) {
            fields.addAll(declaredFields(c.getSuperclass()));
        }
        for (Field f : c.getDeclaredFields()) {
            // Void fields are dialog messages (@TextMessage), not settings
            if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic() && f.getType() != Void.class) {
                f.setAccessible(true); // NOSONAR: the test bundle is a fragment of the node bundle
                fields.add(f);
            }
        }
        return fields;
    }

    private static boolean isGroup(final Class<?> type) {
        return WidgetGroup.class.isAssignableFrom(type) && !type.isInterface();
    }

    public static Object get(final Object root, final FieldPath p) {
        Object o = root;
        for (Field f : p.path()) {
            o = read(f, o);
        }
        return o;
    }

    /** Sets the field, creating missing nested groups. */
    public static void set(final Object root, final FieldPath p, final Object value) {
        Object o = root;
        for (int i = 0; i < p.path().size() - 1; i++) {
            Field f = p.path().get(i);
            Object next = read(f, o);
            if (next == null) {
                next = newInstance(f.getType());
                write(f, o, next);
            }
            o = next;
        }
        write(p.field(), o, value);
    }

    /** Sets the field (by its Java name, e.g. m_entity) of a parameters object. */
    public static void set(final Object parameters, final String fieldName, final Object value) {
        set(parameters, find(parameters.getClass(), fieldName), value);
    }

    public static Object get(final Object parameters, final String fieldName) {
        return get(parameters, find(parameters.getClass(), fieldName));
    }

    public static FieldPath find(final Class<?> parametersClass, final String name) {
        return fields(parametersClass).stream().filter(f -> f.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException(parametersClass.getSimpleName() + " has no field " + name));
    }

    public static boolean has(final Class<?> parametersClass, final String name) {
        return fields(parametersClass).stream().anyMatch(f -> f.name().equals(name));
    }

    /** A new instance through the no-argument constructor (the defaults of a parameters class). */
    public static <T> T newInstance(final Class<T> c) {
        try {
            var ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true); // NOSONAR
            return ctor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + c.getName() + ": " + e, e);
        }
    }

    /**
     * A value of the field's type that differs from the current one and that a dialog could produce: a string is
     * extended (or set to a name), a number moved within a plausible range, a boolean negated, an enum set to the
     * next constant, a column filter set to a manual selection of two columns with the unknown-columns flag flipped.
     *
     * @throws UnsupportedOperationException for a type this does not know
     */
    public static Object otherValue(final FieldPath p, final Object current) {
        Class<?> t = p.field().getType();
        String tag = configKey(p.field()).toLowerCase(Locale.ROOT);
        if (t == String.class) {
            String s = (String)current;
            return s == null || s.isEmpty() ? "changed_" + tag : s + "_changed";
        }
        if (t == int.class || t == Integer.class) {
            return (Integer)current + 1;
        }
        if (t == long.class || t == Long.class) {
            return (Long)current + 1;
        }
        if (t == double.class || t == Double.class) {
            double d = (Double)current;
            return d == 0 ? 0.5 : d / 2;
        }
        if (t == boolean.class || t == Boolean.class) {
            return !(Boolean)current;
        }
        if (t.isEnum()) {
            Object[] constants = t.getEnumConstants();
            if (constants.length < 2) {
                throw new UnsupportedOperationException(p + ": an enum with one constant cannot be changed");
            }
            int i = current == null ? 0 : ((Enum<?>)current).ordinal();
            return constants[(i + 1) % constants.length];
        }
        if (t == String[].class) {
            String[] a = (String[])current;
            return a == null || a.length == 0 ? new String[]{tag + "_a", tag + "_b"}
                : java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.stream.Stream.of(tag + "_c"))
                    .toArray(String[]::new);
        }
        if (t.isArray() && isGroup(t.getComponentType())) {
            // an array of parameter groups (ArrayWidget): one more element, every field of it changed
            Object[] a = (Object[])current;
            int n = a == null ? 0 : a.length;
            Object[] more = (Object[])java.lang.reflect.Array.newInstance(t.getComponentType(), n + 1);
            if (n > 0) {
                System.arraycopy(a, 0, more, 0, n);
            }
            more[n] = changeEveryField(newInstance(t.getComponentType()));
            return more;
        }
        if (t == ColumnFilter.class) {
            var filter = new ColumnFilter(new String[]{tag + "_a", tag + "_b"});
            return includesUnknownColumns((ColumnFilter)current) ? filter.withExcludeUnknownColumns()
                : filter.withIncludeUnknownColumns();
        }
        throw new UnsupportedOperationException(
            p + ": no 'other value' for settings of type " + t.getName() + " - extend ParameterFields.otherValue");
    }

    /** Sets every field of the parameters to {@link #otherValue} of its current value; returns the parameters. */
    public static <P> P changeEveryField(final P parameters) {
        for (FieldPath f : fields(parameters.getClass())) {
            set(parameters, f, otherValue(f, get(parameters, f)));
        }
        return parameters;
    }

    /** Whether a column filter's manual selection includes columns unknown to it (false for null). */
    public static boolean includesUnknownColumns(final ColumnFilter filter) {
        if (filter == null) {
            return false;
        }
        try {
            Field manual = field(filter.getClass(), "m_manualFilter");
            Object m = manual.get(filter);
            return (Boolean)field(m.getClass(), "m_includeUnknownColumns").get(m);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(final Class<?> c, final String name) throws NoSuchFieldException {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            try {
                Field f = k.getDeclaredField(name);
                f.setAccessible(true); // NOSONAR
                return f;
            } catch (NoSuchFieldException e) { // NOSONAR: try the superclass
            }
        }
        throw new NoSuchFieldException(c.getName() + "." + name);
    }

    private static Object read(final Field f, final Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(final Field f, final Object o, final Object value) {
        try {
            f.set(o, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
