package org.panelkit.knime.support.fe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.panelkit.engine.fe.AbsorbedTerm;
import org.panelkit.engine.fe.Absorption;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.Dropped;
import org.panelkit.engine.fe.FTest;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.vcov.VarianceEstimate;
import org.panelkit.knime.support.Notice;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ResultTable;
import org.panelkit.knime.support.table.ResultTable.Column;

/**
 * A fitted fixed-effects regression as the node's outputs: the coefficient table, the one-row model statistics
 * table, the residual and fitted value of every input row, the warnings and the flow variables. The column
 * lists are static so that configure can announce the output specs before anything is estimated.
 */
public final class RegressionReport {
    /** Coefficient table columns (one row per estimated slope, then Stata's constant {@code _cons}). */
    public static final List<Column> COEFFICIENT_COLUMNS = List.of(
            new Column("term", ColumnKind.STRING, "regressor name; _cons is Stata's constant (mean of y minus mean of X times b)"),
            new Column("estimate", ColumnKind.DOUBLE, "coefficient"),
            new Column("std_error", ColumnKind.DOUBLE, "standard error under the chosen estimator and convention"),
            new Column("statistic", ColumnKind.DOUBLE, "t statistic (estimate / std_error)"),
            new Column("p_value", ColumnKind.DOUBLE, "two-sided p-value of the t test with df degrees of freedom"),
            new Column("conf_low", ColumnKind.DOUBLE, "lower bound of the confidence interval"),
            new Column("conf_high", ColumnKind.DOUBLE, "upper bound of the confidence interval"),
            new Column("df", ColumnKind.DOUBLE, "degrees of freedom of the t test (missing = normal)"),
            new Column("stars", ColumnKind.STRING, "*** p < 0.01, ** p < 0.05, * p < 0.1"));

    /** Model statistics columns (one row). */
    public static final List<Column> STATISTICS_COLUMNS = List.of(
            new Column("n", ColumnKind.INTEGER, "observations used"),
            new Column("n_input", ColumnKind.INTEGER, "rows of the input table"),
            new Column("n_dropped_missing", ColumnKind.INTEGER, "rows dropped for a missing value in a model column"),
            new Column("singletons_dropped", ColumnKind.INTEGER, "singleton observations dropped"),
            new Column("groups", ColumnKind.INTEGER, "entities in the sample"),
            new Column("periods", ColumnKind.INTEGER, "periods in the sample"),
            new Column("clusters", ColumnKind.INTEGER, "clusters (first dimension; missing when not clustered)"),
            new Column("clusters_2", ColumnKind.INTEGER, "clusters in the second dimension (two-way clustering)"),
            new Column("k", ColumnKind.INTEGER, "slopes estimated"),
            new Column("fe_rank", ColumnKind.INTEGER, "rank of the absorbed fixed effects"),
            new Column("df_resid", ColumnKind.INTEGER, "residual degrees of freedom N - k - fe_rank"),
            new Column("df_inference", ColumnKind.DOUBLE, "degrees of freedom of the t tests when all coefficients share them"),
            new Column("r2_within", ColumnKind.DOUBLE, "within R-squared, all fixed effects removed (plm)"),
            new Column("r2_within_entity", ColumnKind.DOUBLE, "within R-squared, entity-demeaned (Stata xtreg, gretl)"),
            new Column("r2_lsdv", ColumnKind.DOUBLE, "R-squared of the dummy-variable regression (areg)"),
            new Column("f_statistic", ColumnKind.DOUBLE, "classical F test of all slopes"),
            new Column("f_df1", ColumnKind.DOUBLE, "numerator degrees of freedom of the F test"),
            new Column("f_df2", ColumnKind.DOUBLE, "denominator degrees of freedom of the F test"),
            new Column("f_p_value", ColumnKind.DOUBLE, "p-value of the F test"),
            new Column("wald_statistic", ColumnKind.DOUBLE, "Wald F test of all slopes with the chosen standard errors"),
            new Column("wald_df1", ColumnKind.DOUBLE, "numerator degrees of freedom of the Wald test"),
            new Column("wald_df2", ColumnKind.DOUBLE, "denominator degrees of freedom of the Wald test"),
            new Column("wald_p_value", ColumnKind.DOUBLE, "p-value of the Wald test"),
            new Column("sigma", ColumnKind.DOUBLE, "residual standard error sqrt(SSR / df_resid)"),
            new Column("ssr", ColumnKind.DOUBLE, "sum of squared residuals"),
            new Column("effects", ColumnKind.STRING, "fixed effects: twoway, entity, time or none, or with additional "
                    + "fixed effects the absorbed terms, e.g. province,year,region^year"),
            new Column("se_type", ColumnKind.STRING, "standard errors: iid, hc0, hc1, cr0, cluster, cr2, twoway or dk"),
            new Column("convention", ColumnKind.STRING, "small-sample convention: xtreg, plm, areg, fixest or sandwich"),
            new Column("se_description", ColumnKind.STRING, "the standard errors in words"),
            new Column("small_sample_factor", ColumnKind.DOUBLE, "factor applied to the sandwich (missing where none is single)"),
            new Column("df_rule", ColumnKind.STRING, "how the t-test degrees of freedom were chosen"),
            new Column("cluster_columns", ColumnKind.STRING, "cluster columns, comma-separated"),
            new Column("dropped_regressors", ColumnKind.STRING, "regressors left out, with the reason"),
            new Column("components", ColumnKind.INTEGER, "connected groups of a two-way panel (1 = connected)"),
            new Column("level", ColumnKind.DOUBLE, "confidence level of conf_low / conf_high"),
            new Column("y", ColumnKind.STRING, "dependent variable (read by the Regression Table node)"),
            new Column("entity", ColumnKind.STRING, "entity column (missing when none is chosen)"),
            new Column("time", ColumnKind.STRING, "time column (missing when none is chosen)"),
            new Column("absorbed_dof", ColumnKind.STRING, "degrees of freedom absorbed per fixed-effect term, as "
                    + "reghdfe's table: term: levels, redundant levels (conservative count marked), nested in a "
                    + "cluster marked"),
            new Column("absorption", ColumnKind.STRING, "how the fixed effects were partialled out: none, means, "
                    + "direct or iterative"),
            new Column("absorption_iterations", ColumnKind.INTEGER, "iterations of the iterative absorption "
                    + "(missing for the exact methods)"),
            new Column("weights", ColumnKind.STRING, "analytic-weight column (missing when unweighted)"),
            new Column("zero_weights_dropped", ColumnKind.INTEGER, "rows dropped for a zero weight"));

    private final FixedEffectsResult result;

    public RegressionReport(FixedEffectsResult result) {
        this.result = result;
    }

    public FixedEffectsResult result() {
        return result;
    }

    /** Slopes and the constant, in the order of the regressors. */
    public List<Coefficient> terms() {
        List<Coefficient> all = new ArrayList<>(result.coefficients());
        if (result.constant() != null) {
            all.add(result.constant());
        }
        return all;
    }

    public ResultTable coefficientTable() {
        ResultTable.Builder b = ResultTable.builder(COEFFICIENT_COLUMNS);
        List<Coefficient> terms = terms();
        Set<String> names = new HashSet<>();
        boolean uniqueKeys = terms.stream().allMatch(c -> names.add(c.term()));
        for (Coefficient c : terms) {
            b.row(uniqueKeys ? c.term() : null, c.term(), c.estimate(), c.stdError(), c.statistic(), c.pValue(),
                    c.confLow(), c.confHigh(), Double.isInfinite(c.df()) ? null : c.df(), c.stars());
        }
        return b.build();
    }

    public ResultTable statisticsTable() {
        FixedEffectsResult r = result;
        VarianceEstimate v = r.variance();
        int[] clusters = v.clusters();
        FTest f = r.fTest();
        FTest w = r.waldTest();
        Absorption a = r.absorption();
        return ResultTable.builder(STATISTICS_COLUMNS).row("model",
                r.observations(), r.inputRows(), r.droppedMissing(), r.singletonsDropped(), r.groups(), r.periods(),
                clusters.length > 0 ? clusters[0] : null, clusters.length > 1 ? clusters[1] : null,
                r.k(), r.fixedEffectsRank(), r.dfResid(), dfInference(),
                r.r2Within(), r.r2WithinEntity(), r.r2Lsdv(),
                f == null ? null : f.statistic(), f == null ? null : f.df1(), f == null ? null : finite(f.df2()),
                f == null ? null : f.pValue(),
                w == null ? null : w.statistic(), w == null ? null : w.df1(), w == null ? null : finite(w.df2()),
                w == null ? null : w.pValue(),
                r.sigma(), r.ssr(), r.spec().feKey(), v.type().key(), v.convention().key(), v.description(),
                v.smallSampleFactor(), v.dfRule(), String.join(",", r.clusterColumns()), droppedText(),
                r.components(), r.spec().level(), r.spec().y(), r.spec().entity(), r.spec().time(), absorbedText(),
                a == null ? null : a.method(), a != null && a.iterative() ? a.iterations() : null,
                r.spec().weights(), r.spec().weights() == null ? null : r.zeroWeightsDropped())
                .build();
    }

    /** The t-test degrees of freedom shared by every coefficient, or null (differs per term, or normal). */
    private Double dfInference() {
        double first = result.coefficients().get(0).df();
        for (Coefficient c : result.coefficients()) {
            if (c.df() != first) {
                return null;
            }
        }
        return finite(first);
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    /**
     * The absorbed degrees of freedom per term, e.g. {@code province: 30 levels; year: 21 levels, 1 redundant;
     * region^year: 84 levels, 21 redundant (conservative)}; a term nested in a cluster is marked; null without fixed
     * effects.
     */
    private String absorbedText() {
        List<String> parts = new ArrayList<>();
        for (AbsorbedTerm t : result.absorbed()) {
            StringBuilder sb = new StringBuilder(t.term()).append(": ").append(t.levels()).append(" levels");
            if (t.redundant() > 0) {
                sb.append(", ").append(t.redundant()).append(" redundant");
            }
            if (!t.exact()) {
                sb.append(" (conservative)");
            }
            if (t.nestedInCluster()) {
                sb.append(", nested in the clusters");
            }
            parts.add(sb.toString());
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private String droppedText() {
        return result.dropped().stream().map(Dropped::toString).collect(Collectors.joining("; "));
    }

    /**
     * Residuals (column 0) and fitted values (column 1) per input row, NaN for rows outside the estimation sample
     * (missing values, dropped singletons).
     */
    public double[][] residualsAndFitted() {
        double[] res = new double[result.inputRows()];
        double[] fit = new double[result.inputRows()];
        Arrays.fill(res, Double.NaN);
        Arrays.fill(fit, Double.NaN);
        for (int i = 0; i < result.sampleSize(); i++) {
            int row = result.sampleRow(i);
            res[row] = result.residual(i);
            fit[row] = result.fitted(i);
        }
        return new double[][] {res, fit};
    }

    /** What the user should know: rows removed, regressors dropped, singletons, disconnected panels. */
    public List<String> warnings() {
        return result.warnings();
    }

    /**
     * The warnings as one notice: the summary counts what happened ("3 rows dropped for missing values; 1 regressor
     * dropped"), the details are the engine's warnings, the resolutions say what to change. Empty without warnings.
     */
    public Optional<Notice> notice() {
        List<String> details = result.warnings();
        if (details.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        List<String> resolutions = new ArrayList<>();
        if (result.droppedMissing() > 0) {
            parts.add(Notice.count(result.droppedMissing(), "row", "rows") + " dropped for missing values");
            resolutions.add("To keep the rows, fill the missing values first (e.g. with the Panel Interpolation "
                    + "node) or leave the columns with missing values out of the model.");
        }
        if (!result.dropped().isEmpty()) {
            parts.add(Notice.count(result.dropped().size(), "regressor", "regressors") + " dropped");
            resolutions.add("Remove the dropped regressors from 'Regressors' (they cannot be estimated with these "
                    + "fixed effects and regressors), or change the fixed effects.");
        }
        if (result.singletonsDropped() > 0) {
            parts.add(Notice.count(result.singletonsDropped(), "singleton", "singletons") + " dropped");
        }
        if (result.components() > 1) {
            parts.add("panel in " + result.components() + " disconnected groups");
        }
        if (result.spec().weights() != null && result.zeroWeightsDropped() > 0) {
            parts.add(Notice.count(result.zeroWeightsDropped(), "row", "rows") + " with weight 0 dropped");
        }
        Absorption a = result.absorption();
        if (a != null && !a.converged()) {
            parts.add("fixed effects not converged after " + a.iterations() + " iterations");
        }
        if (parts.isEmpty()) {
            parts.add(details.size() == 1 ? details.get(0) : details.get(0) + " (and " + (details.size() - 1)
                    + " more: see the details)");
        }
        return Optional.of(new Notice(String.join("; ", parts), details, resolutions));
    }

    /**
     * Key results as flow variables (values are Integer, Double or String): {@code fe_n}, {@code fe_groups},
     * {@code fe_clusters}, {@code fe_r2_within}, {@code fe_r2_within_entity}, {@code fe_r2_lsdv},
     * {@code fe_f_statistic}, {@code fe_f_p_value}, {@code fe_wald_statistic}, {@code fe_wald_p_value},
     * {@code fe_se_type}, {@code fe_convention}, and per term {@code fe_b_<term>}, {@code fe_se_<term>},
     * {@code fe_p_<term>}. NaN values are left out.
     */
    public Map<String, Object> flowVariables() {
        FixedEffectsResult r = result;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fe_n", r.observations());
        m.put("fe_groups", r.groups());
        int[] clusters = r.variance().clusters();
        if (clusters.length > 0) {
            m.put("fe_clusters", clusters[0]);
        }
        putFinite(m, "fe_r2_within", r.r2Within());
        putFinite(m, "fe_r2_within_entity", r.r2WithinEntity());
        putFinite(m, "fe_r2_lsdv", r.r2Lsdv());
        if (r.fTest() != null) {
            putFinite(m, "fe_f_statistic", r.fTest().statistic());
            putFinite(m, "fe_f_p_value", r.fTest().pValue());
        }
        if (r.waldTest() != null) {
            putFinite(m, "fe_wald_statistic", r.waldTest().statistic());
            putFinite(m, "fe_wald_p_value", r.waldTest().pValue());
        }
        m.put("fe_se_type", r.variance().type().key());
        m.put("fe_convention", r.variance().convention().key());
        for (Coefficient c : terms()) {
            putFinite(m, "fe_b_" + c.term(), c.estimate());
            putFinite(m, "fe_se_" + c.term(), c.stdError());
            putFinite(m, "fe_p_" + c.term(), c.pValue());
        }
        return m;
    }

    private static void putFinite(Map<String, Object> m, String name, double v) {
        if (Double.isFinite(v)) {
            m.put(name, v);
        }
    }
}
