package org.panelkit.knime.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.context.ModifiableNodeCreationConfiguration;
import org.knime.core.node.ConfigurableNodeFactory;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.WorkflowCreationHelper;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.node.workflow.contextv2.WorkflowContextV2;
import org.knime.core.webui.node.dialog.defaultdialog.NodeParametersUtil;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.widget.choices.filter.ColumnFilter;

/**
 * What the KNIME tests share: the repository's files, in-memory tables read from CSV as KNIME's CSV Reader types
 * them, a project workflow to add nodes to, node parameters set by field name, execution with the nodes' messages
 * in the failure text.
 */
@SuppressWarnings("restriction") // NodeParametersUtil is x-internal in org.knime.core.ui
public final class KnimeTestSupport {
    private KnimeTestSupport() {
    }

    /** The repository root (the pom passes it as -Dpanelkit.root). */
    public static Path root() {
        String r = System.getProperty("panelkit.root");
        assertTrue(r != null && !r.isBlank(), "system property panelkit.root is not set (see the test bundle's pom)");
        return Paths.get(r).toAbsolutePath().normalize();
    }

    /** A file of the repository. */
    public static Path file(final String relative) {
        Path p = root().resolve(relative);
        assertTrue(Files.exists(p), "missing " + p);
        return p;
    }

    /* ----------------------------------------------------------------- tables */

    /** A table: spec and rows (row keys Row0, Row1, ... as KNIME's CSV Reader writes them). */
    public record Table(DataTableSpec spec, List<DataRow> rows) {
        public int column(final String name) {
            int i = spec.findColumnIndex(name);
            assertTrue(i >= 0, "no column " + name + " in " + Arrays.toString(spec.getColumnNames()));
            return i;
        }

        public double number(final int row, final String name) {
            DataCell c = rows.get(row).getCell(column(name));
            return c.isMissing() ? Double.NaN : ((org.knime.core.data.DoubleValue)c).getDoubleValue();
        }

        public String string(final int row, final String name) {
            DataCell c = rows.get(row).getCell(column(name));
            return c.isMissing() ? null : c.toString();
        }

        public int size() {
            return rows.size();
        }

        public TableSourceNodeFactory source() {
            return new TableSourceNodeFactory(spec, rows);
        }
    }

    /**
     * Reads a CSV file (comma, header, no quotes inside values) typed like KNIME's CSV Reader: a column whose cells
     * are all integers is Integer, all numbers Double, else String; empty, NA and NaN cells are missing.
     */
    public static Table readCsv(final Path csv) {
        List<String[]> lines = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
                if (!line.isEmpty()) {
                    lines.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read " + csv, e);
        }
        String[] header = lines.get(0);
        List<String[]> body = lines.subList(1, lines.size());
        DataType[] types = new DataType[header.length];
        for (int c = 0; c < header.length; c++) {
            boolean ints = true;
            boolean numbers = true;
            for (String[] r : body) {
                String v = r[c].strip();
                if (missing(v)) {
                    continue;
                }
                if (!v.matches("-?\\d{1,9}")) {
                    ints = false;
                }
                try {
                    Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    numbers = false;
                }
            }
            types[c] = ints ? IntCell.TYPE : numbers ? DoubleCell.TYPE : StringCell.TYPE;
        }
        DataColumnSpec[] specs = new DataColumnSpec[header.length];
        for (int c = 0; c < header.length; c++) {
            specs[c] = new DataColumnSpecCreator(header[c].strip(), types[c]).createSpec();
        }
        List<DataRow> rows = new ArrayList<>();
        for (int r = 0; r < body.size(); r++) {
            DataCell[] cells = new DataCell[header.length];
            for (int c = 0; c < header.length; c++) {
                String v = body.get(r)[c].strip();
                cells[c] = missing(v) ? DataType.getMissingCell()
                    : types[c] == IntCell.TYPE ? new IntCell(Integer.parseInt(v))
                    : types[c] == DoubleCell.TYPE ? new DoubleCell(Double.parseDouble(v)) : new StringCell(v);
            }
            rows.add(new DefaultRow(RowKey.createRowKey((long)r), cells));
        }
        return new Table(new DataTableSpec(specs), rows);
    }

    private static boolean missing(final String v) {
        return v.isEmpty() || v.equals("NA") || v.equals("NaN");
    }

    /** The rows of an executed table. */
    public static Table rows(final BufferedDataTable table) {
        List<DataRow> rows = new ArrayList<>();
        try (var it = table.iterator()) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return new Table(table.getDataTableSpec(), rows);
    }

    /** The study-shaped synthetic raw data (30 provinces x 2001-2021, 5% of cells empty). */
    public static Table studyRaw() {
        return readCsv(file("workflows/data/synthetic_study_raw.csv"));
    }

    /* -------------------------------------------------------------- workflows */

    /** A new project workflow in a temporary folder; dispose it with {@link #dispose(WorkflowManager)}. */
    /** The temporary directory of each project made by {@link #newProject}, deleted by {@link #dispose}. */
    private static final Map<NodeID, Path> PROJECT_DIRS = new ConcurrentHashMap<>();

    /** A new project in a temporary directory of its own. */
    public static WorkflowManager newProject(final String name) {
        try {
            Path dir = Files.createTempDirectory("panelkit-knime-test");
            WorkflowManager wfm = WorkflowManager.ROOT.createAndAddProject(name,
                new WorkflowCreationHelper(WorkflowContextV2.forTemporaryWorkflow(dir, null)));
            PROJECT_DIRS.put(wfm.getID(), dir);
            return wfm;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Removes the project and deletes its directory (null: nothing to do). */
    public static void dispose(final WorkflowManager wfm) {
        if (wfm == null) {
            return;
        }
        wfm.getParent().removeProject(wfm.getID());
        Path dir = PROJECT_DIRS.remove(wfm.getID());
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    public static NodeID add(final WorkflowManager wfm, final NodeFactory<?> factory) {
        return wfm.addNodeAndApplyContext(factory, null, -1);
    }

    /** Adds a node and connects {@code input}'s first output to its first input (unless input is null). */
    public static NodeID add(final WorkflowManager wfm, final NodeFactory<?> factory, final NodeID input) {
        NodeID id = add(wfm, factory);
        if (input != null) {
            connect(wfm, input, 0, id, 0);
        }
        return id;
    }

    /** Adds a node with a configurable port group extended by {@code ports} ports of the given type. */
    public static NodeID addWithPorts(final WorkflowManager wfm, final ConfigurableNodeFactory<?> factory,
        final String group, final int ports, final PortType type) {
        ModifiableNodeCreationConfiguration config = factory.createNodeCreationConfig();
        var g = config.getPortConfig().orElseThrow().getExtendablePorts().get(group);
        assertTrue(g != null, "no port group " + group);
        for (int i = 0; i < ports; i++) {
            g.addPort(type);
        }
        return wfm.addNodeAndApplyContext(factory, config, -1);
    }

    /** Connects data port {@code from} of {@code src} to data port {@code to} of {@code dst} (0-based, flow port not counted). */
    public static void connect(final WorkflowManager wfm, final NodeID src, final int from, final NodeID dst,
        final int to) {
        wfm.addConnection(src, from + 1, dst, to + 1);
    }

    /** The node's parameters as its model holds them (saved by KNIME, loaded by the node's class). */
    public static <P extends NodeParameters> P parameters(final WorkflowManager wfm, final NodeID id,
        final Class<P> type) {
        try {
            wfm.saveNodeSettingsToDefault(id);
            NodeSettings s = new NodeSettings("node");
            wfm.saveNodeSettings(id, s);
            return NodeParametersUtil.loadSettings(s.getNodeSettings("model"), type);
        } catch (InvalidSettingsException e) {
            throw new AssertionError(e);
        }
    }

    /** Loads parameters into the node as the dialog's OK would. */
    public static <P extends NodeParameters> void setParameters(final WorkflowManager wfm, final NodeID id,
        final Class<P> type, final P parameters) {
        try {
            wfm.saveNodeSettingsToDefault(id);
            NodeSettings s = new NodeSettings("node");
            wfm.saveNodeSettings(id, s);
            NodeSettings model = (NodeSettings)s.addNodeSettings("model");
            NodeParametersUtil.saveSettings(type, parameters, model);
            wfm.loadNodeSettings(id, s);
        } catch (InvalidSettingsException e) {
            throw new AssertionError(e);
        }
    }

    /** Changes the node's parameters: reads them, applies {@code edit}, loads them back. */
    @SuppressWarnings("unchecked")
    public static <P extends NodeParameters> void edit(final WorkflowManager wfm, final NodeID id,
        final Class<? extends NodeParameters> type, final Consumer<Fields> edit) {
        var p = parameters(wfm, id, type);
        edit.accept(new Fields(p));
        setParameters(wfm, id, (Class<NodeParameters>)type, p);
    }

    /** Sets parameter fields by name (m_y, m_model.m_seType for a field of a nested group, ...): enums by constant name, column filters by names. */
    public static final class Fields {
        private final Object m_target;

        Fields(final Object target) {
            m_target = target;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        public Fields set(final String field, final Object value) {
            int dot = field.indexOf('.');
            if (dot > 0) { // a field of a nested group, e.g. m_model.m_seType
                new Fields(get(field.substring(0, dot))).set(field.substring(dot + 1), value);
                return this;
            }
            try {
                Field f = find(m_target.getClass(), field);
                f.setAccessible(true);
                Object v = value;
                if (f.getType().isEnum() && value instanceof String s) {
                    v = Enum.valueOf((Class<Enum>)f.getType(), s);
                } else if (f.getType() == ColumnFilter.class && value instanceof String[] names) {
                    v = new ColumnFilter(names);
                }
                f.set(m_target, v);
                return this;
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot set " + field, e);
            }
        }

        public Object get(final String field) {
            int dot = field.indexOf('.');
            if (dot > 0) {
                return new Fields(get(field.substring(0, dot))).get(field.substring(dot + 1));
            }
            try {
                Field f = find(m_target.getClass(), field);
                f.setAccessible(true);
                return f.get(m_target);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot read " + field, e);
            }
        }

        private static Field find(final Class<?> type, final String name) throws NoSuchFieldException {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                try {
                    return c.getDeclaredField(name);
                } catch (NoSuchFieldException e) { // NOSONAR look in the superclass
                }
            }
            throw new NoSuchFieldException(type.getName() + "." + name);
        }
    }

    /** Executes everything and fails with every node's message when a node did not execute. */
    public static void executeAll(final WorkflowManager wfm) {
        wfm.executeAllAndWaitUntilDone();
        List<String> problems = new ArrayList<>();
        for (NodeContainer nc : wfm.getNodeContainers()) {
            if (!nc.getNodeContainerState().isExecuted()) {
                problems.add(nc.getNameWithID() + ": " + nc.getNodeContainerState() + " " + nc.getNodeMessage());
            }
        }
        if (!problems.isEmpty()) {
            fail("not executed: " + String.join("; ", problems));
        }
    }

    /** The data output {@code port} (0-based, flow port not counted) of an executed node. */
    public static BufferedDataTable table(final WorkflowManager wfm, final NodeID id, final int port) {
        PortObject o = wfm.getNodeContainer(id).getOutPort(port + 1).getPortObject();
        assertTrue(o instanceof BufferedDataTable, "port " + port + " of " + id + " holds " + o);
        return (BufferedDataTable)o;
    }

    public static PortObject portObject(final WorkflowManager wfm, final NodeID id, final int port) {
        return wfm.getNodeContainer(id).getOutPort(port + 1).getPortObject();
    }

    /** The output spec of data port {@code port} after configure. */
    public static DataTableSpec spec(final WorkflowManager wfm, final NodeID id, final int port) {
        return (DataTableSpec)wfm.getNodeContainer(id).getOutPort(port + 1).getPortObjectSpec();
    }

    /**
     * A node message in PanelKit's one-line form "problem: fix" (KNIME shows the problem as the summary and the fix
     * as a resolution), normalized for comparison: each ": "-separated part starts lower-case, no final period.
     */
    public static String messageText(final org.knime.core.node.workflow.NodeMessage m) {
        String text = m.getMessage();
        if (!m.getResolutions().isEmpty()) {
            text += ": " + String.join(" ", m.getResolutions());
        }
        return normalizedMessage(text);
    }

    /** See {@link #messageText}. */
    public static String normalizedMessage(final String text) {
        StringBuilder out = new StringBuilder();
        for (String part : text.split(": ", -1)) {
            String p = part.strip();
            if (p.endsWith(".")) {
                p = p.substring(0, p.length() - 1);
            }
            if (!p.isEmpty()) {
                p = Character.toLowerCase(p.charAt(0)) + p.substring(1);
            }
            out.append(out.length() == 0 ? "" : ": ").append(p);
        }
        return out.toString();
    }

    /** The node's message (warning or error text), empty when none. */
    public static String message(final WorkflowManager wfm, final NodeID id) {
        var m = wfm.getNodeContainer(id).getNodeMessage();
        return m == null ? "" : m.getMessage();
    }
}
