package org.panelkit.knime.support.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

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
 */
public record RegressionTableOptions(String modelLabels, String title, InferenceStatistic statistic, int decimals,
        RSquared rSquared, boolean dependentVariableRow, boolean writeFiles, String fileBase) {

    /** The study's table: standard errors, 3 decimals, within R², a dependent-variable row, no files. */
    public static RegressionTableOptions defaults() {
        return new RegressionTableOptions("", "", InferenceStatistic.STD_ERROR, 3, RSquared.WITHIN, true, false, "");
    }

    public RegressionTableOptions withFiles(String base) {
        return new RegressionTableOptions(modelLabels, title, statistic, decimals, rSquared, dependentVariableRow, true,
                base);
    }

    /**
     * @throws IllegalArgumentException naming the option to fix
     */
    public TableOptions toTableOptions(int models) {
        if (models < 1) {
            throw new IllegalArgumentException("no model connected: add a pair of Model input ports (coefficients, "
                    + "statistics) and connect a Panel Regression node's first two outputs");
        }
        ModelInput.labels(modelLabels, models);
        if (writeFiles) {
            filePath();
        }
        try {
            return TableOptions.builder().title(title).statistic(statistic).decimals(decimals).rSquared(rSquared)
                    .dependentVariableRow(dependentVariableRow).build();
        } catch (PanelKitException e) {
            throw new IllegalArgumentException(e.getMessage() + ": change the option", e);
        }
    }

    /** The file base as an absolute path (extensions are added per format). */
    public Path filePath() {
        if (fileBase == null || fileBase.isBlank()) {
            throw new IllegalArgumentException("no output file given: enter an absolute path without extension (e.g. "
                    + "/home/me/table1) or switch off 'Write files'");
        }
        Path p;
        try {
            p = Paths.get(fileBase.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the output file '" + fileBase + "' is not a valid path: " + e.getMessage(),
                    e);
        }
        if (!p.isAbsolute()) {
            throw new IllegalArgumentException("the output file '" + fileBase + "' is not an absolute path: enter a full "
                    + "path without extension");
        }
        return p;
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

    /** Writes {@code <base>.md, .html, .tex, .csv}; returns the files. */
    public List<Path> write(RegressionTable t) throws IOException {
        Path base = filePath();
        if (base.getParent() != null) {
            Files.createDirectories(base.getParent());
        }
        List<Path> out = new ArrayList<>();
        for (TableFormat f : List.of(TableFormat.MARKDOWN, TableFormat.HTML, TableFormat.LATEX, TableFormat.CSV)) {
            String ext = f == TableFormat.MARKDOWN ? "md" : f == TableFormat.HTML ? "html"
                    : f == TableFormat.LATEX ? "tex" : "csv";
            Path p = base.resolveSibling(base.getFileName() + "." + ext);
            Files.writeString(p, f.render(t), StandardCharsets.UTF_8);
            out.add(p);
        }
        return out;
    }
}
