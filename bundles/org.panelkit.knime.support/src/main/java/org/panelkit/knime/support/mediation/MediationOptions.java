package org.panelkit.knime.support.mediation;

import java.util.ArrayList;
import java.util.List;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.mediation.MediationSpec;
import org.panelkit.engine.vcov.VcovType;
import org.panelkit.knime.support.fe.RegressionOptions;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;

/**
 * Options of the Mediation Analysis node mapped to the engine's {@link MediationSpec}: outcome, treatment,
 * mediators (each analysed on its own), controls, the fixed-effects model settings of every equation (those of
 * the Panel Regression node; its y and regressors are the outcome and treatment + mediators + controls, which is
 * what is validated and read), bootstrap replications and seed.
 */
public record MediationOptions(String outcome, String treatment, List<String> mediators, List<String> controls,
        RegressionOptions model, int reps, long seed) {

    public MediationOptions {
        mediators = List.copyOf(mediators);
        controls = List.copyOf(controls);
    }

    /** The model's variable lists for a given outcome, treatment, mediators and controls. */
    public static List<String> regressors(String treatment, List<String> mediators, List<String> controls) {
        List<String> x = new ArrayList<>();
        x.add(treatment);
        x.addAll(mediators);
        x.addAll(controls);
        return x;
    }

    /**
     * @throws IllegalArgumentException naming the option to fix
     */
    public MediationSpec toSpec(TableSchema schema) {
        schema.requireNumeric(outcome, "outcome (y) column");
        schema.requireNumeric(treatment, "treatment (x) column");
        if (mediators.isEmpty()) {
            throw new IllegalArgumentException("no mediators selected: choose at least one numeric mediator column");
        }
        for (String c : controls) {
            if (mediators.contains(c)) {
                throw new IllegalArgumentException("column '" + c + "' is a mediator and a control: remove it from "
                        + "one of them");
            }
        }
        for (String c : List.of(outcome, treatment)) {
            if (mediators.contains(c) || controls.contains(c)) {
                throw new IllegalArgumentException("column '" + c + "' is the " + (c.equals(outcome) ? "outcome"
                        : "treatment") + " and also a mediator or control: remove it from the mediators and controls");
            }
        }
        if (outcome.equals(treatment)) {
            throw new IllegalArgumentException("'" + outcome + "' is both the outcome and the treatment: choose two "
                    + "different columns");
        }
        VcovType v = model.seType();
        if (v != VcovType.CLUSTER && v != VcovType.CR0) {
            throw new IllegalArgumentException("the cluster bootstrap needs clustered standard errors (CR1 or CR0), "
                    + "not " + v.key() + ": set 'Standard errors' to Clustered (CR1) or Clustered (CR0) (se_type "
                    + "CLUSTER or CR0)");
        }
        var spec = model.toModelSpec(schema);
        try {
            return MediationSpec.builder(outcome, treatment, mediators).controls(controls).model(spec).reps(reps)
                    .seed(seed).build();
        } catch (IllegalArgumentException | PanelKitException e) {
            throw new IllegalArgumentException(e.getMessage() + ": change the option", e);
        }
    }

    /** Declares every column the equations read. */
    public void declareColumns(TableSchema schema, ColumnsBuilder b) {
        model.declareColumns(schema, b);
    }
}
