package org.panelkit.engine.fe;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.linalg.PivotedQr;
import org.panelkit.engine.linalg.StreamingQr;
import org.panelkit.engine.linalg.SymmetricEigen;
import org.panelkit.engine.stats.Distributions;
import org.panelkit.engine.vcov.Matrices;
import org.panelkit.engine.vcov.Scores;
import org.panelkit.engine.vcov.VarianceEstimate;

/**
 * Linear regression with entity and/or period fixed effects (or pooled OLS), as {@code xtreg, fe},
 * {@code reghdfe}, {@code plm(model = "within")} and {@code fixest::feols}:
 * <ol>
 * <li>the estimation sample ({@link EstimationSample}: listwise deletion, sorted, duplicates rejected);</li>
 * <li>y and X are residualized on the fixed effects exactly ({@link FixedEffectsProjector});</li>
 * <li>a regressor whose within-transformed norm is below 1e-7 of its centred norm is absorbed by the effects
 * and dropped (plm's rule: the fixed effects win); the rest are unit-scaled and go through R's pivoted QR
 * (tolerance 1e-7), which drops and names collinear columns;</li>
 * <li>b = R^-1 Q'y~, bread B = (X~'X~)^-1 = R^-1 R^-T, never an explicit inverse of X'X;</li>
 * <li>the variance estimator and its convention ({@link VarianceFactory});</li>
 * <li>Stata's constant ybar - xbar'b with its standard error from the same sandwich applied to the augmented
 * design [X~, 1] (the reparametrisation xtreg and reghdfe use).</li>
 * </ol>
 */
public final class FixedEffectsRegression {
    static final double ABSORBED_TOL = 1e-7;
    static final double QR_TOL = 1e-7;

    private FixedEffectsRegression() {
    }

    public static FixedEffectsResult fit(ColumnSource data, ModelSpec spec) {
        return fit(data, spec, ProgressMonitor.NONE);
    }

    public static FixedEffectsResult fit(ColumnSource data, ModelSpec spec, ProgressMonitor monitor) {
        monitor.progress(0.0, "preparing the estimation sample");
        EstimationSample s = EstimationSample.of(data, spec);
        monitor.checkCanceled();
        monitor.progress(0.2, "absorbing fixed effects");
        FixedEffectsProjector proj = FixedEffectsProjector.of(s, spec.effects(), spec.constant());
        int kIn = s.x.length;
        double[][] within = new double[kIn + 1][];
        IntStream.rangeClosed(0, kIn).parallel().forEach(j -> {
            monitor.checkCanceled();
            double[] v = (j == kIn ? s.y : s.x[j]).clone();
            proj.residualize(v);
            within[j] = v;
        });
        double[] yt = within[kIn];
        monitor.checkCanceled();
        monitor.progress(0.5, "solving least squares");

        List<Dropped> dropped = new ArrayList<>();
        List<Integer> candidates = new ArrayList<>();
        double[] withinNorm = new double[kIn];
        double[] means = new double[kIn];
        for (int j = 0; j < kIn; j++) {
            means[j] = mean(s.x[j]);
            double ref = proj.rank() == 0 ? norm(s.x[j]) : Math.sqrt(centredSumSquares(s.x[j], means[j]));
            withinNorm[j] = norm(within[j]);
            if (ref == 0) {
                dropped.add(new Dropped(s.xNames.get(j),
                        proj.rank() == 0 ? Dropped.Reason.COLLINEAR : Dropped.Reason.CONSTANT));
            } else if (withinNorm[j] <= ABSORBED_TOL * ref) {
                dropped.add(new Dropped(s.xNames.get(j), Dropped.Reason.ABSORBED));
            } else {
                candidates.add(j);
            }
        }
        int c = candidates.size();
        // R of [X~ y~] (columns scaled to unit norm) streamed in blocks, then lm's pivoted QR on the small R:
        // X = Q R, so partial column norms, Q'y and the triangular factor are those of the full problem.
        double[][] cols = new double[c + 1][];
        double[] scale = new double[c + 1];
        for (int p = 0; p < c; p++) {
            cols[p] = within[candidates.get(p)];
            scale[p] = 1.0 / withinNorm[candidates.get(p)];
        }
        cols[c] = yt;
        double yNorm = norm(yt);
        scale[c] = yNorm > 0 ? 1.0 / yNorm : 1.0;
        double[][] rFactor = StreamingQr.r(cols, scale);
        double[][] small = new double[c][c + 1];
        double[] smallY = new double[c + 1];
        for (int i = 0; i <= c; i++) {
            for (int p = 0; p < c; p++) {
                small[p][i] = rFactor[i][p];
            }
            smallY[i] = rFactor[i][c] / scale[c];
        }
        PivotedQr qr = PivotedQr.decompose(small, QR_TOL);
        int k = qr.rank();
        int[] kept = new int[k];      // index into s.x of each estimated slope
        double[] keptScale = new double[k];
        for (int p = 0; p < c; p++) {
            int original = candidates.get(qr.pivot(p));
            if (p < k) {
                kept[p] = original;
                keptScale[p] = 1.0 / scale[qr.pivot(p)];
            } else {
                dropped.add(new Dropped(s.xNames.get(original), Dropped.Reason.COLLINEAR));
            }
        }
        dropped.sort(java.util.Comparator.comparingInt(d -> s.xNames.indexOf(d.name())));
        if (k == 0) {
            throw new PanelKitException("no regressor can be estimated: " + describe(dropped));
        }
        int kFe = proj.rank();
        int dfResid = s.n - k - kFe;
        if (dfResid <= 0) {
            throw new PanelKitException("too few observations: " + s.n + " observations for " + k
                    + " regressors and " + kFe + " fixed effects (need more observations than parameters)");
        }
        double[] bs = qr.solveR(qr.qtyHead(smallY));
        double[] b = new double[k];
        for (int j = 0; j < k; j++) {
            b[j] = bs[j] / keptScale[j];
        }
        double[][] bread = qr.inverseGram();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                bread[i][j] /= keptScale[i] * keptScale[j];
            }
        }
        double[][] xt = new double[k][];
        for (int j = 0; j < k; j++) {
            xt[j] = within[kept[j]];
        }
        double tssWithin = sumSquares(yt);
        double[] e = yt; // residuals overwrite y~, which is not needed any more
        for (int j = 0; j < k; j++) {
            double bj = b[j];
            double[] col = xt[j];
            for (int i = 0; i < e.length; i++) {
                e[i] -= bj * col[i];
            }
        }
        double ssr = sumSquares(e);
        monitor.checkCanceled();
        monitor.progress(0.7, "estimating the variance");

        boolean hasConstant = kFe > 0;
        int width = hasConstant ? k + 1 : k;
        double[][] z = new double[width][];
        System.arraycopy(xt, 0, z, 0, k);
        double[][] zBread = new double[width][width];
        for (int i = 0; i < k; i++) {
            System.arraycopy(bread[i], 0, zBread[i], 0, k);
        }
        if (hasConstant) {
            double[] ones = new double[s.n];
            java.util.Arrays.fill(ones, 1.0);
            z[k] = ones;
            zBread[k][k] = 1.0 / s.n;
        }
        // Reparametrise (b, mu) -> (b, ybar - xbar'b): V = L V_z L', L = [[I, 0], [-xbar', 1]].
        double ybar = mean(s.y);
        double[] xbar = new double[k];
        for (int j = 0; j < k; j++) {
            xbar[j] = means[kept[j]];
        }
        double[][] l = Matrices.identity(width);
        if (hasConstant) {
            for (int j = 0; j < k; j++) {
                l[k][j] = -xbar[j];
            }
        }
        Scores scores = new Scores(z, e, zBread);
        VarianceEstimate variance = new VarianceFactory(spec, s, proj, scores, k, bread, l).estimate(ssr);
        double[][] v = hasConstant ? Matrices.congruence(l, variance.matrix()) : variance.matrix();
        FixedEffectsResult.Builder r = new FixedEffectsResult.Builder();
        r.spec = spec;
        r.sample = s;
        r.variance = variance;
        List<Coefficient> coefs = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            coefs.add(coefficient(s.xNames.get(kept[j]), b[j], v[j][j], variance.df(j), spec.level()));
        }
        r.coefficients = coefs;
        double constant = Double.NaN;
        if (hasConstant) {
            constant = ybar;
            for (int j = 0; j < k; j++) {
                constant -= xbar[j] * b[j];
            }
            r.constant = coefficient("_cons", constant, v[k][k], variance.df(k), spec.level());
        }
        r.slopeVcov = new double[k][k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(v[i], 0, r.slopeVcov[i], 0, k);
        }
        r.dropped = dropped;
        r.kFe = kFe;
        r.components = proj.components();
        r.dfResid = dfResid;
        r.ssr = ssr;
        if (spec.effects() != Effects.NONE) {
            r.r2Within = 1 - ssr / tssWithin;
        }
        if (spec.effects().hasEntity()) {
            r.r2WithinEntity = 1 - ssr / withinEntitySumSquares(s);
        }
        r.r2Lsdv = 1 - ssr / (hasConstant ? centredSumSquares(s.y) : sumSquares(s.y));
        double f = ((tssWithin - ssr) / k) / (ssr / dfResid);
        r.fTest = new FTest(f, k, dfResid, Distributions.upperF(f, k, dfResid));
        r.waldTest = wald(b, r.slopeVcov, variance);
        r.residuals = e;
        r.effects = new EffectsSupplier(s, proj, b, kept, constant);
        monitor.progress(1.0, "done");
        return new FixedEffectsResult(r);
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

    private static String describe(List<Dropped> dropped) {
        List<String> parts = new ArrayList<>();
        for (Dropped d : dropped) {
            parts.add(d.toString());
        }
        return String.join(", ", parts);
    }

    /** Sum of squares of y about its entity means (two passes, no copy of y). */
    private static double withinEntitySumSquares(EstimationSample s) {
        double[] mean = new double[s.groups];
        double[] count = new double[s.groups];
        for (int i = 0; i < s.n; i++) {
            mean[s.entity[i]] += s.y[i];
            count[s.entity[i]]++;
        }
        for (int g = 0; g < s.groups; g++) {
            mean[g] /= count[g];
        }
        double ss = 0;
        for (int i = 0; i < s.n; i++) {
            double d = s.y[i] - mean[s.entity[i]];
            ss += d * d;
        }
        return ss;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    static double sumSquares(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return s;
    }

    static double norm(double[] v) {
        return Math.sqrt(sumSquares(v));
    }

    static double centredSumSquares(double[] v) {
        return centredSumSquares(v, mean(v));
    }

    static double centredSumSquares(double[] v, double m) {
        double s = 0;
        for (double d : v) {
            s += (d - m) * (d - m);
        }
        return s;
    }

}
