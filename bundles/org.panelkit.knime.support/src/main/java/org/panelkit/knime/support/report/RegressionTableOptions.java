package org.panelkit.knime.support.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.report.InferenceStatistic;
import org.panelkit.engine.report.RSquared;
import org.panelkit.engine.report.RegressionTable;
import org.panelkit.engine.report.TableFormat;
import org.panelkit.engine.report.TableOptions;
import org.panelkit.engine.report.TableRow;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ResultTable;
import org.panelkit.knime.support.table.ResultTable.Column;

/**
 * Options of the Regression Table node mapped to the engine's {@link TableOptions}, the table grid as a result
 * table ({@code row_kind, term, label, model_1 … model_n}) and the optional files (Markdown, HTML, LaTeX, CSV:
 * {@code <file base>.md/.html/.tex/.csv}, as {@code panelkit table} writes them).
 *
 * @param variableLabels lines {@code TERM = Label} ({@link TermLabels#parse})
 * @param keep terms to show, comma-separated, in this order (empty: all)
 * @param drop terms to leave out, comma-separated ({@code _cons}: the constant)
 * @param order terms to put first, comma-separated
 * @param notes extra note lines
 */
public record RegressionTableOptions(String modelLabels, String title, InferenceStatistic statistic, int decimals,
        RSquared rSquared, boolean dependentVariableRow, String variableLabels, String keep, String drop, String order,
        String constantLabel, String entityEffectsLabel, String timeEffectsLabel, String notes, boolean writeFiles,
        OutputFiles files) {

    /** The file extensions written, in this order. */
    public static final List<String> EXTENSIONS = List.of("md", "html", "tex", "csv");

    /** The study's table: standard errors, 3 decimals, within R², a dependent-variable row, no files. */
    public static RegressionTableOptions defaults() {
        return new RegressionTableOptions("", "", InferenceStatistic.STD_ERROR, 3, RSquared.WITHIN, true, "", "", "",
                "", "Constant", "Region effects", "Time effects", "", false, OutputFiles.at(""));
    }

    public RegressionTableOptions withFiles(String base) {
        return withFiles(OutputFiles.at(base));
    }

    public RegressionTableOptions withFiles(OutputFiles f) {
        return new RegressionTableOptions(modelLabels, title, statistic, decimals, rSquared, dependentVariableRow,
                variableLabels, keep, drop, order, constantLabel, entityEffectsLabel, timeEffectsLabel, notes, true, f);
    }

    /** The same options with other labels and term selection (the study's labels, for example). */
    public RegressionTableOptions withLabels(String variableLabels, String keep, String drop, String order,
            String constantLabel, String entityEffectsLabel, String timeEffectsLabel, String notes) {
        return new RegressionTableOptions(modelLabels, title, statistic, decimals, rSquared, dependentVariableRow,
                variableLabels, keep, drop, order, constantLabel, entityEffectsLabel, timeEffectsLabel, notes,
                writeFiles, files);
    }

    /**
     * Checks the options that do not need the models (the output file only where it is known how to resolve it:
     * see {@link #toTableOptions(int, OutputFiles.Context)}).
     *
     * @throws IllegalArgumentException naming the option to fix
     */
    public TableOptions toTableOptions(int models) {
        return toTableOptions(models, null);
    }

    /**
     * @param context how to resolve the output location; null: not checked
     * @throws IllegalArgumentException naming the option to fix
     */
    public TableOptions toTableOptions(int models, OutputFiles.Context context) {
        return toTableOptions(models, context, Map.of());
    }

    /**
     * @param context how to resolve the output location; null: not checked
     * @param tableLabels labels from the optional input table; the text option's labels override them
     * @throws IllegalArgumentException naming the option to fix
     */
    public TableOptions toTableOptions(int models, OutputFiles.Context context, Map<String, String> tableLabels) {
        if (models < 1) {
            throw new IllegalArgumentException("no model connected: add a pair of Model input ports (coefficients, "
                    + "statistics) and connect a Panel Regression node's first two outputs");
        }
        ModelInput.labels(modelLabels, models);
        if (writeFiles && context != null) {
            files.base(context);
        }
        for (String[] named : new String[][] {{"Constant label", constantLabel},
                {"Entity effects label", entityEffectsLabel}, {"Time effects label", timeEffectsLabel}}) {
            if (named[1] == null || named[1].isBlank()) {
                throw new IllegalArgumentException("'" + named[0] + "' is empty: enter the text of that row");
            }
        }
        try {
            return TableOptions.builder().title(title).statistic(statistic).decimals(decimals).rSquared(rSquared)
                    .dependentVariableRow(dependentVariableRow)
                    .variableLabels(TermLabels.merge(tableLabels, TermLabels.parse(variableLabels, "Variable labels")))
                    .keep(TermLabels.list(keep)).drop(TermLabels.list(drop)).order(TermLabels.list(order))
                    .constantLabel(constantLabel.strip()).entityEffectsLabel(entityEffectsLabel.strip())
                    .timeEffectsLabel(timeEffectsLabel.strip()).extraNotes(TermLabels.lines(notes)).build();
        } catch (PanelKitException e) {
            throw new IllegalArgumentException(e.getMessage() + ": change the option", e);
        }
    }

    /** The grid's columns for a number of models. */
    public static List<Column> gridColumns(int models) {
        List<Column> c = new ArrayList<>(List.of(
                new Column("row_kind", ColumnKind.STRING, "MODEL_LABELS, DEPENDENT_VARIABLE, ESTIMATE, UNCERTAINTY "
                        + "(the statistic in parentheses), EFFECTS, STATISTIC or NOTE"),
                new Column("term", ColumnKind.STRING, "the coefficient's term (ESTIMATE and UNCERTAINTY rows)"),
                new Column("label", ColumnKind.STRING, "the first column of the table")));
        for (int m = 1; m <= models; m++) {
            c.add(new Column("model_" + m, ColumnKind.STRING, "the cells of model " + m));
        }
        return c;
    }

    /** The table as rows of text cells, then one row per note. */
    public static ResultTable grid(RegressionTable t) {
        int models = t.modelCount();
        var b = ResultTable.builder(gridColumns(models));
        for (TableRow r : t.rows()) {
            List<String> texts = r.texts();
            Object[] row = new Object[3 + models];
            row[0] = r.kind().name();
            row[1] = r.term();
            for (int i = 0; i < texts.size() && i < models + 1; i++) {
                row[2 + i] = texts.get(i);
            }
            b.row(null, row);
        }
        for (String note : t.notes()) {
            Object[] row = new Object[3 + models];
            row[0] = "NOTE";
            row[2] = note;
            b.row(null, row);
        }
        return b.build();
    }

    /** Writes {@code <base>.md, .html, .tex, .csv} per the file options; returns the files. */
    public List<Path> write(RegressionTable t, OutputFiles.Context context) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (TableFormat f : List.of(TableFormat.MARKDOWN, TableFormat.HTML, TableFormat.LATEX, TableFormat.CSV)) {
            String ext = f == TableFormat.MARKDOWN ? "md" : f == TableFormat.HTML ? "html"
                    : f == TableFormat.LATEX ? "tex" : "csv";
            contents.put(ext, f.render(t).getBytes(StandardCharsets.UTF_8));
        }
        return files.write(context, contents);
    }
}
