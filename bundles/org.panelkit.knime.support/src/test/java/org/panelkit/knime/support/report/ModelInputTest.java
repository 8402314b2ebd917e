package org.panelkit.knime.support.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.fe.FixedEffectsRegression;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.report.ModelSummary;
import org.panelkit.engine.report.RegressionTable;
import org.panelkit.engine.report.TableFormat;
import org.panelkit.knime.support.fe.RegressionOptions;
import org.panelkit.knime.support.fe.RegressionReport;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.ResultTable;
import org.panelkit.knime.support.table.TableSchema;

/** The Panel Regression node's output tables read back into the model summary the engine makes directly. */
class ModelInputTest {
    private static final TableSchema PANEL = TableSchema.of("province", ColumnKind.STRING, "year", ColumnKind.INTEGER,
            "tu", ColumnKind.DOUBLE, "ic", ColumnKind.DOUBLE, "fdi", ColumnKind.DOUBLE);

    static FixedEffectsResult fit(List<String> x) {
        RegressionOptions o = RegressionOptions.builder().y("tu").regressors(x).entity("province").time("year").build();
        int n = 60;
        ColumnsBuilder b = ColumnsBuilder.forRows(n);
        o.declareColumns(PANEL, b);
        for (int i = 0; i < n; i++) {
            int e = i / 10;
            int t = i % 10;
            double ic = Math.sin(i * 1.7) + 0.2 * e;
            double fdi = Math.cos(i * 0.9);
            double tu = 0.6 * ic + 0.3 * fdi + 0.4 * e + 0.1 * t + 0.2 * Math.sin(i * i * 0.37);
            for (int s = 0; s < b.size(); s++) {
                switch (b.name(s)) {
                    case "province" -> b.setString(s, i, "P" + e);
                    case "year" -> b.setDouble(s, i, 2008 + t);
                    case "tu" -> b.setDouble(s, i, tu);
                    case "ic" -> b.setDouble(s, i, ic);
                    case "fdi" -> b.setDouble(s, i, fdi);
                    default -> throw new AssertionError(b.name(s));
                }
            }
        }
        return FixedEffectsRegression.fit(b.build(), o.toModelSpec(PANEL));
    }

    /** A result table as the KNIME adapter would read it (all columns). */
    static ColumnSource source(ResultTable t, boolean coefficients) {
        TableSchema.Builder sb = TableSchema.builder();
        t.columns().forEach(c -> sb.add(c.name(), c.kind()));
        TableSchema schema = sb.build();
        ColumnsBuilder b = ColumnsBuilder.forRows(t.rowCount());
        if (coefficients) {
            ModelInput.declareCoefficients(schema, b);
        } else {
            ModelInput.declareStatistics(schema, b);
        }
        for (int s = 0; s < b.size(); s++) {
            int c = t.columnIndex(b.name(s));
            for (int r = 0; r < t.rowCount(); r++) {
                Object v = t.value(r, c);
                if (v == null) {
                    b.setMissing(s, r);
                } else if (v instanceof String str) {
                    b.setString(s, r, str);
                } else if (v instanceof Integer i) {
                    b.setDouble(s, r, i);
                } else if (v instanceof Long l) {
                    b.setLong(s, r, l);
                } else {
                    b.setDouble(s, r, (Double) v);
                }
            }
        }
        return b.build();
    }

    static TableSchema schema(ResultTable t) {
        TableSchema.Builder sb = TableSchema.builder();
        t.columns().forEach(c -> sb.add(c.name(), c.kind()));
        return sb.build();
    }

    static ModelSummary roundTrip(String label, FixedEffectsResult r, int model) {
        RegressionReport rep = new RegressionReport(r);
        ModelInput.validate(schema(rep.coefficientTable()), schema(rep.statisticsTable()), model);
        return ModelInput.summary(label, source(rep.coefficientTable(), true), source(rep.statisticsTable(), false),
                model);
    }

    /**
     * A model with additional fixed effects (effects = its terms): the Regression Table's effect rows say whether
     * the entity and the time column are among the terms.
     */
    @Test
    void termListsMarkTheEntityAndTimeEffects() {
        FixedEffectsResult r = fit(List.of("ic"));
        RegressionReport rep = new RegressionReport(r);
        ResultTable stats = rep.statisticsTable();
        for (String[] c : new String[][] {{"province,year,region^year", "true", "true"}, {"province,region^year",
                "true", "false"}, {"region^year", "false", "false"}, {"twoway", "true", "true"}, {"time", "false",
                "true"}}) {
            ResultTable.Builder b = ResultTable.builder(stats.columns());
            Object[] row = new Object[stats.columns().size()];
            for (int j = 0; j < row.length; j++) {
                row[j] = stats.value(0, j);
            }
            row[stats.columnIndex("effects")] = c[0];
            ResultTable changed = b.row("model", row).build();
            ModelSummary s = ModelInput.summary(null, source(rep.coefficientTable(), true), source(changed, false), 0);
            assertEquals(Boolean.parseBoolean(c[1]), s.entityEffects(), c[0]);
            assertEquals(Boolean.parseBoolean(c[2]), s.timeEffects(), c[0]);
        }
    }

    @Test
    void tablesGiveTheSameRegressionTableAsTheEngine() {
        FixedEffectsResult m1 = fit(List.of("ic"));
        FixedEffectsResult m2 = fit(List.of("ic", "fdi"));
        var options = RegressionTableOptions.defaults().toTableOptions(2);
        RegressionTable direct = RegressionTable.of(List.of(ModelSummary.of("Model 1", m1),
                ModelSummary.of("Model 2", m2)), options);
        List<String> labels = ModelInput.labels("Model 1; Model 2", 2);
        RegressionTable viaTables = RegressionTable.of(List.of(roundTrip(labels.get(0), m1, 0),
                roundTrip(labels.get(1), m2, 1)), options);
        assertEquals(direct.grid(), viaTables.grid());
        assertEquals(TableFormat.MARKDOWN.render(direct), TableFormat.MARKDOWN.render(viaTables));
        assertTrue(direct.grid().get(1).get(1).contains("tu"), direct.grid().toString()); // dependent variable row
    }

    @Test
    void gridAndFiles(@TempDir Path dir) throws Exception {
        RegressionTable t = RegressionTable.of(List.of(roundTrip(null, fit(List.of("ic")), 0)),
                RegressionTableOptions.defaults().toTableOptions(1));
        ResultTable g = RegressionTableOptions.grid(t);
        assertEquals(List.of("row_kind", "term", "label", "model_1"),
                g.columns().stream().map(ResultTable.Column::name).toList());
        assertEquals(t.grid().size(), g.rowCount());
        List<String> kinds = new ArrayList<>();
        for (int r = 0; r < g.rowCount(); r++) {
            kinds.add((String) g.value(r, 0));
        }
        assertTrue(kinds.containsAll(List.of("MODEL_LABELS", "ESTIMATE", "UNCERTAINTY", "NOTE")), kinds.toString());
        var files = RegressionTableOptions.defaults().withFiles(new OutputFiles(dir.resolve("out/table1").toString(),
                OutputFiles.Overwrite.FAIL, true)).write(t, OutputFiles.folderContext(null));
        assertEquals(4, files.size());
        assertEquals(TableFormat.LATEX.render(t), Files.readString(dir.resolve("out/table1.tex")));
        assertTrue(Files.exists(dir.resolve("out/table1.md")));
    }

    @Test
    void validationNamesTheFix() {
        RegressionReport rep = new RegressionReport(fit(List.of("ic")));
        var e = assertThrows(IllegalArgumentException.class,
                () -> ModelInput.validate(schema(rep.statisticsTable()), schema(rep.coefficientTable()), 1));
        assertEquals("the first table of model 2 (input ports 3 and 4) has no string column 'term': connect the "
                + "Coefficients (first) and Model statistics (second) outputs of a Panel Regression (Fixed Effects) "
                + "node to model 2 (input ports 3 and 4)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelInput.labels("a;b;c", 2));
        assertEquals("3 model labels for 2 models: remove labels or add model input ports", e.getMessage());
        assertEquals(Arrays.asList("East", null), ModelInput.labels("East; ", 2));
        e = assertThrows(IllegalArgumentException.class, () -> RegressionTableOptions.defaults()
                .withFiles("relative/table").toTableOptions(1, OutputFiles.folderContext(null)));
        assertTrue(e.getMessage().startsWith("the output location 'relative/table' is relative to the workflow, but "
                + "the workflow has no local folder"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RegressionTableOptions.defaults().toTableOptions(0));
        assertTrue(e.getMessage().startsWith("no model connected"), e.getMessage());
    }
}
