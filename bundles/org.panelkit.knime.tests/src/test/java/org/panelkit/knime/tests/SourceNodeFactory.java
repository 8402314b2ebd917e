package org.panelkit.knime.tests;

import java.util.Map;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.NodeModel;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.panelkit.knime.support.doc.NodeDoc;

/**
 * Base of the tests' source nodes (the "test source node" that feeds a node under test): no input, one table per
 * {@link #specs()} entry, made by {@link #tables(ExecutionContext)}, and optionally flow variables. The factory
 * instance carries the data, so it is added with {@code addNodeAndApplyContext(factory, null, -1)}; no settings,
 * no dialog, no view.
 */
public abstract class SourceNodeFactory extends TestNodeFactory {

    /** The output specs (known at configure time). */
    protected abstract DataTableSpec[] specs();

    /** The output tables. */
    protected abstract BufferedDataTable[] tables(ExecutionContext exec) throws Exception;

    /** Flow variables pushed at configure and execute (String, Integer or Double values). */
    protected Map<String, Object> variables() {
        return Map.of();
    }

    @Override
    protected NodeDoc doc() {
        return NodeDoc.builder("Test source").type("Source").shortDescription("Tables for a test.").build();
    }

    @Override
    public NodeModel createNodeModel() {
        DataTableSpec[] specs = specs();
        return new Model(new PortType[0], java.util.Arrays.stream(specs).map(s -> BufferedDataTable.TYPE)
            .toArray(PortType[]::new)) {
            @Override
            protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) {
                push();
                return specs.clone();
            }

            @Override
            protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec)
                throws Exception {
                push();
                return tables(exec);
            }

            private void push() {
                variables().forEach((name, value) -> {
                    if (value instanceof Integer i) {
                        pushFlowVariableInt(name, i);
                    } else if (value instanceof Double d) {
                        pushFlowVariableDouble(name, d);
                    } else {
                        pushFlowVariableString(name, String.valueOf(value));
                    }
                });
            }
        };
    }

    /** Writes rows into a new table of the context. */
    protected static BufferedDataTable write(final ExecutionContext exec, final DataTableSpec spec,
        final Iterable<org.knime.core.data.DataRow> rows) {
        var c = exec.createDataContainer(spec);
        rows.forEach(c::addRowToTable);
        c.close();
        return c.getTable();
    }
}
