package org.panelkit.knime.support.mediation;

import org.panelkit.knime.support.doc.ColumnListing;
import org.panelkit.knime.support.doc.NodeDoc;

/** Name, description, ports and keywords of the Mediation Analysis node. */
public final class MediationNodeText {
    private MediationNodeText() {
    }

    public static NodeDoc.Builder doc() {
        return NodeDoc.builder("Mediation Analysis").icon("./mediation-analysis.png").type("Learner")
                .shortDescription("Mediation in the fixed-effects panel model (Baron-Kenny steps): total, direct and "
                        + "indirect effect of a treatment through each mediator, Sobel test and cluster-bootstrap "
                        + "intervals.")
                .intro("<p>For each mediator M on its own complete-case sample, three fixed-effects equations with "
                        + "the same controls, fixed effects and standard errors: (1) y ~ x (total effect c), (2) M ~ x "
                        + "(a), (3) y ~ x + M (direct effect c' and b). The indirect effect is a b = c - c'; the Sobel "
                        + "test uses the equations' standard errors; the cluster bootstrap resamples whole clusters "
                        + "(the cluster column, else the entity) and gives percentile and bias-corrected intervals of "
                        + "a b. Replications are reproducible from the seed (the same numbers as "
                        + "<tt>panelkit mediation</tt>).</p>"
                        + "<p><b>Additional fixed effects</b> (e.g. region-by-year) are absorbed in all three "
                        + "equations, and with <b>Weighted regression</b> all three are weighted least squares with the "
                        + "analytic weights of a numeric column; the bootstrap then re-fits equations (2) and (3) on "
                        + "each resample.</p>")
                .inPort("Panel data", "The panel: outcome, treatment, mediators, controls, entity and time columns.")
                .outPort("Mediation", "One row per mediator:" + ColumnListing.html(MediationReport.COLUMNS))
                .keywords("mediation", "mediator", "indirect effect", "Baron Kenny", "Sobel test", "bootstrap",
                        "mechanism", "channel", "transmission", "fixed effects");
    }
}
