package org.panelkit.knime.tests.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.workflow.ConnectionContainer;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.WorkflowManager;
import org.panelkit.knime.tests.KnimeTestSupport;
import org.panelkit.knime.tests.KnimeTestSupport.Table;

/**
 * Runs the PanelKit chain of a loaded example workflow: every PanelKit node with its own settings (flow-variable
 * bindings included), connections and the workflow's variables, in a new workflow; the knime-base nodes that the
 * KNIME SDK lacks (CSV Reader, Expression, Expression Row Filter, Column Filter) are replayed in Java and feed
 * the PanelKit nodes through test source nodes; the Variable Expression nodes' String variables are evaluated
 * first (they label tables); the Table Difference Checkers' two inputs (testflows) are collected as checks.
 */
final class WorkflowReplay {
    /** A Table Difference Checker's inputs after the run. */
    record Check(String checker, Table actual, Table expected) {
    }

    private final Path m_dir;

    private final WorkflowManager m_loaded;

    private final Map<String, Object> m_variables = new LinkedHashMap<>();

    private final Map<Integer, NodeSettingsRO> m_settings = new HashMap<>();

    private WorkflowManager m_runner;

    private final Map<Integer, NodeID> m_runnerIds = new HashMap<>();

    private final Map<Integer, Table[]> m_replayed = new HashMap<>();

    private final List<int[]> m_checkers = new ArrayList<>(); // {checker id}

    WorkflowReplay(final Path dir, final WorkflowManager loaded) {
        m_dir = dir;
        m_loaded = loaded;
        for (FlowVariable v : loaded.getWorkflowVariables()) {
            m_variables.put(v.getName(), switch (v.getType()) {
                case INTEGER -> v.getIntValue();
                case DOUBLE -> v.getDoubleValue();
                default -> v.getStringValue();
            });
        }
        readNodeSettings();
    }

    Map<String, Object> variables() {
        return m_variables;
    }

    WorkflowManager runner() {
        return m_runner;
    }

    /** The runner's node of a PanelKit node of the loaded workflow (by its node index). */
    NodeID runnerNode(final int index) {
        return m_runnerIds.get(index);
    }

    private void readNodeSettings() {
        NodeSettingsRO wk = load(m_dir.resolve("workflow.knime"));
        try {
            NodeSettingsRO nodes = wk.getNodeSettings("nodes");
            for (String key : nodes.keySet()) {
                NodeSettingsRO n = nodes.getNodeSettings(key);
                m_settings.put(n.getInt("id"), load(m_dir.resolve(n.getString("node_settings_file"))));
            }
        } catch (InvalidSettingsException e) {
            throw new AssertionError(e);
        }
    }

    private static NodeSettingsRO load(final Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return NodeSettings.loadFromXML(in);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    static String factory(final NodeContainer nc) {
        var node = ((NativeNodeContainer)nc).getNode();
        if ((Object)node.getFactory() instanceof org.knime.core.node.missing.MissingNodeFactory m) {
            return m.getNodeAndBundleInfo().getFactoryClass().orElse("?");
        }
        return node.getFactory().getClass().getName();
    }

    /** Builds and runs the chain; returns the Difference Checkers' inputs. */
    List<Check> run() throws Exception {
        m_runner = KnimeTestSupport.newProject("replay of " + m_dir.getFileName());
        for (NodeContainer nc : order()) { // the variables a Variable Expression node creates (data_note, ...)
            if (factory(nc).endsWith("ExpressionFlowVariableNodeFactory")) {
                NodeSettingsRO more = m_settings.get(nc.getID().getIndex()).getNodeSettings("model")
                    .getNodeSettings("additionalExpressions");
                for (String k : more.keySet()) {
                    NodeSettingsRO e = more.getNodeSettings(k);
                    Object v = KnimeExpression.evaluate(e.getString("script"), col -> {
                        throw new AssertionError("a variable expression refers to column " + col);
                    }, m_variables);
                    assertEquals("String", e.getString("flowVariableReturnType"), "only String variables replayed");
                    m_variables.put(e.getString("createdFlowVariable"), v.toString());
                }
            }
        }
        List<FlowVariable> vars = new ArrayList<>();
        m_variables.forEach((name, value) -> vars.add(value instanceof Integer i ? new FlowVariable(name, i)
            : value instanceof Double d ? new FlowVariable(name, d) : new FlowVariable(name, value.toString())));
        m_runner.addWorkflowVariables(true, vars.toArray(FlowVariable[]::new));
        for (NodeContainer nc : order()) {
            int index = nc.getID().getIndex();
            String f = factory(nc);
            if (f.startsWith("org.panelkit.")) {
                addPanelKitNode(nc);
            } else if (f.endsWith("DifferenceCheckerNodeFactory")) {
                m_checkers.add(new int[]{index});
            } else if (f.endsWith("StringToPathVariableNodeFactory") || f.endsWith("ExpressionFlowVariableNodeFactory")) {
                continue; // variables only: the CSV Reader replay reads the workflow's data directly
            } else {
                m_replayed.put(index, new Table[]{replay(f, m_settings.get(index).getNodeSettings("model"),
                    inputs(nc))});
            }
        }
        KnimeTestSupport.executeAll(m_runner);
        List<Check> checks = new ArrayList<>();
        for (int[] c : m_checkers) {
            NodeContainer nc = m_loaded.getNodeContainer(new NodeID(m_loaded.getID(), c[0]));
            List<Table> in = inputs(nc);
            checks.add(new Check(nc.getNameWithID(), in.get(0), in.get(1)));
        }
        return checks;
    }

    /** Data connections into a node, by destination port (1-based; the flow-variable port 0 is left out). */
    private List<ConnectionContainer> dataInputs(final NodeContainer nc) {
        List<ConnectionContainer> in = new ArrayList<>(m_loaded.getIncomingConnectionsFor(nc.getID()).stream()
            .filter(c -> c.getDestPort() > 0 && c.getSourcePort() > 0).toList());
        in.sort((a, b) -> Integer.compare(a.getDestPort(), b.getDestPort()));
        return in;
    }

    /** The nodes in an order where each comes after the nodes it reads from (data and variable connections). */
    private List<NodeContainer> order() {
        List<NodeContainer> all = new ArrayList<>(m_loaded.getNodeContainers());
        all.sort((a, b) -> Integer.compare(a.getID().getIndex(), b.getID().getIndex()));
        List<NodeContainer> out = new ArrayList<>();
        while (!all.isEmpty()) {
            var ready = all.stream().filter(nc -> m_loaded.getIncomingConnectionsFor(nc.getID()).stream()
                .allMatch(c -> out.stream().anyMatch(o -> o.getID().equals(c.getSource())))).findFirst()
                .orElseThrow(() -> new AssertionError("cycle in " + m_dir));
            out.add(ready);
            all.remove(ready);
        }
        return out;
    }

    /** The PanelKit nodes of the loaded workflow whose factory class ends with {@code suffix}, by node index. */
    List<Integer> panelKitNodes(final String suffix) {
        return m_loaded.getNodeContainers().stream().filter(nc -> factory(nc).endsWith(suffix))
            .map(nc -> nc.getID().getIndex()).sorted().toList();
    }

    /** The model settings of a node of the loaded workflow as saved in its settings.xml. */
    NodeSettingsRO modelSettings(final int index) throws InvalidSettingsException {
        return m_settings.get(index).getNodeSettings("model");
    }

    /** The tables reaching a replayed node or a checker (executing the runner where a PanelKit node feeds it). */
    private List<Table> inputs(final NodeContainer nc) {
        List<Table> in = new ArrayList<>();
        for (ConnectionContainer c : dataInputs(nc)) {
            int src = c.getSource().getIndex();
            if (m_runnerIds.containsKey(src)) {
                NodeID id = m_runnerIds.get(src);
                if (!m_runner.getNodeContainer(id).getNodeContainerState().isExecuted()) {
                    KnimeTestSupport.executeAll(m_runner);
                }
                in.add(KnimeTestSupport.rows(KnimeTestSupport.table(m_runner, id, c.getSourcePort() - 1)));
            } else {
                in.add(m_replayed.get(src)[c.getSourcePort() - 1]);
            }
        }
        return in;
    }

    private void addPanelKitNode(final NodeContainer nc) throws Exception {
        var node = ((NativeNodeContainer)nc).getNode();
        NodeFactory<?> factory = node.getFactory().getClass().getDeclaredConstructor().newInstance();
        NodeID id = m_runner.addNodeAndApplyContext(factory, node.getCopyOfCreationConfig().orElse(null), -1);
        NodeSettings s = new NodeSettings("node");
        m_loaded.saveNodeSettings(nc.getID(), s);
        m_runner.loadNodeSettings(id, s);
        m_runnerIds.put(nc.getID().getIndex(), id);
        for (ConnectionContainer c : dataInputs(nc)) {
            int src = c.getSource().getIndex();
            if (m_runnerIds.containsKey(src)) {
                m_runner.addConnection(m_runnerIds.get(src), c.getSourcePort(), id, c.getDestPort());
            } else {
                Table t = m_replayed.get(src)[c.getSourcePort() - 1];
                NodeID source = KnimeTestSupport.add(m_runner, t.source());
                m_runner.addConnection(source, 1, id, c.getDestPort());
            }
        }
    }

    /* ------------------------------------------------------------- replays */

    private Table replay(final String factory, final NodeSettingsRO model, final List<Table> in)
        throws InvalidSettingsException {
        if (factory.endsWith("CSVTableReaderNodeFactory")) {
            return KnimeTestSupport.readCsv(csvPath(model));
        }
        if (factory.endsWith("DataColumnSpecFilterNodeFactory")) {
            return columnFilter(in.get(0), model.getNodeSettings("column-filter").getStringArray("included_names"));
        }
        if (factory.endsWith("ExpressionRowMapperNodeFactory")) {
            Table t = in.get(0);
            t = mapper(t, model.getString("createdColumn"), model.getString("script"));
            NodeSettingsRO more = model.getNodeSettings("additionalExpressions");
            for (String k : more.keySet()) {
                NodeSettingsRO e = more.getNodeSettings(k);
                t = mapper(t, e.getString("createdColumn"), e.getString("script"));
            }
            return t;
        }
        if (factory.endsWith("ExpressionRowFilterNodeFactory")) {
            Table t = in.get(0);
            String script = model.getString("script");
            List<DataRow> kept = new ArrayList<>();
            for (DataRow r : t.rows()) {
                if (Boolean.TRUE.equals(KnimeExpression.evaluate(script, col -> cellValue(t, r, col), m_variables))) {
                    kept.add(r);
                }
            }
            return new Table(t.spec(), kept);
        }
        throw new AssertionError("no replay for " + factory + " (a node the KNIME SDK lacks)");
    }

    /** The CSV Reader's file: its path setting (knime://knime.workflow/...) in the workflow's folder. */
    private Path csvPath(final NodeSettingsRO model) {
        String url = findPath(model);
        assertTrue(url != null && url.startsWith("knime://knime.workflow/"), "CSV Reader path " + url);
        return m_dir.resolve(url.substring("knime://knime.workflow/".length()));
    }

    private static String findPath(final NodeSettingsRO s) {
        for (String k : s.keySet()) {
            try {
                if (s.getNodeSettings(k) != null) {
                    String p = findPath(s.getNodeSettings(k));
                    if (p != null) {
                        return p;
                    }
                }
            } catch (InvalidSettingsException e) { // an entry, not a sub-config
                String v = s.getString(k, null);
                if (v != null && v.startsWith("knime://")) {
                    return v;
                }
            }
        }
        return null;
    }

    private static Table columnFilter(final Table t, final String[] keep) {
        List<Integer> idx = new ArrayList<>();
        for (int c = 0; c < t.spec().getNumColumns(); c++) {
            if (List.of(keep).contains(t.spec().getColumnSpec(c).getName())) {
                idx.add(c);
            }
        }
        DataColumnSpec[] specs = idx.stream().map(t.spec()::getColumnSpec).toArray(DataColumnSpec[]::new);
        List<DataRow> rows = new ArrayList<>();
        for (DataRow r : t.rows()) {
            rows.add(new DefaultRow(r.getKey(), idx.stream().map(r::getCell).toArray(DataCell[]::new)));
        }
        return new Table(new DataTableSpec(specs), rows);
    }

    private Table mapper(final Table t, final String column, final String script) {
        int existing = t.spec().findColumnIndex(column);
        List<DataColumnSpec> specs = new ArrayList<>();
        t.spec().forEach(specs::add);
        DataColumnSpec created = new DataColumnSpecCreator(column, DoubleCell.TYPE).createSpec();
        if (existing >= 0) {
            specs.set(existing, created);
        } else {
            specs.add(created);
        }
        List<DataRow> rows = new ArrayList<>();
        for (DataRow r : t.rows()) {
            Object v = KnimeExpression.evaluate(script, col -> cellValue(t, r, col), m_variables);
            DataCell cell = v == null ? DataType.getMissingCell() : new DoubleCell((Double)v);
            List<DataCell> cells = new ArrayList<>();
            r.forEach(cells::add);
            if (existing >= 0) {
                cells.set(existing, cell);
            } else {
                cells.add(cell);
            }
            rows.add(new DefaultRow(r.getKey(), cells));
        }
        return new Table(new DataTableSpec(specs.toArray(DataColumnSpec[]::new)), rows);
    }

    private static Object cellValue(final Table t, final DataRow r, final String column) {
        int i = t.spec().findColumnIndex(column);
        assertTrue(i >= 0, "expression refers to column " + column + " not in " + List.of(t.spec().getColumnNames()));
        DataCell c = r.getCell(i);
        if (c.isMissing()) {
            return null;
        }
        if (c instanceof DoubleValue d) {
            return d.getDoubleValue();
        }
        return ((StringValue)c).getStringValue();
    }

    /* ----------------------------------------------------------- comparison */

    /**
     * Compares a checker's inputs as the workflow's Table Difference Checker would, but independent of row keys
     * (ours are term names, the CSV Reader's Row0, ...): same columns, same rows in order, strings equal (missing
     * equals empty), numbers to {@code relTol} relative.
     */
    static void assertSameTable(final Check check, final double relTol) {
        Table a = check.actual();
        Table e = check.expected();
        assertEquals(List.of(e.spec().getColumnNames()), List.of(a.spec().getColumnNames()), check.checker());
        assertEquals(e.size(), a.size(), check.checker() + ": rows");
        for (int r = 0; r < a.size(); r++) {
            for (int c = 0; c < a.spec().getNumColumns(); c++) {
                DataCell x = a.rows().get(r).getCell(c);
                DataCell y = e.rows().get(r).getCell(c);
                String where = check.checker() + " row " + r + " column " + a.spec().getColumnSpec(c).getName();
                if (x instanceof DoubleValue dx && y instanceof DoubleValue dy) {
                    double u = dx.getDoubleValue();
                    double v = dy.getDoubleValue();
                    assertTrue(Math.abs(u - v) <= relTol * Math.max(Math.abs(v), 1e-300) || u == v,
                        where + ": " + u + " vs expected " + v);
                } else {
                    String sx = x.isMissing() ? "" : x.toString();
                    String sy = y.isMissing() ? "" : y.toString();
                    assertEquals(sy, sx, where);
                }
            }
        }
    }
}
