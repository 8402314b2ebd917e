package org.panelkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.report.InferenceStatistic;
import org.panelkit.engine.report.LatexTable;
import org.panelkit.engine.report.ModelSummary;
import org.panelkit.engine.report.RSquared;
import org.panelkit.engine.report.RegressionTable;
import org.panelkit.engine.report.StarLevels;
import org.panelkit.engine.report.TableFormat;
import org.panelkit.engine.report.TableOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code panelkit table}: models saved by {@code panelkit fe --format json} side by side, as a publication table. */
@Command(name = "table", mixinStandardHelpOptions = true,
        customSynopsis = {"panelkit table --models FILE[,FILE...] --format csv|md|html|tex",
                "    [--out FILE] [OPTIONS]"},
        footer = {"",
            "Examples:",
            "  panelkit table --models m1.json,m2.json --format md",
            "  panelkit table --models m1.json,m2.json --labels \"Model 1\",\"Model 2\" \\",
            "      --var-labels labels.csv --format tex --out table1.tex"},
        description = "Publication regression table (a column per model, stars, standard errors in parentheses) "
                + "from model files written by 'panelkit fe --format json'; CSV, Markdown, HTML or LaTeX.")
final class TableCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    DelimiterOption delimiterOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--models", required = true, split = ",", paramLabel = "FILE[,FILE...]", hideParamSyntax = true,
            description = "model files (JSON of 'panelkit fe --format json'), one column each")
    List<Path> models;

    @Option(names = "--labels", split = ",", paramLabel = "LABEL[,LABEL...]", hideParamSyntax = true,
            description = "column labels, one per model (default: (1), (2), ...)")
    List<String> labels = new ArrayList<>();

    @Option(names = "--var-labels", paramLabel = "FILE.csv",
            description = "CSV with columns term,label: labels of terms and of the dependent variable "
                    + "(default: the names)")
    Path varLabels;

    @Option(names = "--keep", split = ",", paramLabel = "TERM[,TERM...]", hideParamSyntax = true,
            description = "show only these terms, in this order (default: every term)")
    List<String> keep = new ArrayList<>();

    @Option(names = "--drop", split = ",", paramLabel = "TERM[,TERM...]", hideParamSyntax = true,
            description = "leave out these terms (_cons: the constant) (default: none)")
    List<String> drop = new ArrayList<>();

    @Option(names = "--order", split = ",", paramLabel = "TERM[,TERM...]", hideParamSyntax = true,
            description = "put these terms first, in this order (default: the models' order)")
    List<String> order = new ArrayList<>();

    @Option(names = "--stat", defaultValue = "se", paramLabel = "se|t",
            description = "in parentheses: standard error or t statistic (default: ${DEFAULT-VALUE})")
    String stat;

    @Option(names = "--decimals", defaultValue = "3", paramLabel = "D", description = "decimals of estimates and standard errors (default: ${DEFAULT-VALUE})")
    int decimals;

    @Option(names = "--r2", defaultValue = "within", paramLabel = "within|within-entity|lsdv",
            description = "which R² (default: ${DEFAULT-VALUE}, net of all fixed effects)")
    String r2;

    @Option(names = "--stars", defaultValue = "0.1,0.05,0.01", paramLabel = "P1,P2,...|none",
            description = "star thresholds, loosest first (default: ${DEFAULT-VALUE})")
    String stars;

    @Option(names = "--title", paramLabel = "TEXT", description = "table title (caption) (default: none)")
    String title;

    @Option(names = "--entity-label", defaultValue = "Region effects", paramLabel = "TEXT",
            description = "label of the entity-effects row (default: ${DEFAULT-VALUE})")
    String entityLabel;

    @Option(names = "--time-label", defaultValue = "Time effects", paramLabel = "TEXT",
            description = "label of the time-effects row (default: ${DEFAULT-VALUE})")
    String timeLabel;

    @Option(names = "--constant-label", defaultValue = "Constant", paramLabel = "TEXT",
            description = "label of the constant (default: ${DEFAULT-VALUE})")
    String constantLabel;

    @Option(names = "--no-depvar", description = "leave out the row naming each column's dependent variable (default: shown)")
    boolean noDepvar;

    @Option(names = "--note", paramLabel = "TEXT", description = "an extra line for the notes, repeatable (default: none)")
    List<String> notes = new ArrayList<>();

    @Option(names = "--format", required = true, paramLabel = "csv|md|html|tex",
            description = "output format: csv, md (Markdown), html or tex (LaTeX) (required)")
    String format;

    @Option(names = "--tex-style", defaultValue = "threeparttable", paramLabel = "threeparttable|tabular",
            description = "LaTeX: a table float with threeparttable notes, or the bare tabular (default: ${DEFAULT-VALUE})")
    String texStyle;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: standard output)")
    Path out;

    @Override
    public Integer call() {
        OutputPaths.checkFile(out);
        TableFormat f = TableFormat.fromKey(format);
        LatexTable.Style style = latexStyle(texStyle);
        TableOptions options = TableOptions.builder().keep(keep).drop(drop).order(order)
                .variableLabels(ModelFiles.variableLabels(varLabels)).statistic(InferenceStatistic.fromKey(stat))
                .decimals(decimals).rSquared(RSquared.fromKey(r2)).stars(starLevels(stars)).title(title)
                .entityEffectsLabel(entityLabel).timeEffectsLabel(timeLabel).constantLabel(constantLabel)
                .dependentVariableRow(!noDepvar).extraNotes(notes).build();
        List<ModelSummary> summaries = ModelFiles.read(models, labels);
        RegressionTable table = RegressionTable.of(summaries, options);
        String text = f == TableFormat.LATEX ? LatexTable.render(table, style) : f.render(table);
        if (out == null) {
            var w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
        } else {
            ModelFiles.write(out, text);
        }
        return 0;
    }

    static LatexTable.Style latexStyle(String key) {
        switch (key) {
        case "threeparttable":
            return LatexTable.Style.THREEPARTTABLE;
        case "tabular":
            return LatexTable.Style.TABULAR;
        default:
            throw new PanelKitException("unknown --tex-style '" + key + "' (expected threeparttable or tabular)");
        }
    }

    static StarLevels starLevels(String spec) {
        if (spec.strip().equalsIgnoreCase("none")) {
            return StarLevels.none();
        }
        String[] parts = spec.split(",");
        double[] t = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                t[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new PanelKitException("--stars: '" + parts[i].strip() + "' is not a number (expected e.g. "
                        + "0.1,0.05,0.01 or none)");
            }
        }
        return StarLevels.of(t);
    }
}
