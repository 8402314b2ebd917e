package org.panelkit.engine.fe;

/**
 * The estimated fixed effects, computed on first use (most callers never need them, and on millions of rows
 * they cost a pass and an array): the effects of r = y - X b ({@link FixedEffectsProjector#effects}) and, for
 * two-way models, the constant of {@code xtreg y x i.year, fe}: ybar - xbar'b - dbar'g with g the period
 * effects relative to the first period and dbar the period shares.
 */
final class EffectsSupplier {
    /** The computed effects. */
    static final class Effects {
        final double[] entity;
        final double[] time;
        final double constantXtregIyear;

        Effects(double[] entity, double[] time, double constantXtregIyear) {
            this.entity = entity;
            this.time = time;
            this.constantXtregIyear = constantXtregIyear;
        }
    }

    private final EstimationSample sample;
    private final FixedEffectsProjector projector;
    private final double[] b;
    private final int[] kept;
    private final double constant;
    private Effects value;

    EffectsSupplier(EstimationSample sample, FixedEffectsProjector projector, double[] b, int[] kept,
            double constant) {
        this.sample = sample;
        this.projector = projector;
        this.b = b;
        this.kept = kept;
        this.constant = constant;
    }

    synchronized Effects get() {
        if (value == null && !sample.entityTimeEffects) {
            // term lists: no entity/period effects are reported, so y - X b is not formed
            value = new Effects(null, null, Double.NaN);
        }
        if (value == null) {
            double[] rest = sample.y.clone();
            for (int j = 0; j < kept.length; j++) {
                double[] col = sample.x[kept[j]];
                double bj = b[j];
                for (int i = 0; i < rest.length; i++) {
                    rest[i] -= bj * col[i];
                }
            }
            double[][] fx = projector.effects(rest);
            double iyear = Double.NaN;
            if (fx[0] != null && fx[1] != null) {
                double shift = 0;
                for (int i = 0; i < sample.n; i++) {
                    shift += (sample.w == null ? 1 : sample.w[i]) * fx[1][sample.time[i]];
                }
                iyear = constant - shift / sample.weightSum();
            }
            value = new Effects(fx[0], fx[1], iyear);
        }
        return value;
    }
}
