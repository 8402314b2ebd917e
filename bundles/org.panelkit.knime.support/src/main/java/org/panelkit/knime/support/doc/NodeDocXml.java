package org.panelkit.knime.support.doc;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Writes a {@link NodeDoc} as a node description document of KNIME's schema v5.3
 * (namespace {@value #NAMESPACE}). Option descriptions end with the settings key, so that users who override an
 * option with a flow variable, and workflows that are edited by scripts, find the key in the node description.
 */
public final class NodeDocXml {
    /** The namespace of KNIME's node description schema v5.3. */
    public static final String NAMESPACE = "http://knime.org/node/v5.3";

    private NodeDocXml() {
    }

    /**
     * The description document; a text that is not well-formed XHTML is an error.
     *
     * @throws IllegalArgumentException naming the malformed text
     */
    public static Document toDocument(NodeDoc d) {
        return toDocument(d, problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /**
     * The description document, never failing on a text: a text that is not well-formed XHTML is reported to
     * {@code problems} (e.g. a log) and written as plain text instead, so that a node factory built from it always
     * has a description. (KNIME's NodeFactory.init only catches SAX, IO and XmlBeans exceptions: anything else
     * thrown while describing a node makes the node impossible to create.)
     */
    public static Document toDocument(NodeDoc d, Consumer<String> problems) {
        Parser builder = newBuilder(problems);
        Document doc = builder.builder().newDocument();
        Element node = el(doc, "knimeNode");
        node.setAttribute("icon", d.icon());
        node.setAttribute("type", d.type());
        doc.appendChild(node);
        text(node, "name", d.name());
        html(builder, node, "shortDescription", d.shortDescription());
        Element full = el(doc, "fullDescription");
        node.appendChild(full);
        html(builder, full, "intro", d.intro());
        for (NodeDoc.Tab tab : d.tabs()) {
            if (tab.options().isEmpty()) {
                continue;
            }
            Element t = el(doc, "tab");
            t.setAttribute("name", tab.name());
            full.appendChild(t);
            for (NodeDoc.Option o : tab.options()) {
                Element opt = html(builder, t, "option", optionText(o));
                opt.setAttribute("name", o.title());
            }
        }
        for (NodeDoc.Link l : d.links()) {
            Element a = html(builder, full, "link", l.text());
            a.setAttribute("href", l.href());
        }
        Element ports = el(doc, "ports");
        node.appendChild(ports);
        for (int i = 0; i < d.inPorts().size(); i++) {
            port(builder, ports, "inPort", i, d.inPorts().get(i));
        }
        for (NodeDoc.DynPort p : d.dynInPorts()) {
            Element e = html(builder, ports, "dynInPort", p.description());
            e.setAttribute("insert-before", Integer.toString(p.insertBefore()));
            e.setAttribute("name", p.name());
            e.setAttribute("group-identifier", p.groupId());
        }
        for (int i = 0; i < d.outPorts().size(); i++) {
            port(builder, ports, "outPort", i, d.outPorts().get(i));
        }
        if (!d.keywords().isEmpty()) {
            Element kw = el(doc, "keywords");
            node.appendChild(kw);
            for (String k : d.keywords()) {
                text(kw, "keyword", k);
            }
        }
        return doc;
    }

    /** The document as XML text (for docs and tests). */
    public static String toXml(NodeDoc d) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(toDocument(d)), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String optionText(NodeDoc.Option o) {
        if (o.settingsKey() == null || o.settingsKey().isEmpty()) {
            return o.description();
        }
        return o.description() + "<p>Settings key: <tt>" + escape(o.settingsKey()) + "</tt></p>";
    }

    private static void port(Parser b, Element ports, String tag, int index, NodeDoc.Port p) {
        Element e = html(b, ports, tag, p.description());
        e.setAttribute("index", Integer.toString(index));
        e.setAttribute("name", p.name());
    }

    private static Element el(Document doc, String tag) {
        return doc.createElementNS(NAMESPACE, tag);
    }

    private static Element text(Element parent, String tag, String content) {
        Element e = el(parent.getOwnerDocument(), tag);
        e.setTextContent(content);
        parent.appendChild(e);
        return e;
    }

    /** Appends an element whose content is the XHTML fragment, its elements moved into the node namespace. */
    private static Element html(Parser b, Element parent, String tag, String fragment) {
        Document doc = parent.getOwnerDocument();
        Element e = el(doc, tag);
        parent.appendChild(e);
        Document parsed;
        try {
            parsed = b.builder().parse(new InputSource(new StringReader("<fragment>" + fragment + "</fragment>")));
        } catch (SAXException | IOException ex) {
            b.problems().accept("description text is not well-formed XHTML (" + ex.getMessage() + "), written as "
                + "plain text: " + fragment);
            e.setTextContent(fragment);
            return e;
        }
        NodeList children = parsed.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            e.appendChild(adopt(doc, children.item(i)));
        }
        return e;
    }

    private static Node adopt(Document doc, Node n) {
        if (n.getNodeType() != Node.ELEMENT_NODE) {
            return doc.importNode(n, false);
        }
        Element src = (Element) n;
        Element copy = el(doc, src.getTagName());
        for (int i = 0; i < src.getAttributes().getLength(); i++) {
            Node a = src.getAttributes().item(i);
            copy.setAttribute(a.getNodeName(), a.getNodeValue());
        }
        NodeList children = src.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            copy.appendChild(adopt(doc, children.item(i)));
        }
        return copy;
    }

    /** Escapes text for use inside a description fragment. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The fragment parser and where its problems go. */
    private record Parser(DocumentBuilder builder, Consumer<String> problems) {
    }

    private static Parser newBuilder(Consumer<String> problems) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler()); // report by exception only, nothing on stderr
            return new Parser(b, problems);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
