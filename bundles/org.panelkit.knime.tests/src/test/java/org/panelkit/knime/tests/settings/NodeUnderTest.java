package org.panelkit.knime.tests.settings;

import java.util.function.Supplier;

import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.node.parameters.NodeParameters;
import org.panelkit.knime.compare.CoefficientDifferenceTestNodeFactory;
import org.panelkit.knime.describe.PanelDiagnosticsNodeFactory;
import org.panelkit.knime.interpolation.PanelInterpolationNodeFactory;
import org.panelkit.knime.lq.LocationQuotientNodeFactory;
import org.panelkit.knime.mediation.MediationAnalysisNodeFactory;
import org.panelkit.knime.node.PanelKitConfigurableNodeFactory;
import org.panelkit.knime.node.PanelKitNodeFactory;
import org.panelkit.knime.regression.PanelRegressionNodeFactory;
import org.panelkit.knime.report.CoefficientPlotNodeFactory;
import org.panelkit.knime.report.RegressionTableNodeFactory;
import org.panelkit.knime.smoothing.PanelSmoothingNodeFactory;
import org.panelkit.knime.split.PanelSubsampleSplitterNodeFactory;

/**
 * The ten PanelKit nodes of the settings and dialog tests, with the inputs a realistic workflow connects to them.
 */
public enum NodeUnderTest {
        PANEL_REGRESSION("Panel Regression", PanelRegressionNodeFactory::new, Inputs.STUDY),
        PANEL_INTERPOLATION("Panel Interpolation", PanelInterpolationNodeFactory::new, Inputs.STUDY),
        PANEL_SMOOTHING("Panel Smoothing", PanelSmoothingNodeFactory::new, Inputs.STUDY),
        LOCATION_QUOTIENT("Location Quotient", LocationQuotientNodeFactory::new, Inputs.STUDY),
        PANEL_SUBSAMPLE_SPLITTER("Panel Subsample Splitter", PanelSubsampleSplitterNodeFactory::new,
            Inputs.STUDY_AND_MAPPING),
        PANEL_DIAGNOSTICS("Panel Diagnostics", PanelDiagnosticsNodeFactory::new, Inputs.STUDY),
        REGRESSION_TABLE("Regression Table", RegressionTableNodeFactory::new, Inputs.MODELS),
        COEFFICIENT_PLOT("Coefficient Plot", CoefficientPlotNodeFactory::new, Inputs.MODELS),
        COEFFICIENT_DIFFERENCE_TEST("Coefficient Difference Test", CoefficientDifferenceTestNodeFactory::new,
            Inputs.STUDY_AND_MAPPING),
        MEDIATION_ANALYSIS("Mediation Analysis", MediationAnalysisNodeFactory::new, Inputs.STUDY);

    /** What a realistic workflow connects to the node's inputs. */
    public enum Inputs {
            /** The study panel (first input). */
            STUDY,
            /** The study panel and a mapping table province -> region (optional second input). */
            STUDY_AND_MAPPING,
            /** Two Panel Regression models: coefficient and statistics tables, twice (extendable port group). */
            MODELS
    }

    private final String m_title;

    private final Supplier<NodeFactory<? extends NodeModel>> m_factory;

    private final Inputs m_inputs;

    NodeUnderTest(final String title, final Supplier<NodeFactory<? extends NodeModel>> factory, final Inputs inputs) {
        m_title = title;
        m_factory = factory;
        m_inputs = inputs;
    }

    /** A new factory of the node. */
    public NodeFactory<? extends NodeModel> factory() {
        return m_factory.get();
    }

    public Inputs inputs() {
        return m_inputs;
    }

    public String title() {
        return m_title;
    }

    /** The node's settings class, as its factory declares it. */
    public Class<? extends NodeParameters> parametersClass() {
        return parametersClass(factory());
    }

    /** The settings class of a PanelKit factory. */
    public static Class<? extends NodeParameters> parametersClass(final NodeFactory<?> factory) {
        if (factory instanceof PanelKitNodeFactory<?> f) {
            return f.nodeParametersClass();
        }
        if (factory instanceof PanelKitConfigurableNodeFactory<?> f) {
            return f.nodeParametersClass();
        }
        throw new IllegalArgumentException("not a PanelKit factory: " + factory.getClass().getName());
    }

    /** The node whose factory has the given class name (as in a workflow's settings.xml). */
    public static NodeUnderTest ofFactoryClass(final String factoryClassName) {
        for (var n : values()) {
            if (n.factory().getClass().getName().equals(factoryClassName)) {
                return n;
            }
        }
        throw new IllegalArgumentException("not a PanelKit node factory: " + factoryClassName);
    }

    @Override
    public String toString() {
        return m_title;
    }
}
