package org.panelkit.engine.fe;

import java.util.stream.IntStream;

import org.panelkit.engine.ProgressMonitor;

/**
 * Step 2 of the fit, absorption: y and every regressor of the sample residualized on the fixed effects,
 * y~ = M_D y and x~_j = M_D x_j with M_D = I - D (D'D)^+ D' the annihilator of the effect dummies (the
 * Frisch-Waugh-Lovell theorem: the slopes of y~ on X~ are those of the dummy-variable regression; Baltagi 2021,
 * <i>Econometric Analysis of Panel Data</i>, 6th ed., ch. 2-3). The columns are independent, so they are
 * residualized in parallel (in the current fork/join pool, see {@link org.panelkit.engine.Parallelism}); each
 * task writes its own slot, so the result does not depend on the number of threads.
 * <p>
 * With analytic weights the columns are then multiplied by sqrt(w_i) (weighted least squares as OLS on the
 * transformed data: every estimator downstream sees sqrt(W) M_D y and sqrt(W) M_D X, whose scores are
 * w_i x~_i e_i).
 * <p>
 * The arrays are fresh copies that later steps may overwrite ({@link LeastSquaresFit} turns y~ into the
 * residuals); not copied again here.
 */
final class WithinTransform {
    /** x~_j, one array per regressor of the sample (in the order of {@code EstimationSample.x}). */
    final double[][] x;
    /** y~. */
    final double[] y;

    private WithinTransform(double[][] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    static WithinTransform of(EstimationSample s, FixedEffectsProjector proj, ProgressMonitor monitor) {
        if (proj.residualizesTogether()) {
            return together(s, proj, monitor); // fast: no progress steps
        }
        int k = s.x.length;
        double[][] within = new double[k + 1][];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        IntStream.rangeClosed(0, k).parallel().forEach(j -> {
            monitor.checkCanceled();
            double[] v = (j == k ? s.y : s.x[j]).clone();
            proj.residualize(v, monitor);
            if (s.w != null) {
                for (int i = 0; i < v.length; i++) {
                    v[i] *= Math.sqrt(s.w[i]);
                }
            }
            within[j] = v;
            int d = done.incrementAndGet();
            if (proj.kind == FixedEffectsProjector.Kind.ITERATIVE) {
                // the iterative absorption can take minutes on tens of millions of rows: report each column
                monitor.progress(0.2 + 0.3 * d / (k + 1), "absorbing fixed effects: " + d + " of " + (k + 1)
                        + " columns");
            }
        });
        double[][] x = new double[k][];
        System.arraycopy(within, 0, x, 0, k);
        return new WithinTransform(x, within[k]);
    }

    /**
     * The direct sorted absorption ({@link FixedEffectsProjector#residualizesTogether()}, unit weights): the columns
     * in two halves, each residualized in shared passes, the halves in parallel; the same numbers as column by
     * column.
     */
    private static WithinTransform together(EstimationSample s, FixedEffectsProjector proj, ProgressMonitor monitor) {
        int k = s.x.length;
        double[][] within = new double[k + 1][];
        IntStream.rangeClosed(0, k).parallel().forEach(j -> within[j] = (j == k ? s.y : s.x[j]).clone());
        int half = (k + 2) / 2;
        java.util.concurrent.ForkJoinTask<Void> first = org.panelkit.engine.Parallelism.fork(() -> {
            proj.residualizeTogether(java.util.Arrays.copyOfRange(within, 0, half));
            return null;
        });
        monitor.checkCanceled();
        proj.residualizeTogether(java.util.Arrays.copyOfRange(within, half, k + 1));
        first.join();
        return new WithinTransform(java.util.Arrays.copyOf(within, k), within[k]);
    }
}
