package org.panelkit.engine.fe;

import java.util.List;

import org.panelkit.engine.vcov.VarianceEstimate;

/**
 * A fitted fixed-effects (or pooled) regression: coefficients with inference under the chosen variance
 * estimator, the sample, fit statistics and per-observation residuals. Immutable.
 */
public final class FixedEffectsResult {
    final ModelSpec spec;
    final EstimationSample sample;
    final List<Coefficient> coefficients;
    final Coefficient constant;
    final List<Dropped> dropped;
    final int kFe;
    final int components;
    final int dfResid;
    final double ssr;
    final double r2Within;
    final double r2WithinEntity;
    final double r2Lsdv;
    final FTest fTest;
    final FTest waldTest;
    final VarianceEstimate variance;
    final double[][] slopeVcov;
    final double[] residuals;
    private final EffectsSupplier effects;
    final List<AbsorbedTerm> absorbed;
    final Absorption absorption;

    FixedEffectsResult(Builder b) {
        this.spec = b.spec;
        this.sample = b.sample;
        this.coefficients = List.copyOf(b.coefficients);
        this.constant = b.constant;
        this.dropped = List.copyOf(b.dropped);
        this.kFe = b.kFe;
        this.components = b.components;
        this.dfResid = b.dfResid;
        this.ssr = b.ssr;
        this.r2Within = b.r2Within;
        this.r2WithinEntity = b.r2WithinEntity;
        this.r2Lsdv = b.r2Lsdv;
        this.fTest = b.fTest;
        this.waldTest = b.waldTest;
        this.variance = b.variance;
        this.slopeVcov = b.slopeVcov;
        this.residuals = b.residuals;
        this.effects = b.effects;
        this.absorbed = List.copyOf(b.absorbed);
        this.absorption = b.absorption;
    }

    public ModelSpec spec() { return spec; }
    /** Slope coefficients in the order of the regressors that were estimated. */
    public List<Coefficient> coefficients() { return coefficients; }
    /** Stata's constant (ybar - xbar'b, the intercept for pooled OLS), or null without one. */
    public Coefficient constant() { return constant; }
    /**
     * Two-way models: the constant of {@code xtreg y x i.year, fe} (year effects relative to the first
     * period), NaN otherwise.
     */
    public double constantXtregIyear() { return effects.get().constantXtregIyear; }
    public List<Dropped> dropped() { return dropped; }
    public int observations() { return sample.n; }
    public int inputRows() { return sample.inputRows; }
    public int droppedMissing() { return sample.droppedMissing; }
    public int singletonsDropped() { return sample.singletonsDropped; }
    /** Entities in the sample (0 without an entity column). */
    public int groups() { return sample.groups; }
    /** Periods in the sample (0 without a time column). */
    public int periods() { return sample.periods; }
    /** Number of slopes estimated. */
    public int k() { return coefficients.size(); }
    /** Rank of the fixed-effects block (1 for the intercept of pooled OLS). */
    public int fixedEffectsRank() { return kFe; }
    /** The degrees of freedom each absorbed term takes (empty for pooled OLS), in the order of the terms. */
    public List<AbsorbedTerm> absorbed() { return absorbed; }
    /** How the fixed effects were partialled out (method, iterations, tolerance, convergence). */
    public Absorption absorption() { return absorption; }
    /** The analytic-weight column, or null for an unweighted fit. */
    public String weightsColumn() { return spec.weights(); }
    /** Rows removed because their weight is zero (they contribute nothing, as in Stata and fixest). */
    public int zeroWeightsDropped() { return sample.zeroWeights; }
    /** Connected components of a two-way panel (mobility groups); 1 otherwise. */
    public int components() { return components; }
    public int dfResid() { return dfResid; }
    public double ssr() { return ssr; }
    public double sigma() { return Math.sqrt(ssr / dfResid); }
    /** 1 - SSR / sum of squares of y with all fixed effects removed (plm); NaN for pooled OLS. */
    public double r2Within() { return r2Within; }
    /** 1 - SSR / sum of squares of y demeaned by entity only (Stata xtreg, gretl); NaN without entity effects. */
    public double r2WithinEntity() { return r2WithinEntity; }
    /** R-squared of the dummy-variable regression (areg, gretl); uncentred without any constant. */
    public double r2Lsdv() { return r2Lsdv; }
    /** Classical F test of all slopes (plm summary). */
    public FTest fTest() { return fTest; }
    /** Wald F test of all slopes with the chosen variance estimator. */
    public FTest waldTest() { return waldTest; }
    public VarianceEstimate variance() { return variance; }
    /** Variance matrix of the slopes (k x k, order of {@link #coefficients()}). */
    public double[][] slopeVcov() { return slopeVcov; }
    /** Number of rows of the estimation sample. */
    public int sampleSize() { return sample.n; }
    /** Input row (0-based) of sample row i. */
    public int sampleRow(int i) { return sample.rows[i]; }
    /** Residual y - Xb - effects of sample row i. */
    public double residual(int i) { return residuals[i]; }
    /** Fitted value Xb + constant + effects of sample row i (y minus the residual). */
    public double fitted(int i) { return sample.y[i] - residuals[i]; }
    /** Entity effects by entity level (two-way: relative to the first period's effect), or null. */
    public double[] entityEffects() {
        double[] e = effects.get().entity;
        return e == null ? null : e.clone();
    }
    /** Period effects by time level (two-way: the first period is 0), or null. */
    public double[] timeEffects() {
        double[] t = effects.get().time;
        return t == null ? null : t.clone();
    }
    public String entityLevel(int code) { return sample.entityLevels[code]; }
    public String timeLevel(int code) { return sample.timeLevels[code]; }
    /**
     * What the user should know about the fit, one sentence each: rows removed for missing values, regressors
     * dropped and why, singletons dropped, a disconnected two-way panel.
     */
    public List<String> warnings() {
        List<String> w = new java.util.ArrayList<>();
        if (droppedMissing() > 0) {
            w.add(droppedMissing() + " of " + inputRows()
                    + " rows removed for missing values in the model's columns (listwise deletion)");
        }
        for (Dropped d : dropped) {
            w.add("regressor '" + d.name() + "' dropped: " + d.reason().text());
        }
        if (zeroWeightsDropped() > 0) {
            w.add(zeroWeightsDropped() + " rows with zero weight removed");
        }
        if (singletonsDropped() > 0) {
            w.add(singletonsDropped() + " singleton observations dropped");
        }
        if (!absorption.converged()) {
            w.add("the iterative absorption of the fixed effects did not converge in " + absorption.iterations()
                    + " iterations (tolerance " + absorption.tolerance() + "); the estimates are not reliable");
        }
        if (!absorbed.isEmpty() && !absorbed.get(0).exact()) {
            w.add("absorbed degrees of freedom counted conservatively for three or more fixed-effect terms "
                    + "(reghdfe's rule): the rank of the fixed effects may be smaller");
        }
        // term lists: disconnected groups are part of the absorbed degrees of freedom (redundant levels), as in
        // reghdfe; only the entity/time models name them
        if (components > 1 && spec.effects() != Effects.TERMS) {
            w.add("the panel falls into " + components
                    + " disconnected groups of entities and periods; effects are identified within each");
        }
        return w;
    }

    /** Cluster columns used (empty when not clustered). */
    public List<String> clusterColumns() { return sample.clusterNames; }

    static final class Builder {
        ModelSpec spec;
        EstimationSample sample;
        List<Coefficient> coefficients;
        Coefficient constant;
        List<Dropped> dropped;
        int kFe;
        int components;
        int dfResid;
        double ssr;
        double r2Within = Double.NaN;
        double r2WithinEntity = Double.NaN;
        double r2Lsdv;
        FTest fTest;
        FTest waldTest;
        VarianceEstimate variance;
        double[][] slopeVcov;
        double[] residuals;
        EffectsSupplier effects;
        List<AbsorbedTerm> absorbed = List.of();
        Absorption absorption = Absorption.NONE;
    }
}
