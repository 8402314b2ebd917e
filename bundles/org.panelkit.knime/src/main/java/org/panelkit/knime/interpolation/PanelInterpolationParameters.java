package org.panelkit.knime.interpolation;

import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.NodeParametersInput;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.updates.Effect;
import org.knime.node.parameters.updates.Effect.EffectType;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.updates.util.BooleanReference;
import org.knime.node.parameters.widget.choices.ChoicesProvider;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.ValueSwitchWidget;
import org.knime.node.parameters.widget.choices.filter.ColumnFilter;
import org.knime.node.parameters.widget.choices.filter.TwinlistWidget;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.text.TextInputWidget;
import org.knime.node.parameters.widget.text.TextInputWidgetValidation.PatternValidation.IsNotEmptyValidation;
import org.panelkit.engine.interp.Ends;
import org.panelkit.engine.interp.InterpolationMethod;
import org.panelkit.engine.interp.InterpolationSpec;
import org.panelkit.knime.node.ColumnChoices;
import org.panelkit.knime.support.ColumnGuess;
import org.panelkit.knime.support.prep.InterpolationOptions;
import org.panelkit.knime.table.KnimeTables;

/** Dialog and settings of the Panel Interpolation node; the settings keys are stable (docs/knime-nodes.md). */
public final class PanelInterpolationParameters implements NodeParameters {

    @Widget(title = "Entity column", description = "The panel unit (string or integer column).")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @ValueReference(ColumnChoices.EntityRef.class)
    @Persist(configKey = "entity_column")
    String m_entity = "";

    @Widget(title = "Time column", description = "The period: a numeric column (years). Its values are the x of "
        + "the interpolation, so a missing year widens the interval.")
    @ChoicesProvider(ColumnChoices.Periods.class)
    @ValueReference(ColumnChoices.TimeRef.class)
    @Persist(configKey = "time_column")
    String m_time = "";

    @Widget(title = "Columns to fill", description = "The numeric columns whose missing cells are interpolated "
        + "(the entity and time columns and identifier codes are not offered).")
    @ChoicesProvider(ColumnChoices.PanelValues.class)
    @TwinlistWidget(includedLabel = "Fill", excludedLabel = "Keep as is")
    @Persist(configKey = "columns")
    ColumnFilter m_columns = new ColumnFilter().withExcludeUnknownColumns();

    @Widget(title = "Method", description = "How a missing cell is filled from the observed values of the same "
        + "entity.")
    @Persist(configKey = "method")
    MethodChoice m_method = MethodChoice.LINEAR;

    @Widget(title = "Ends", description = "What happens before an entity's first and after its last observed value; "
        + "by default they stay missing, as with Stata's ipolate (without epolate) and the command line.")
    @ValueSwitchWidget
    @Persist(configKey = "ends")
    EndsChoice m_ends = EndsChoice.NONE;

    @Widget(title = "Limit the gap length", description = "Fill only gaps up to a maximum length (zoo's maxgap); "
        + "unchecked, every gap is filled.")
    @ValueReference(LimitGapRef.class)
    @Persist(configKey = "limit_gap")
    boolean m_limitGap;

    @Widget(title = "Maximum gap", description = "Longest gap (in periods) that is filled when the gap length is "
        + "limited; longer gaps stay missing entirely, as zoo's maxgap (0: no gap is filled).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    @Effect(predicate = LimitGapRef.class, type = EffectType.SHOW)
    @Persist(configKey = "max_gap")
    int m_maxGap = 2;

    @Widget(title = "Complete the time grid", description = "Insert a row for every (entity, period) pair the panel "
        + "lacks, so that it becomes balanced over all periods; the output is then sorted by entity and time.")
    @Persist(configKey = "complete_grid")
    boolean m_complete;

    @Widget(title = "Add imputation flags", description = "Append a boolean column per filled column, true where "
        + "the value was imputed.")
    @ValueReference(FlagsRef.class)
    @Persist(configKey = "add_flags")
    boolean m_flags = true;

    @Widget(title = "Flag suffix", description = "Suffix of the flag columns' names (column name + suffix).")
    @TextInputWidget(minLengthValidation = IsNotEmptyValidation.class)
    @Effect(predicate = FlagsRef.class, type = EffectType.SHOW)
    @Persist(configKey = "flag_suffix")
    String m_flagSuffix = InterpolationOptions.DEFAULT_FLAG_SUFFIX;

    /** Defaults. */
    public PanelInterpolationParameters() {
    }

    /** Defaults with entity and time guessed from the connected table. */
    public PanelInterpolationParameters(final NodeParametersInput input) {
        input.getInTableSpec(0).ifPresent(spec -> {
            var schema = KnimeTables.schema(spec);
            m_entity = ColumnGuess.entity(schema).orElse("");
            m_time = ColumnGuess.time(schema).orElse("");
        });
    }

    InterpolationOptions toOptions(final DataTableSpec spec) {
        return new InterpolationOptions(m_entity, m_time, List.of(ColumnChoices.selectedNumeric(m_columns, spec,
            "columns to fill")), InterpolationMethod.valueOf(m_method.name()), Ends.valueOf(m_ends.name()), maxGap(),
            m_complete, m_flags, m_flagSuffix);
    }

    /** What the engine gets: the maximum gap, or -1 (no limit) when the gap length is not limited. */
    int maxGap() {
        return m_limitGap ? m_maxGap : InterpolationSpec.NO_LIMIT;
    }

    enum MethodChoice {
            @Label(value = "Linear", description = "straight line between the two observed neighbours (R approx, "
                + "zoo::na.approx)")
            LINEAR,
            @Label(value = "Natural spline", description = "natural cubic spline through the entity's observations")
            SPLINE,
            @Label(value = "Monotone (pchip)", description = "piecewise cubic Hermite, no overshoot")
            PCHIP,
            @Label(value = "Log-linear", description = "linear in logs (constant growth rate); positive values only")
            LOGLINEAR,
            @Label(value = "Last observation carried forward", description = "LOCF (zoo::na.locf)")
            LOCF,
            @Label(value = "Next observation carried backward", description = "NOCB")
            NOCB,
            @Label(value = "Nearest", description = "the observed value nearest in time (ties: the earlier)")
            NEAREST
    }

    enum EndsChoice {
            @Label(value = "Leave missing", description = "leading and trailing gaps stay missing")
            NONE,
            @Label(value = "Constant", description = "the nearest observed value")
            CONSTANT,
            @Label(value = "Extrapolate", description = "continue the method's own curve")
            EXTRAPOLATE
    }

    static final class FlagsRef implements BooleanReference {
    }

    static final class LimitGapRef implements BooleanReference {
    }
}
