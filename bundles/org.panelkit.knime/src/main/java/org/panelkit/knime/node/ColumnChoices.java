package org.panelkit.knime.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.node.parameters.NodeParametersInput;
import org.knime.node.parameters.updates.ParameterReference;
import org.knime.node.parameters.widget.choices.ColumnChoicesProvider;
import org.knime.node.parameters.widget.choices.filter.ColumnFilter;
import org.panelkit.knime.support.ColumnGuess;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.table.KnimeTables;

/**
 * Column choices of the PanelKit dialogs, by what the engine accepts ({@link ColumnKind}), on the first input. The
 * dropdowns of panel keys offer string and integer columns (what their descriptions promise; the engine still
 * accepts a double key a workflow already names); the lists of value columns leave out the columns chosen for
 * another role (dependent variable, entity, time, ...: bound with {@code @ValueReference} to the references below)
 * and identifier codes (e.g. province_code).
 */
public final class ColumnChoices {
    private ColumnChoices() {
    }

    static List<DataColumnSpec> columns(final NodeParametersInput input, final int port,
        final java.util.function.Predicate<ColumnKind> kinds) {
        return input.getInTableSpec(port).stream().flatMap(DataTableSpec::stream)
            .filter(c -> kinds.test(KnimeTables.kind(c))).toList();
    }

    /**
     * The numeric columns a column filter selects, in table order.
     *
     * @throws IllegalArgumentException naming a selected column that is gone or no longer numeric
     */
    public static String[] selectedNumeric(final ColumnFilter filter, final DataTableSpec spec, final String role) {
        var numeric = spec.stream().filter(c -> KnimeTables.kind(c).isNumeric()).toList();
        String[] missing = filter.getMissingSelected(numeric);
        if (missing.length > 0) {
            throw new IllegalArgumentException("column '" + missing[0] + "' (" + role
                + ") is not a numeric column of the input table: update the " + role);
        }
        return filter.filter(numeric);
    }

    /**
     * The readable columns (numbers, booleans, strings) a column filter selects, in table order.
     *
     * @throws IllegalArgumentException naming a selected column that is gone
     */
    public static String[] selectedReadable(final ColumnFilter filter, final DataTableSpec spec, final String role) {
        var readable = spec.stream().filter(c -> KnimeTables.kind(c) != ColumnKind.OTHER).toList();
        String[] missing = filter.getMissingSelected(readable);
        if (missing.length > 0) {
            throw new IllegalArgumentException("column '" + missing[0] + "' (" + role
                + ") is not in the input table: update the " + role);
        }
        return filter.filter(readable);
    }

    /** Columns of every kind the engine reads (numbers, booleans, strings) of the first input. */
    public static final class Readable implements ColumnChoicesProvider {
        @Override
        public List<DataColumnSpec> columnChoices(final NodeParametersInput input) {
            return columns(input, 0, k -> k != ColumnKind.OTHER);
        }
    }

    /** Numeric columns (double, integer, long, boolean) of the first input. */
    public static final class Numeric implements ColumnChoicesProvider {
        @Override
        public List<DataColumnSpec> columnChoices(final NodeParametersInput input) {
            return columns(input, 0, ColumnKind::isNumeric);
        }
    }

    /** What a key dropdown offers: string and integer (int, long) columns, not doubles. */
    public static boolean isKeyChoice(final ColumnKind kind) {
        return kind == ColumnKind.STRING || kind.isIntegral();
    }

    /** Columns that identify panel units, periods, regions or groups: string and integer columns of the first input. */
    public static final class Keys implements ColumnChoicesProvider {
        @Override
        public List<DataColumnSpec> columnChoices(final NodeParametersInput input) {
            return columns(input, 0, ColumnChoices::isKeyChoice);
        }
    }

    /** String and integer columns of the second input. */
    public static final class KeysOfSecondInput implements ColumnChoicesProvider {
        @Override
        public List<DataColumnSpec> columnChoices(final NodeParametersInput input) {
            return columns(input, 1, ColumnChoices::isKeyChoice);
        }
    }

    /** A numeric period column (years): integer, long or double columns of the first input, not booleans. */
    public static final class Periods implements ColumnChoicesProvider {
        @Override
        public List<DataColumnSpec> columnChoices(final NodeParametersInput input) {
            return columns(input, 0, k -> k.isNumeric() && k != ColumnKind.BOOLEAN);
        }
    }

    /* ------------------------------------------------ references to the fields other choices depend on */

    /** The dependent variable (y, outcome): {@code @ValueReference(ColumnChoices.DependentRef.class)}. */
    public static final class DependentRef implements ParameterReference<String> {
    }

    /** The treatment (Mediation Analysis). */
    public static final class TreatmentRef implements ParameterReference<String> {
    }

    /** The entity (or region) column. */
    public static final class EntityRef implements ParameterReference<String> {
    }

    /** The time column. */
    public static final class TimeRef implements ParameterReference<String> {
    }

    /**
     * Numeric columns of the first input without the columns chosen in the referenced fields and without
     * identifier codes ({@link ColumnGuess#isCode}); recomputed when one of those fields changes.
     */
    abstract static class NumericExcept implements ColumnChoicesProvider {
        private final List<Class<? extends ParameterReference<String>>> m_refs;

        private final List<Supplier<String>> m_values = new ArrayList<>();

        @SafeVarargs
        NumericExcept(final Class<? extends ParameterReference<String>>... refs) {
            m_refs = List.of(refs);
        }

        @Override
        public void init(final StateProviderInitializer initializer) {
            ColumnChoicesProvider.super.init(initializer);
            for (var ref : m_refs) {
                m_values.add(initializer.computeFromValueSupplier(ref));
            }
        }

        @Override
        public List<DataColumnSpec> columnChoices(final NodeParametersInput input) {
            Set<String> taken = new java.util.HashSet<>();
            for (Supplier<String> v : m_values) {
                String name = v.get();
                if (name != null) {
                    taken.add(name);
                }
            }
            return columns(input, 0, ColumnKind::isNumeric).stream()
                .filter(c -> !taken.contains(c.getName()) && !ColumnGuess.isCode(c.getName(), KnimeTables.kind(c)))
                .toList();
        }
    }

    /** Regressors: numeric columns except the dependent variable, entity, time and code columns. */
    public static final class Regressors extends NumericExcept {
        /** Depends on the fields bound to DependentRef, EntityRef and TimeRef. */
        public Regressors() {
            super(DependentRef.class, EntityRef.class, TimeRef.class);
        }
    }

    /** Mediators and controls: numeric columns except outcome, treatment, entity, time and code columns. */
    public static final class Mediators extends NumericExcept {
        /** Depends on the fields bound to DependentRef, TreatmentRef, EntityRef and TimeRef. */
        public Mediators() {
            super(DependentRef.class, TreatmentRef.class, EntityRef.class, TimeRef.class);
        }
    }

    /** Value columns of a panel (to fill, smooth, industries): numeric columns except entity, time and codes. */
    public static final class PanelValues extends NumericExcept {
        /** Depends on the fields bound to EntityRef and TimeRef. */
        public PanelValues() {
            super(EntityRef.class, TimeRef.class);
        }
    }

    /** Numeric columns of the second input. */
    public static final class NumericOfSecondInput implements ColumnChoicesProvider {
        @Override
        public List<DataColumnSpec> columnChoices(final NodeParametersInput input) {
            return columns(input, 1, ColumnKind::isNumeric);
        }
    }
}
