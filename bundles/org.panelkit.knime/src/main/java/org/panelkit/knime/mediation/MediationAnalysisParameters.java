package org.panelkit.knime.mediation;

import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.NodeParametersInput;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.updates.Effect;
import org.knime.node.parameters.updates.Effect.EffectType;
import org.knime.node.parameters.updates.EffectPredicate;
import org.knime.node.parameters.updates.EffectPredicateProvider;
import org.knime.node.parameters.updates.ParameterReference;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.widget.choices.ChoicesProvider;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.ValueSwitchWidget;
import org.knime.node.parameters.widget.choices.filter.ColumnFilter;
import org.knime.node.parameters.widget.choices.filter.TwinlistWidget;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MaxValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveDoubleValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.mediation.MediationSpec;
import org.panelkit.engine.vcov.Convention;
import org.panelkit.engine.vcov.VcovType;
import org.panelkit.knime.node.ColumnChoices;
import org.panelkit.knime.support.ColumnGuess;
import org.panelkit.knime.support.fe.ClusterBy;
import org.panelkit.knime.support.fe.RegressionOptions;
import org.panelkit.knime.support.mediation.MediationOptions;
import org.panelkit.knime.table.KnimeTables;

/** Dialog and settings of the Mediation Analysis node; the settings keys are stable (docs/knime-nodes.md). */
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
    @Widget(title = "Fixed effects", description = "The fixed effects of every equation.")
    @Persist(configKey = "effects")
    EffectsChoice m_effects = EffectsChoice.TWOWAY;

    @Layout(ModelSection.class)
    @Widget(title = "Standard errors", description = "Clustered standard errors of the equations (the bootstrap "
        + "resamples the same clusters).")
    @ValueSwitchWidget
    @Persist(configKey = "se_type")
    SeTypeChoice m_seType = SeTypeChoice.CLUSTER;

    @Layout(ModelSection.class)
    @Widget(title = "Convention", description = "Small-sample convention of the standard errors.")
    @Persist(configKey = "convention")
    ConventionChoice m_convention = ConventionChoice.XTREG;

    @Layout(ModelSection.class)
    @Widget(title = "Cluster by", description = "The clusters (and bootstrap resampling units).")
    @ValueSwitchWidget
    @ValueReference(ClusterByRef.class)
    @Persist(configKey = "cluster_by")
    ClusterByChoice m_clusterBy = ClusterByChoice.ENTITY;

    @Layout(ModelSection.class)
    @Widget(title = "Cluster column", description = "Cluster by: column.")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @Effect(predicate = ClustersByColumn.class, type = EffectType.SHOW)
    @Persist(configKey = "cluster_column")
    String m_clusterColumn = "";

    @Layout(ModelSection.class)
    @Widget(title = "Confidence level", description = "Level of the bootstrap intervals (0-1).")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class, maxValidation = BelowOne.class)
    @Persist(configKey = "confidence_level")
    double m_level = 0.95;

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
        RegressionOptions model = RegressionOptions.builder().y(m_outcome)
            .regressors(MediationOptions.regressors(m_treatment, mediators, controls)).entity(m_entity).time(m_time)
            .effects(Effects.valueOf(m_effects.name())).seType(VcovType.valueOf(m_seType.name()))
            .convention(Convention.valueOf(m_convention.name())).clusterBy(ClusterBy.valueOf(m_clusterBy.name()))
            .clusterColumn(m_clusterColumn).level(m_level).build();
        return new MediationOptions(m_outcome, m_treatment, mediators, controls, model, m_reps, m_seed);
    }

    enum EffectsChoice {
            @Label(value = "Entity and time", description = "two-way fixed effects (the study's choice)")
            TWOWAY,
            @Label(value = "Entity", description = "entity fixed effects")
            ENTITY,
            @Label(value = "Time", description = "period fixed effects only")
            TIME,
            @Label(value = "None", description = "pooled OLS")
            NONE
    }

    enum SeTypeChoice {
            @Label(value = "Clustered (CR1)", description = "with the convention's small-sample factor")
            CLUSTER,
            @Label(value = "Clustered (CR0)", description = "without small-sample factor")
            CR0
    }

    enum ConventionChoice {
            @Label(value = "Stata xtreg", description = "as xtreg, fe vce(cluster)")
            XTREG,
            @Label(value = "R plm", description = "as plm + sandwich")
            PLM,
            @Label(value = "Stata areg", description = "as areg / reghdfe")
            AREG
    }

    enum ClusterByChoice {
            @Label(value = "Entity", description = "cluster by the entity column")
            ENTITY,
            @Label(value = "Time", description = "cluster by the time column")
            TIME,
            @Label(value = "Column", description = "cluster by another column")
            COLUMNS
    }

    static final class ClusterByRef implements ParameterReference<ClusterByChoice> {
    }

    static final class ClustersByColumn implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(ClusterByRef.class).isOneOf(ClusterByChoice.COLUMNS);
        }
    }

    static final class BelowOne extends MaxValidation {
        @Override
        protected double getMax() {
            return 1;
        }

        @Override
        public boolean isExclusive() {
            return true;
        }
    }
}
