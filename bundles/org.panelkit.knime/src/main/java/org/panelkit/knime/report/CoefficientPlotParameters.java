package org.panelkit.knime.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.StringValue;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.NodeParametersInput;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.updates.Effect;
import org.knime.node.parameters.updates.Effect.EffectType;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.updates.util.BooleanReference;
import org.knime.node.parameters.widget.choices.ChoicesProvider;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.StringChoicesProvider;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MaxValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation;
import org.knime.node.parameters.widget.text.TextAreaWidget;
import org.panelkit.engine.report.ModelSummary;
import org.panelkit.knime.node.OutputFilesParameters;
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
    @Widget(title = "Terms", description = "The regressors to plot (at most 8, in this order), chosen from the slopes "
        + "of the connected models (offered once the Panel Regression nodes have been executed). Empty, and no other "
        + "terms: every slope of the connected models (the first 8), as Stata's coefplot.")
    @ChoicesProvider(ModelTerms.class)
    @Persist(configKey = "terms")
    String[] m_terms = new String[0];

    @Layout(PlotSection.class)
    @Widget(title = "Other terms", description = "Further regressors, comma-separated, e.g. IC: terms the list above "
        + "does not offer (it is empty until the connected models have been executed). Plotted after the terms above.")
    @Persist(configKey = "other_terms")
    String m_otherTerms = "";

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
    @ValueReference(OutputFilesParameters.WriteFilesRef.class)
    @Persist(configKey = "write_files")
    boolean m_writeFiles;

    @Layout(FileSection.class)
    @Persist(configKey = OutputFilesParameters.KEY)
    OutputFilesParameters m_output = new OutputFilesParameters();

    CoefficientPlotOptions toOptions() {
        return new CoefficientPlotOptions(terms(), m_modelLabels, m_variableLabels, m_title, m_xLabel, m_width,
            height(), m_scale, m_writeFiles,
            m_output.toOutputFiles());
    }

    /** The chosen terms, then the other terms, comma-separated (the engine's option). */
    String terms() {
        List<String> all = new ArrayList<>();
        if (m_terms != null) {
            Arrays.stream(m_terms).filter(t -> t != null && !t.isBlank()).map(String::strip).forEach(all::add);
        }
        all.addAll(CoefficientPlotOptions.of(m_otherTerms).termList());
        return String.join(", ", all.stream().distinct().toList());
    }

    /**
     * The slopes of the models connected to the Model ports, as far as KNIME knows them before execution: the
     * possible values of the coefficients tables' {@code term} column (known once the Panel Regression nodes have
     * been executed), in order, each once, without the constant.
     */
    static List<String> modelTerms(final NodeParametersInput input) {
        Set<String> terms = new LinkedHashSet<>();
        int ports = input.getInPortTypes().length;
        for (int i = 0; i < ports; i += 2) { // the coefficients table of each (coefficients, statistics) pair
            DataColumnSpec term = input.getInTableSpec(i).map(s -> s.getColumnSpec("term"))
                .orElse(null);
            if (term == null || !term.getDomain().hasValues()) {
                continue;
            }
            for (DataCell c : term.getDomain().getValues()) {
                if (c instanceof StringValue v && !ModelSummary.CONSTANT_TERM.equals(v.getStringValue())) {
                    terms.add(v.getStringValue());
                }
            }
        }
        return List.copyOf(terms);
    }

    /** The dialog's choices for the terms: {@link #modelTerms}. */
    static final class ModelTerms implements StringChoicesProvider {
        @Override
        public List<String> choices(final NodeParametersInput input) {
            return modelTerms(input);
        }
    }

    /** What the engine gets: the height, or 0 (from the number of models). */
    int height() {
        return m_autoHeight ? 0 : m_height;
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
