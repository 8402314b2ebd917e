package org.panelkit.knime.support.doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A node description in the terms of KNIME's node description schema v5.3 (name, icon, type, short and full
 * description, options grouped in tabs, ports, keywords, links), without KNIME types. Texts are XHTML fragments
 * (plain text, or {@code <p>}, {@code <ul>}, {@code <b>}, {@code <tt>}, ... as the schema allows).
 * {@link NodeDocXml} writes it as the XML document KNIME parses.
 */
public record NodeDoc(String name, String icon, String type, String shortDescription, String intro,
        List<Tab> tabs, List<Port> inPorts, List<Port> outPorts, List<String> keywords, List<Link> links,
        List<DynPort> dynInPorts) {

    /** An option of the dialog: its title, description and the settings key it is stored under. */
    public record Option(String title, String description, String settingsKey) {
        public Option {
            Objects.requireNonNull(title);
            Objects.requireNonNull(description);
        }
    }

    /** A group of options (a dialog section). */
    public record Tab(String name, List<Option> options) {
        public Tab {
            options = List.copyOf(options);
        }
    }

    /** An input or output port; optional ports are described as such. */
    public record Port(String name, String description) {
    }

    /**
     * An extendable input port group (a {@code ConfigurableNodeFactory} port group): its identifier, name and
     * description; the ports are inserted before the static input port {@code insertBefore}.
     */
    public record DynPort(String groupId, String name, String description, int insertBefore) {
    }

    /** A link to further reading. */
    public record Link(String href, String text) {
    }

    public NodeDoc {
        Objects.requireNonNull(name);
        Objects.requireNonNull(icon);
        Objects.requireNonNull(type);
        tabs = List.copyOf(tabs);
        inPorts = List.copyOf(inPorts);
        outPorts = List.copyOf(outPorts);
        keywords = List.copyOf(keywords);
        links = List.copyOf(links);
        dynInPorts = List.copyOf(dynInPorts);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Collects the parts of a node description. */
    public static final class Builder {
        private final String name;
        private String icon = "./icon.png";
        private String type = "Manipulator";
        private String shortDescription = "";
        private String intro = "";
        private List<Tab> tabs = new ArrayList<>();
        private final List<Port> in = new ArrayList<>();
        private final List<Port> out = new ArrayList<>();
        private final List<String> keywords = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();
        private final List<DynPort> dynIn = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder icon(String v) { this.icon = v; return this; }
        /** One of KNIME's node types: Source, Sink, Learner, Predictor, Manipulator, Visualizer, Other. */
        public Builder type(String v) { this.type = v; return this; }
        public Builder shortDescription(String v) { this.shortDescription = v; return this; }
        public Builder intro(String v) { this.intro = v; return this; }
        public Builder tabs(List<Tab> v) { this.tabs = new ArrayList<>(v); return this; }
        public Builder inPort(String portName, String description) { in.add(new Port(portName, description)); return this; }
        public Builder outPort(String portName, String description) { out.add(new Port(portName, description)); return this; }
        /** An extendable input port group, inserted before the static input port {@code insertBefore}. */
        public Builder dynInPort(String groupId, String portName, String description, int insertBefore) {
            dynIn.add(new DynPort(groupId, portName, description, insertBefore));
            return this;
        }
        public Builder keywords(String... v) { keywords.addAll(List.of(v)); return this; }
        public Builder link(String href, String text) { links.add(new Link(href, text)); return this; }

        public NodeDoc build() {
            return new NodeDoc(name, icon, type, shortDescription, intro, tabs, in, out, keywords, links, dynIn);
        }
    }
}
