package org.panelkit.knime.tests;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.NodeModel;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.panelkit.knime.support.doc.NodeDoc;

/**
 * A test node that concatenates its two input tables as KNIME's Concatenate node does by default: with
 * {@link ExecutionContext#createConcatenateTable}, which fails on a row key that both tables have.
 */
public final class ConcatenateNodeFactory extends TestNodeFactory {

    @Override
    protected NodeDoc doc() {
        return NodeDoc.builder("Test concatenate").type("Manipulator")
            .shortDescription("Both tables, one after the other.").inPort("First", "A table.")
            .inPort("Second", "A table with the same columns.").outPort("Table", "The rows of both.").build();
    }

    @Override
    public NodeModel createNodeModel() {
        PortType t = BufferedDataTable.TYPE;
        return new Model(new PortType[]{t, t}, new PortType[]{t}) {
            @Override
            protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) {
                return new DataTableSpec[]{(DataTableSpec)inSpecs[0]};
            }

            @Override
            protected PortObject[] execute(final PortObject[] in, final ExecutionContext exec) throws Exception {
                return new BufferedDataTable[]{
                    exec.createConcatenateTable(exec, (BufferedDataTable)in[0], (BufferedDataTable)in[1])};
            }
        };
    }
}
