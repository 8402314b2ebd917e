package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code panelkit plot} end to end on model files written by {@code panelkit fe --format json}. */
class PlotCommandTest {
    @TempDir
    Path dir;

    private static String models() {
        return FittedModels.all();
    }

    @Test
    void svgWithAMarkerPerModelAndTerm() throws Exception {
        Path out = dir.resolve("plot.svg");
        CliRunner r = CliRunner.run("plot", "--models", models(), "--labels", "Two-way,Entity,DK", "--terms",
                "ln_pc,ln_emp", "--title", "Produc", "--xlabel", "Elasticity", "--out", out.toString());
        assertEquals(0, r.code, r.toString());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        Document d = f.newDocumentBuilder().parse(out.toFile());
        assertEquals("svg", d.getDocumentElement().getNodeName());
        String svg = Files.readString(out);
        assertEquals(6, FittedModels.count(svg, "class=\"marker\""));
        assertEquals(2, FittedModels.count(svg, "class=\"legend-marker\""));
        assertTrue(svg.contains(">Elasticity</text>") && svg.contains(">Model</text>") && svg.contains(">DK</text>"));
    }

    @Test
    void pngOfTheRequestedSize() throws Exception {
        Path out = dir.resolve("plot.png");
        CliRunner r = CliRunner.run("plot", "--models", models(), "--terms", "ln_pcap", "--level", "0.9",
                "--width", "600", "--height", "300", "--scale", "2", "--out", out.toString());
        assertEquals(0, r.code, r.toString());
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(1200, img.getWidth());
        assertEquals(600, img.getHeight());
    }

    @Test
    void badInputIsOneErrorLine() {
        String m = FittedModels.TWOWAY.toString();
        String png = dir.resolve("x.png").toString();
        String[][] cases = {
            {"--out must end in .svg or .png", "plot", "--models", m, "--terms", "ln_pc", "--out", "x.pdf"},
            {"no model has the term 'IC'", "plot", "--models", m, "--terms", "IC", "--out", png},
            {"confidence level must be between 0 and 1", "plot", "--models", m, "--terms", "ln_pc", "--level", "95",
                "--out", png},
            {"plot width must be between", "plot", "--models", m, "--terms", "ln_pc", "--width", "10", "--out", png},
        };
        for (String[] c : cases) {
            CliRunner r = CliRunner.run(java.util.Arrays.copyOfRange(c, 1, c.length));
            assertEquals(Main.BAD_INPUT, r.code, r.toString());
            assertTrue(r.err.startsWith("error: ") && r.err.contains(c[0]), c[0] + " / " + r.err);
        }
    }
}
