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
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.panelkit.engine.report.InferenceStatistic;
import org.panelkit.engine.report.RSquared;
import org.panelkit.knime.support.report.RegressionTableOptions;

/** Dialog and settings of the Regression Table node; the settings keys are stable (docs/knime-nodes.md). */
public final class RegressionTableParameters implements NodeParameters {

    @Section(title = "Table")
    interface TableSection {
    }

    @Section(title = "Files")
    @After(TableSection.class)
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

    @Layout(FileSection.class)
    @Widget(title = "Write files", description = "Also write the table as Markdown, HTML, LaTeX and CSV files.")
    @ValueReference(WriteFilesRef.class)
    @Persist(configKey = "write_files")
    boolean m_writeFiles;

    @Layout(FileSection.class)
    @Widget(title = "Output file (without extension)", description = "Absolute path of the files without extension: "
        + "<file>.md, <file>.html, <file>.tex and <file>.csv are written (existing files are replaced).")
    @Effect(predicate = WriteFilesRef.class, type = EffectType.SHOW)
    @Persist(configKey = "file")
    String m_file = "";

    RegressionTableOptions toOptions() {
        return new RegressionTableOptions(m_modelLabels, m_title, InferenceStatistic.valueOf(m_statistic.name()),
            m_decimals, RSquared.valueOf(m_rSquared.name()), m_dependentRow, m_writeFiles, m_file);
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

    static final class WriteFilesRef implements BooleanReference {
    }

    static final class AtMostTen extends MaxValidation {
        @Override
        protected double getMax() {
            return 10;
        }
    }
}
