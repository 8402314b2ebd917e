package org.panelkit.knime.report;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.panelkit.engine.report.ModelSummary;
import org.panelkit.knime.support.report.ModelInput;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;
import org.panelkit.knime.table.KnimeTables;

/**
 * Reads models from pairs of input ports (a Panel Regression node's coefficient and statistics tables), for the
 * nodes with the extendable "Model" port group; the conversion is {@link ModelInput}'s.
 */
final class ModelInputs {
    private ModelInputs() {
    }

    /**
     * Validates the pairs of input specs and returns the number of models.
     *
     * @throws IllegalArgumentException naming the fix
     */
    static int validate(final PortObjectSpec[] specs) {
        if (specs.length % 2 != 0) {
            throw new IllegalArgumentException("the Model ports come in pairs (coefficients, statistics) but there are "
                + specs.length + ": add or remove a Model port");
        }
        for (int m = 0; m < specs.length / 2; m++) {
            DataTableSpec c = (DataTableSpec)specs[2 * m];
            DataTableSpec s = (DataTableSpec)specs[2 * m + 1];
            if (c != null && s != null) {
                ModelInput.validate(KnimeTables.schema(c), KnimeTables.schema(s), m);
            }
        }
        return specs.length / 2;
    }

    /** The models of the input pairs, labelled. */
    static List<ModelSummary> read(final PortObject[] in, final List<String> labels, final ExecutionMonitor exec)
        throws CanceledExecutionException {
        List<ModelSummary> models = new ArrayList<>();
        int n = in.length / 2;
        for (int m = 0; m < n; m++) {
            BufferedDataTable coefficients = (BufferedDataTable)in[2 * m];
            BufferedDataTable statistics = (BufferedDataTable)in[2 * m + 1];
            TableSchema cs = KnimeTables.schema(coefficients.getDataTableSpec());
            TableSchema ss = KnimeTables.schema(statistics.getDataTableSpec());
            ModelInput.validate(cs, ss, m);
            ColumnsBuilder cb = ColumnsBuilder.forRows(coefficients.size());
            ModelInput.declareCoefficients(cs, cb);
            ColumnsBuilder sb = ColumnsBuilder.forRows(statistics.size());
            ModelInput.declareStatistics(ss, sb);
            models.add(ModelInput.summary(labels.get(m),
                KnimeTables.read(coefficients, cb, exec.createSubProgress(0.5 / n)),
                KnimeTables.read(statistics, sb, exec.createSubProgress(0.5 / n)), m));
            exec.checkCanceled();
        }
        return models;
    }
}
