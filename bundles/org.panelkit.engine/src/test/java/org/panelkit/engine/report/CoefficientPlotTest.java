package org.panelkit.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.stats.Distributions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Coefficient plots: the points, the SVG document, the PNG image. */
class CoefficientPlotTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static List<ModelSummary> models() {
        return List.of(ModelSummary.of("Two-way", ProducModels.twoway()),
                ModelSummary.of("Entity & CR2", ProducModels.entityCr2()),
                ModelSummary.of("Driscoll-Kraay", ProducModels.driscollKraay()));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<Element> byClass(Document d, String cls) {
        List<Element> out = new ArrayList<>();
        for (String tag : new String[] {"circle", "polygon", "rect"}) {
            NodeList nodes = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                if (cls.equals(e.getAttribute("class"))) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static List<String> texts(Document d) {
        List<String> out = new ArrayList<>();
        NodeList nodes = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void pointsUseTheStoredIntervalsByDefault() {
        CoefficientPlot p = CoefficientPlot.of(models(), PlotOptions.builder(List.of("ln_pc", "unemp")).build());
        // unemp is not in the third model
        assertEquals(5, p.points().size());
        PlotPoint first = p.points().get(0);
        Coefficient c = ProducModels.twoway().coefficients().get(1);
        assertEquals("Two-way", first.modelLabel());
        assertEquals(c.estimate(), first.estimate());
        assertEquals(c.confLow(), first.low());
        assertEquals(c.confHigh(), first.high());
        assertEquals(0.95, first.level());
    }

    @Test
    void anotherLevelIsRecomputedWithEachCoefficientsDf() {
        CoefficientPlot p = CoefficientPlot.of(models(), PlotOptions.builder(List.of("ln_emp")).level(0.90).build());
        for (int m = 0; m < 3; m++) {
            PlotPoint pt = p.points().get(m);
            Coefficient c = models().get(m).coefficient("ln_emp");
            double half = Distributions.criticalValue(0.90, c.df()) * c.stdError();
            assertEquals(c.estimate() - half, pt.low(), 1e-12);
            assertEquals(c.estimate() + half, pt.high(), 1e-12);
            assertTrue(pt.high() - pt.low() < c.confHigh() - c.confLow());
        }
        // the same level as stored gives the stored interval exactly
        PlotPoint same = CoefficientPlot.of(models(), PlotOptions.builder(List.of("ln_emp")).level(0.95).build())
                .points().get(0);
        assertEquals(models().get(0).coefficient("ln_emp").confLow(), same.low());
    }

    @Test
    void svgIsWellFormedWithAMarkerPerModelAndTermAndLabelledAxes() throws Exception {
        PlotOptions o = PlotOptions.builder(List.of("ln_pcap", "ln_pc", "ln_emp")).title("Produc <&> elasticities")
                .variableLabels(Map.of("ln_pc", "Private capital (log)")).build();
        String svg = CoefficientPlot.of(models(), o).svg();
        Document d = parse(svg);
        Element root = d.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("720", root.getAttribute("width"));
        assertEquals(9, byClass(d, "marker").size(), "3 models x 3 terms");
        assertEquals(3, byClass(d, "legend-marker").size());
        List<String> texts = texts(d);
        assertTrue(texts.contains("Coefficient estimate (95% CI)"), texts.toString());
        assertTrue(texts.contains("Model"), "y-axis title");
        assertTrue(texts.containsAll(List.of("Two-way", "Entity & CR2", "Driscoll-Kraay")), "row labels");
        assertTrue(texts.contains("Private capital (log)") && texts.contains("ln_pcap"), "legend");
        assertTrue(texts.contains("Produc <&> elasticities"), "title, escaped in the source");
        assertTrue(svg.contains("Produc &lt;&amp;&gt; elasticities"));
        assertTrue(texts.contains("0.0"), "an x tick at zero: " + texts);
        // one shape per term: the first term's markers are circles, the second's polygons
        long circles = byClass(d, "marker").stream().filter(e -> e.getLocalName().equals("circle")).count();
        assertEquals(3, circles);
        // the dashed zero line
        assertTrue(svg.contains("stroke-dasharray"));
        // only black, white and greys
        for (String colour : svg.split("#").length > 1 ? colours(svg) : List.<String>of()) {
            assertEquals(colour.substring(0, 2), colour.substring(2, 4), colour);
            assertEquals(colour.substring(2, 4), colour.substring(4, 6), colour);
        }
    }

    private static List<String> colours(String svg) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"#([0-9a-fA-F]{6})\"").matcher(svg);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void oneTermNeedsNoLegendAndNamesTheTermOnTheAxis() throws Exception {
        PlotOptions o = PlotOptions.builder(List.of("ln_pc")).yLabel("").xLabel(null)
                .variableLabels(Map.of("ln_pc", "Private capital")).build();
        Document d = parse(CoefficientPlot.of(models(), o).svg());
        assertEquals(3, byClass(d, "marker").size());
        assertEquals(0, byClass(d, "legend-marker").size());
        List<String> texts = texts(d);
        assertTrue(texts.contains("Estimate of Private capital (95% CI)"), texts.toString());
        assertFalse(texts.contains("Model"));
        Document custom = parse(CoefficientPlot.of(models(), PlotOptions.builder(List.of("ln_pc"))
                .xLabel("Elasticity").yLabel("Sample").level(0.9).build()).svg());
        assertTrue(texts(custom).containsAll(List.of("Elasticity", "Sample")));
    }

    @Test
    void pngDecodesAtTheRequestedSizeInGreysOnly() throws Exception {
        PlotOptions o = PlotOptions.builder(List.of("ln_pcap", "ln_pc")).width(640).height(360).title("T").build();
        byte[] png = CoefficientPlot.of(models(), o).png();
        assertEquals((byte) 0x89, png[0]);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(640, img.getWidth());
        assertEquals(360, img.getHeight());
        int dark = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                assertTrue(r == g && g == b, "grey only at " + x + "," + y);
                dark += r < 64 ? 1 : 0;
            }
        }
        assertTrue(dark > 2000, "something is drawn: " + dark);
        assertEquals(0xffffffff, img.getRGB(0, 0), "white background");

        BufferedImage twice = ImageIO.read(new ByteArrayInputStream(CoefficientPlot.of(models(),
                PlotOptions.builder(List.of("ln_pc")).width(500).scale(2).build()).png()));
        assertEquals(1000, twice.getWidth());
        BufferedImage auto = CoefficientPlot.of(models(), PlotOptions.builder(List.of("ln_pc")).width(500).build())
                .image();
        assertEquals(500, auto.getWidth());
        assertEquals(twice.getHeight(), 2 * auto.getHeight(), 2);
    }

    @Test
    void zeroLineSitsAtZeroInThePng() {
        // one model with an interval from -1 to 3: the dashed line at 0 lies a quarter of the way along the axis
        ModelSummary m = ModelSummary.builder().label("m")
                .coefficients(List.of(new Coefficient("b", 1, 1, 1, 0.3, -1, 3, 100))).observations(10).build();
        CoefficientPlot p = CoefficientPlot.of(List.of(m), PlotOptions.builder(List.of("b")).yLabel("").build());
        AxisTicks ticks = AxisTicks.covering(-1, 3, 6);
        assertTrue(ticks.min < -1 && ticks.max > 3 && ticks.ticks.contains(0.0), ticks.ticks.toString());
        assertEquals(List.of(-1.0, 0.0, 1.0, 2.0, 3.0), ticks.ticks);
        BufferedImage img = p.image();
        assertTrue(img.getWidth() == 720 && img.getHeight() > 100);
    }

    @Test
    void ticksAreNiceAndIncludeZero() {
        AxisTicks t = AxisTicks.covering(0.2, 0.45, 5);
        assertTrue(t.ticks.contains(0.0) && t.min < 0 && t.max > 0.45, t.ticks.toString());
        assertEquals("0.1", t.label(0.1));
        AxisTicks big = AxisTicks.covering(-1200, 300, 5);
        assertEquals("-1000", big.label(-1000));
        AxisTicks flat = AxisTicks.covering(0, 0, 5);
        assertTrue(flat.min < 0 && flat.max > 0);
    }

    @Test
    void badRequestsAreExplained() {
        PanelKitException e = assertThrows(PanelKitException.class,
                () -> CoefficientPlot.of(models(), PlotOptions.builder(List.of("IC")).build()));
        assertTrue(e.getMessage().contains("'IC'") && e.getMessage().contains("ln_pcap"), e.getMessage());
        assertThrows(PanelKitException.class, () -> PlotOptions.builder(List.of()).build());
        assertThrows(PanelKitException.class, () -> PlotOptions.builder(List.of("a", "a")).build());
        assertThrows(PanelKitException.class,
                () -> PlotOptions.builder(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i")).build());
        assertThrows(PanelKitException.class, () -> PlotOptions.builder(List.of("a")).level(1.5).build());
        assertThrows(PanelKitException.class, () -> PlotOptions.builder(List.of("a")).width(50).build());
        assertThrows(PanelKitException.class, () -> CoefficientPlot.of(List.of(), PlotOptions.builder(List.of("a"))
                .build()));
        assertThrows(PanelKitException.class, () -> CoefficientPlot.of(models(),
                PlotOptions.builder(List.of("ln_pc")).height(100).build()).svg());
        assertTrue(MarkerShape.values().length >= PlotOptions.MAX_TERMS);
        ModelSummary noDf = ModelSummary.builder().coefficients(List.of(new Coefficient("b", 1, 1, 1, 0.3, -1, 3,
                Double.NaN))).build();
        assertThrows(PanelKitException.class, () -> CoefficientPlot.of(List.of(noDf),
                PlotOptions.builder(List.of("b")).level(0.9).build()));
    }
}
