package org.panelkit.engine.fe;

import java.util.ArrayList;
import java.util.List;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.linalg.Sums;
import org.panelkit.engine.linalg.SymmetricEigen;
import org.panelkit.engine.stats.Distributions;
import org.panelkit.engine.vcov.Matrices;
import org.panelkit.engine.vcov.Scores;
import org.panelkit.engine.vcov.VarianceEstimate;

/**
 * Linear regression with entity and/or period fixed effects (or pooled OLS), as {@code xtreg, fe},
 * {@code reghdfe}, {@code plm(model = "within")} and {@code fixest::feols}, in the economist's steps:
 * <ol>
 * <li>sample: the estimation sample ({@link EstimationSample}: listwise deletion, sorted, duplicates
 * rejected, singletons);</li>
 * <li>absorption: y and X are residualized on the fixed effects exactly ({@link FixedEffectsProjector},
 * {@link WithinTransform});</li>
 * <li>least squares ({@link LeastSquaresFit}): a regressor whose within-transformed norm is below 1e-7 of its
 * centred norm is absorbed by the effects and dropped (plm's rule: the fixed effects win); the rest are
 * unit-scaled and go through R's pivoted QR (tolerance 1e-7), which drops and names collinear columns;
 * b = R^-1 Q'y~, bread B = (X~'X~)^-1 = R^-1 R^-T, never an explicit inverse of X'X;</li>
 * <li>variance: the estimator and its convention ({@link VarianceFactory}), with Stata's constant
 * ybar - xbar'b and its standard error from the same sandwich applied to the augmented design [X~, 1] (the
 * reparametrisation xtreg and reghdfe use, {@code ConstantDesign});</li>
 * <li>report: coefficients, fit statistics, F and Wald tests ({@link FixedEffectsResult}).</li>
 * </ol>
 * Parallel steps run in the current fork/join pool; {@link org.panelkit.engine.Parallelism} bounds them.
 */
public final class FixedEffectsRegression {
    /** plm's rule for a regressor absorbed by the effects: ||x~|| <= 1e-7 ||x - xbar||. */
    static final double ABSORBED_TOL = 1e-7;
    /** lm's tolerance for the pivoted QR (LINPACK dqrdc2). */
    static final double QR_TOL = 1e-7;

    private FixedEffectsRegression() {
    }

    public static FixedEffectsResult fit(ColumnSource data, ModelSpec spec) {
        return fit(data, spec, ProgressMonitor.NONE);
    }

    /**
     * Fits the model: sample, absorption, least squares, variance, report (the steps of the class comment).
     *
     * @throws PanelKitException for a model that cannot be estimated on the data, naming the cause
     * @throws java.util.concurrent.CancellationException when {@code monitor} reports a cancel request
     */
    public static FixedEffectsResult fit(ColumnSource data, ModelSpec spec, ProgressMonitor monitor) {
        return fit(data, spec, monitor, FixedEffectsProjector.MAX_SECONDARY_LEVELS);
    }

    /** The fit with another limit for the direct absorption (0: iterative whenever there are two terms). */
    static FixedEffectsResult fit(ColumnSource data, ModelSpec spec, ProgressMonitor monitor, int directLimit) {
        monitor.progress(0.0, "preparing the estimation sample");
        EstimationSample s = EstimationSample.of(data, spec);
        monitor.checkCanceled();
        monitor.progress(0.2, "absorbing fixed effects");
        FixedEffectsProjector proj = FixedEffectsProjector.of(s, spec.constant(), directLimit);
        WithinTransform within = WithinTransform.of(s, proj, monitor);
        monitor.checkCanceled();
        monitor.progress(0.5, "solving least squares");
        LeastSquaresFit ls = LeastSquaresFit.of(s, proj, within);
        monitor.checkCanceled();
        monitor.progress(0.7, "estimating the variance");
        ConstantDesign design = ConstantDesign.of(s, ls, proj.rank() > 0);
        VarianceEstimate variance = new VarianceFactory(spec, s, proj, design.scores(ls), ls.k(), ls.bread,
                design.l).estimate(ls.ssr);
        FixedEffectsResult result = report(spec, s, proj, ls, design, variance);
        monitor.progress(1.0, "done");
        return result;
    }

    /**
     * Step 4 (variance), the constant of Stata's xtreg/reghdfe: with fixed effects the regression is
     * reparametrised from (b, mu) on the augmented design Z = [X~, 1] to (b, _cons = ybar - xbar'b), so that
     * _cons is the observation-weighted mean of the intercepts a_i (+ g_t). Its variance comes from the same
     * sandwich on Z, V = L V_z L' with L = [[I, 0], [-xbar', 1]]; the bread of the column of ones is 1/N
     * (it is orthogonal to X~). Without fixed effects Z = X~ and L = I.
     */
    private static final class ConstantDesign {
        final boolean hasConstant;
        final double[][] z;
        final double[][] zBread;
        final double[][] l;
        final double ybar;
        final double[] xbar;
        /** The intercept refined in extended precision on the original data (pooled OLS), else NaN. */
        double refinedIntercept = Double.NaN;

        private ConstantDesign(boolean hasConstant, double[][] z, double[][] zBread, double[][] l, double ybar,
                double[] xbar) {
            this.hasConstant = hasConstant;
            this.z = z;
            this.zBread = zBread;
            this.l = l;
            this.ybar = ybar;
            this.xbar = xbar;
        }

        static ConstantDesign of(EstimationSample s, LeastSquaresFit ls, boolean hasConstant) {
            int k = ls.k();
            int width = hasConstant ? k + 1 : k;
            double[][] z = new double[width][];
            System.arraycopy(ls.xt, 0, z, 0, k);
            double[][] zBread = new double[width][width];
            for (int i = 0; i < k; i++) {
                System.arraycopy(ls.bread[i], 0, zBread[i], 0, k);
            }
            if (hasConstant) {
                double[] ones = new double[s.n];
                for (int i = 0; i < s.n; i++) {
                    ones[i] = s.w == null ? 1.0 : Math.sqrt(s.w[i]); // the column of ones, transformed like X~
                }
                z[k] = ones;
                zBread[k][k] = 1.0 / s.weightSum();
            }
            double ybar = mean(s.y, s.w);
            double[] xbar = new double[k];
            for (int j = 0; j < k; j++) {
                xbar[j] = ls.means[ls.kept[j]];
            }
            double[][] l = Matrices.identity(width);
            if (hasConstant) {
                for (int j = 0; j < k; j++) {
                    l[k][j] = -xbar[j];
                }
            }
            ConstantDesign d = new ConstantDesign(hasConstant, z, zBread, l, ybar, xbar);
            d.refinedIntercept = ls.refinedIntercept;
            return d;
        }

        Scores scores(LeastSquaresFit ls) {
            return new Scores(z, ls.residuals, zBread);
        }

        /** _cons = ybar - xbar'b, or NaN without fixed effects. */
        double constant(double[] b) {
            if (!hasConstant) {
                return Double.NaN;
            }
            if (!Double.isNaN(refinedIntercept)) {
                return refinedIntercept;
            }
            double constant = ybar;
            for (int j = 0; j < b.length; j++) {
                constant -= xbar[j] * b[j];
            }
            return constant;
        }
    }

    /**
     * Step 5, the report: coefficients with inference, the constant, fit statistics and tests.
     * R-squared: within 1 - SSR / y~'y~ (with fixed effects), within-entity 1 - SSR / sum (y - ybar_i)^2 (Stata's
     * xtreg "within"), LSDV 1 - SSR / TSS (centred when there is a constant); F = ((y~'y~ - SSR) / k) /
     * (SSR / df_resid), the model F of the iid fit; the Wald test uses the chosen variance.
     */
    private static FixedEffectsResult report(ModelSpec spec, EstimationSample s, FixedEffectsProjector proj,
            LeastSquaresFit ls, ConstantDesign design, VarianceEstimate variance) {
        int k = ls.k();
        double[][] v = design.hasConstant ? Matrices.congruence(design.l, variance.matrix()) : variance.matrix();
        FixedEffectsResult.Builder r = new FixedEffectsResult.Builder();
        r.spec = spec;
        r.sample = s;
        r.variance = variance;
        List<Coefficient> coefs = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            coefs.add(coefficient(s.xNames.get(ls.kept[j]), ls.b[j], v[j][j], variance.df(j), spec.level()));
        }
        r.coefficients = coefs;
        double constant = design.constant(ls.b);
        if (design.hasConstant) {
            r.constant = coefficient("_cons", constant, v[k][k], variance.df(k), spec.level());
        }
        r.slopeVcov = new double[k][k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(v[i], 0, r.slopeVcov[i], 0, k);
        }
        r.dropped = ls.dropped;
        r.kFe = proj.rank();
        r.absorbed = absorbed(s, proj, variance);
        r.absorption = proj.absorption();
        r.components = proj.components();
        r.dfResid = ls.dfResid;
        r.ssr = ls.ssr;
        if (!s.fe.isEmpty()) {
            r.r2Within = 1 - ls.ssr / ls.tssWithin;
        }
        if (s.entity != null && spec.absorbsEntity()) {
            r.r2WithinEntity = 1 - ls.ssr / withinEntitySumSquares(s);
        }
        r.r2Lsdv = 1 - ls.ssr / (design.hasConstant ? centredSumSquares(s.y, mean(s.y, s.w), s.w)
                : centredSumSquares(s.y, 0, s.w));
        double f = ((ls.tssWithin - ls.ssr) / k) / (ls.ssr / ls.dfResid);
        r.fTest = new FTest(f, k, ls.dfResid, Distributions.upperF(f, k, ls.dfResid));
        r.waldTest = wald(ls.b, r.slopeVcov, variance);
        r.residuals = unweighted(ls.residuals, s.w);
        r.effects = new EffectsSupplier(s, proj, ls.b, ls.kept, constant);
        return new FixedEffectsResult(r);
    }

    /** The absorbed degrees of freedom per term, with nesting in the variance estimator's clusters. */
    private static List<AbsorbedTerm> absorbed(EstimationSample s, FixedEffectsProjector proj,
            VarianceEstimate variance) {
        int[] redundant = proj.redundant();
        List<AbsorbedTerm> out = new ArrayList<>();
        for (int j = 0; j < s.fe.size(); j++) {
            boolean nested = variance.type() != org.panelkit.engine.vcov.VcovType.IID && s.termNestedInClusters(j);
            out.add(new AbsorbedTerm(s.feNames.get(j), s.feLevels[j], redundant[j], proj.exact(), nested));
        }
        return out;
    }

    /** e_i = e*_i / sqrt(w_i): the residuals of the transformed (weighted) problem back on the data's scale. */
    private static double[] unweighted(double[] starred, double[] w) {
        if (w == null) {
            return starred;
        }
        double[] e = new double[starred.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = starred[i] / Math.sqrt(w[i]);
        }
        return e;
    }

    private static FTest wald(double[] b, double[][] v, VarianceEstimate variance) {
        int k = b.length;
        double[][] inv = SymmetricEigen.of(v).pseudoInverse(1e-12);
        double stat = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                stat += b[i] * inv[i][j] * b[j];
            }
        }
        stat /= k;
        double df2 = "Satterthwaite".equals(variance.dfRule()) ? variance.clusters()[0] - 1 : variance.df(0);
        return new FTest(stat, k, df2, Distributions.upperF(stat, k, df2));
    }

    static Coefficient coefficient(String term, double estimate, double variance, double df, double level) {
        double se = Math.sqrt(variance);
        double t = estimate / se;
        double p = se > 0 ? Distributions.twoSidedT(t, df) : Double.NaN;
        double crit = Distributions.criticalValue(level, df);
        return new Coefficient(term, estimate, se, t, p, estimate - crit * se, estimate + crit * se, df);
    }

    /** (Weighted) sum of squares of y about its (weighted) entity means (two passes, no copy of y). */
    private static double withinEntitySumSquares(EstimationSample s) {
        double[] mean = new double[s.groups];
        double[] count = new double[s.groups];
        for (int i = 0; i < s.n; i++) {
            double w = s.w == null ? 1 : s.w[i];
            mean[s.entity[i]] += w * s.y[i];
            count[s.entity[i]] += w;
        }
        for (int g = 0; g < s.groups; g++) {
            mean[g] /= count[g];
        }
        double ss = 0;
        for (int i = 0; i < s.n; i++) {
            double d = s.y[i] - mean[s.entity[i]];
            ss += (s.w == null ? 1 : s.w[i]) * d * d;
        }
        return ss;
    }

    static double mean(double[] v) {
        return Sums.sum(v) / v.length;
    }

    /** The mean weighted by {@code w}, or the mean when {@code w} is null. */
    static double mean(double[] v, double[] w) {
        if (w == null) {
            return mean(v);
        }
        double s = 0;
        double total = 0;
        for (int i = 0; i < v.length; i++) {
            s += w[i] * v[i];
            total += w[i];
        }
        return s / total;
    }

    /** sum w_i (v_i - m)^2 (unit weights when {@code w} is null). */
    static double centredSumSquares(double[] v, double m, double[] w) {
        if (w == null) {
            return centredSumSquares(v, m);
        }
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += w[i] * (v[i] - m) * (v[i] - m);
        }
        return s;
    }

    static double sumSquares(double[] v) {
        return Sums.dot(v, v, 0, v.length);
    }

    static double norm(double[] v) {
        return Math.sqrt(sumSquares(v));
    }

    static double centredSumSquares(double[] v) {
        return centredSumSquares(v, mean(v));
    }

    static double centredSumSquares(double[] v, double m) {
        return Sums.centredSquares(v, m);
    }

}
