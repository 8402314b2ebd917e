package org.panelkit.knime.regression;

import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
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
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveDoubleValidation;
import org.knime.node.parameters.widget.text.TextInputWidget;
import org.knime.node.parameters.widget.text.TextInputWidgetValidation.PatternValidation.IsNotEmptyValidation;
import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.vcov.Convention;
import org.panelkit.engine.vcov.VcovType;
import org.panelkit.knime.node.ColumnChoices;
import org.panelkit.knime.support.ColumnGuess;
import org.panelkit.knime.support.fe.ClusterBy;
import org.panelkit.knime.support.fe.RegressionOptions;
import org.panelkit.knime.table.KnimeTables;

/**
 * Dialog and settings of the Panel Regression (Fixed Effects) node. The settings keys ({@code @Persist}) are part
 * of saved workflows and of flow-variable overrides: never change them. Defaults are the study's: two-way fixed
 * effects, standard errors clustered by entity, Stata xtreg conventions, 95% intervals, singletons kept.
 */
public final class PanelRegressionParameters implements NodeParameters {

    /** Settings keys (documented in docs/knime-nodes.md). */
    static final String KEY_Y = "y_column", KEY_X = "regressors", KEY_ENTITY = "entity_column",
            KEY_TIME = "time_column", KEY_EFFECTS = "effects", KEY_CONSTANT = "constant", KEY_SE = "se_type",
            KEY_CONVENTION = "convention", KEY_CLUSTER_BY = "cluster_by", KEY_CLUSTER = "cluster_column",
            KEY_CLUSTER2 = "second_cluster_column", KEY_DK_LAG = "dk_lag", KEY_LEVEL = "confidence_level",
            KEY_SINGLETONS = "drop_singletons", KEY_RESIDUAL = "residual_column", KEY_FITTED = "fitted_column",
            KEY_APPEND_RESIDUALS = "append_residuals";

    @Section(title = "Model")
    interface ModelSection {
    }

    @Section(title = "Standard errors")
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
    @Widget(title = "Fixed effects", description = "Which fixed effects are absorbed.")
    @ValueSwitchWidget
    @ValueReference(EffectsRef.class)
    @Persist(configKey = KEY_EFFECTS)
    EffectsChoice m_effects = EffectsChoice.TWOWAY;

    @Layout(ModelSection.class)
    @Widget(title = "Intercept", description = "Pooled OLS only: estimate an intercept (the fixed-effects models "
        + "always report Stata's constant _cons).")
    @Effect(predicate = IsPooled.class, type = EffectType.SHOW)
    @Persist(configKey = KEY_CONSTANT)
    boolean m_constant = true;

    /* ------------------------------------------------------ standard errors */

    @Layout(StandardErrorSection.class)
    @Widget(title = "Standard errors", description = "The variance estimator of the coefficients.")
    @ValueReference(SeTypeRef.class)
    @Persist(configKey = KEY_SE)
    SeTypeChoice m_seType = SeTypeChoice.CLUSTER;

    @Layout(StandardErrorSection.class)
    @Widget(title = "Convention", description = "Whose small-sample factor and t-test degrees of freedom to "
        + "reproduce.")
    @ValueSwitchWidget
    @Persist(configKey = KEY_CONVENTION)
    ConventionChoice m_convention = ConventionChoice.XTREG;

    @Layout(StandardErrorSection.class)
    @Widget(title = "Cluster by", description = "What the clustered standard errors cluster by (one-way: one "
        + "dimension; two-way clustering: two). With two-way clustered standard errors, Entity or Time means the "
        + "panel's two keys, entity and time (so that setting only the standard errors, e.g. the se_type flow "
        + "variable to TWOWAY, works).")
    @Effect(predicate = IsClustered.class, type = EffectType.SHOW)
    @ValueReference(ClusterByRef.class)
    @Persist(configKey = KEY_CLUSTER_BY)
    ClusterByChoice m_clusterBy = ClusterByChoice.ENTITY;

    @Layout(StandardErrorSection.class)
    @Widget(title = "Cluster column", description = "The column to cluster by when 'Cluster by' is 'Columns' "
        + "(e.g. a region column coarser than the entity).")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @Effect(predicate = ClustersByColumns.class, type = EffectType.SHOW)
    @Persist(configKey = KEY_CLUSTER)
    String m_clusterColumn = "";

    @Layout(StandardErrorSection.class)
    @Widget(title = "Second cluster column", description = "Two-way clustering by columns: the second dimension.")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @Effect(predicate = TwoWayByColumns.class, type = EffectType.SHOW)
    @Persist(configKey = KEY_CLUSTER2)
    String m_secondClusterColumn = "";

    @Layout(StandardErrorSection.class)
    @Widget(title = "Driscoll-Kraay lag", description = "Bartlett kernel lag of the Driscoll-Kraay estimator; "
        + "-1 chooses floor(max T_i^(1/4)) as plm's vcovSCC.")
    @NumberInputWidget(minValidation = AtLeastMinusOne.class)
    @Effect(predicate = IsDriscollKraay.class, type = EffectType.SHOW)
    @Persist(configKey = KEY_DK_LAG)
    int m_dkLag = -1;

    @Layout(StandardErrorSection.class)
    @Widget(title = "Confidence level", description = "Level of the confidence intervals conf_low / conf_high, "
        + "between 0 and 1.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class, maxValidation = BelowOne.class)
    @Persist(configKey = KEY_LEVEL)
    double m_level = 0.95;

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
        return RegressionOptions.builder().y(m_y)
            .regressors(List.of(ColumnChoices.selectedNumeric(m_regressors, spec, "regressors"))).entity(m_entity)
            .time(m_time).effects(m_effects.engine()).constant(m_constant).seType(m_seType.engine())
            .convention(m_convention.engine()).clusterBy(m_clusterBy.engine()).clusterColumn(m_clusterColumn)
            .secondClusterColumn(m_secondClusterColumn).dkLag(m_dkLag).level(m_level)
            .dropSingletons(m_dropSingletons).appendResiduals(m_appendResiduals).residualColumn(m_residualColumn).fittedColumn(m_fittedColumn).build();
    }

    /* ---------------------------------------------------------------- choices */

    enum EffectsChoice {
            @Label(value = "Entity and time", description = "two-way fixed effects, as reghdfe absorb(id year) or "
                + "xtreg y x i.year, fe (the study's choice)")
            TWOWAY,
            @Label(value = "Entity", description = "entity fixed effects, as xtreg, fe")
            ENTITY,
            @Label(value = "Time", description = "period fixed effects only")
            TIME,
            @Label(value = "None", description = "pooled OLS")
            NONE;

        Effects engine() {
            return Effects.valueOf(name());
        }
    }

    enum SeTypeChoice {
            @Label(value = "Conventional (iid)", description = "homoskedastic s²(X'X)⁻¹")
            IID,
            @Label(value = "Robust (HC0)", description = "White, no small-sample factor")
            HC0,
            @Label(value = "Robust (HC1)", description = "White with the convention's factor (inconsistent with "
                + "fixed effects for fixed T; offered for completeness)")
            HC1,
            @Label(value = "Clustered (CR0)", description = "cluster-robust without small-sample factor")
            CR0,
            @Label(value = "Clustered (CR1)", description = "cluster-robust with G/(G-1)(N-1)/(N-K): Stata's "
                + "vce(cluster) and xtreg's vce(robust); the study's choice")
            CLUSTER,
            @Label(value = "Clustered (CR2, Bell-McCaffrey)", description = "bias-reduced, Satterthwaite degrees of "
                + "freedom (clubSandwich); for few clusters")
            CR2,
            @Label(value = "Two-way clustered", description = "Cameron-Gelbach-Miller, two cluster dimensions")
            TWOWAY,
            @Label(value = "Driscoll-Kraay", description = "robust to cross-sectional and serial correlation")
            DRISCOLL_KRAAY;

        VcovType engine() {
            return VcovType.valueOf(name());
        }
    }

    enum ConventionChoice {
            @Label(value = "Stata xtreg", description = "xtreg, fe / reghdfe: K counts the effects not nested in "
                + "the clusters; t tests with G-1 degrees of freedom")
            XTREG,
            @Label(value = "R plm", description = "plm + vcovHC(type = \"sss\"): K = k; t tests with the residual "
                + "degrees of freedom")
            PLM,
            @Label(value = "Stata areg", description = "areg: every absorbed effect counted in K")
            AREG;

        Convention engine() {
            return Convention.valueOf(name());
        }
    }

    enum ClusterByChoice {
            @Label(value = "Entity", description = "the entity column (the study's choice)")
            ENTITY,
            @Label(value = "Time", description = "the time column")
            TIME,
            @Label(value = "Entity and time", description = "both (two-way clustered standard errors)")
            ENTITY_AND_TIME,
            @Label(value = "Columns", description = "one chosen column, or two for two-way clustering")
            COLUMNS;

        ClusterBy engine() {
            return ClusterBy.valueOf(name());
        }
    }

    /* ------------------------------------------------------- effects on widgets */

    static final class EffectsRef implements ParameterReference<EffectsChoice> {
    }

    static final class SeTypeRef implements ParameterReference<SeTypeChoice> {
    }

    static final class ClusterByRef implements ParameterReference<ClusterByChoice> {
    }

    static final class AppendResidualsRef implements ParameterReference<Boolean> {
    }

    static final class AppendsResiduals implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getBoolean(AppendResidualsRef.class).isTrue();
        }
    }

    static final class IsPooled implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(EffectsRef.class).isOneOf(EffectsChoice.NONE);
        }
    }

    static final class IsClustered implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(SeTypeRef.class).isOneOf(SeTypeChoice.CR0, SeTypeChoice.CLUSTER, SeTypeChoice.CR2,
                SeTypeChoice.TWOWAY);
        }
    }

    static final class ClustersByColumns implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return and(i.getPredicate(IsClustered.class),
                i.getEnum(ClusterByRef.class).isOneOf(ClusterByChoice.COLUMNS));
        }
    }

    static final class TwoWayByColumns implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return and(i.getEnum(SeTypeRef.class).isOneOf(SeTypeChoice.TWOWAY),
                i.getEnum(ClusterByRef.class).isOneOf(ClusterByChoice.COLUMNS));
        }
    }

    static final class IsDriscollKraay implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(SeTypeRef.class).isOneOf(SeTypeChoice.DRISCOLL_KRAAY);
        }
    }

    /* ------------------------------------------------------------ validation */

    static final class AtLeastMinusOne extends MinValidation {
        @Override
        protected double getMin() {
            return -1;
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

    @Override
    public void validate() throws InvalidSettingsException {
        if (!(m_level > 0 && m_level < 1)) {
            throw new InvalidSettingsException(
                "confidence level must be between 0 and 1 (exclusive), got " + m_level + ": enter e.g. 0.95");
        }
        if (m_dkLag < -1) {
            throw new InvalidSettingsException(
                "Driscoll-Kraay lag must be -1 (automatic) or 0 and more, got " + m_dkLag);
        }
    }
}
