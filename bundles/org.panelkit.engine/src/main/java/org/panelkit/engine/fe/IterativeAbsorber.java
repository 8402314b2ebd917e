package org.panelkit.engine.fe;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.panelkit.engine.ProgressMonitor;

/**
 * Iterative absorption of any number of fixed-effect terms: conjugate gradient on the symmetric Kaczmarz sweep,
 * reghdfe's default ("map" with "cg" acceleration; Correia 2017, "Linear models with high-dimensional fixed
 * effects: an efficient and feasible estimator", working paper; Hernandez-Ramos, Escalante and Raydan 2011 for
 * CG on alternating projections).
 *
 * <p>With Q_j = I - P_j the (W-orthogonal) demeaning by term j, the sweep T = Q_1 Q_2 ... Q_m ... Q_2 Q_1 is
 * self-adjoint in <u, v>_W = sum w_i u_i v_i with 0 <= T <= I, and T v = v exactly when v is orthogonal to every
 * dummy. Writing y = M y + p with p = P_D y in the span of the dummies, (I - T) p = (I - T) y; CG solves this
 * system from p_0 = 0 (its Krylov space lies in the span of the dummies), and M y = y - p.
 * Convergence: ||r_k||_W <= {@value #TOLERANCE} ||y||_W, r_k the residual of the CG system; at most
 * {@value #MAX_ITERATIONS} iterations.
 */
final class IterativeAbsorber {
    static final double TOLERANCE = 1e-11;
    static final int MAX_ITERATIONS = 10_000;

    private final List<int[]> codes;
    /** Weight sum of each level, per term. */
    private final List<double[]> levelWeight;
    private final double[] weight;
    private final int n;
    private final AtomicInteger iterations = new AtomicInteger();
    private final AtomicBoolean converged = new AtomicBoolean(true);

    IterativeAbsorber(List<int[]> codes, List<double[]> levelWeight, double[] weight) {
        this.codes = List.copyOf(codes);
        this.levelWeight = List.copyOf(levelWeight);
        this.weight = weight;
        this.n = codes.get(0).length;
    }

    /** The most iterations any column needed so far. */
    int iterations() {
        return iterations.get();
    }

    /** Whether every column so far converged. */
    boolean converged() {
        return converged.get();
    }

    /** Replaces {@code v} by M v. */
    void residualize(double[] v, ProgressMonitor monitor) {
        double yNorm = Math.sqrt(dot(v, v));
        if (yNorm == 0) {
            return;
        }
        double[] r = v.clone();
        sweep(r);
        for (int i = 0; i < n; i++) {
            r[i] = v[i] - r[i];          // r_0 = (I - T) y
        }
        double[] d = r.clone();
        double[] ad = new double[n];
        double[] p = new double[n];
        double rr = dot(r, r);
        double stop = TOLERANCE * yNorm;
        int it = 0;
        while (Math.sqrt(rr) > stop && it < MAX_ITERATIONS) {
            if ((it & 15) == 15) {
                monitor.checkCanceled();
            }
            System.arraycopy(d, 0, ad, 0, n);
            sweep(ad);
            for (int i = 0; i < n; i++) {
                ad[i] = d[i] - ad[i];     // (I - T) d
            }
            double dad = dot(d, ad);
            if (!(dad > 0)) {
                break;                    // d is (numerically) orthogonal to the dummies: nothing left
            }
            double alpha = rr / dad;
            for (int i = 0; i < n; i++) {
                p[i] += alpha * d[i];
                r[i] -= alpha * ad[i];
            }
            double rrNew = dot(r, r);
            double beta = rrNew / rr;
            for (int i = 0; i < n; i++) {
                d[i] = r[i] + beta * d[i];
            }
            rr = rrNew;
            it++;
        }
        for (int i = 0; i < n; i++) {
            v[i] -= p[i];
        }
        iterations.accumulateAndGet(it, Math::max);
        if (Math.sqrt(rr) > stop) {
            converged.set(false);
        }
    }

    /** v = T v: demean by each term forward, then back (the last term once). */
    private void sweep(double[] v) {
        int m = codes.size();
        for (int j = 0; j < m; j++) {
            demean(v, j);
        }
        for (int j = m - 2; j >= 0; j--) {
            demean(v, j);
        }
    }

    private void demean(double[] v, int term) {
        int[] c = codes.get(term);
        double[] lw = levelWeight.get(term);
        double[] mean = new double[lw.length];
        if (weight == null) {
            for (int i = 0; i < n; i++) {
                mean[c[i]] += v[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                mean[c[i]] += weight[i] * v[i];
            }
        }
        for (int l = 0; l < mean.length; l++) {
            mean[l] /= lw[l];
        }
        for (int i = 0; i < n; i++) {
            v[i] -= mean[c[i]];
        }
    }

    private double dot(double[] a, double[] b) {
        double s = 0;
        if (weight == null) {
            for (int i = 0; i < n; i++) {
                s += a[i] * b[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                s += weight[i] * a[i] * b[i];
            }
        }
        return s;
    }
}
