package org.panelkit.knime.support.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.report.CoefficientPlot;
import org.panelkit.engine.report.ModelSummary;
import org.panelkit.engine.report.PlotOptions;
import org.panelkit.engine.report.PlotPoint;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ResultTable;
import org.panelkit.knime.support.table.ResultTable.Column;

/**
 * Options of the Coefficient Plot node mapped to the engine's {@link PlotOptions}; the plotted points as a result
 * table; the optional files ({@code <file>.svg} and {@code <file>.png}, as {@code panelkit plot} writes them).
 */
public record CoefficientPlotOptions(String terms, String modelLabels, String variableLabels, String title,
        String xLabel, int width, int height, double scale, boolean writeFiles, OutputFiles files) {

    public static final List<Column> POINT_COLUMNS = List.of(
            new Column("model", ColumnKind.STRING, "model label (row of the plot)"),
            new Column("term", ColumnKind.STRING, "coefficient"),
            new Column("term_label", ColumnKind.STRING, "the term as shown in the legend"),
            new Column("estimate", ColumnKind.DOUBLE, "point estimate"),
            new Column("conf_low", ColumnKind.DOUBLE, "lower end of the interval"),
            new Column("conf_high", ColumnKind.DOUBLE, "upper end of the interval"),
            new Column("level", ColumnKind.DOUBLE, "confidence level of the interval"));

    /** The terms, comma-separated, e.g. the study's IC; 720 pixels wide, height from the rows, scale 2. */
    public static CoefficientPlotOptions of(String terms) {
        return new CoefficientPlotOptions(terms, "", "", "", "", 720, 0, 2, false, OutputFiles.at(""));
    }

    public CoefficientPlotOptions withFiles(String base) {
        return withFiles(OutputFiles.at(base));
    }

    public CoefficientPlotOptions withFiles(OutputFiles f) {
        return new CoefficientPlotOptions(terms, modelLabels, variableLabels, title, xLabel, width, height, scale, true,
                f);
    }

    public CoefficientPlotOptions withVariableLabels(String labels) {
        return new CoefficientPlotOptions(terms, modelLabels, labels, title, xLabel, width, height, scale, writeFiles,
                files);
    }

    /** The terms as a list. */
    public List<String> termList() {
        return terms == null ? List.of()
                : Arrays.stream(terms.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The plot options for explicitly listed terms.
     *
     * @throws IllegalArgumentException naming the option to fix
     */
    public PlotOptions toPlotOptions(int models) {
        return toPlotOptions(models, List.of());
    }

    /**
     * The plot options; with no terms listed, the slopes of the models ({@code modelTerms}, the constant left out,
     * at most {@link PlotOptions#MAX_TERMS}), as Stata's {@code coefplot} plots every coefficient by default.
     *
     * @throws IllegalArgumentException naming the option to fix
     */
    public PlotOptions toPlotOptions(int models, List<String> modelTerms) {
        validate(models);
        List<String> terms = termList().isEmpty() ? defaultTerms(modelTerms) : termList();
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("no terms to plot: the models have no slopes; enter the regressors to "
                    + "plot, comma-separated (e.g. IC)");
        }
        try {
            return PlotOptions.builder(terms).title(title).xLabel(xLabel)
                    .variableLabels(TermLabels.parse(variableLabels, "Variable labels")).width(width).height(height).scale(scale)
                    .build();
        } catch (PanelKitException e) {
            throw new IllegalArgumentException(e.getMessage() + ": change the option", e);
        }
    }

    /** The slopes to plot when no term is listed: the models' terms in order, without the constant. */
    public static List<String> defaultTerms(List<String> modelTerms) {
        return modelTerms.stream().filter(t -> !ModelSummary.CONSTANT_TERM.equals(t)).distinct()
                .limit(PlotOptions.MAX_TERMS).toList();
    }

    /**
     * Checks what can be checked before the models are read (models connected, labels, output file).
     *
     * @throws IllegalArgumentException naming the option to fix
     */
    public void validate(int models) {
        validate(models, null);
    }

    /**
     * @param context how to resolve the output location; null: not checked
     * @throws IllegalArgumentException naming the option to fix
     */
    public void validate(int models, OutputFiles.Context context) {
        if (models < 1) {
            throw new IllegalArgumentException("no model connected: add a pair of Model input ports (coefficients, "
                    + "statistics) and connect a Panel Regression node's first two outputs");
        }
        ModelInput.labels(modelLabels, models);
        TermLabels.parse(variableLabels, "Variable labels");
        if (writeFiles && context != null) {
            files.base(context);
        }
    }

    public static ResultTable points(CoefficientPlot plot) {
        var b = ResultTable.builder(POINT_COLUMNS);
        for (PlotPoint p : plot.points()) {
            b.row(null, p.modelLabel(), p.term(), p.termLabel(), p.estimate(), p.low(), p.high(), p.level());
        }
        return b.build();
    }

    /** Writes {@code <base>.svg} and {@code <base>.png} per the file options; returns them. */
    public List<Path> write(CoefficientPlot plot, OutputFiles.Context context) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        contents.put("svg", plot.svg().getBytes(StandardCharsets.UTF_8));
        contents.put("png", plot.png());
        return files.write(context, contents);
    }
}
