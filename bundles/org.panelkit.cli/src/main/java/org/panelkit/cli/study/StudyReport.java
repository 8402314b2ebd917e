package org.panelkit.cli.study;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.panelkit.cli.ModelJson;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.report.CoefficientPlot;
import org.panelkit.engine.report.HtmlTable;
import org.panelkit.engine.report.MarkdownTable;
import org.panelkit.engine.report.ModelSummary;
import org.panelkit.engine.report.PlainTable;
import org.panelkit.engine.report.PlotOptions;
import org.panelkit.engine.report.RegressionTable;
import org.panelkit.engine.report.TableFormat;
import org.panelkit.engine.report.TableOptions;
import org.panelkit.engine.report.TextTable;

/**
 * Writes the study's report: each table in Markdown, HTML, LaTeX and CSV, every model as the JSON of
 * {@code panelkit fe --format json} and as a coefficient CSV (the expected tables of the KNIME testflows),
 * the coefficient plot (SVG, PNG), the prepared panel, and report.md / report.html collecting everything.
 */
final class StudyReport {
    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("IC", "Industrial Cluster (IC)");
        LABELS.put("IC2", "Industrial Cluster (IC2)");
        LABELS.put("CX", "Technical Innovation (CX)");
        LABELS.put("HUM", "Human Capital (HUM)");
        LABELS.put("FDI", "Foreign Direct Investment (FDI)");
        LABELS.put("GOV", "Government Expenditure (GOV)");
        LABELS.put("INF", "Infrastructure (INF)");
        LABELS.put("TC", "Transaction Cost (TC)");
        LABELS.put("TE", "Transaction Efficiency (TE)");
        LABELS.put("KS", "Knowledge Spillover (KS)");
    }

    /** A section of the report: a regression table or a results table. */
    static final class Section {
        final String id;
        final RegressionTable table;
        final TextTable text;

        Section(String id, RegressionTable table, TextTable text) {
            this.id = id;
            this.table = table;
            this.text = text;
        }

        String markdown() {
            return table != null ? TableFormat.MARKDOWN.render(table) : text.markdown();
        }

        String html() {
            return table != null ? HtmlTable.table(table) : text.html();
        }

        String plain() {
            return table != null ? PlainTable.render(table) : text.plain();
        }
    }

    private final Map<String, StudyModel> models;
    private final String dataNote;
    private final List<Section> sections = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final StudyPanel panel;

    StudyReport(Map<String, StudyModel> models, StudyPanel panel, String dataNote) {
        this.models = models;
        this.panel = panel;
        this.dataNote = dataNote;
        table("table1", "Table 1: Results of benchmark regression", "m1", "m2");
        table("table2", "Table 2: Results of robustness test (IC2)", "t2_overall", "t2_east", "t2_central", "t2_west");
        table("table3", "Table 3: Regression results before and after the trade shock", "t3_pre", "t3_post");
        table("table4", "Table 4: Regional heterogeneity", "t4_east", "t4_central", "t4_west");
    }

    /** Adds a results table (difference test, mechanisms, bootstrap) after the regression tables. */
    void add(String id, TextTable table) {
        sections.add(new Section(id, null, table.withNote(dataNote)));
    }

    /** A one-line note on a part of the study that was left out or changed by the options. */
    void note(String text) {
        notes.add(text);
    }

    private void table(String id, String title, String... ids) {
        List<ModelSummary> summaries = new ArrayList<>();
        for (String m : ids) {
            StudyModel sm = models.get(m);
            summaries.add(ModelSummary.of(sm.label(), sm.result()));
        }
        TableOptions options = TableOptions.builder().title(title).variableLabels(LABELS).constantLabel("Constant term")
                .entityEffectsLabel("Regional effects").timeEffectsLabel("Time effects")
                .extraNotes(List.of(dataNote)).build();
        sections.add(new Section(id, RegressionTable.of(summaries, options), null));
    }

    List<ModelSummary> summaries(String... ids) {
        List<ModelSummary> out = new ArrayList<>();
        for (String m : ids) {
            out.add(ModelSummary.of(models.get(m).label(), models.get(m).result()));
        }
        return out;
    }

    void write(Path dir) throws IOException {
        org.panelkit.cli.OutputPaths.directory(dir.resolve("models"));
        for (StudyModel m : models.values()) {
            FixedEffectsResult r = m.result();
            write(dir.resolve("models/" + m.id() + ".json"), modelJson(r));
            write(dir.resolve("models/" + m.id() + "_coefficients.csv"), coefficientsCsv(r));
        }
        StringBuilder md = new StringBuilder("# Industrial clusters and foreign trade: the study reproduced\n\n")
                .append("**").append(MarkdownTable.escape(dataNote)).append("**\n\n");
        StringBuilder html = new StringBuilder("<h1>Industrial clusters and foreign trade: the study reproduced</h1>\n"
                + "<p class=\"data-note\">").append(escapeHtml(dataNote)).append("</p>\n");
        for (Section s : sections) {
            if (s.table != null) {
                for (TableFormat f : TableFormat.values()) {
                    write(dir.resolve(s.id + "." + f.key()), f.render(s.table));
                }
            } else {
                write(dir.resolve(s.id + ".md"), s.text.markdown());
                write(dir.resolve(s.id + ".html"), s.text.htmlPage());
                write(dir.resolve(s.id + ".csv"), s.text.csv());
                write(dir.resolve(s.id + ".tex"), s.text.latex());
            }
            md.append(s.markdown()).append('\n');
            html.append(s.html()).append('\n');
        }
        for (String n : notes) {
            md.append("*").append(MarkdownTable.escape(n)).append("*\n\n");
            html.append("<p class=\"report-note\">").append(escapeHtml(n)).append("</p>\n");
        }
        List<ModelSummary> plotted = summaries("m2", "t4_east", "t4_central", "t4_west", "t3_pre", "t3_post");
        plotted.set(0, plotted.get(0).withLabel("All provinces"));
        CoefficientPlot plot = CoefficientPlot.of(plotted, PlotOptions.builder(List.of("IC"))
                .title("IC and trade quality (TU), 95% CIs").caption(dataNote).variableLabels(LABELS).build());
        write(dir.resolve("coefplot.svg"), plot.svg());
        try (OutputStream out = Files.newOutputStream(dir.resolve("coefplot.png"))) {
            plot.writePng(out);
        } catch (IOException e) {
            throw new PanelKitException("cannot write '" + dir.resolve("coefplot.png") + "': "
                    + org.panelkit.cli.OutputPaths.reason(e));
        }
        md.append("![Coefficient plot](coefplot.svg)\n");
        html.append("<img class=\"plot\" src=\"coefplot.svg\" alt=\"Coefficient plot of IC across samples\">\n");
        write(dir.resolve("report.md"), md.toString());
        write(dir.resolve("report.html"), HtmlTable.page("Industrial clusters and foreign trade: the study reproduced",
                html.toString()));
        write(dir.resolve("panel.csv"), panelCsv());
        write(dir.resolve(DATA_NOTE), sideCar("panel.csv"));
        write(dir.resolve("models").resolve(DATA_NOTE), sideCar("every file in this folder (models/*.json carry it "
                + "as the field data_note; models/*_coefficients.csv are plain data for comparison)"));
    }

    /** The side-car note of CSV files that stay plain data (no note rows or columns). */
    static final String DATA_NOTE = "DATA_NOTE.txt";

    private String sideCar(String what) {
        return dataNote + "\n\nThis note covers " + what + ".\n";
    }

    /** A model's JSON ({@code panelkit fe --format json}) with the data note as its first field. */
    private String modelJson(FixedEffectsResult r) {
        com.google.gson.JsonObject fields = ModelJson.toJson(r, r.warnings(), 0, 0);
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        o.addProperty("data_note", dataNote);
        for (var e : fields.entrySet()) {
            o.add(e.getKey(), e.getValue());
        }
        return ModelJson.render(o);
    }

    private static String coefficientsCsv(FixedEffectsResult r) {
        StringBuilder sb = new StringBuilder("term,estimate,std_error,statistic,p_value,conf_low,conf_high,stars\n");
        List<Coefficient> all = new ArrayList<>(r.coefficients());
        if (r.constant() != null) {
            all.add(r.constant());
        }
        for (Coefficient c : all) {
            sb.append(String.format(Locale.ROOT, "%s,%.15g,%.15g,%.15g,%.15g,%.15g,%.15g,%s%n", c.term(), c.estimate(),
                    c.stdError(), c.statistic(), c.pValue(), c.confLow(), c.confHigh(), c.stars()));
        }
        return sb.toString();
    }

    private String panelCsv() {
        var v = panel.variables();
        List<String> cols = List.of("TU", "IC", "IC2", "CX", "HUM", "FDI", "GOV", "INF", "TC", "TE", "KS");
        StringBuilder sb = new StringBuilder("province,region,year," + String.join(",", cols) + "\n");
        var province = v.key("province");
        var region = v.key("region");
        var year = v.key("year");
        List<double[]> values = new ArrayList<>();
        for (String c : cols) {
            values.add(v.numeric(c));
        }
        for (int i = 0; i < v.rowCount(); i++) {
            sb.append(province.level(province.code(i))).append(',').append(region.level(region.code(i))).append(',')
                    .append(year.level(year.code(i)));
            for (double[] col : values) {
                sb.append(',').append(Double.isNaN(col[i]) ? "" : String.format(Locale.ROOT, "%.15g", col[i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The tables as plain text for the console (Markdown goes to the .md files). */
    String consoleText() {
        StringBuilder sb = new StringBuilder();
        sb.append(dataNote).append("\n\n");
        for (Section s : sections) {
            sb.append(s.plain()).append('\n');
        }
        for (String n : notes) {
            sb.append(n).append('\n');
        }
        return sb.toString();
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PanelKitException("cannot write '" + file + "': " + org.panelkit.cli.OutputPaths.reason(e));
        }
    }
}
