package org.panelkit.knime.compare;

import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.webui.node.dialog.defaultdialog.widget.Modification;
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
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.filter.ColumnFilter;
import org.knime.node.parameters.widget.choices.filter.TwinlistWidget;
import org.panelkit.knime.node.ColumnChoices;
import org.panelkit.knime.node.FixedEffectTermParameters;
import org.panelkit.knime.node.ModelOptionsParameters;
import org.panelkit.knime.node.WeightsAndTerms;
import org.panelkit.knime.support.ColumnGuess;
import org.panelkit.knime.support.compare.DifferenceTestOptions;
import org.panelkit.knime.support.fe.RegressionOptions;
import org.panelkit.knime.support.split.SplitOptions;
import org.panelkit.knime.table.KnimeTables;

/**
 * Dialog and settings of the Coefficient Difference Test node (settings keys in docs/knime-nodes.md; the model options
 * are the shared group {@link ModelOptionsParameters}, narrowed by {@link DifferenceTestModel}; additional fixed effects
 * and analytic weights as in the Panel Regression node, {@link WeightsAndTerms}, added later: settings saved without
 * them load unweighted, with no additional terms).
 */
@SuppressWarnings("restriction") // Modification is exported x-internal by org.knime.core.ui (5.7 - 5.11)
public final class CoefficientDifferenceTestParameters implements NodeParameters {

    @Section(title = "Model")
    interface ModelSection {
    }

    @Section(title = "Subsamples")
    @After(ModelSection.class)
    interface SplitSection {
    }

    @Layout(ModelSection.class)
    @Widget(title = "Dependent variable (y)", description = "The numeric column to explain.")
    @ChoicesProvider(ColumnChoices.Numeric.class)
    @ValueReference(ColumnChoices.DependentRef.class)
    @Persist(configKey = "y_column")
    String m_y = "";

    @Layout(ModelSection.class)
    @Widget(title = "Regressors", description = "The numeric explanatory columns; each is compared across the "
        + "subsamples where it is estimated in all of them.")
    @ChoicesProvider(ColumnChoices.Regressors.class)
    @TwinlistWidget(includedLabel = "Regressors", excludedLabel = "Other numeric columns")
    @Persist(configKey = "regressors")
    ColumnFilter m_regressors = new ColumnFilter().withExcludeUnknownColumns();

    @Layout(ModelSection.class)
    @Widget(title = "Entity column", description = "The panel unit (string or integer column).")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @ValueReference(ColumnChoices.EntityRef.class)
    @Persist(configKey = "entity_column")
    String m_entity = "";

    @Layout(ModelSection.class)
    @Widget(title = "Time column", description = "The period (integer or string column; numeric for a break year).")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @ValueReference(ColumnChoices.TimeRef.class)
    @Persist(configKey = "time_column")
    String m_time = "";

    @Layout(ModelSection.class)
    @Persist(configKey = ModelOptionsParameters.KEY)
    @Modification(DifferenceTestModel.class)
    ModelOptionsParameters m_model = new ModelOptionsParameters();

    @Layout(ModelSection.class)
    @Widget(title = WeightsAndTerms.ADDITIONAL_FE_TITLE, description = WeightsAndTerms.ADDITIONAL_FE_DESCRIPTION
        + " In the pooled model every term is interacted with the subsample, as the entity and time effects are.")
    @ArrayWidget(elementTitle = "Term", addButtonText = "Add fixed effect", showSortButtons = false)
    @Migrate(loadDefaultIfAbsent = true)
    @Persist(configKey = WeightsAndTerms.KEY_ADDITIONAL_FE)
    FixedEffectTermParameters[] m_additionalFixedEffects =
        new FixedEffectTermParameters[0];

    @Layout(ModelSection.class)
    @Widget(title = WeightsAndTerms.WEIGHTED_TITLE, description = WeightsAndTerms.WEIGHTED_DESCRIPTION
        + " The separate fits and the pooled model are weighted; the stacked scores of SUEST are the weighted ones.")
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

    @Layout(SplitSection.class)
    @Widget(title = "Split by", description = "How rows are assigned to subsamples (as in the Panel Subsample "
        + "Splitter).")
    @ValueReference(SplitRef.class)
    @Persist(configKey = "split_by")
    SplitChoice m_split = SplitChoice.BREAK_YEAR;

    @Layout(SplitSection.class)
    @Widget(title = "Break year", description = "Rows with time < break year are 'before', the others 'after'.")
    @Effect(predicate = IsBreak.class, type = EffectType.SHOW)
    @Persist(configKey = "break_year")
    int m_breakYear = 2017;

    @Layout(SplitSection.class)
    @Widget(title = "Column to split by", description = "One subsample per distinct value.")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @Effect(predicate = IsColumn.class, type = EffectType.SHOW)
    @Persist(configKey = "source_column")
    String m_source = "";

    @Layout(SplitSection.class)
    @Widget(title = "Mapping: entity column", description = "Mapping table (second input): the entity column.")
    @ChoicesProvider(ColumnChoices.KeysOfSecondInput.class)
    @Effect(predicate = IsMapping.class, type = EffectType.SHOW)
    @Persist(configKey = "mapping_entity_column")
    String m_mappingEntity = "";

    @Layout(SplitSection.class)
    @Widget(title = "Mapping: group column", description = "Mapping table (second input): the group of the entity.")
    @ChoicesProvider(ColumnChoices.KeysOfSecondInput.class)
    @Effect(predicate = IsMapping.class, type = EffectType.SHOW)
    @Persist(configKey = "mapping_group_column")
    String m_mappingGroup = "";

    /** Defaults. */
    public CoefficientDifferenceTestParameters() {
    }

    /** Defaults with entity and time guessed from the connected table. */
    public CoefficientDifferenceTestParameters(final NodeParametersInput input) {
        input.getInTableSpec(0).ifPresent(spec -> {
            var schema = KnimeTables.schema(spec);
            m_entity = ColumnGuess.entity(schema).orElse("");
            m_time = ColumnGuess.time(schema).orElse("");
        });
    }

    DifferenceTestOptions toOptions(final DataTableSpec spec) {
        RegressionOptions model = m_model.applyTo(RegressionOptions.builder().y(m_y)
            .regressors(List.of(ColumnChoices.selectedNumeric(m_regressors, spec, "regressors"))).entity(m_entity)
            .time(m_time).additionalFixedEffects(WeightsAndTerms.terms(m_additionalFixedEffects))
            .weights(WeightsAndTerms.weightColumn(m_weighted, m_weightColumn))).build();
        SplitOptions split = new SplitOptions(SplitOptions.Method.valueOf(m_split.name()), m_entity, m_time,
            m_breakYear, m_source, SplitOptions.DEFAULT_GROUP_COLUMN, m_mappingEntity, m_mappingGroup);
        return new DifferenceTestOptions(model, split);
    }

    enum SplitChoice {
            @Label(value = "Break year", description = "before / from the break year")
            BREAK_YEAR,
            @Label(value = "NBS three regions", description = "East, Central, West")
            REGION_NBS3,
            @Label(value = "NBS four regions", description = "East, Central, West, Northeast")
            REGION_NBS4,
            @Label(value = "Mapping table", description = "entity → group from the second input")
            MAPPING,
            @Label(value = "Column", description = "one subsample per distinct value of a column")
            COLUMN
    }

    static final class SplitRef implements ParameterReference<SplitChoice> {
    }

    static final class IsBreak implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(SplitRef.class).isOneOf(SplitChoice.BREAK_YEAR);
        }
    }

    static final class IsColumn implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(SplitRef.class).isOneOf(SplitChoice.COLUMN);
        }
    }

    static final class IsMapping implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(SplitRef.class).isOneOf(SplitChoice.MAPPING);
        }
    }

    @Override
    public void validate() throws org.knime.core.node.InvalidSettingsException {
        m_model.validate();
    }

    /**
     * The difference test offers one-way clustered (CR1, CR0) or heteroskedasticity-robust (HC1, HC0) standard
     * errors and one cluster dimension; it reports no confidence intervals, so the confidence level is not shown.
     */
    static final class DifferenceTestModel extends ModelOptionsParameters.ChoicesModifier {
        @Override
        public void modify(final Modification.WidgetGroupModifier group) {
            seChoices(group, ModelOptionsParameters.OneWaySeChoices.class, "Clustered (CR1, CR0) or "
                + "heteroskedasticity-robust (HC1, HC0) standard errors of the pooled model and the separate fits "
                + "(the difference test offers these four).");
            oneWayClusters(group, "The cluster dimension of clustered standard errors (one dimension: the entity, "
                + "the time or one column).");
            describe(group, ModelOptionsParameters.EffectsRef.class, "The fixed effects of the model (interacted "
                + "with the subsample in the pooled model).");
            describe(group, ModelOptionsParameters.ConventionRef.class, "Small-sample convention of the standard "
                + "errors.");
            group.find(ModelOptionsParameters.LevelRef.class).removeAnnotation(Widget.class);
        }
    }
}
