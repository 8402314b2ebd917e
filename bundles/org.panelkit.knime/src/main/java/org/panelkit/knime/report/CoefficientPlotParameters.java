package org.panelkit.knime.report;

import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.updates.Effect;
import org.knime.node.parameters.updates.Effect.EffectType;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.updates.util.BooleanReference;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MaxValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation;
import org.panelkit.knime.support.report.CoefficientPlotOptions;

/** Dialog and settings of the Coefficient Plot node; the settings keys are stable (docs/knime-nodes.md). */
public final class CoefficientPlotParameters implements NodeParameters {

    @Section(title = "Plot")
    interface PlotSection {
    }

    @Section(title = "Files")
    @After(PlotSection.class)
    interface FileSection {
    }

    @Layout(PlotSection.class)
    @Widget(title = "Terms", description = "The regressors to plot, comma-separated (at most 8), e.g. IC. Empty: "
        + "every slope of the connected models (the first 8), as Stata's coefplot.")
    @Persist(configKey = "terms")
    String m_terms = "";

    @Layout(PlotSection.class)
    @Widget(title = "Model labels", description = "Row labels, separated by ';' (e.g. 'East; Central; West'); empty "
        + "entries number the models (1), (2), ...")
    @Persist(configKey = "model_labels")
    String m_modelLabels = "";

    @Layout(PlotSection.class)
    @Widget(title = "Title", description = "Title above the plot (empty: none).")
    @Persist(configKey = "title")
    String m_title = "";

    @Layout(PlotSection.class)
    @Widget(title = "x-axis label", description = "Label of the estimate axis (empty: the engine's default).")
    @Persist(configKey = "x_label")
    String m_xLabel = "";

    @Layout(PlotSection.class)
    @Widget(title = "Width", description = "Width in pixels (200-20000) before scaling.")
    @NumberInputWidget(minValidation = AtLeast200.class, maxValidation = AtMost20000.class)
    @Persist(configKey = "width")
    int m_width = 720;

    @Layout(PlotSection.class)
    @Widget(title = "Height from the number of models", description = "Size the height to the rows of the plot "
        + "(the models); unchecked, the height below is used.")
    @ValueReference(AutoHeightRef.class)
    @Persist(configKey = "auto_height")
    boolean m_autoHeight = true;

    @Layout(PlotSection.class)
    @Widget(title = "Height", description = "Height in pixels (100-20000) before scaling, when it is not taken from "
        + "the number of models.")
    @NumberInputWidget(minValidation = AtLeast100.class, maxValidation = AtMost20000.class)
    @Effect(predicate = AutoHeightRef.class, type = EffectType.HIDE)
    @Persist(configKey = "height")
    int m_height = 480;

    @Layout(PlotSection.class)
    @Widget(title = "PNG scale", description = "Pixel density of the PNG (0.25-8; 2 = sharp on high-resolution "
        + "screens and in print).")
    @NumberInputWidget(minValidation = AtLeastQuarter.class, maxValidation = AtMostEight.class)
    @Persist(configKey = "scale")
    double m_scale = 2;

    @Layout(FileSection.class)
    @Widget(title = "Write files", description = "Also write the plot as SVG and PNG files.")
    @ValueReference(WriteFilesRef.class)
    @Persist(configKey = "write_files")
    boolean m_writeFiles;

    @Layout(FileSection.class)
    @Widget(title = "Output file (without extension)", description = "Absolute path without extension: <file>.svg "
        + "and <file>.png are written (existing files are replaced).")
    @Effect(predicate = WriteFilesRef.class, type = EffectType.SHOW)
    @Persist(configKey = "file")
    String m_file = "";

    CoefficientPlotOptions toOptions() {
        return new CoefficientPlotOptions(m_terms, m_modelLabels, m_title, m_xLabel, m_width, height(), m_scale,
            m_writeFiles, m_file);
    }

    /** What the engine gets: the height, or 0 (from the number of models). */
    int height() {
        return m_autoHeight ? 0 : m_height;
    }

    static final class WriteFilesRef implements BooleanReference {
    }

    static final class AutoHeightRef implements BooleanReference {
    }

    static final class AtLeast100 extends MinValidation {
        @Override
        protected double getMin() {
            return 100;
        }
    }

    static final class AtLeast200 extends MinValidation {
        @Override
        protected double getMin() {
            return 200;
        }
    }

    static final class AtMost20000 extends MaxValidation {
        @Override
        protected double getMax() {
            return 20000;
        }
    }

    static final class AtLeastQuarter extends MinValidation {
        @Override
        protected double getMin() {
            return 0.25;
        }
    }

    static final class AtMostEight extends MaxValidation {
        @Override
        protected double getMax() {
            return 8;
        }
    }
}
