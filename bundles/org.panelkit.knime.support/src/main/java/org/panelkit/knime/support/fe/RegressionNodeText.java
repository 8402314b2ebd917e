package org.panelkit.knime.support.fe;

import org.panelkit.knime.support.doc.ColumnListing;
import org.panelkit.knime.support.doc.NodeDoc;

/** Name, description, ports and keywords of the Panel Regression (Fixed Effects) node (options come from its dialog). */
public final class RegressionNodeText {
    public static final String NAME = "Panel Regression (Fixed Effects)";

    private RegressionNodeText() {
    }

    public static NodeDoc.Builder doc() {
        return NodeDoc.builder(NAME).icon("./panel-regression.png").type("Learner")
                .shortDescription("Linear panel regression with entity, time and further (interacted) fixed effects, "
                        + "optional weights, and Stata- or R-exact robust, clustered, CR2, two-way clustered or "
                        + "Driscoll-Kraay standard errors.")
                .intro("<p>Estimates <i>y</i> on the regressors with fixed effects absorbed exactly, as Stata's "
                        + "<tt>xtreg, fe</tt> / <tt>reghdfe</tt> and R's <tt>plm(model = \"within\")</tt>. "
                        + "The defaults are the usual specification of a regional panel study: two-way (entity and "
                        + "time) fixed effects, standard errors clustered by entity with Stata's small-sample factor "
                        + "G/(G-1)(N-1)/(N-K) and t tests with G-1 degrees of freedom.</p>"
                        + "<p>Rows with a missing value in any model column are removed (listwise deletion, counted "
                        + "in the warning). A regressor absorbed by the fixed effects or collinear with the others is "
                        + "dropped and named in the warning. The constant <tt>_cons</tt> is Stata's: mean of y minus "
                        + "the means of the regressors times the slopes.</p>"
                        + "<p><b>Additional fixed effects</b>: further terms absorbed with the entity and/or time "
                        + "effects, each a column or the interaction of columns (e.g. region and year: region-by-year "
                        + "effects), as <tt>reghdfe, absorb(province year region#year)</tt> or fixest's "
                        + "<tt>| province + year + region^year</tt>; the model statistics then list the absorbed terms "
                        + "(<tt>effects</tt>), the degrees of freedom each absorbs and how they were partialled out. "
                        + "<b>Weighted regression</b>: analytic weights from a numeric column (Stata "
                        + "<tt>[aweight = w]</tt>, fixest/lm <tt>weights =</tt>) for the estimates and every standard "
                        + "error.</p>"
                        + "<p>The conventions reproduce, to 1e-8: <b>xtreg</b> (Stata <tt>xtreg, fe vce(cluster)</tt>, "
                        + "<tt>reghdfe</tt>, also for two-way clustering), <b>plm</b> (R <tt>plm</tt> + "
                        + "<tt>vcovHC(type = \"sss\")</tt>, t tests with the residual degrees of freedom), <b>areg</b> "
                        + "(Stata <tt>areg</tt>, every absorbed effect counted), <b>fixest</b> (R "
                        + "<tt>fixest::feols</tt>' default small-sample correction) and <b>sandwich</b> (R "
                        + "<tt>sandwich::vcovCL</tt> on the dummy regression). Key results are also pushed as flow variables: "
                        + "<tt>fe_n</tt>, <tt>fe_groups</tt>, <tt>fe_clusters</tt>, <tt>fe_r2_within</tt>, "
                        + "<tt>fe_r2_within_entity</tt>, <tt>fe_r2_lsdv</tt>, <tt>fe_f_statistic</tt>, "
                        + "<tt>fe_f_p_value</tt>, <tt>fe_wald_statistic</tt>, <tt>fe_wald_p_value</tt>, "
                        + "<tt>fe_se_type</tt>, <tt>fe_convention</tt> and per term <tt>fe_b_&lt;term&gt;</tt>, "
                        + "<tt>fe_se_&lt;term&gt;</tt>, <tt>fe_p_&lt;term&gt;</tt>.</p>")
                .inPort("Panel data", "The panel in long format: one row per entity and period, with the dependent "
                        + "variable, the regressors (numeric; booleans count as 0/1), and the entity and time columns "
                        + "(strings or integers).")
                .outPort("Coefficients", "One row per estimated slope, then the constant <tt>_cons</tt>:"
                        + ColumnListing.html(RegressionReport.COEFFICIENT_COLUMNS))
                .outPort("Model statistics", "One row describing the fit and the inference:"
                        + ColumnListing.html(RegressionReport.STATISTICS_COLUMNS))
                .outPort("Residuals", "With 'Append residuals and fitted values' on: the input table with the residual "
                        + "and the fitted value of every row appended (missing for rows outside the estimation "
                        + "sample). Off (the default): inactive, so that a large panel is read once and not copied.")
                .keywords("fixed effects", "panel regression", "within estimator", "xtreg", "reghdfe", "plm",
                        "two-way fixed effects", "clustered standard errors", "robust standard errors",
                        "Driscoll-Kraay", "CR2", "econometrics", "TWFE", "high-dimensional fixed effects", "fixest",
                        "weights", "aweight")
                .link("https://www.stata.com/manuals/xtxtreg.pdf", "Stata manual: xtreg");
    }
}
