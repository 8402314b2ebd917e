package org.panelkit.knime.support.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.panelkit.knime.support.fe.RegressionNodeText;
import org.w3c.dom.Document;

class NodeDocXmlTest {

    static NodeDoc regressionWithOptions() {
        return RegressionNodeText.doc()
                .tabs(List.of(new NodeDoc.Tab("Model", List.of(
                        new NodeDoc.Option("Dependent variable (y)", "The <b>numeric</b> column to explain.", "y_column"),
                        new NodeDoc.Option("Effects", "<ul><li><b>Two-way</b>: entity and time</li></ul>", "effects")))))
                .build();
    }

    @Test
    void writesNamespacedElementsAndSettingsKeys() {
        Document d = NodeDocXml.toDocument(regressionWithOptions());
        assertEquals(NodeDocXml.NAMESPACE, d.getDocumentElement().getNamespaceURI());
        assertEquals("knimeNode", d.getDocumentElement().getLocalName());
        String xml = NodeDocXml.toXml(regressionWithOptions());
        assertTrue(xml.contains("Settings key: <tt>y_column</tt>"), xml);
        assertTrue(xml.contains("<outPort index=\"2\" name=\"Residuals\">"), xml);
        assertTrue(xml.contains("<keyword>xtreg</keyword>"), xml);
    }

    @Test
    void rejectsMalformedHtml() {
        NodeDoc bad = NodeDoc.builder("X").intro("<p>unclosed").build();
        assertThrows(IllegalArgumentException.class, () -> NodeDocXml.toDocument(bad));
    }

    /** The lenient writer (what the node factories use) reports a malformed text and writes it as plain text. */
    @Test
    void lenientWriterReportsAndWritesPlainText() {
        NodeDoc bad = NodeDoc.builder("X").intro("Rows with time < break year").build();
        java.util.List<String> problems = new java.util.ArrayList<>();
        Document d = NodeDocXml.toDocument(bad, problems::add);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Rows with time < break year"), problems.get(0));
        assertEquals("Rows with time < break year",
                d.getElementsByTagNameNS(NodeDocXml.NAMESPACE, "intro").item(0).getTextContent());
    }

    /** Validates against KNIME's schema in the shared reference folder (skipped when it is not there). */
    @Test
    void validAgainstKnimeSchema53() throws Exception {
        Path xsd = knimeSchema();
        Assumptions.assumeTrue(xsd != null, "shared/knime-schemas/Node_v5.3.xsd not found");
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile());
        schema.newValidator().validate(new DOMSource(NodeDocXml.toDocument(regressionWithOptions())));
    }

    /** Every node text of the support bundle is valid against the schema too. */
    @Test
    void allNodeTextsValid() throws Exception {
        Path xsd = knimeSchema();
        Assumptions.assumeTrue(xsd != null, "shared/knime-schemas/Node_v5.3.xsd not found");
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile());
        for (NodeDoc.Builder b : List.of(org.panelkit.knime.support.prep.PrepNodeText.interpolation(),
                org.panelkit.knime.support.prep.PrepNodeText.smoothing(), RegressionNodeText.doc(),
                org.panelkit.knime.support.lq.LqNodeText.doc(), org.panelkit.knime.support.split.SplitNodeText.doc(),
                org.panelkit.knime.support.describe.DescribeNodeText.doc(),
                org.panelkit.knime.support.report.ReportNodeText.regressionTable(),
                org.panelkit.knime.support.report.ReportNodeText.coefficientPlot(),
                org.panelkit.knime.support.compare.DifferenceNodeText.doc(),
                org.panelkit.knime.support.mediation.MediationNodeText.doc())) {
            NodeDoc d = b.tabs(List.of(new NodeDoc.Tab("Options",
                    List.of(new NodeDoc.Option("Entity column", "The panel unit.", "entity_column"))))).build();
            schema.newValidator().validate(new DOMSource(NodeDocXml.toDocument(d)));
        }
    }

    static Path knimeSchema() {
        String env = System.getenv("PANELKIT_SHARED");
        Path p = env != null ? Paths.get(env) : null;
        if (p == null) {
            for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
                if (Files.isDirectory(d.resolve("shared").resolve("knime-schemas"))) {
                    p = d.resolve("shared");
                    break;
                }
            }
        }
        if (p == null) {
            return null;
        }
        Path xsd = p.resolve("knime-schemas").resolve("Node_v5.3.xsd");
        return Files.isRegularFile(xsd) ? xsd : null;
    }
}
