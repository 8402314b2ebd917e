package org.panelkit.knime.support.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panelkit.engine.report.CoefficientPlot;
import org.panelkit.knime.support.table.ResultTable;

class CoefficientPlotOptionsTest {

    @Test
    void plotsTheModelsReadFromTables(@TempDir Path dir) throws Exception {
        var o = CoefficientPlotOptions.of(" ic , fdi").withFiles(dir.resolve("coefplot").toString())
                .withVariableLabels("ic = Industrial Cluster (IC)");
        assertEquals(List.of("ic", "fdi"), o.termList());
        var options = o.toPlotOptions(2);
        CoefficientPlot plot = CoefficientPlot.of(List.of(
                ModelInputTest.roundTrip("East", ModelInputTest.fit(List.of("ic")), 0),
                ModelInputTest.roundTrip("West", ModelInputTest.fit(List.of("ic", "fdi")), 1)), options);
        ResultTable points = CoefficientPlotOptions.points(plot);
        assertEquals(3, points.rowCount()); // ic in both, fdi in West
        assertEquals("East", points.value(0, 0));
        assertEquals("Industrial Cluster (IC)", points.value(0, 2));
        assertEquals("fdi", points.value(2, 2));
        var files = o.write(plot, OutputFiles.folderContext(null));
        assertEquals(2, files.size());
        assertTrue(Files.readString(dir.resolve("coefplot.svg")).startsWith("<"));
        byte[] png = Files.readAllBytes(dir.resolve("coefplot.png"));
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
    }

    @Test
    void validationNamesTheFix() {
        // no terms listed: the models' slopes (constant left out, at most 8), as coefplot plots every coefficient
        assertEquals(List.of("IC", "CX"), CoefficientPlotOptions.of(" ").toPlotOptions(1, List.of("IC", "_cons", "CX", "IC"))
                .terms());
        assertEquals(8, CoefficientPlotOptions.defaultTerms(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i")).size());
        var e = assertThrows(IllegalArgumentException.class, () -> CoefficientPlotOptions.of(" ").toPlotOptions(1));
        assertEquals("no terms to plot: the models have no slopes; enter the regressors to plot, comma-separated "
                + "(e.g. IC)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new CoefficientPlotOptions("IC", "", "", "", "", 100, 0, 2, false, OutputFiles.at("")).toPlotOptions(1));
        assertEquals("plot width must be between 200 and 20000 pixels, got 100: change the option", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CoefficientPlotOptions.of("IC").withVariableLabels("IC: Industrial Cluster").validate(1));
        assertEquals("Variable labels, line 1 'IC: Industrial Cluster': write TERM = Label, e.g. IC = Industrial "
                + "Cluster (IC)", e.getMessage());
    }
}
