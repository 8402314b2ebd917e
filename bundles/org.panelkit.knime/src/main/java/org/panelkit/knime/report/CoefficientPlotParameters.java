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
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.ValueSwitchWidget;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MaxValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation;
import org.knime.node.parameters.widget.text.TextAreaWidget;
import org.panelkit.knime.support.report.CoefficientPlotOptions;
import org.panelkit.knime.support.report.OutputFiles;

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
    @Widget(title = "Variable labels", description = "One line per term: TERM = Label, e.g. 'IC = Industrial "
        + "Cluster (IC)'; the legend shows the labels. Unlisted terms are shown as they are.")
    @TextAreaWidget(rows = 4)
    @Persist(configKey = "variable_labels")
    String m_variableLabels = "";

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
    @Widget(title = "Write files", description = "Also write the plot as files: <file>.svg (vector) and <file>.png "
        + "(at the PNG scale).")
    @ValueReference(WriteFilesRef.class)
    @Persist(configKey = "write_files")
    boolean m_writeFiles;

    @Layout(FileSection.class)
    @Widget(title = "Output file (without extension)", description = "Where to write, without extension: a path "
        + "relative to the workflow folder (e.g. output/coefplot), knime://knime.workflow/output/coefplot, another "
        + "knime:// URL of a local file, a file: URL or an absolute path.")
    @Effect(predicate = WriteFilesRef.class, type = EffectType.SHOW)
    @Persist(configKey = "file")
    String m_file = "";

    @Layout(FileSection.class)
    @Widget(title = "If files exist", description = "Fail: stop with an error naming the file, nothing is written "
        + "(KNIME's writer default). Overwrite: replace the files.")
    @ValueSwitchWidget
    @Effect(predicate = WriteFilesRef.class, type = EffectType.SHOW)
    @Persist(configKey = "if_exists")
    OverwriteChoice m_ifExists = OverwriteChoice.FAIL;

    @Layout(FileSection.class)
    @Widget(title = "Create missing folders", description = "Create the output folder if it does not exist "
        + "(otherwise the node fails and names the folder).")
    @Effect(predicate = WriteFilesRef.class, type = EffectType.SHOW)
    @Persist(configKey = "create_missing_folders")
    boolean m_createMissingFolders;

    CoefficientPlotOptions toOptions() {
        return new CoefficientPlotOptions(m_terms, m_modelLabels, m_variableLabels, m_title, m_xLabel, m_width,
            height(), m_scale, m_writeFiles,
            new OutputFiles(m_file, OutputFiles.Overwrite.valueOf(m_ifExists.name()), m_createMissingFolders));
    }

    enum OverwriteChoice {
            @Label(value = "Fail", description = "stop with an error if a file exists")
            FAIL,
            @Label(value = "Overwrite", description = "replace existing files")
            OVERWRITE
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
