package org.panelkit.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.knime.core.node.ConfigurableNodeFactory;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.extension.NodeFactoryProvider;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.WidgetGroup;
import org.panelkit.knime.node.PanelKitConfigurableNodeFactory;
import org.panelkit.knime.node.PanelKitNodeFactory;
import org.panelkit.knime.node.WidgetModifications;
import org.panelkit.knime.support.doc.NodeDoc;
import org.panelkit.knime.support.doc.NodeDocXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 9 (a): every node factory instantiates inside KNIME (KNIME could not create 4 of 10 before: a description
 * text with a bare '<' threw from the constructor), is registered through plugin.xml and found by KNIME's loader,
 * and its description validates against Node_v5.3.xsd and documents every option and port.
 */
class NodeFactoriesTest {

    static List<PanelKitNodes.Node> nodes() {
        return PanelKitNodes.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void factoryInstantiatesAndCreatesItsModel(final PanelKitNodes.Node node) throws Exception {
        NodeFactory<?> f = node.create().get();
        assertNotNull(f.getNodeName());
        assertFalse(f.getNodeName().isBlank());
        WorkflowManager wfm = KnimeTestSupport.newProject("factory");
        try {
            var id = KnimeTestSupport.add(wfm, f);
            assertEquals(node.type(), ((NativeNodeContainer)wfm.getNodeContainer(id)).getNode().getFactory().getClass());
        } finally {
            KnimeTestSupport.dispose(wfm);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void registeredAndFoundByKnimesLoader(final PanelKitNodes.Node node) throws Exception {
        var found = NodeFactoryProvider.getInstance().getNodeFactory(node.type().getName());
        assertTrue(found.isPresent(), node.type().getName() + " is not registered (plugin.xml)");
        assertEquals(node.type(), found.get().getClass());
    }

    @Test
    void pluginXmlRegistersExactlyTheTenNodes() {
        Set<String> registered = new HashSet<>();
        for (IConfigurationElement e : Platform.getExtensionRegistry()
            .getConfigurationElementsFor("org.knime.workbench.repository.nodes")) {
            String c = e.getAttribute("factory-class");
            if (c != null && c.startsWith("org.panelkit.")) {
                registered.add(c);
                assertEquals("/panelkit", e.getAttribute("category-path"), c);
            }
        }
        Set<String> expected = new HashSet<>();
        nodes().forEach(n -> expected.add(n.type().getName()));
        assertEquals(expected, registered);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void descriptionValidatesAndDocumentsEveryOptionAndPort(final PanelKitNodes.Node node) throws Exception {
        NodeFactory<?> f = node.create().get();
        NodeDoc doc = nodeDoc(f);
        // every text is well-formed (the strict writer throws where the factory would fall back to plain text)
        Document strict = NodeDocXml.toDocument(doc);

        Element xml = f.getXMLDescription();
        assertNotNull(xml, "KNIME has no XML description of " + node);
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(schemaFile().toFile());
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        d.appendChild(d.importNode(xml, true));
        // KNIME appends <osgi-info> (bundle and feature of the node) to the description it serves: not schema content
        for (var c = d.getDocumentElement().getFirstChild(); c != null;) {
            var next = c.getNextSibling();
            if (c.getNodeName().endsWith("osgi-info")) {
                d.getDocumentElement().removeChild(c);
            }
            c = next;
        }
        schema.newValidator().validate(new DOMSource(d));
        schema.newValidator().validate(new DOMSource(strict));

        // every option of the dialog is documented, under its title
        Set<String> documented = new HashSet<>();
        NodeList options = xml.getElementsByTagNameNS("*", "option");
        for (int i = 0; i < options.getLength(); i++) {
            documented.add(((Element)options.item(i)).getAttribute("name"));
        }
        List<String> titles = widgetTitles(parametersClass(f));
        assertFalse(titles.isEmpty());
        for (String t : titles) {
            assertTrue(documented.contains(t), node + ": option '" + t + "' is not in the description " + documented);
        }
        assertEquals(titles.size(), options.getLength(), node + ": documented options " + documented);

        // every port is documented
        int in = xml.getElementsByTagNameNS("*", "inPort").getLength();
        int dynIn = xml.getElementsByTagNameNS("*", "dynInPort").getLength();
        int out = xml.getElementsByTagNameNS("*", "outPort").getLength();
        WorkflowManager wfm = KnimeTestSupport.newProject("ports");
        try {
            NodeContainer nc = wfm.getNodeContainer(KnimeTestSupport.add(wfm, f));
            // flow-variable ports not counted; configurable nodes start with an empty model group
            assertEquals(nc.getNrInPorts() - 1, in, node + ": input ports");
            assertEquals(nc.getNrOutPorts() - 1, out, node + ": output ports");
            // every extendable or optional input group (Regression Table: Model and Variable labels)
            int groups = f instanceof ConfigurableNodeFactory<?> c ? (int)c.createNodeCreationConfig().getPortConfig()
                .orElseThrow().getExtendablePorts().values().stream().filter(g -> g.definesInputPorts()).count() : 0;
            assertEquals(groups, dynIn, node + ": dynamic port groups");
        } finally {
            KnimeTestSupport.dispose(wfm);
        }
    }

    static NodeDoc nodeDoc(final NodeFactory<?> f) {
        if (f instanceof PanelKitNodeFactory<?> p) {
            return p.nodeDoc();
        }
        return ((PanelKitConfigurableNodeFactory<?>)f).nodeDoc();
    }

    static Class<? extends NodeParameters> parametersClass(final NodeFactory<?> f) {
        if (f instanceof PanelKitNodeFactory<?> p) {
            return p.nodeParametersClass();
        }
        return ((PanelKitConfigurableNodeFactory<?>)f).nodeParametersClass();
    }

    /** The titles of every {@link Widget} of a parameters class, nested groups included. */
    static List<String> widgetTitles(final Class<?> type) {
        return widgetTitles(type, null);
    }

    /** As {@link #widgetTitles(Class)}; widgets that a KNIME Modification of their group removes are not shown. */
    private static List<String> widgetTitles(final Class<?> type, final WidgetModifications modifications) {
        List<String> titles = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Widget w = field.getAnnotation(Widget.class);
            if (w != null) {
                if (modifications == null || !modifications.change(field).removed()) {
                    titles.add(w.title());
                }
            } else if (WidgetGroup.class.isAssignableFrom(field.getType())) {
                titles.addAll(widgetTitles(field.getType(), WidgetModifications.of(field)));
            }
        }
        return titles;
    }

    static Path schemaFile() {
        return KnimeTestSupport.root().resolve("../shared/knime-schemas/Node_v5.3.xsd").normalize();
    }
}
