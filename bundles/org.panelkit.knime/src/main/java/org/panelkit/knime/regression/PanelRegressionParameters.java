package org.panelkit.knime.regression;

import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.NodeParametersInput;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.array.ArrayWidget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.migration.Migrate;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.updates.Effect;
import org.knime.node.parameters.updates.Effect.EffectType;
import org.knime.node.parameters.updates.EffectPredicate;
import org.knime.node.parameters.updates.EffectPredicateProvider;
import org.knime.node.parameters.updates.ParameterReference;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.widget.choices.ChoicesProvider;
import org.knime.node.parameters.widget.choices.filter.ColumnFilter;
import org.knime.node.parameters.widget.choices.filter.TwinlistWidget;
import org.knime.node.parameters.widget.text.TextInputWidget;
import org.knime.node.parameters.widget.text.TextInputWidgetValidation.PatternValidation.IsNotEmptyValidation;
import org.panelkit.knime.node.ColumnChoices;
import org.panelkit.knime.node.FixedEffectTermParameters;
import org.panelkit.knime.node.ModelOptionsParameters;
import org.panelkit.knime.node.WeightsAndTerms;
import org.panelkit.knime.support.ColumnGuess;
import org.panelkit.knime.support.fe.RegressionOptions;
import org.panelkit.knime.table.KnimeTables;

/**
 * Dialog and settings of the Panel Regression (Fixed Effects) node. The settings keys ({@code @Persist}) are part
 * of saved workflows and of flow-variable overrides; the model options are the group {@link ModelOptionsParameters},
 * shared with the difference test and the mediation analysis, under model_options/. Defaults are the study's:
 * two-way fixed effects, standard errors clustered by entity, Stata xtreg conventions, 95% intervals, singletons kept,
 * unweighted, no additional fixed effects. The settings added later (weighted, weight_column,
 * additional_fixed_effects) load their defaults from settings saved without them ({@code @Migrate}).
 */
public final class PanelRegressionParameters implements NodeParameters {

    /** Settings keys (documented in docs/knime-nodes.md). */
    static final String KEY_Y = "y_column", KEY_X = "regressors", KEY_ENTITY = "entity_column",
            KEY_TIME = "time_column", KEY_CONSTANT = "constant", KEY_SINGLETONS = "drop_singletons",
            KEY_RESIDUAL = "residual_column", KEY_FITTED = "fitted_column", KEY_APPEND_RESIDUALS = "append_residuals";

    @Section(title = "Model")
    interface ModelSection {
    }

    @Section(title = "Fixed effects and standard errors")
    @After(ModelSection.class)
    interface StandardErrorSection {
    }

    @Section(title = "Sample and output")
    @After(StandardErrorSection.class)
    interface OutputSection {
    }

    /* ---------------------------------------------------------------- model */

    @Layout(ModelSection.class)
    @Widget(title = "Dependent variable (y)", description = "The numeric column to explain.")
    @ChoicesProvider(ColumnChoices.Numeric.class)
    @ValueReference(ColumnChoices.DependentRef.class)
    @Persist(configKey = KEY_Y)
    String m_y = "";

    @Layout(ModelSection.class)
    @Widget(title = "Regressors", description = "The numeric explanatory columns (booleans count as 0/1). A "
        + "regressor that does not vary within the fixed effects, or is collinear with the others, is dropped and "
        + "named in the node's warning.")
    @ChoicesProvider(ColumnChoices.Regressors.class)
    @TwinlistWidget(includedLabel = "Regressors", excludedLabel = "Other numeric columns")
    @Persist(configKey = KEY_X)
    ColumnFilter m_regressors = new ColumnFilter().withExcludeUnknownColumns();

    @Layout(ModelSection.class)
    @Widget(title = "Entity column", description = "The panel unit (province, state, firm): string or integer "
        + "column. Needed for entity fixed effects and for clustering by entity.")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @ValueReference(ColumnChoices.EntityRef.class)
    @Persist(configKey = KEY_ENTITY)
    String m_entity = "";

    @Layout(ModelSection.class)
    @Widget(title = "Time column", description = "The period (year): integer or string column. Needed for time "
        + "fixed effects, Driscoll-Kraay standard errors and clustering by time. Periods are ordered numerically "
        + "when every value is a number.")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @ValueReference(ColumnChoices.TimeRef.class)
    @Persist(configKey = KEY_TIME)
    String m_time = "";

    @Layout(ModelSection.class)
    @Widget(title = "Intercept", description = "Pooled OLS only (fixed effects None): estimate an intercept (the "
        + "fixed-effects models always report Stata's constant _cons).")
    @Effect(predicate = ModelOptionsParameters.IsPooled.class, type = EffectType.SHOW)
    @Persist(configKey = KEY_CONSTANT)
    boolean m_constant = true;

    @Layout(ModelSection.class)
    @Widget(title = WeightsAndTerms.WEIGHTED_TITLE, description = WeightsAndTerms.WEIGHTED_DESCRIPTION)
    @ValueReference(WeightsAndTerms.WeightedRef.class)
    @Migrate(loadDefaultIfAbsent = true)
    @Persist(configKey = WeightsAndTerms.KEY_WEIGHTED)
    boolean m_weighted;

    @Layout(ModelSection.class)
    @Widget(title = WeightsAndTerms.WEIGHT_COLUMN_TITLE, description = WeightsAndTerms.WEIGHT_COLUMN_DESCRIPTION)
    @ChoicesProvider(ColumnChoices.Numeric.class)
    @Effect(predicate = WeightsAndTerms.IsWeighted.class, type = EffectType.SHOW)
    @Migrate(loadDefaultIfAbsent = true)
    @Persist(configKey = WeightsAndTerms.KEY_WEIGHTS)
    String m_weightColumn = "";

    /* ------------------------------------------ fixed effects and standard errors */

    @Layout(StandardErrorSection.class)
    @Persist(configKey = ModelOptionsParameters.KEY)
    ModelOptionsParameters m_model = new ModelOptionsParameters();

    @Layout(StandardErrorSection.class)
    @Widget(title = WeightsAndTerms.ADDITIONAL_FE_TITLE, description = WeightsAndTerms.ADDITIONAL_FE_DESCRIPTION)
    @ArrayWidget(elementTitle = "Term", addButtonText = "Add fixed effect", showSortButtons = false)
    @Migrate(loadDefaultIfAbsent = true)
    @Persist(configKey = WeightsAndTerms.KEY_ADDITIONAL_FE)
    FixedEffectTermParameters[] m_additionalFixedEffects =
        new FixedEffectTermParameters[0];

    /* -------------------------------------------------- sample and output */

    @Layout(OutputSection.class)
    @Widget(title = "Drop singletons", description = "Drop singleton groups iteratively before estimating, as "
        + "reghdfe does (they carry no information with fixed effects but change the degrees of freedom). Off, "
        + "as Stata's xtreg.")
    @Persist(configKey = KEY_SINGLETONS)
    boolean m_dropSingletons;

    @Layout(OutputSection.class)
    @Widget(title = "Append residuals and fitted values", description = "Append each row's residual and fitted "
        + "value to the input table (third output). Off (the default) the third output is inactive: the node then "
        + "reads the input once and writes nothing per row, which on a large panel is most of its time and memory "
        + "(rows outside the estimation sample get missing values when on).")
    @ValueReference(AppendResidualsRef.class)
    @Persist(configKey = KEY_APPEND_RESIDUALS)
    boolean m_appendResiduals;

    @Layout(OutputSection.class)
    @Widget(title = "Residual column", description = "Name of the residual column appended to the input.")
    @TextInputWidget(minLengthValidation = IsNotEmptyValidation.class)
    @Effect(predicate = AppendsResiduals.class, type = EffectType.SHOW)
    @Persist(configKey = KEY_RESIDUAL)
    String m_residualColumn = RegressionOptions.DEFAULT_RESIDUAL_COLUMN;

    @Layout(OutputSection.class)
    @Widget(title = "Fitted value column", description = "Name of the fitted-value column appended to the input.")
    @TextInputWidget(minLengthValidation = IsNotEmptyValidation.class)
    @Effect(predicate = AppendsResiduals.class, type = EffectType.SHOW)
    @Persist(configKey = KEY_FITTED)
    String m_fittedColumn = RegressionOptions.DEFAULT_FITTED_COLUMN;

    /** Defaults. */
    public PanelRegressionParameters() {
    }

    /** Defaults with entity, time and y guessed from the connected table. */
    public PanelRegressionParameters(final NodeParametersInput input) {
        input.getInTableSpec(0).ifPresent(spec -> {
            var schema = KnimeTables.schema(spec);
            m_entity = ColumnGuess.entity(schema).orElse("");
            m_time = ColumnGuess.time(schema).orElse("");
            m_y = ColumnGuess.firstNumeric(schema).orElse("");
        });
    }

    /**
     * The KNIME-free options for the given input spec.
     *
     * @throws IllegalArgumentException when selected regressors are not (numeric) columns of the input
     */
    RegressionOptions toOptions(final DataTableSpec spec) {
        RegressionOptions.Builder b = RegressionOptions.builder().y(m_y)
            .regressors(List.of(ColumnChoices.selectedNumeric(m_regressors, spec, "regressors"))).entity(m_entity)
            .time(m_time).constant(m_constant).dropSingletons(m_dropSingletons).appendResiduals(m_appendResiduals)
            .residualColumn(m_residualColumn).fittedColumn(m_fittedColumn).additionalFixedEffects(WeightsAndTerms.terms(m_additionalFixedEffects))
            .weights(WeightsAndTerms.weightColumn(m_weighted, m_weightColumn));
        return m_model.applyTo(b).build();
    }

    /* ------------------------------------------------------- effects on widgets */

    static final class AppendResidualsRef implements ParameterReference<Boolean> {
    }

    static final class AppendsResiduals implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getBoolean(AppendResidualsRef.class).isTrue();
        }
    }

    @Override
    public void validate() throws InvalidSettingsException {
        m_model.validate();
    }
}
