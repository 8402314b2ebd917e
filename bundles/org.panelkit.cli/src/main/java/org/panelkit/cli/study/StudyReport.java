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
import org.panelkit.engine.report.ModelSummary;
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
    }

    private final Map<String, StudyModel> models;
    private final String dataNote;
    private final List<Section> sections = new ArrayList<>();
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
        sections.add(new Section(id, null, table));
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
        Files.createDirectories(dir.resolve("models"));
        for (StudyModel m : models.values()) {
            FixedEffectsResult r = m.result();
            write(dir.resolve("models/" + m.id() + ".json"), ModelJson.render(r, r.warnings(), 0, 0));
            write(dir.resolve("models/" + m.id() + "_coefficients.csv"), coefficientsCsv(r));
        }
        StringBuilder md = new StringBuilder("# Industrial clusters and foreign trade: the study reproduced\n\n")
                .append("**").append(dataNote).append("**\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Industrial clusters and foreign trade: the study reproduced</title>\n<style>"
                + "body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse;margin:1em 0}"
                + "th,td{padding:.2em .6em;text-align:center}th[scope=row]{text-align:left}"
                + "thead th{border-bottom:1px solid #000}caption{font-weight:bold;text-align:left}"
                + ".notes{font-size:.85em}</style></head><body>\n<h1>Industrial clusters and foreign trade: the study "
                + "reproduced</h1>\n<p><strong>").append(escapeHtml(dataNote)).append("</strong></p>\n");
        for (Section s : sections) {
            if (s.table != null) {
                for (TableFormat f : TableFormat.values()) {
                    write(dir.resolve(s.id + "." + f.key()), f.render(s.table));
                }
            } else {
                write(dir.resolve(s.id + ".md"), s.text.markdown());
                write(dir.resolve(s.id + ".html"), s.text.html());
                write(dir.resolve(s.id + ".csv"), s.text.csv());
                write(dir.resolve(s.id + ".tex"), s.text.latex());
            }
            md.append(s.markdown()).append('\n');
            html.append(s.html()).append('\n');
        }
        List<ModelSummary> plotted = summaries("m2", "t4_east", "t4_central", "t4_west", "t3_pre", "t3_post");
        plotted.set(0, plotted.get(0).withLabel("All provinces"));
        CoefficientPlot plot = CoefficientPlot.of(plotted, PlotOptions.builder(List.of("IC"))
                .title("IC and trade quality (TU), 95% CIs").variableLabels(LABELS).build());
        write(dir.resolve("coefplot.svg"), plot.svg());
        try (OutputStream out = Files.newOutputStream(dir.resolve("coefplot.png"))) {
            plot.writePng(out);
        }
        md.append("![Coefficient plot](coefplot.svg)\n");
        html.append("<img src=\"coefplot.svg\" alt=\"Coefficient plot of IC across samples\">\n</body></html>\n");
        write(dir.resolve("report.md"), md.toString());
        write(dir.resolve("report.html"), html.toString());
        write(dir.resolve("panel.csv"), panelCsv());
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

    /** The tables as Markdown for the console. */
    String consoleText() {
        StringBuilder sb = new StringBuilder();
        for (Section s : sections) {
            sb.append(s.markdown()).append('\n');
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
            throw new PanelKitException("cannot write '" + file + "': " + e.getMessage());
        }
    }
}
