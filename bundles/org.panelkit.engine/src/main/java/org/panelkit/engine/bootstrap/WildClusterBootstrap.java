package org.panelkit.engine.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.WithinDesign;
import org.panelkit.engine.vcov.VarianceEstimate;
import org.panelkit.engine.vcov.VcovType;

/**
 * Wild cluster restricted bootstrap-t (WCR: the null imposed on the bootstrap data-generating process) for one
 * coefficient of a fitted fixed-effects model with one-way clustered standard errors, as Stata's
 * {@code boottest} and R's {@code fwildclusterboot::boottest} (Cameron, Gelbach and Miller 2008; MacKinnon and
 * Webb 2017; Roodman, Nielsen, MacKinnon and Webb 2019):
 * <ol>
 * <li>the fixed effects are partialled out (FWL, {@link WithinDesign}); the model with b_j = b0 imposed gives the
 * restricted residuals u;</li>
 * <li>replication b draws one weight v_g per cluster ({@link AuxiliaryWeights}), builds
 * y* = restricted fit + u_i v_{g(i)}, re-estimates the full model (all fixed effects) and computes
 * t*_b = (b*_j - b0) / se*(b*_j) with the model's cluster-robust variance (same small-sample factor);</li>
 * <li>p = (1/B) #{b : |t*_b| &gt; |t|} with t = (b_j - b0)/se(b_j) (the symmetric p-value of boottest and
 * fwildclusterboot; the original statistic is not counted among the B draws);</li>
 * <li>the confidence interval is the set of b0 with p(b0) &gt; 1 - level, found by bisection of p(b0) on each
 * side of the estimate (the draws v are held fixed, so p(b0) is a step function; the innermost crossing on
 * each side is reported).</li>
 * </ol>
 * Step 2 never re-estimates anything: {@link RestrictedScores} reduces every draw to cluster-level sums, O(G k)
 * per draw when the fixed effects are nested in the clusters and O(G^2) otherwise. Weights come from one
 * {@link SplittableRandom} seeded with the spec's seed, drawn replication by replication and cluster by cluster
 * in the order of the cluster codes; with Rademacher weights and 2^G &le; B the 2^G sign vectors are enumerated
 * instead (deterministic; B becomes 2^G).
 */
public final class WildClusterBootstrap {
    private static final int MAX_ENUMERATED_CLUSTERS = 24;

    private WildClusterBootstrap() {
    }

    /** Tests the spec's term. */
    public static WildBootstrapResult test(FixedEffectsResult fit, WildBootstrapSpec spec, ProgressMonitor monitor) {
        return test(WithinDesign.of(fit), spec, monitor);
    }

    /** Tests each of {@code terms} (null or empty: every estimated slope) with the same settings. */
    public static List<WildBootstrapResult> testEach(FixedEffectsResult fit, List<String> terms,
            WildBootstrapSpec spec, ProgressMonitor monitor) {
        WithinDesign d = WithinDesign.of(fit);
        List<String> which = terms == null || terms.isEmpty() ? d.names() : terms;
        List<WildBootstrapResult> out = new ArrayList<>();
        for (int i = 0; i < which.size(); i++) {
            int step = i;
            ProgressMonitor sub = new ProgressMonitor() {
                @Override
                public void progress(double fraction, String message) {
                    monitor.progress((step + fraction) / which.size(), message);
                }

                @Override
                public void checkCanceled() {
                    monitor.checkCanceled();
                }
            };
            out.add(test(d, spec.toBuilder().term(which.get(i)).build(), sub));
        }
        return out;
    }

    static WildBootstrapResult test(WithinDesign d, WildBootstrapSpec spec, ProgressMonitor monitor) {
        FixedEffectsResult fit = d.fit();
        VarianceEstimate v = fit.variance();
        if (!(v.type() == VcovType.CLUSTER || v.type() == VcovType.CR0) || d.clusterDimensions() != 1) {
            throw new PanelKitException("the wild cluster bootstrap needs a model with one-way clustered standard "
                    + "errors (cluster or cr0), got " + v.description());
        }
        int j = termIndex(d, spec.term());
        Coefficient coef = fit.coefficients().get(j);
        int[] cluster = d.clusterCodes(0);
        int g = d.clusterCount(0);
        double factor = v.smallSampleFactor() == null ? 1.0 : v.smallSampleFactor();
        double level = Double.isNaN(spec.level()) ? fit.spec().level() : spec.level();
        monitor.progress(0, "wild bootstrap: cluster sums for " + coef.term());
        RestrictedScores rs = new RestrictedScores(d, j, cluster, g, monitor);
        boolean enumerate = spec.enumerate() && spec.weights() == AuxiliaryWeights.RADEMACHER
                && g <= MAX_ENUMERATED_CLUSTERS && (1L << g) <= spec.reps();
        int reps = enumerate ? 1 << g : spec.reps();
        double[] draws = new double[5 * reps];
        double[] weights = new double[g];
        double[] work = new double[2 * Math.max(g, d.k())];
        SplittableRandom rng = new SplittableRandom(spec.seed());
        for (int b = 0; b < reps; b++) {
            if ((b & 1023) == 0) {
                monitor.checkCanceled();
                monitor.progress(0.05 + 0.85 * b / reps, "wild bootstrap: " + coef.term() + ", replication " + b);
            }
            if (enumerate) {
                for (int h = 0; h < g; h++) {
                    weights[h] = ((b >>> h) & 1) == 0 ? 1.0 : -1.0;
                }
            } else {
                for (int h = 0; h < g; h++) {
                    weights[h] = spec.weights().draw(rng);
                }
            }
            rs.summarise(weights, draws, b, work);
        }
        NullDistribution dist = new NullDistribution(draws, reps, factor);
        double se = coef.stdError();
        double est = coef.estimate();
        double b0 = spec.nullValue();
        double t = (est - b0) / se;
        double p = dist.pValue(b0, t);
        monitor.progress(0.9, "wild bootstrap: confidence interval for " + coef.term());
        double alpha = 1 - level;
        double low = bound(dist, est, se, alpha, -1, monitor);
        double high = bound(dist, est, se, alpha, +1, monitor);
        double[] tStar = new double[reps];
        for (int b = 0; b < reps; b++) {
            tStar[b] = dist.tStar(b, b0);
        }
        monitor.progress(1, "done");
        return new WildBootstrapResult(coef.term(), est, se, b0, t, p, low, high, level, reps, spec.reps(), enumerate,
                spec.weights(), spec.seed(), g, d.clusterName(0), tStar);
    }

    private static int termIndex(WithinDesign d, String term) {
        if (term == null) {
            return 0;
        }
        int j = d.names().indexOf(term);
        if (j < 0) {
            throw new PanelKitException("cannot test '" + term + "': not an estimated coefficient of the model "
                    + "(estimated: " + String.join(", ", d.names()) + ")");
        }
        return j;
    }

    /**
     * The innermost b0 on side {@code dir} of the estimate where p(b0) falls to alpha or below: expand in steps
     * of the standard error until p &le; alpha (or give up: unbounded), scan 32 points between the estimate and
     * there, and bisect the first crossing to 1e-10 standard errors.
     */
    private static double bound(NullDistribution dist, double est, double se, double alpha, int dir,
            ProgressMonitor monitor) {
        double step = 2 * se;
        double outer = Double.NaN;
        for (int m = 0; m < 60; m++) {
            double cand = est + dir * step;
            if (p(dist, cand, est, se) <= alpha) {
                outer = cand;
                break;
            }
            step *= 2;
        }
        if (Double.isNaN(outer)) {
            return dir * Double.POSITIVE_INFINITY;
        }
        double inner = est;
        int grid = 32;
        for (int i = 1; i <= grid; i++) {
            double cand = est + (outer - est) * i / grid;
            if (p(dist, cand, est, se) <= alpha) {
                outer = cand;
                break;
            }
            inner = cand;
        }
        double tol = 1e-10 * se;
        for (int it = 0; it < 200 && Math.abs(outer - inner) > tol; it++) {
            monitor.checkCanceled();
            double mid = 0.5 * (inner + outer);
            if (p(dist, mid, est, se) <= alpha) {
                outer = mid;
            } else {
                inner = mid;
            }
        }
        return 0.5 * (inner + outer);
    }

    private static double p(NullDistribution dist, double b0, double est, double se) {
        return dist.pValue(b0, (est - b0) / se);
    }
}
