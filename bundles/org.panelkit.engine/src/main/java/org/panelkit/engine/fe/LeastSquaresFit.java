package org.panelkit.engine.fe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.panelkit.engine.PanelKitException;
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
 * <li>Residuals e = y~ - X~ b (they overwrite y~, which is not needed any more), SSR = e'e, and the residual
 * degrees of freedom N - k - rank(D), which must be positive.</li>
 * </ol>
 * Immutable once built; the arrays are shared with the result, not copied.
 */
final class LeastSquaresFit {
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

    private LeastSquaresFit(int[] kept, double[] b, double[][] bread, double[][] xt, List<Dropped> dropped,
            double[] means, double tssWithin, double[] residuals, double ssr, int dfResid) {
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
        double[] b = qr.slopes();
        double[][] bread = qr.bread();
        double[][] xt = new double[k][];
        for (int j = 0; j < k; j++) {
            xt[j] = within.x[qr.kept[j]];
        }
        double[] yt = within.y;
        double tssWithin = FixedEffectsRegression.sumSquares(yt);
        double[] e = yt; // residuals overwrite y~, which is not needed any more
        for (int j = 0; j < k; j++) {
            double bj = b[j];
            double[] col = xt[j];
            for (int i = 0; i < e.length; i++) {
                e[i] -= bj * col[i];
            }
        }
        double ssr = FixedEffectsRegression.sumSquares(e);
        return new LeastSquaresFit(qr.kept, b, bread, xt, dropped, screen.means, tssWithin, e, ssr, dfResid);
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
        private final PivotedQr qr;
        private final double[] smallY;

        private ScaledQr(int[] kept, double[] keptScale, int[] collinear, PivotedQr qr, double[] smallY) {
            this.kept = kept;
            this.keptScale = keptScale;
            this.collinear = collinear;
            this.qr = qr;
            this.smallY = smallY;
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
            PivotedQr qr = PivotedQr.decompose(small, FixedEffectsRegression.QR_TOL);
            int k = qr.rank();
            int[] kept = new int[k];
            double[] keptScale = new double[k];
            int[] collinear = new int[c - k];
            for (int p = 0; p < c; p++) {
                int original = candidates.get(qr.pivot(p));
                if (p < k) {
                    kept[p] = original;
                    keptScale[p] = 1.0 / scale[qr.pivot(p)];
                } else {
                    collinear[p - k] = original;
                }
            }
            return new ScaledQr(kept, keptScale, collinear, qr, smallY);
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
            for (int j = 0; j < kIn; j++) {
                means[j] = FixedEffectsRegression.mean(s.x[j]);
                // the reference norm: what x_j would have if the effects absorbed only its mean (nothing, pooled)
                double ref = pooled ? FixedEffectsRegression.norm(s.x[j])
                        : Math.sqrt(FixedEffectsRegression.centredSumSquares(s.x[j], means[j]));
                withinNorm[j] = FixedEffectsRegression.norm(within.x[j]);
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
