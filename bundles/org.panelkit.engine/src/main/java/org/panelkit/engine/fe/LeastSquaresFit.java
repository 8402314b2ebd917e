package org.panelkit.engine.fe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.linalg.ExtendedRefinement;
import org.panelkit.engine.linalg.PivotedQr;
import org.panelkit.engine.linalg.StreamingQr;

/**
 * Step 3 of the fit, least squares on the within-transformed data: which regressors can be estimated, the
 * slopes, the bread and the residuals.
 * <ol>
 * <li>Screening (plm's rule, the fixed effects win): a regressor with no variation at all is CONSTANT (pooled:
 * COLLINEAR with the constant); one whose within norm ||x~_j|| is at most {@value FixedEffectsRegression#ABSORBED_TOL}
 * of its centred norm (its norm when nothing is absorbed) lies in the span of the effects and is ABSORBED.</li>
 * <li>R of [X~ y~], columns scaled to unit norm, by the streaming tall-skinny QR ({@link StreamingQr}); then
 * R's pivoted QR with lm's tolerance {@value FixedEffectsRegression#QR_TOL} ({@link PivotedQr}, LINPACK dqrdc2)
 * on that small matrix: since X~ = Q R, the partial column norms, Q'y~ and the triangular factor are those of
 * the full problem, so the same columns are dropped as COLLINEAR as by {@code lm}.</li>
 * <li>b = R^-1 Q'y~ and the bread B = (X~'X~)^-1 = R^-1 R^-T (never an explicit inverse of X'X), both undone
 * for the column scaling: b_j = b^s_j / c_j, B_ij = B^s_ij / (c_i c_j).</li>
 * <li>Ill-conditioned designs (first-order error bound above {@value #REFINE_BOUND}): b and the bread are refined
 * with residuals in double-double precision ({@link ExtendedRefinement}); a column the 1e-7 rule drops is kept when
 * its partial norm is at least {@value #RESCUE_TOL} of its norm and that refinement converges (NIST StRD Filip).</li>
 * <li>Residuals e = y~ - X~ b (they overwrite y~, which is not needed any more), SSR = e'e, and the residual
 * degrees of freedom N - k - rank(D), which must be positive.</li>
 * </ol>
 * Immutable once built; the arrays are shared with the result, not copied.
 */
final class LeastSquaresFit {
    /**
     * The second rank test: a column lm's tolerance drops is still estimated when its partial norm is at least
     * this share of its norm and the extended-precision refinement converges on the larger design.
     */
    static final double RESCUE_TOL = 1e-9;
    /** Refine when the first-order relative error bound of the double-precision solution exceeds this. */
    static final double REFINE_BOUND = 1e-12;
    /** Index into {@code EstimationSample.x} of each estimated slope, in estimation (pivot) order. */
    final int[] kept;
    /** The slopes, in the order of {@link #kept}. */
    final double[] b;
    /** (X~'X~)^-1 of the kept columns. */
    final double[][] bread;
    /** x~ of the kept columns. */
    final double[][] xt;
    /** The regressors that cannot be estimated, in the order of the model's regressors. */
    final List<Dropped> dropped;
    /** Sample mean of every regressor of the sample (not only the kept ones). */
    final double[] means;
    /** y~'y~, the within total sum of squares (before y~ becomes the residuals). */
    final double tssWithin;
    /** e = y~ - X~ b, in sample order. */
    final double[] residuals;
    final double ssr;
    /** N - k - rank of the fixed effects. */
    final int dfResid;
    /** The intercept of pooled OLS with a constant when it was refined in extended precision, else NaN. */
    final double refinedIntercept;

    private LeastSquaresFit(int[] kept, double[] b, double[][] bread, double[][] xt, List<Dropped> dropped,
            double[] means, double tssWithin, double[] residuals, double ssr, int dfResid, double refinedIntercept) {
        this.refinedIntercept = refinedIntercept;
        this.kept = kept;
        this.b = b;
        this.bread = bread;
        this.xt = xt;
        this.dropped = List.copyOf(dropped);
        this.means = means;
        this.tssWithin = tssWithin;
        this.residuals = residuals;
        this.ssr = ssr;
        this.dfResid = dfResid;
    }

    int k() {
        return kept.length;
    }

    /**
     * @throws PanelKitException when no regressor can be estimated or there are no residual degrees of freedom
     */
    static LeastSquaresFit of(EstimationSample s, FixedEffectsProjector proj, WithinTransform within) {
        Screening screen = Screening.of(s, proj, within);
        ScaledQr qr = ScaledQr.of(screen, within);
        Solution sol = null;
        if (qr.collinear.length > 0) {
            // the second test: a column lm's 1e-7 rule drops but whose partial norm is at least RESCUE_TOL of its
            // norm is kept when the extended-precision refinement resolves the larger problem
            ScaledQr rescue = qr.withTolerance(RESCUE_TOL);
            if (rescue.kept.length > qr.kept.length && s.n - rescue.kept.length - proj.rank() > 0) {
                sol = Solution.refined(rescue, s, proj, within, screen.means);
                if (sol != null) {
                    qr = rescue;
                }
            }
        }
        List<Dropped> dropped = new ArrayList<>(screen.dropped);
        for (int original : qr.collinear) {
            dropped.add(new Dropped(s.xNames.get(original), Dropped.Reason.COLLINEAR));
        }
        dropped.sort(Comparator.comparingInt(d -> s.xNames.indexOf(d.name())));
        int k = qr.kept.length;
        if (k == 0) {
            throw new PanelKitException("no regressor can be estimated: " + describe(dropped));
        }
        int kFe = proj.rank();
        int dfResid = s.n - k - kFe;
        if (dfResid <= 0) {
            throw new PanelKitException("too few observations: " + s.n + " observations for " + k
                    + " regressors and " + kFe + " fixed effects (need more observations than parameters)");
        }
        if (sol == null) {
            sol = Solution.of(qr, s, proj, within, screen.means);
        }
        double[] b = sol.b;
        double[][] bread = sol.bread;
        double[][] xt = new double[k][];
        for (int j = 0; j < k; j++) {
            xt[j] = within.x[qr.kept[j]];
        }
        double[] yt = within.y;
        double tssWithin = FixedEffectsRegression.sumSquares(yt);
        double[] e = yt; // residuals overwrite y~, which is not needed any more
        if (sol.extended) {
            sol.residuals(s, xt, yt, qr.kept, e);
        } else {
            residuals(e, b, xt);
        }
        double ssr = FixedEffectsRegression.sumSquares(e);
        return new LeastSquaresFit(qr.kept, b, bread, xt, dropped, screen.means, tssWithin, e, ssr, dfResid,
                sol.intercept);
    }

    /**
     * e_i -= b_1 x~_1i, then b_2 x~_2i, ... for every row (in that order, so the same numbers as column by
     * column); the two halves of the rows in parallel on large samples.
     */
    private static void residuals(double[] e, double[] b, double[][] xt) {
        int n = e.length;
        if ((long) n * b.length < (1L << 21)) {
            residualRows(e, b, xt, 0, n);
            return;
        }
        int half = n / 2;
        java.util.concurrent.ForkJoinTask<Void> first = org.panelkit.engine.Parallelism.fork(() -> {
            residualRows(e, b, xt, 0, half);
            return null;
        });
        residualRows(e, b, xt, half, n);
        first.join();
    }

    /**
     * Rows [from, to) in blocks of 4,096 rows, all slopes per block: the same operations per row, and a loop that
     * a fresh JVM compiles once (a loop over all rows per slope would be compiled again for each slope).
     */
    private static void residualRows(double[] e, double[] b, double[][] xt, int from, int to) {
        for (int start = from; start < to; start += 4096) {
            int end = Math.min(to, start + 4096);
            for (int j = 0; j < b.length; j++) {
                double bj = b[j];
                double[] col = xt[j];
                for (int i = start; i < end; i++) {
                    e[i] -= bj * col[i];
                }
            }
        }
    }

    /**
     * The slopes and the bread: from the QR in double precision, refined in extended precision
     * ({@link ExtendedRefinement}) when the first-order error bound of the double-precision solution exceeds
     * {@value #REFINE_BOUND} (ill-conditioned designs: polynomials, near-collinear regressors), so that ordinary
     * problems pay nothing and keep their results bit for bit. Pooled OLS with a constant is refined on the
     * original data with the column of ones (demeaning in double precision would perturb every value by a
     * rounding, which an ill-conditioned design amplifies); the fixed-effects models on the within-transformed data.
     */
    private static final class Solution {
        final double[] b;
        final double[][] bread;
        /** Whether b was refined (then the residuals are computed in extended precision too). */
        final boolean extended;
        /** The refined intercept of pooled OLS with a constant, else NaN. */
        final double intercept;

        private Solution(double[] b, double[][] bread, boolean extended, double intercept) {
            this.b = b;
            this.bread = bread;
            this.extended = extended;
            this.intercept = intercept;
        }

        static Solution of(ScaledQr qr, EstimationSample s, FixedEffectsProjector proj, WithinTransform within,
                double[] means) {
            double[] b = qr.slopes();
            double[][] bread = qr.bread();
            if (qr.errorBound(bread, b) <= REFINE_BOUND) {
                return new Solution(b, bread, false, Double.NaN);
            }
            Solution refined = refine(qr, s, proj, within, means, b, bread);
            return refined != null ? refined : new Solution(b, bread, false, Double.NaN);
        }

        /** The refined solution, or null when the refinement does not converge. */
        static Solution refined(ScaledQr qr, EstimationSample s, FixedEffectsProjector proj, WithinTransform within,
                double[] means) {
            return refine(qr, s, proj, within, means, qr.slopes(), qr.bread());
        }

        private static Solution refine(ScaledQr qr, EstimationSample s, FixedEffectsProjector proj,
                WithinTransform within, double[] means, double[] b, double[][] bread) {
            int k = qr.kept.length;
            if (s.w != null && proj.kind == FixedEffectsProjector.Kind.INTERCEPT) {
                return null; // the refinement on the original data has no weighted form (yet)
            }
            if (proj.kind != FixedEffectsProjector.Kind.INTERCEPT) {
                double[][] xt = new double[k][];
                for (int j = 0; j < k; j++) {
                    xt[j] = within.x[qr.kept[j]];
                }
                ExtendedRefinement ext = ExtendedRefinement.gram(xt, within.y);
                ExtendedRefinement.Preconditioner pre = (hi, lo, out) -> {
                    double[] v = new double[k];
                    for (int j = 0; j < k; j++) {
                        v[j] = hi[j] + lo[j];
                    }
                    qr.applyBread(v, 0, out, 0);
                };
                double[] refinedB = b.clone();
                if (!ext.refineSolution(pre, refinedB, qr.keptScale)) {
                    return null;
                }
                double[][] refinedBread = ext.refineInverse(pre, qr.keptScale);
                return refinedBread == null ? null : new Solution(refinedB, refinedBread, true, Double.NaN);
            }
            // Z = [1 X~] with X~ = X - 1 xbar' represented exactly (hi + lo, the error-free difference), so the
            // refinement sees the original data; its Gram is diag(n, X~'X~) up to n (mean - xbar) in the
            // off-diagonal block, so diag(1/n, B) is the approximate inverse
            Centred c = Centred.of(s, qr.kept, means);
            int n = s.n;
            ExtendedRefinement.Preconditioner approx = (hi, lo, out) -> {
                double[] v = new double[k + 1];
                for (int j = 0; j <= k; j++) {
                    v[j] = hi[j] + lo[j];
                }
                out[0] = v[0] / n;
                qr.applyBread(v, 1, out, 1);
            };
            double[] sol = new double[k + 1];
            double[] scale = new double[k + 1];
            scale[0] = Math.sqrt(s.n);
            sol[0] = FixedEffectsRegression.mean(s.y);
            for (int i = 0; i < k; i++) {
                sol[i + 1] = b[i];
                scale[i + 1] = qr.keptScale[i];
            }
            ExtendedRefinement ext = ExtendedRefinement.gram(c.hi, c.lo, s.y);
            if (!ext.refineSolution(approx, sol, scale)) {
                return null;
            }
            double[][] inv = ext.refineInverse(approx, scale);
            if (inv == null) {
                return null;
            }
            double[] refinedB = new double[k];
            double[][] refinedBread = new double[k][k];
            for (int i = 0; i < k; i++) {
                refinedB[i] = sol[i + 1];
                for (int j = 0; j < k; j++) {
                    refinedBread[i][j] = inv[i + 1][j + 1];
                }
            }
            // the constant of y = a + X b given b, from the normal equation of the ones: (sum y - b'sum X) / n
            double[] sy = ExtendedRefinement.sum(s.y);
            double sum = sy[0];
            double comp = sy[1];
            for (int j = 0; j < k; j++) {
                double[] sx = ExtendedRefinement.sum(s.x[qr.kept[j]]);
                double p = -sx[0] * refinedB[j];
                double ep = Math.fma(-sx[0], refinedB[j], -p) - sx[1] * refinedB[j];
                double t = sum + p;
                double q = t - sum;
                comp += ((sum - (t - q)) + (p - q)) + ep;
                sum = t;
            }
            sum = (sum + comp) / s.n;
            comp = 0;
            return new Solution(refinedB, refinedBread, true, sum + comp);
        }

        /** e = y - X b (with the refined intercept on the original data), in extended precision. */
        void residuals(EstimationSample s, double[][] xt, double[] yt, int[] kept, double[] out) {
            if (Double.isNaN(intercept)) {
                ExtendedRefinement.residuals(xt, yt, b, out);
                return;
            }
            // on the original data with the constant itself (the centred constant is rounded at the scale of
            // xbar'b, which can exceed the residuals by far)
            int k = b.length;
            double[][] z = new double[k + 1][];
            double[] ones = new double[s.n];
            java.util.Arrays.fill(ones, 1.0);
            z[0] = ones;
            double[] coef = new double[k + 1];
            coef[0] = intercept;
            for (int j = 0; j < k; j++) {
                z[j + 1] = s.x[kept[j]];
                coef[j + 1] = b[j];
            }
            ExtendedRefinement.residuals(z, s.y, coef, out);
        }
    }

    /** [1, x_j - xbar_j] with each difference held exactly as hi + lo (Knuth's TwoSum). */
    private static final class Centred {
        final double[][] hi;
        final double[][] lo;
        final double[] xbar;

        private Centred(double[][] hi, double[][] lo, double[] xbar) {
            this.hi = hi;
            this.lo = lo;
            this.xbar = xbar;
        }

        static Centred of(EstimationSample s, int[] kept, double[] means) {
            int k = kept.length;
            double[][] hi = new double[k + 1][];
            double[][] lo = new double[k + 1][];
            double[] ones = new double[s.n];
            java.util.Arrays.fill(ones, 1.0);
            hi[0] = ones;
            double[] xbar = new double[k];
            for (int j = 0; j < k; j++) {
                double m = means[kept[j]];
                xbar[j] = m;
                double[] x = s.x[kept[j]];
                double[] h = new double[s.n];
                double[] l = new double[s.n];
                for (int i = 0; i < s.n; i++) {
                    double t = x[i] - m;
                    double q = t - x[i];
                    h[i] = t;
                    l[i] = (x[i] - (t - q)) + (-m - q);
                }
                hi[j + 1] = h;
                lo[j + 1] = l;
            }
            return new Centred(hi, lo, xbar);
        }
    }

    /**
     * lm's pivoted QR of the candidate columns, computed on the R factor of [X~ y~] with every column scaled to
     * unit norm (scaling makes the 1e-7 rank tolerance relative to each column, as lm's dqrdc2 does with its
     * column norms). R comes from the streaming QR over the rows ({@link StreamingQr}); X = Q R, so partial column
     * norms, Q'y and the triangular factor of the small problem are those of the full one.
     */
    private static final class ScaledQr {
        /** Index into {@code EstimationSample.x} of each estimable column, in pivot order. */
        final int[] kept;
        /** c_j: the scale that was applied to kept column j (1 / its within norm). */
        final double[] keptScale;
        /** Index into {@code EstimationSample.x} of each candidate the pivoting found collinear. */
        final int[] collinear;
        /** ||y~ - X~ b|| / ||y~|| over all candidates (the last diagonal element of R of the scaled [X~ y~]). */
        final double residualShare;
        private final PivotedQr qr;
        private final double[] smallY;
        /** The small problem, kept for a second decomposition with another tolerance. */
        private final List<Integer> candidates;
        private final double[] scale;
        private final double[][] small;

        private ScaledQr(List<Integer> candidates, double[] scale, double[][] small, double[] smallY,
                double residualShare, double tol) {
            this.candidates = candidates;
            this.scale = scale;
            this.small = small;
            this.smallY = smallY;
            this.residualShare = residualShare;
            int c = candidates.size();
            double[][] work = new double[c][];
            for (int p = 0; p < c; p++) {
                work[p] = small[p].clone();
            }
            qr = PivotedQr.decompose(work, tol);
            int k = qr.rank();
            kept = new int[k];
            keptScale = new double[k];
            collinear = new int[c - k];
            for (int p = 0; p < c; p++) {
                int original = candidates.get(qr.pivot(p));
                if (p < k) {
                    kept[p] = original;
                    keptScale[p] = 1.0 / scale[qr.pivot(p)];
                } else {
                    collinear[p - k] = original;
                }
            }
        }

        static ScaledQr of(Screening screen, WithinTransform within) {
            List<Integer> candidates = screen.candidates;
            int c = candidates.size();
            double[] yt = within.y;
            double[][] cols = new double[c + 1][];
            double[] scale = new double[c + 1];
            for (int p = 0; p < c; p++) {
                cols[p] = within.x[candidates.get(p)];
                scale[p] = 1.0 / screen.withinNorm[candidates.get(p)];
            }
            cols[c] = yt;
            double yNorm = FixedEffectsRegression.norm(yt);
            scale[c] = yNorm > 0 ? 1.0 / yNorm : 1.0;
            double[][] rFactor = StreamingQr.r(cols, scale);
            // the candidates' block of R as the small design, and R's last column (y~ unscaled again) as its y
            double[][] small = new double[c][c + 1];
            double[] smallY = new double[c + 1];
            for (int i = 0; i <= c; i++) {
                for (int p = 0; p < c; p++) {
                    small[p][i] = rFactor[i][p];
                }
                smallY[i] = rFactor[i][c] / scale[c];
            }
            double residualShare = yNorm > 0 ? Math.abs(rFactor[c][c]) : 0;
            return new ScaledQr(candidates, scale, small, smallY, residualShare, FixedEffectsRegression.QR_TOL);
        }

        /** The same small problem decomposed with another rank tolerance. */
        ScaledQr withTolerance(double tol) {
            return new ScaledQr(candidates, scale, small, smallY, residualShare, tol);
        }

        /**
         * out = B v by two triangular solves, B v = C^-1 R^-1 R^-T C^-1 v with C the column scales (better than
         * the product with the explicit bread, whose entries can be the square of the condition number).
         */
        void applyBread(double[] v, int from, double[] out, int to) {
            int k = kept.length;
            double[] w = new double[k];
            for (int j = 0; j < k; j++) {
                w[j] = v[from + j] / keptScale[j];
            }
            double[] u = qr.solveR(qr.solveRTransposed(w));
            for (int j = 0; j < k; j++) {
                out[to + j] = u[j] / keptScale[j];
            }
        }

        /** b_j = b^s_j / c_j with b^s = R^-1 Q'y~ of the scaled columns. */
        double[] slopes() {
            double[] bs = qr.solveR(qr.qtyHead(smallY));
            double[] b = new double[kept.length];
            for (int j = 0; j < b.length; j++) {
                b[j] = bs[j] / keptScale[j];
            }
            return b;
        }

        /** B_ij = B^s_ij / (c_i c_j) with B^s = R^-1 R^-T of the scaled columns. */
        double[][] bread() {
            double[][] bread = qr.inverseGram();
            for (int i = 0; i < kept.length; i++) {
                for (int j = 0; j < kept.length; j++) {
                    bread[i][j] /= keptScale[i] * keptScale[j];
                }
            }
            return bread;
        }

        /**
         * First-order bound on the relative error of the smallest slope of the double-precision solution: the
         * normwise bound u (kappa + kappa^2 tan theta) (Higham 2002, thm. 20.1) on the scaled slopes b^s, with
         * kappa estimated as ||R^s||_F ||(R^s)^-1||_F from the bread (||R^s||_F^2 = k for unit columns) and theta
         * the angle between y~ and the span of X~, times max |b^s_j| / min |b^s_j| (a slope much smaller than the
         * others keeps fewer correct digits).
         */
        double errorBound(double[][] bread, double[] b) {
            int k = kept.length;
            double trace = 0;
            for (int j = 0; j < k; j++) {
                trace += bread[j][j] * keptScale[j] * keptScale[j];
            }
            double kappa = Math.sqrt(k * trace);
            double sin = Math.min(residualShare, 1);
            double cos = Math.sqrt(1 - sin * sin);
            double tan = cos > 0 ? sin / cos : Double.POSITIVE_INFINITY;
            double largest = 0;
            double smallest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double bs = Math.abs(b[j] * keptScale[j]);
                largest = Math.max(largest, bs);
                if (bs > 0) {
                    smallest = Math.min(smallest, bs);
                }
            }
            double spread = largest > 0 ? largest / smallest : 1;
            return 0x1p-53 * (kappa + kappa * kappa * tan) * spread;
        }
    }

    private static String describe(List<Dropped> dropped) {
        List<String> parts = new ArrayList<>();
        for (Dropped d : dropped) {
            parts.add(d.toString());
        }
        return String.join(", ", parts);
    }

    /** Which regressors go to the QR (candidates) and which are dropped before it (constant, absorbed). */
    private static final class Screening {
        final List<Dropped> dropped;
        final List<Integer> candidates;
        final double[] withinNorm;
        final double[] means;

        private Screening(List<Dropped> dropped, List<Integer> candidates, double[] withinNorm, double[] means) {
            this.dropped = List.copyOf(dropped);
            this.candidates = List.copyOf(candidates);
            this.withinNorm = withinNorm;
            this.means = means;
        }

        static Screening of(EstimationSample s, FixedEffectsProjector proj, WithinTransform within) {
            int kIn = s.x.length;
            List<Dropped> dropped = new ArrayList<>();
            List<Integer> candidates = new ArrayList<>();
            double[] withinNorm = new double[kIn];
            double[] means = new double[kIn];
            boolean pooled = proj.rank() == 0;
            double[] refNorm = new double[kIn];
            // three passes over each column, the columns in parallel
            java.util.stream.IntStream.range(0, kIn).parallel().forEach(j -> {
                means[j] = FixedEffectsRegression.mean(s.x[j], s.w);
                // the reference norm: what x_j would have if the effects absorbed only its mean (nothing, pooled),
                // weighted like the within columns
                refNorm[j] = Math.sqrt(FixedEffectsRegression.centredSumSquares(s.x[j], pooled ? 0 : means[j], s.w));
                withinNorm[j] = FixedEffectsRegression.norm(within.x[j]);
            });
            for (int j = 0; j < kIn; j++) {
                double ref = refNorm[j];
                if (ref == 0) {
                    dropped.add(new Dropped(s.xNames.get(j), pooled ? Dropped.Reason.COLLINEAR
                            : Dropped.Reason.CONSTANT));
                } else if (withinNorm[j] <= FixedEffectsRegression.ABSORBED_TOL * ref) {
                    dropped.add(new Dropped(s.xNames.get(j), Dropped.Reason.ABSORBED));
                } else {
                    candidates.add(j);
                }
            }
            return new Screening(dropped, candidates, withinNorm, means);
        }
    }
}
