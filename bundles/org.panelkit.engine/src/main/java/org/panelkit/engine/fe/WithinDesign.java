package org.panelkit.engine.fe;

import java.util.ArrayList;
import java.util.List;

import org.panelkit.engine.PanelKitException;

/**
 * The Frisch-Waugh-Lovell view of a fitted model, for inference procedures built on top of it (wild cluster
 * bootstrap, stacked-score comparisons): the dependent variable and the estimated regressors with the fixed
 * effects partialled out (y~ = M_D y, X~ = M_D X, in the order of {@link FixedEffectsResult#coefficients()}),
 * the residuals, the cluster codes and the annihilator M_D itself. By FWL, OLS of y~ on X~ gives the model's
 * slopes and residuals. Arrays are fresh copies; the object is immutable.
 * <p>
 * With analytic weights the design is that of the transformed (weighted least-squares) model, as Stata's boottest
 * treats aweights: y* = sqrt(w) M_W y, X* = sqrt(w) M_W X, residuals sqrt(w) e, and the annihilator
 * M* v = sqrt(w) M_W (v / sqrt(w)) (M_W the weighted demeaning), so that OLS of y* on X* gives the fit's slopes and
 * every procedure built on OLS algebra applies unchanged.
 */
public final class WithinDesign {
    private final FixedEffectsResult fit;
    private final FixedEffectsProjector projector;
    private final double[] y;
    private final double[][] x;
    private final List<String> names;
    /** sqrt(w) per row, or null without weights. */
    private final double[] rootW;

    private WithinDesign(FixedEffectsResult fit) {
        this.fit = fit;
        EstimationSample s = fit.sample;
        this.projector = FixedEffectsProjector.of(s, fit.spec.constant());
        this.rootW = rootWeights(s.w);
        this.y = s.y.clone();
        projector.residualize(y);
        scale(y, rootW);
        List<String> kept = new ArrayList<>();
        for (Coefficient c : fit.coefficients) {
            kept.add(c.term());
        }
        this.names = List.copyOf(kept);
        this.x = new double[kept.size()][];
        for (int j = 0; j < x.length; j++) {
            double[] col = s.x[s.xNames.indexOf(kept.get(j))].clone();
            projector.residualize(col);
            scale(col, rootW);
            x[j] = col;
        }
    }

    private static double[] rootWeights(double[] w) {
        if (w == null) {
            return null;
        }
        double[] r = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            r[i] = Math.sqrt(w[i]);
        }
        return r;
    }

    private static void scale(double[] v, double[] by) {
        if (by != null) {
            for (int i = 0; i < v.length; i++) {
                v[i] *= by[i];
            }
        }
    }

    /** The within design of a fitted model (one pass over the data per regressor). */
    public static WithinDesign of(FixedEffectsResult fit) {
        return new WithinDesign(fit);
    }

    public FixedEffectsResult fit() { return fit; }

    /** Rows of the estimation sample. */
    public int n() { return fit.sample.n; }

    /** Number of estimated slopes k. */
    public int k() { return x.length; }

    /** Names of the estimated slopes, in the order of the columns of {@link #x(int)}. */
    public List<String> names() { return names; }

    /** y~ = M_D y (a copy). */
    public double[] y() { return y.clone(); }

    /** Column j of X~ = M_D X (a copy). */
    public double[] x(int j) { return x[j].clone(); }

    /** Residuals y~ - X~ b of the fit (a copy; sqrt(w) e with weights). */
    public double[] residuals() {
        double[] e = fit.residuals.clone();
        scale(e, rootW);
        return e;
    }

    /** Rank of the absorbed fixed effects (1 for the intercept of pooled OLS, 0 without any). */
    public int fixedEffectsRank() { return projector.rank(); }

    /** Replaces {@code v} (length n, sample order) by M_D v: its residual from the fixed effects. */
    public void residualize(double[] v) {
        if (v.length != n()) {
            throw new IllegalArgumentException("vector of length " + v.length + ", sample has " + n() + " rows");
        }
        if (rootW == null) {
            projector.residualize(v);
            return;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= rootW[i];
        }
        projector.residualize(v);
        scale(v, rootW);
    }

    /** Number of cluster dimensions of the model's variance estimator (0, 1 or 2). */
    public int clusterDimensions() { return fit.sample.clusters.size(); }

    /** Cluster codes 0..G-1 of dimension {@code d} per sample row (a copy). */
    public int[] clusterCodes(int d) {
        checkCluster(d);
        return fit.sample.clusters.get(d).clone();
    }

    /** Number of clusters G in dimension {@code d}. */
    public int clusterCount(int d) {
        checkCluster(d);
        return fit.sample.clusterCounts[d];
    }

    /** Name of cluster column {@code d}. */
    public String clusterName(int d) {
        checkCluster(d);
        return fit.sample.clusterNames.get(d);
    }

    private void checkCluster(int d) {
        if (d < 0 || d >= clusterDimensions()) {
            throw new PanelKitException("the model is not clustered" + (clusterDimensions() > 0 ? " in dimension " + d
                    : "; use clustered standard errors (--vcov cluster)"));
        }
    }

    /** Entity codes per sample row (a copy), or null without an entity column. */
    public int[] entityCodes() { return fit.sample.entity == null ? null : fit.sample.entity.clone(); }

    /** Time codes per sample row (a copy), or null without a time column. */
    public int[] timeCodes() { return fit.sample.time == null ? null : fit.sample.time.clone(); }

    /**
     * True when every absorbed fixed effect (and the intercept of pooled OLS) is nested in the given clusters:
     * then M_D acts within clusters and X~_g' (M_D w)_g = X~_g' w_g for every vector w.
     */
    public boolean effectsNestedIn(int[] cluster) {
        EstimationSample s = fit.sample;
        if (s.fe.isEmpty()) {
            return projector.rank() == 0 || allSame(cluster);
        }
        for (int j = 0; j < s.fe.size(); j++) {
            if (!VarianceFactory.nested(s.fe.get(j), s.feLevels[j], cluster)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allSame(int[] codes) {
        for (int c : codes) {
            if (c != codes[0]) {
                return false;
            }
        }
        return true;
    }
}
