package org.panelkit.knime.tests;

import java.util.List;
import java.util.function.Supplier;

import org.knime.core.node.NodeFactory;
import org.panelkit.knime.compare.CoefficientDifferenceTestNodeFactory;
import org.panelkit.knime.describe.PanelDiagnosticsNodeFactory;
import org.panelkit.knime.interpolation.PanelInterpolationNodeFactory;
import org.panelkit.knime.lq.LocationQuotientNodeFactory;
import org.panelkit.knime.mediation.MediationAnalysisNodeFactory;
import org.panelkit.knime.regression.PanelRegressionNodeFactory;
import org.panelkit.knime.report.CoefficientPlotNodeFactory;
import org.panelkit.knime.report.RegressionTableNodeFactory;
import org.panelkit.knime.smoothing.PanelSmoothingNodeFactory;
import org.panelkit.knime.split.PanelSubsampleSplitterNodeFactory;

/** The ten PanelKit nodes, in the order of plugin.xml. */
public final class PanelKitNodes {
    private PanelKitNodes() {
    }

    /** A node: its factory class and a way to create a factory. */
    public record Node(Class<? extends NodeFactory<?>> type, Supplier<NodeFactory<?>> create) {
        @Override
        public String toString() {
            return type.getSimpleName().replace("NodeFactory", "");
        }
    }

    public static final List<Node> ALL = List.of(
        new Node(PanelInterpolationNodeFactory.class, PanelInterpolationNodeFactory::new),
        new Node(PanelSmoothingNodeFactory.class, PanelSmoothingNodeFactory::new),
        new Node(LocationQuotientNodeFactory.class, LocationQuotientNodeFactory::new),
        new Node(PanelSubsampleSplitterNodeFactory.class, PanelSubsampleSplitterNodeFactory::new),
        new Node(PanelDiagnosticsNodeFactory.class, PanelDiagnosticsNodeFactory::new),
        new Node(PanelRegressionNodeFactory.class, PanelRegressionNodeFactory::new),
        new Node(RegressionTableNodeFactory.class, RegressionTableNodeFactory::new),
        new Node(CoefficientPlotNodeFactory.class, CoefficientPlotNodeFactory::new),
        new Node(CoefficientDifferenceTestNodeFactory.class, CoefficientDifferenceTestNodeFactory::new),
        new Node(MediationAnalysisNodeFactory.class, MediationAnalysisNodeFactory::new));

    public static List<Node> all() {
        return ALL;
    }
}
