package org.panelkit.knime.node;

import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.webui.node.dialog.defaultdialog.widget.Modification;
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
import org.knime.node.parameters.widget.choices.EnumChoicesProvider;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.ValueSwitchWidget;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MaxValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveDoubleValidation;
import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.vcov.Convention;
import org.panelkit.engine.vcov.VcovType;
import org.panelkit.knime.support.fe.ClusterBy;
import org.panelkit.knime.support.fe.RegressionOptions;

/**
 * The fixed-effects model options shared by the Panel Regression, Coefficient Difference Test and Mediation Analysis
 * nodes: fixed effects, standard errors, small-sample convention, what to cluster by (and the cluster columns), the
 * Driscoll-Kraay lag and the confidence level. Each node holds one instance as a nested group under the settings key
 * {@value #KEY} (so the standard errors are {@code model_options/se_type}) and places it in one dialog section with
 * {@code @Layout} on the field.
 * <p>
 * A node that offers only part of the choices says so with KNIME's {@link Modification} on its field (the mechanism
 * KNIME provides for one widget group used in several nodes): {@link ChoicesModifier} subclasses narrow the
 * standard-error and cluster-by drop-downs, replace descriptions or remove an option the node does not use
 * (the node description, {@link ParameterDocs}, applies the same modifications). The values stay validated by the
 * KNIME-free options of the support bundle, since a flow variable can set any value: the node then fails in
 * configure with a message naming the choices it offers.
 */
@SuppressWarnings("restriction") // Modification is exported x-internal by org.knime.core.ui (5.7 - 5.11)
public final class ModelOptionsParameters implements NodeParameters {

    /** Settings key of the group in the node's model settings. */
    public static final String KEY = "model_options";

    /** Settings keys inside the group (documented in docs/knime-nodes.md). */
    public static final String KEY_EFFECTS = "effects", KEY_SE = "se_type", KEY_CONVENTION = "convention",
            KEY_CLUSTER_BY = "cluster_by", KEY_CLUSTER = "cluster_column", KEY_CLUSTER2 = "second_cluster_column",
            KEY_DK_LAG = "dk_lag", KEY_LEVEL = "confidence_level";

    @Widget(title = "Fixed effects", description = "Which fixed effects are absorbed.")
    @ValueSwitchWidget
    @ValueReference(EffectsRef.class)
    @Modification.WidgetReference(EffectsRef.class)
    @Persist(configKey = KEY_EFFECTS)
    EffectsChoice m_effects = EffectsChoice.TWOWAY;

    @Widget(title = "Standard errors", description = "The variance estimator of the coefficients.")
    @ValueReference(SeTypeRef.class)
    @Modification.WidgetReference(SeTypeRef.class)
    @Persist(configKey = KEY_SE)
    SeTypeChoice m_seType = SeTypeChoice.CLUSTER;

    @Widget(title = "Convention", description = "Whose small-sample factor and t-test degrees of freedom to "
        + "reproduce.")
    @Modification.WidgetReference(ConventionRef.class)
    @Persist(configKey = KEY_CONVENTION)
    ConventionChoice m_convention = ConventionChoice.XTREG;

    @Widget(title = "Cluster by", description = "What the clustered standard errors cluster by (one-way: one "
        + "dimension; two-way clustering: two). With two-way clustered standard errors, Entity or Time means the "
        + "panel's two keys, entity and time (so that setting only the standard errors, e.g. the se_type flow "
        + "variable to TWOWAY, works).")
    @Effect(predicate = IsClustered.class, type = EffectType.SHOW)
    @ValueReference(ClusterByRef.class)
    @Modification.WidgetReference(ClusterByRef.class)
    @Persist(configKey = KEY_CLUSTER_BY)
    ClusterByChoice m_clusterBy = ClusterByChoice.ENTITY;

    @Widget(title = "Cluster column", description = "The column to cluster by when 'Cluster by' is 'Columns' "
        + "(e.g. a region column coarser than the entity).")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @Effect(predicate = ClustersByColumns.class, type = EffectType.SHOW)
    @Persist(configKey = KEY_CLUSTER)
    String m_clusterColumn = "";

    @Widget(title = "Second cluster column", description = "Two-way clustering by columns: the second dimension.")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @Effect(predicate = TwoWayByColumns.class, type = EffectType.SHOW)
    @Persist(configKey = KEY_CLUSTER2)
    String m_secondClusterColumn = "";

    @Widget(title = "Driscoll-Kraay lag", description = "Bartlett kernel lag of the Driscoll-Kraay estimator; "
        + "-1 chooses floor(max T_i^(1/4)) as plm's vcovSCC.")
    @NumberInputWidget(minValidation = AtLeastMinusOne.class)
    @Effect(predicate = IsDriscollKraay.class, type = EffectType.SHOW)
    @Persist(configKey = KEY_DK_LAG)
    int m_dkLag = -1;

    @Widget(title = "Confidence level", description = "Level of the confidence intervals conf_low / conf_high, "
        + "between 0 and 1.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class, maxValidation = BelowOne.class)
    @Modification.WidgetReference(LevelRef.class)
    @Persist(configKey = KEY_LEVEL)
    double m_level = 0.95;

    /** The study's defaults: two-way fixed effects, CR1 clustered by entity, Stata xtreg, 95%. */
    public ModelOptionsParameters() {
    }

    /** Defaults (nothing depends on the input). */
    public ModelOptionsParameters(final NodeParametersInput input) {
        this();
    }

    /** Copies the options into a regression options builder (the node sets y, regressors and keys). */
    public RegressionOptions.Builder applyTo(final RegressionOptions.Builder b) {
        return b.effects(m_effects.engine()).seType(m_seType.engine()).convention(m_convention.engine())
            .clusterBy(m_clusterBy.engine()).clusterColumn(m_clusterColumn).secondClusterColumn(m_secondClusterColumn)
            .dkLag(m_dkLag).level(m_level);
    }

    /** The chosen fixed effects (e.g. for an intercept option shown only for pooled OLS). */
    public EffectsChoice effects() {
        return m_effects;
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

    /* ---------------------------------------------------------------- choices */

    /** Fixed effects. */
    public enum EffectsChoice {
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

    /** Standard errors. */
    public enum SeTypeChoice {
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

    /** Small-sample convention. */
    public enum ConventionChoice {
            @Label(value = "Stata xtreg", description = "xtreg, fe / reghdfe: K counts the effects not nested in "
                + "the clusters; t tests with G-1 degrees of freedom; two-way clustering as reghdfe, one factor "
                + "G_min/(G_min-1)(N-1)/(N-K) on V1+V2-V12")
            XTREG,
            @Label(value = "R plm", description = "plm + vcovHC(type = \"sss\"): K = k; t tests with the residual "
                + "degrees of freedom")
            PLM,
            @Label(value = "Stata areg", description = "areg: every absorbed effect counted in K")
            AREG,
            @Label(value = "R fixest", description = "fixest::feols default: (N-1)/(N-K) (heteroskedastic: N/(N-K)), "
                + "K = k + the levels of every "
                + "fixed-effect term - (terms - 1), a term nested in the clusters counting 1; times G/(G-1) when "
                + "clustered (two-way: smallest G); t tests with min(G)-1 df when clustered, N-K otherwise")
            FIXEST,
            @Label(value = "R sandwich", description = "sandwich::vcovCL on the dummy regression: as areg (K = k + "
                + "every absorbed effect), but two-way clustering with G/(G-1)(N-1)/(N-K) on each of V1, V2 and V12 "
                + "(PanelKit's former xtreg two-way rule)")
            SANDWICH;

        Convention engine() {
            return Convention.valueOf(name());
        }
    }

    /** What clustered standard errors cluster by. */
    public enum ClusterByChoice {
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

    /* ------------------------------------------- references (effects and modifications) */

    /** The fixed effects. */
    public static final class EffectsRef implements ParameterReference<EffectsChoice>, Modification.Reference {
    }

    /** The standard errors. */
    public static final class SeTypeRef implements ParameterReference<SeTypeChoice>, Modification.Reference {
    }

    /** The convention. */
    public static final class ConventionRef implements Modification.Reference {
    }

    /** Cluster by. */
    public static final class ClusterByRef implements ParameterReference<ClusterByChoice>, Modification.Reference {
    }

    /** The confidence level. */
    public static final class LevelRef implements Modification.Reference {
    }

    /** Whether the fixed effects are None (pooled OLS). */
    public static final class IsPooled implements EffectPredicateProvider {
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

    /* ------------------------------------------------- per-node subsets (Modification) */

    /** Standard errors clustered with or without the small-sample factor (Mediation Analysis). */
    public static final class ClusteredSeChoices implements EnumChoicesProvider<SeTypeChoice> {
        @Override
        public List<SeTypeChoice> choices(final NodeParametersInput context) {
            return List.of(SeTypeChoice.CLUSTER, SeTypeChoice.CR0);
        }
    }

    /** One-way clustered or heteroskedasticity-robust standard errors (Coefficient Difference Test). */
    public static final class OneWaySeChoices implements EnumChoicesProvider<SeTypeChoice> {
        @Override
        public List<SeTypeChoice> choices(final NodeParametersInput context) {
            return List.of(SeTypeChoice.CLUSTER, SeTypeChoice.CR0, SeTypeChoice.HC1, SeTypeChoice.HC0);
        }
    }

    /** One cluster dimension: entity, time or one column. */
    public static final class OneWayClusterChoices implements EnumChoicesProvider<ClusterByChoice> {
        @Override
        public List<ClusterByChoice> choices(final NodeParametersInput context) {
            return List.of(ClusterByChoice.ENTITY, ClusterByChoice.TIME, ClusterByChoice.COLUMNS);
        }
    }

    /**
     * Base of the nodes' modifiers: narrows the standard errors and cluster-by to the given choices providers and
     * replaces the descriptions where the node's differ. Subclasses call the helpers in {@link #modify}.
     */
    public abstract static class ChoicesModifier implements Modification.Modifier {

        /** Offers only the standard errors of {@code provider}, with the node's description. */
        protected static void seChoices(final Modification.WidgetGroupModifier group,
            final Class<? extends EnumChoicesProvider<SeTypeChoice>> provider, final String description) {
            group.find(SeTypeRef.class).addAnnotation(ChoicesProvider.class).withValue(provider).modify();
            describe(group, SeTypeRef.class, description);
        }

        /** Offers only one cluster dimension (entity, time or one column). */
        protected static void oneWayClusters(final Modification.WidgetGroupModifier group, final String description) {
            group.find(ClusterByRef.class).addAnnotation(ChoicesProvider.class).withValue(OneWayClusterChoices.class)
                .modify();
            describe(group, ClusterByRef.class, description);
        }

        /** Replaces the description of a widget of the group. */
        protected static void describe(final Modification.WidgetGroupModifier group,
            final Class<? extends Modification.Reference> widget, final String description) {
            group.find(widget).modifyAnnotation(Widget.class).withProperty("description", description).modify();
        }
    }
}
