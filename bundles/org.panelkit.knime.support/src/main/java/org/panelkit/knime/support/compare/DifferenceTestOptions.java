package org.panelkit.knime.support.compare;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.vcov.VcovType;
import org.panelkit.engine.split.SplitSpec;
import org.panelkit.knime.support.fe.RegressionOptions;
import org.panelkit.knime.support.split.SplitOptions;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;

/**
 * Options of the Coefficient Difference Test node: the fixed-effects model (as the Panel Regression node's
 * options) and the split into subsamples (as the Panel Subsample Splitter's), for the engine's
 * {@code SubsampleComparison}. The engine needs the observations (fully interacted pooled model and suest), so
 * the node takes the panel, not two fitted models.
 */
public record DifferenceTestOptions(RegressionOptions model, SplitOptions split) {

    /**
     * Validates and returns the model specification.
     *
     * @throws IllegalArgumentException naming the option to fix
     */
    public ModelSpec validate(TableSchema schema, TableSchema mappingSchema) {
        ModelSpec spec = model.toModelSpec(schema);
        VcovType v = model.seType();
        if (!(v == VcovType.CLUSTER || v == VcovType.CR0 || v == VcovType.HC0 || v == VcovType.HC1)) {
            throw new IllegalArgumentException("the difference test needs one-way clustered (cluster, CR0) or "
                    + "heteroskedasticity-robust (HC0, HC1) standard errors, not " + v.key() + ": set 'Standard "
                    + "errors' to Clustered (CR1), Clustered (CR0), Robust (HC1) or Robust (HC0) (se_type CLUSTER, "
                    + "CR0, HC1 or HC0)");
        }
        if (spec.cluster().size() > 1) {
            throw new IllegalArgumentException("the difference test supports one cluster dimension: set 'Cluster "
                    + "by' to Entity, Time or Columns (one cluster column)");
        }
        split.validate(schema, mappingSchema);
        return spec;
    }

    /** Declares the model's and the split's columns. */
    public void declareColumns(TableSchema schema, ColumnsBuilder b) {
        model.declareColumns(schema, b);
        split.declareColumns(schema, b);
    }

    /** The split for the engine (the mapping table read as declared by {@link SplitOptions}). */
    public SplitSpec splitSpec(TableSchema schema, ColumnSource mapping) {
        try {
            return split.toSpec(schema, mapping);
        } catch (PanelKitException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
