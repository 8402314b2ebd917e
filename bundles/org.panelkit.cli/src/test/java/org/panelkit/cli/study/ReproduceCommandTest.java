package org.panelkit.cli.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panelkit.cli.Main;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code panelkit reproduce} end to end, and the variable definitions against hand computation. */
class ReproduceCommandTest {
    @TempDir
    Path dir;

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void writesEveryTableModelAndFigureAndSaysTheDataAreSynthetic() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path report = dir.resolve("report");
        int code = run(out, err, "reproduce", "--out", report.toString(), "--wild-reps", "999", "--mediation-reps", "99");
        assertEquals(0, code, err.toString());
        for (String t : List.of("table1", "table2", "table3", "table4", "difference", "mechanisms", "wild_bootstrap")) {
            for (String ext : List.of("md", "html", "csv", "tex")) {
                assertTrue(Files.size(report.resolve(t + "." + ext)) > 0, t + "." + ext);
            }
        }
        for (String f : List.of("coefplot.svg", "coefplot.png", "report.md", "report.html", "panel.csv")) {
            assertTrue(Files.size(report.resolve(f)) > 0, f);
        }
        List<String> ids = List.of("m1", "m2", "t2_overall", "t2_east", "t2_central", "t2_west", "t3_pre", "t3_post",
                "t4_east", "t4_central", "t4_west");
        for (String id : ids) {
            assertTrue(Files.exists(report.resolve("models/" + id + ".json")), id);
            assertTrue(Files.readString(report.resolve("models/" + id + "_coefficients.csv"))
                    .startsWith("term,estimate,std_error,statistic,p_value,conf_low,conf_high,stars\n"), id);
        }
        assertTrue(Files.readString(report.resolve("report.md")).contains(ReproduceCommand.NOTICE));
        assertTrue(Files.readString(report.resolve("report.html")).contains(ReproduceCommand.NOTICE));
        assertTrue(out.toString().contains(ReproduceCommand.NOTICE));
        // sample sizes of the study: 630 overall, 231/168/231 by region, 480/150 before/after 2017
        int[] n = {630, 630, 630, 231, 168, 231, 480, 150, 231, 168, 231};
        for (int i = 0; i < ids.size(); i++) {
            JsonObject m = JsonParser.parseString(Files.readString(report.resolve("models/" + ids.get(i) + ".json")))
                    .getAsJsonObject();
            assertEquals(n[i], m.get("n").getAsInt(), ids.get(i));
            assertEquals(0, m.get("n_dropped_missing").getAsInt(), ids.get(i) + ": interpolation left gaps");
        }
    }

    @Test
    void sameModelFromTheWrittenPanelWithPanelkitFe() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path report = dir.resolve("r2");
        assertEquals(0, run(out, err, "reproduce", "--out", report.toString(), "--wild-reps", "0",
                "--mediation-reps", "0"), err.toString());
        StringWriter fe = new StringWriter();
        assertEquals(0, run(fe, err, "fe", "--data", report.resolve("panel.csv").toString(), "--y", "TU", "--x",
                "IC,CX,HUM,FDI,GOV,INF", "--entity", "province", "--time", "year", "--format", "json"), err.toString());
        JsonObject direct = JsonParser.parseString(fe.toString()).getAsJsonObject();
        JsonObject m2 = JsonParser.parseString(Files.readString(report.resolve("models/m2.json"))).getAsJsonObject();
        for (int j = 0; j < 6; j++) {
            double a = direct.getAsJsonArray("coefficients").get(j).getAsJsonObject().get("estimate").getAsDouble();
            double b = m2.getAsJsonArray("coefficients").get(j).getAsJsonObject().get("estimate").getAsDouble();
            assertEquals(b, a, 1e-9 * Math.abs(b));
        }
    }

    @Test
    void badOptionsAndMissingDataAreErrors() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(2, run(out, err, "reproduce", "--data", dir.resolve("none.csv").toString(), "--out",
                dir.toString()));
        assertTrue(err.toString().startsWith("error: cannot read"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(2, run(out, err2, "reproduce", "--ic-sector", "mining", "--out", dir.toString()));
        assertTrue(err2.toString().contains("unknown IC sector 'mining'"), err2.toString());
    }

    @Test
    void variablesFollowTheirDefinitions() {
        // two provinces, one year: hand-computed location quotients and ratios
        double[] pri = {10, 30};
        double[] sec = {50, 40};
        double[] ind = {40, 20};
        double[] ter = {40, 30};
        Columns raw = new Columns(2)
                .addKey("province", KeyColumn.ofStrings("province", new String[] {"Beijing", "Henan"}))
                .addKey("region", KeyColumn.ofStrings("region", new String[] {"East", "Central"}))
                .addKey("year", KeyColumn.ofNumbers("year", new double[] {2001, 2001}))
                .addNumeric("primary_output", pri).addNumeric("secondary_output", sec)
                .addNumeric("tertiary_output", ter).addNumeric("industry_output", ind)
                .addNumeric("exports", new double[] {30, 5}).addNumeric("imports", new double[] {20, 5})
                .addNumeric("patents_granted", new double[] {500, 100}).addNumeric("population", new double[] {100, 200})
                .addNumeric("schooling_years", new double[] {10, 8}).addNumeric("employment", new double[] {60, 120})
                .addNumeric("fdi", new double[] {5, 1}).addNumeric("gov_expenditure", new double[] {15, 20})
                .addNumeric("optical_cable_km", new double[] {300, 800})
                .addNumeric("transaction_cost", new double[] {10, 12})
                .addNumeric("transaction_efficiency", new double[] {2000, 1000})
                .addNumeric("knowledge_spillover", new double[] {1.5, 0.5});
        Columns v = StudyVariables.derive(raw, StudyVariables.IcSector.INDUSTRY);
        // Y_i = 100 for both; national Y = 200; industry national = 60; secondary national = 90
        assertEquals((40.0 / 100) / (60.0 / 200), v.numeric("IC")[0], 1e-14);
        assertEquals((20.0 / 100) / (60.0 / 200), v.numeric("IC")[1], 1e-14);
        assertEquals((50.0 / 100) / (90.0 / 200), v.numeric("IC2")[0], 1e-14);
        assertEquals(0.5, v.numeric("TU")[0], 1e-15);
        assertEquals(5.0, v.numeric("CX")[0], 1e-15);
        assertEquals(Math.log(Math.exp(0.134 * 6 + 0.101 * 4) * 60), v.numeric("HUM")[0], 1e-14);
        assertEquals(5.0, v.numeric("FDI")[0], 1e-14);
        assertEquals(0.15, v.numeric("GOV")[0], 1e-15);
        assertEquals(4.0, v.numeric("INF")[1], 1e-15);
        assertEquals(2.0, v.numeric("TE")[0], 1e-15);
        Columns tertiary = StudyVariables.derive(raw, StudyVariables.IcSector.TERTIARY);
        assertEquals((40.0 / 100) / (70.0 / 200), tertiary.numeric("IC")[0], 1e-14);
    }
}
