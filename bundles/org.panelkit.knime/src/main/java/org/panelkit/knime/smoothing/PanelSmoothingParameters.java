package org.panelkit.knime.smoothing;

import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.NodeParametersInput;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.updates.Effect;
import org.knime.node.parameters.updates.Effect.EffectType;
import org.knime.node.parameters.updates.EffectPredicate;
import org.knime.node.parameters.updates.EffectPredicateProvider;
import org.knime.node.parameters.updates.ParameterReference;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.widget.choices.ChoicesProvider;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.filter.ColumnFilter;
import org.knime.node.parameters.widget.choices.filter.TwinlistWidget;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveDoubleValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;
import org.panelkit.engine.smooth.SmoothingMethod;
import org.panelkit.knime.node.ColumnChoices;
import org.panelkit.knime.support.ColumnGuess;
import org.panelkit.knime.support.prep.SmoothingOptions;
import org.panelkit.knime.table.KnimeTables;

/** Dialog and settings of the Panel Smoothing node; the settings keys are stable (docs/knime-nodes.md). */
public final class PanelSmoothingParameters implements NodeParameters {

    @Widget(title = "Entity column", description = "The panel unit (string or integer column).")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @ValueReference(ColumnChoices.EntityRef.class)
    @Persist(configKey = "entity_column")
    String m_entity = "";

    @Widget(title = "Time column", description = "The period: a numeric column (years).")
    @ChoicesProvider(ColumnChoices.Periods.class)
    @ValueReference(ColumnChoices.TimeRef.class)
    @Persist(configKey = "time_column")
    String m_time = "";

    @Widget(title = "Columns to smooth", description = "The numeric columns to smooth within each entity (the "
        + "entity and time columns and identifier codes are not offered).")
    @ChoicesProvider(ColumnChoices.PanelValues.class)
    @TwinlistWidget(includedLabel = "Smooth", excludedLabel = "Other numeric columns")
    @Persist(configKey = "columns")
    ColumnFilter m_columns = new ColumnFilter().withExcludeUnknownColumns();

    @Widget(title = "Method", description = "The smoother.")
    @ValueReference(MethodRef.class)
    @Persist(configKey = "method")
    MethodChoice m_method = MethodChoice.MA;

    @Widget(title = "Window", description = "Periods in the moving-average window (odd for the centred average).")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    @Effect(predicate = IsMovingAverage.class, type = EffectType.SHOW)
    @Persist(configKey = "window")
    int m_window = 3;

    @Widget(title = "Allow partial windows", description = "Report the average of a window with missing values or "
        + "at an entity's ends when it has at least the minimum number of observed values; unchecked, the window "
        + "must be complete.")
    @ValueReference(PartialRef.class)
    @Effect(predicate = IsMovingAverage.class, type = EffectType.SHOW)
    @Persist(configKey = "partial_windows")
    boolean m_partial;

    @Widget(title = "Minimum periods", description = "Fewest observed values a partial window needs for the "
        + "average to be reported (1 to the window).")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    @Effect(predicate = IsPartialMovingAverage.class, type = EffectType.SHOW)
    @Persist(configKey = "min_periods")
    int m_minPeriods = 1;

    @Widget(title = "Lambda", description = "Smoothing parameter of the Hodrick-Prescott filter: 100 for annual "
        + "data (6.25 after Ravn and Uhlig 2002), 1600 for quarterly data.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    @Effect(predicate = IsHp.class, type = EffectType.SHOW)
    @Persist(configKey = "lambda")
    double m_lambda = 100;

    /** Defaults. */
    public PanelSmoothingParameters() {
    }

    /** Defaults with entity and time guessed from the connected table. */
    public PanelSmoothingParameters(final NodeParametersInput input) {
        input.getInTableSpec(0).ifPresent(spec -> {
            var schema = KnimeTables.schema(spec);
            m_entity = ColumnGuess.entity(schema).orElse("");
            m_time = ColumnGuess.time(schema).orElse("");
        });
    }

    SmoothingOptions toOptions(final DataTableSpec spec) {
        return new SmoothingOptions(m_entity, m_time,
            List.of(ColumnChoices.selectedNumeric(m_columns, spec, "columns to smooth")),
            SmoothingMethod.valueOf(m_method.name()), m_window, minPeriods(), m_lambda);
    }

    /** What the engine gets: the minimum periods of a partial window, or 0 (the whole window). */
    int minPeriods() {
        return m_partial ? m_minPeriods : 0;
    }

    enum MethodChoice {
            @Label(value = "Centred moving average", description = "mean of the window centred on each period "
                + "(columns *_ma)")
            MA,
            @Label(value = "Trailing moving average", description = "mean of the current and the previous periods "
                + "(columns *_trailing_ma)")
            TRAILING_MA,
            @Label(value = "Hodrick-Prescott", description = "HP trend and cycle (columns *_hp, "
                + "*_cycle)")
            HP
    }

    static final class MethodRef implements ParameterReference<MethodChoice> {
    }

    static final class IsMovingAverage implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(MethodRef.class).isOneOf(MethodChoice.MA, MethodChoice.TRAILING_MA);
        }
    }

    static final class PartialRef implements ParameterReference<Boolean> {
    }

    static final class IsPartialMovingAverage implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return and(i.getPredicate(IsMovingAverage.class), i.getBoolean(PartialRef.class).isTrue());
        }
    }

    static final class IsHp implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(MethodRef.class).isOneOf(MethodChoice.HP);
        }
    }
}
