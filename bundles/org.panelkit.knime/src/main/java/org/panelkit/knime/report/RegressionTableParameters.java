package org.panelkit.knime.report;

import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.ValueSwitchWidget;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.text.TextAreaWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MaxValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.panelkit.engine.report.InferenceStatistic;
import org.panelkit.engine.report.RSquared;
import org.panelkit.knime.node.OutputFilesParameters;
import org.panelkit.knime.support.report.RegressionTableOptions;

/** Dialog and settings of the Regression Table node; the settings keys are stable (docs/knime-nodes.md). */
public final class RegressionTableParameters implements NodeParameters {

    @Section(title = "Table")
    interface TableSection {
    }

    @Section(title = "Labels and terms")
    @After(TableSection.class)
    interface LabelSection {
    }

    @Section(title = "Files")
    @After(LabelSection.class)
    interface FileSection {
    }

    @Layout(TableSection.class)
    @Widget(title = "Model labels", description = "Column headers, separated by ';' (e.g. 'Model 1; Model 2' or "
        + "'East; Central; West'); empty entries and an empty field number the columns (1), (2), ...")
    @Persist(configKey = "model_labels")
    String m_modelLabels = "";

    @Layout(TableSection.class)
    @Widget(title = "Title", description = "Caption of the table (empty: none).")
    @Persist(configKey = "title")
    String m_title = "";

    @Layout(TableSection.class)
    @Widget(title = "In parentheses", description = "What is printed below each estimate.")
    @ValueSwitchWidget
    @Persist(configKey = "statistic")
    StatisticChoice m_statistic = StatisticChoice.STD_ERROR;

    @Layout(TableSection.class)
    @Widget(title = "Decimals", description = "Decimals of estimates and standard errors (0-10).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class, maxValidation = AtMostTen.class)
    @Persist(configKey = "decimals")
    int m_decimals = 3;

    @Layout(TableSection.class)
    @Widget(title = "R²", description = "Which R² is reported.")
    @Persist(configKey = "r_squared")
    RSquaredChoice m_rSquared = RSquaredChoice.WITHIN;

    @Layout(TableSection.class)
    @Widget(title = "Dependent variable row", description = "Start the table with a row naming each model's "
        + "dependent variable.")
    @Persist(configKey = "dependent_variable_row")
    boolean m_dependentRow = true;

    @Layout(LabelSection.class)
    @Widget(title = "Variable labels", description = "One line per variable: TERM = Label, e.g. 'IC = Industrial "
        + "Cluster (IC)'; labels the coefficient rows and the dependent variable (the term,label CSV of panelkit table "
        + "--var-labels). Unlisted names are shown as they are; blank lines and lines starting with # are skipped.")
    @TextAreaWidget(rows = 6)
    @Persist(configKey = "variable_labels")
    String m_variableLabels = "";

    @Layout(LabelSection.class)
    @Widget(title = "Keep terms", description = "Show only these terms, comma-separated, in this order (empty: "
        + "every term of the models).")
    @Persist(configKey = "keep")
    String m_keep = "";

    @Layout(LabelSection.class)
    @Widget(title = "Drop terms", description = "Leave out these terms, comma-separated (_cons: the constant).")
    @Persist(configKey = "drop")
    String m_drop = "";

    @Layout(LabelSection.class)
    @Widget(title = "Order terms", description = "Put these terms first, comma-separated, in this order; the rest "
        + "follow as they first appear in the models. A term that no model has is an error (a typo, usually).")
    @Persist(configKey = "order")
    String m_order = "";

    @Layout(LabelSection.class)
    @Widget(title = "Constant label", description = "Label of the constant's row (the study: 'Constant term').")
    @Persist(configKey = "constant_label")
    String m_constantLabel = "Constant";

    @Layout(LabelSection.class)
    @Widget(title = "Entity effects label", description = "Label of the row saying whether a model has entity "
        + "fixed effects (the study: 'Regional effects').")
    @Persist(configKey = "entity_effects_label")
    String m_entityEffectsLabel = "Region effects";

    @Layout(LabelSection.class)
    @Widget(title = "Time effects label", description = "Label of the row saying whether a model has time fixed "
        + "effects.")
    @Persist(configKey = "time_effects_label")
    String m_timeEffectsLabel = "Time effects";

    @Layout(LabelSection.class)
    @Widget(title = "Notes", description = "Further note lines below the table, one per line (e.g. the data "
        + "source).")
    @TextAreaWidget(rows = 3)
    @Persist(configKey = "notes")
    String m_notes = "";

    @Layout(FileSection.class)
    @Widget(title = "Write files", description = "Also write the table as Markdown, HTML, LaTeX and CSV files: "
        + "<file>.md, <file>.html, <file>.tex and <file>.csv (UTF-8, the renderers of panelkit table).")
    @ValueReference(OutputFilesParameters.WriteFilesRef.class)
    @Persist(configKey = "write_files")
    boolean m_writeFiles;

    @Layout(FileSection.class)
    @Persist(configKey = OutputFilesParameters.KEY)
    OutputFilesParameters m_output = new OutputFilesParameters();

    RegressionTableOptions toOptions() {
        return new RegressionTableOptions(m_modelLabels, m_title, InferenceStatistic.valueOf(m_statistic.name()),
            m_decimals, RSquared.valueOf(m_rSquared.name()), m_dependentRow, m_variableLabels, m_keep, m_drop,
            m_order, m_constantLabel, m_entityEffectsLabel, m_timeEffectsLabel, m_notes, m_writeFiles,
            m_output.toOutputFiles());
    }

    enum StatisticChoice {
            @Label(value = "Standard error", description = "esttab se, modelsummary's default")
            STD_ERROR,
            @Label(value = "t statistic", description = "esttab's default")
            T_STATISTIC
    }

    enum RSquaredChoice {
            @Label(value = "Within", description = "all fixed effects removed (plm)")
            WITHIN,
            @Label(value = "Within (entity-demeaned)", description = "Stata xtreg, gretl")
            WITHIN_ENTITY,
            @Label(value = "LSDV", description = "R² of the dummy-variable regression (Stata areg)")
            LSDV
    }

    static final class AtMostTen extends MaxValidation {
        @Override
        protected double getMax() {
            return 10;
        }
    }
}
