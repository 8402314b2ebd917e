package org.panelkit.engine.fe;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.vcov.HatComplement;

/**
 * The fixed effects that are not nested in the clusters, as the CR2 adjustment needs them (clubSandwich's
 * "augmented model matrix" for plm models): none when every effect is nested; the dummies D of a single
 * non-nested dimension (phi_a = indicator of a's level, W = diag(1/n_level)), which covers the intercept of
 * pooled OLS; for two-way effects with one dimension nested, the other dimension's dummies residualized on the
 * nested one, S = M_nested D_other (phi_a = e_{other(a)} - mean indicator of a's nested group,
 * W = (D_other' M_nested D_other)^+).
 */
final class NonNestedEffects {
    /** Largest dense metric W formed. */
    private static final int MAX_DIMENSION = 2000;

    private NonNestedEffects() {
    }

    static HatComplement of(Effects effects, EstimationSample s, FixedEffectsProjector projector, int[] cluster) {
        switch (effects) {
        case NONE:
            return projector.rank() == 0 ? HatComplement.NONE : oneDimension(new int[s.n], 1, "the intercept");
        case ENTITY:
            return VarianceFactory.nested(s.entity, s.groups, cluster) ? HatComplement.NONE
                    : oneDimension(s.entity, s.groups, "entity");
        case TIME:
            return VarianceFactory.nested(s.time, s.periods, cluster) ? HatComplement.NONE
                    : oneDimension(s.time, s.periods, "time");
        default:
            boolean entityNested = VarianceFactory.nested(s.entity, s.groups, cluster);
            boolean timeNested = VarianceFactory.nested(s.time, s.periods, cluster);
            if (entityNested && timeNested) {
                return HatComplement.NONE;
            }
            if (!entityNested && !timeNested) {
                throw new PanelKitException("CR2 with two-way fixed effects needs the entities or the periods "
                        + "nested in the clusters (cluster by entity, or by a grouping of entities)");
            }
            FixedEffectsProjector p = projector.primaryIsEntity == entityNested ? projector
                    : FixedEffectsProjector.twoWay(s, entityNested);
            if (p.secondaryLevels > MAX_DIMENSION) {
                throw new PanelKitException("CR2 with two-way fixed effects supports at most " + MAX_DIMENSION
                        + " levels in the dimension not nested in the clusters");
            }
            return residualized(p);
        }
    }

    private static HatComplement oneDimension(int[] codes, int levels, String what) {
        if (levels > MAX_DIMENSION) {
            throw new PanelKitException("CR2: the " + what + " effects are not nested in the clusters and have "
                    + levels + " levels (at most " + MAX_DIMENSION + " supported); cluster by " + what);
        }
        double[] count = new double[levels];
        for (int c : codes) {
            count[c]++;
        }
        double[][] w = new double[levels][levels];
        for (int l = 0; l < levels; l++) {
            w[l][l] = 1.0 / count[l];
        }
        return new HatComplement() {
            @Override
            public int dimension() {
                return levels;
            }

            @Override
            public double[][] metric() {
                return w;
            }

            @Override
            public void phi(int obs, double[] out) {
                java.util.Arrays.fill(out, 0);
                out[codes[obs]] = 1;
            }
        };
    }

    private static HatComplement residualized(FixedEffectsProjector p) {
        int[] start = p.groupStarts();
        int[] members = p.groupMembers(start);
        return new HatComplement() {
            @Override
            public int dimension() {
                return p.secondaryLevels;
            }

            @Override
            public double[][] metric() {
                return p.cPinv;
            }

            @Override
            public void phi(int obs, double[] out) {
                java.util.Arrays.fill(out, 0);
                int g = p.primary[obs];
                double w = 1.0 / p.primaryCount[g];
                for (int a = start[g]; a < start[g + 1]; a++) {
                    out[p.secondary[members[a]]] -= w;
                }
                out[p.secondary[obs]] += 1;
            }
        };
    }
}
