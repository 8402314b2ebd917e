package org.panelkit.engine.fe;

import java.util.ArrayList;
import java.util.List;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.vcov.HatComplement;

/**
 * The fixed effects that are not nested in the clusters, as the CR2 adjustment needs them (clubSandwich's
 * "augmented model matrix"): with N the absorbed terms nested in the clusters and U the others (terms nested in
 * other terms are left out: they add nothing to the span), the block is S = M_N D_U on the weighted scale
 * (sqrt(W) D), with (P_S)_ab = phi_a' (S'S)^+ phi_b:
 * <ul>
 * <li>U empty: nothing (every effect nested; Pustejovsky and Tipton 2018, Theorem 2);</li>
 * <li>N empty: phi_a = sqrt(w_a) (the indicators of a's levels in all U terms), metric a generalized inverse of D_U' W D_U (the
 * intercept of pooled OLS: phi_a = sqrt(w_a), metric 1 / sum w);</li>
 * <li>one nested term: phi_a = sqrt(w_a) (indicators of a's U levels minus their weighted mean over a's group of
 * the nested term), metric a generalized inverse of C = D_U' W M_N D_U ({@link ReducedSystem});</li>
 * <li>two or more nested terms: not supported.</li>
 * </ul>
 */
final class NonNestedEffects {
    /** Largest dense metric W formed. */
    private static final int MAX_DIMENSION = 2000;

    private NonNestedEffects() {
    }

    static HatComplement of(EstimationSample s, FixedEffectsProjector projector, int[] cluster) {
        if (s.fe.isEmpty()) {
            return projector.rank() == 0 ? HatComplement.NONE
                    : block(s, null, 0, List.of(new int[s.n]), new int[] {1}, "the intercept");
        }
        boolean[] redundant = TermStructure.nestedTerms(s.fe, s.feLevels);
        List<Integer> nested = new ArrayList<>();
        List<int[]> other = new ArrayList<>();
        List<Integer> otherLevels = new ArrayList<>();
        List<String> otherNames = new ArrayList<>();
        for (int j : TermStructure.active(redundant)) {
            if (VarianceFactory.nested(s.fe.get(j), s.feLevels[j], cluster)) {
                nested.add(j);
            } else {
                other.add(s.fe.get(j));
                otherLevels.add(s.feLevels[j]);
                otherNames.add(s.feNames.get(j));
            }
        }
        if (other.isEmpty()) {
            return HatComplement.NONE;
        }
        if (nested.size() > 1) {
            throw new PanelKitException("CR2 supports at most one fixed-effect term nested in the clusters; "
                    + nested.size() + " are (" + names(s, nested) + ")");
        }
        int[] levels = otherLevels.stream().mapToInt(Integer::intValue).toArray();
        String what = String.join(", ", otherNames);
        if (nested.isEmpty()) {
            return block(s, null, 0, other, levels, what);
        }
        int p = nested.get(0);
        return block(s, s.fe.get(p), s.feLevels[p], other, levels, what);
    }

    private static String names(EstimationSample s, List<Integer> terms) {
        List<String> out = new ArrayList<>();
        for (int j : terms) {
            out.add(s.feNames.get(j));
        }
        return String.join(", ", out);
    }

    /** S = M_primary D_U (D_U itself without a primary term) with its metric. */
    private static HatComplement block(EstimationSample s, int[] primary, int primaryLevels, List<int[]> terms,
            int[] levels, String what) {
        int[] offset = new int[terms.size()];
        int q = 0;
        for (int t = 0; t < terms.size(); t++) {
            offset[t] = q;
            q += levels[t];
        }
        if (q > MAX_DIMENSION) {
            throw new PanelKitException("CR2: the effects not nested in the clusters (" + what + ") have " + q
                    + " levels (at most " + MAX_DIMENSION + " supported); cluster by a coarser column or use CR1");
        }
        double[] w = s.w;
        double[] primaryWeight = null;
        ReducedSystem.Groups groups = null;
        if (primary != null) {
            primaryWeight = new double[primaryLevels];
            for (int i = 0; i < s.n; i++) {
                primaryWeight[primary[i]] += w == null ? 1 : w[i];
            }
            groups = ReducedSystem.Groups.of(primary, primaryLevels);
        }
        double[][] c = ReducedSystem.build(primary, primaryLevels, primaryWeight, terms, offset, q, w);
        double[][] metric = terms.size() == 1 && primary == null ? diagonalInverse(c)
                : ReducedSolver.factor(c, null).inverse();
        int dim = q;
        double[] pw = primaryWeight;
        ReducedSystem.Groups g = groups;
        return new HatComplement() {
            @Override
            public int dimension() {
                return dim;
            }

            @Override
            public double[][] metric() {
                return metric;
            }

            @Override
            public void phi(int obs, double[] out) {
                java.util.Arrays.fill(out, 0);
                if (primary != null) {
                    int grp = primary[obs];
                    for (int a = g.start[grp]; a < g.start[grp + 1]; a++) {
                        int i = g.members[a];
                        double share = (w == null ? 1 : w[i]) / pw[grp];
                        for (int t = 0; t < terms.size(); t++) {
                            out[offset[t] + terms.get(t)[i]] -= share;
                        }
                    }
                }
                for (int t = 0; t < terms.size(); t++) {
                    out[offset[t] + terms.get(t)[obs]] += 1;
                }
                if (w != null) {
                    double root = Math.sqrt(w[obs]);
                    for (int a = 0; a < dim; a++) {
                        out[a] *= root;
                    }
                }
            }
        };
    }

    /** The inverse of a diagonal matrix (one term without a primary: D'WD is diagonal). */
    private static double[][] diagonalInverse(double[][] c) {
        double[][] inv = new double[c.length][c.length];
        for (int l = 0; l < c.length; l++) {
            inv[l][l] = 1.0 / c[l][l];
        }
        return inv;
    }
}
