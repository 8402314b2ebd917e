package org.panelkit.knime.mediation;

import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.webui.node.dialog.defaultdialog.widget.Modification;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.NodeParametersInput;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.array.ArrayWidget;
import org.knime.node.parameters.migration.Migrate;
import org.knime.node.parameters.updates.Effect;
import org.knime.node.parameters.updates.Effect.EffectType;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.widget.choices.ChoicesProvider;
import org.knime.node.parameters.widget.choices.filter.ColumnFilter;
import org.knime.node.parameters.widget.choices.filter.TwinlistWidget;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.panelkit.engine.mediation.MediationSpec;
import org.panelkit.knime.node.ColumnChoices;
import org.panelkit.knime.node.FixedEffectTermParameters;
import org.panelkit.knime.node.ModelOptionsParameters;
import org.panelkit.knime.node.WeightsAndTerms;
import org.panelkit.knime.support.ColumnGuess;
import org.panelkit.knime.support.fe.RegressionOptions;
import org.panelkit.knime.support.mediation.MediationOptions;
import org.panelkit.knime.table.KnimeTables;

/**
 * Dialog and settings of the Mediation Analysis node (settings keys in docs/knime-nodes.md; the model options are the
 * shared group {@link ModelOptionsParameters}, narrowed by {@link MediationModel}; additional fixed effects and
 * analytic weights as in the Panel Regression node, {@link WeightsAndTerms}, added later: settings saved without them
 * load unweighted, with no additional terms).
 */
@SuppressWarnings("restriction") // Modification is exported x-internal by org.knime.core.ui (5.7 - 5.11)
public final class MediationAnalysisParameters implements NodeParameters {

    @Section(title = "Variables")
    interface VariablesSection {
    }

    @Section(title = "Model")
    @After(VariablesSection.class)
    interface ModelSection {
    }

    @Section(title = "Bootstrap")
    @After(ModelSection.class)
    interface BootstrapSection {
    }

    @Layout(VariablesSection.class)
    @Widget(title = "Outcome (y)", description = "The numeric outcome.")
    @ChoicesProvider(ColumnChoices.Numeric.class)
    @ValueReference(ColumnChoices.DependentRef.class)
    @Persist(configKey = "outcome_column")
    String m_outcome = "";

    @Layout(VariablesSection.class)
    @Widget(title = "Treatment (x)", description = "The numeric explanatory variable whose effect is decomposed.")
    @ChoicesProvider(ColumnChoices.Numeric.class)
    @ValueReference(ColumnChoices.TreatmentRef.class)
    @Persist(configKey = "treatment_column")
    String m_treatment = "";

    @Layout(VariablesSection.class)
    @Widget(title = "Mediators", description = "The channels M, each analysed on its own.")
    @ChoicesProvider(ColumnChoices.Mediators.class)
    @TwinlistWidget(includedLabel = "Mediators", excludedLabel = "Other numeric columns")
    @Persist(configKey = "mediator_columns")
    ColumnFilter m_mediators = new ColumnFilter().withExcludeUnknownColumns();

    @Layout(VariablesSection.class)
    @Widget(title = "Controls", description = "Control variables in every equation.")
    @ChoicesProvider(ColumnChoices.Mediators.class)
    @TwinlistWidget(includedLabel = "Controls", excludedLabel = "Other numeric columns")
    @Persist(configKey = "control_columns")
    ColumnFilter m_controls = new ColumnFilter().withExcludeUnknownColumns();

    @Layout(ModelSection.class)
    @Widget(title = "Entity column", description = "The panel unit (string or integer column).")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @ValueReference(ColumnChoices.EntityRef.class)
    @Persist(configKey = "entity_column")
    String m_entity = "";

    @Layout(ModelSection.class)
    @Widget(title = "Time column", description = "The period (integer or string column).")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @ValueReference(ColumnChoices.TimeRef.class)
    @Persist(configKey = "time_column")
    String m_time = "";

    @Layout(ModelSection.class)
    @Persist(configKey = ModelOptionsParameters.KEY)
    @Modification(MediationModel.class)
    ModelOptionsParameters m_model = new ModelOptionsParameters();

    @Layout(ModelSection.class)
    @Widget(title = WeightsAndTerms.ADDITIONAL_FE_TITLE, description = WeightsAndTerms.ADDITIONAL_FE_DESCRIPTION
        + " Absorbed in each of the three equations; with additional terms the bootstrap re-fits equations (2) and "
        + "(3) on each resample.")
    @ArrayWidget(elementTitle = "Term", addButtonText = "Add fixed effect", showSortButtons = false)
    @Migrate(loadDefaultIfAbsent = true)
    @Persist(configKey = WeightsAndTerms.KEY_ADDITIONAL_FE)
    FixedEffectTermParameters[] m_additionalFixedEffects = new FixedEffectTermParameters[0];

    @Layout(ModelSection.class)
    @Widget(title = WeightsAndTerms.WEIGHTED_TITLE, description = WeightsAndTerms.WEIGHTED_DESCRIPTION
        + " All three equations and the bootstrap re-fits are weighted.")
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

    @Layout(BootstrapSection.class)
    @Widget(title = "Bootstrap replications", description = "Cluster-bootstrap replications (0 = none; else "
        + "99-1,000,000).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    @Persist(configKey = "bootstrap_replications")
    int m_reps = MediationSpec.DEFAULT_REPS;

    @Layout(BootstrapSection.class)
    @Widget(title = "Seed", description = "Seed of the random draws: the same seed gives the same intervals.")
    @Persist(configKey = "seed")
    long m_seed = MediationSpec.DEFAULT_SEED;

    /** Defaults. */
    public MediationAnalysisParameters() {
    }

    /** Defaults with entity and time guessed from the connected table. */
    public MediationAnalysisParameters(final NodeParametersInput input) {
        input.getInTableSpec(0).ifPresent(spec -> {
            var schema = KnimeTables.schema(spec);
            m_entity = ColumnGuess.entity(schema).orElse("");
            m_time = ColumnGuess.time(schema).orElse("");
        });
    }

    MediationOptions toOptions(final DataTableSpec spec) {
        List<String> mediators = List.of(ColumnChoices.selectedNumeric(m_mediators, spec, "mediators"));
        List<String> controls = List.of(ColumnChoices.selectedNumeric(m_controls, spec, "controls"));
        RegressionOptions model = m_model.applyTo(RegressionOptions.builder().y(m_outcome)
            .regressors(MediationOptions.regressors(m_treatment, mediators, controls)).entity(m_entity).time(m_time)
            .additionalFixedEffects(WeightsAndTerms.terms(m_additionalFixedEffects))
            .weights(WeightsAndTerms.weightColumn(m_weighted, m_weightColumn))).build();
        return new MediationOptions(m_outcome, m_treatment, mediators, controls, model, m_reps, m_seed);
    }

    @Override
    public void validate() throws InvalidSettingsException {
        m_model.validate();
    }

    /**
     * The mediation analysis offers clustered standard errors only (CR1, CR0: the cluster bootstrap resamples the
     * clusters) in one dimension; the confidence level is that of the bootstrap intervals.
     */
    static final class MediationModel extends ModelOptionsParameters.ChoicesModifier {
        @Override
        public void modify(final Modification.WidgetGroupModifier group) {
            seChoices(group, ModelOptionsParameters.ClusteredSeChoices.class, "Clustered standard errors of the "
                + "equations, with (CR1) or without (CR0) the small-sample factor (the bootstrap resamples the same "
                + "clusters; the mediation analysis offers these two).");
            oneWayClusters(group, "The clusters (and bootstrap resampling units): the entity, the time or one "
                + "column.");
            describe(group, ModelOptionsParameters.EffectsRef.class, "The fixed effects of every equation.");
            describe(group, ModelOptionsParameters.ConventionRef.class, "Small-sample convention of the standard "
                + "errors.");
            describe(group, ModelOptionsParameters.LevelRef.class, "Level of the bootstrap intervals (0-1).");
        }
    }
}
