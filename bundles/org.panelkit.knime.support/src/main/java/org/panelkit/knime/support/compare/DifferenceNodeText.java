package org.panelkit.knime.support.compare;

import org.panelkit.knime.support.doc.ColumnListing;
import org.panelkit.knime.support.doc.NodeDoc;

/** Name, description, ports and keywords of the Coefficient Difference Test node. */
public final class DifferenceNodeText {
    private DifferenceNodeText() {
    }

    public static NodeDoc.Builder doc() {
        return NodeDoc.builder("Coefficient Difference Test").icon("./coefficient-difference-test.png").type("Learner")
                .shortDescription("Do the fixed-effects coefficients differ across subsamples (NBS regions, before/"
                        + "after a break year, groups of a column)? Differences against the first subsample and Wald "
                        + "tests, by the fully interacted pooled model and by seemingly unrelated estimation (suest).")
                .intro("<p>Fits the model in every subsample and tests whether each regressor's coefficient is the same "
                        + "in all of them, two ways (the engine's <tt>SubsampleComparison</tt>, as "
                        + "<tt>panelkit compare</tt>):</p><ul>"
                        + "<li><b>pooled</b>: the model re-estimated on the pooled rows with every regressor and the "
                        + "fixed effects interacted with the subsample; its slopes equal the separate fits', its "
                        + "variance is the model's own (clustered standard errors count a province that appears in "
                        + "both periods as one cluster), t tests with the model's degrees of freedom;</li>"
                        + "<li><b>suest</b>: Stata's seemingly unrelated estimation (Weesie 1999), influence functions "
                        + "of the separate fits summed by the common clusters; z and chi-square tests.</li></ul>"
                        + "<p>Differences are b_group - b_base with the first subsample as base. Standard errors: "
                        + "one-way clustered (CR1, CR0) or heteroskedasticity-robust (HC0, HC1).</p>"
                        + "<p><b>Additional fixed effects</b> (e.g. region-by-year) are absorbed in every fit; the "
                        + "pooled model interacts each of them with the subsample, as reghdfe's "
                        + "<tt>absorb(province#period year#period region#year#period)</tt>. <b>Weighted regression</b>: "
                        + "every fit is weighted least squares with the analytic weights of a numeric column, and suest "
                        + "stacks the weighted scores.</p>")
                .inPort("Panel data", "The panel: dependent variable, regressors, entity and time columns.")
                .inPort("Mapping table", "Optional: entity → group, for the split 'Mapping table'.")
                .outPort("Differences", "Per method, term and subsample:" + ColumnListing.html(DifferenceReport.DIFFERENCE_COLUMNS))
                .outPort("Tests", "Per method: a Wald test per term and the joint test:"
                        + ColumnListing.html(DifferenceReport.TEST_COLUMNS))
                .outPort("Subsample fits", "The coefficients of the separate fits:"
                        + ColumnListing.html(DifferenceReport.GROUP_COLUMNS))
                .keywords("Chow test", "suest", "coefficient difference", "heterogeneity", "structural break",
                        "subsample", "interaction", "Wald test", "seemingly unrelated", "regional differences");
    }
}
