package org.panelkit.engine.bootstrap;

import java.util.SplittableRandom;

/**
 * The distribution of the wild bootstrap's auxiliary weights v_g, one per cluster and replication (mean 0,
 * variance 1):
 * <ul>
 * <li>{@link #RADEMACHER}: +1 or -1 with probability 1/2 each (drawn as {@code rng.nextBoolean() ? 1 : -1});</li>
 * <li>{@link #WEBB}: Webb's (2023) six-point distribution, ±sqrt(1/2), ±1, ±sqrt(3/2) with probability 1/6 each
 * (drawn as the {@code rng.nextInt(6)}-th of -sqrt(3/2), -1, -sqrt(1/2), sqrt(1/2), 1, sqrt(3/2)); it has many
 * more distinct sign vectors than Rademacher when there are few clusters.</li>
 * </ul>
 * Source: Webb, M. D. (2023), "Reworking wild bootstrap-based inference for clustered errors", Canadian Journal
 * of Economics 56(3); the keys are those of Stata's boottest and R's fwildclusterboot.
 */
public enum AuxiliaryWeights {
    RADEMACHER("rademacher"), WEBB("webb");

    private static final double[] WEBB_POINTS = {-Math.sqrt(1.5), -1.0, -Math.sqrt(0.5), Math.sqrt(0.5), 1.0,
        Math.sqrt(1.5)};

    private final String key;

    AuxiliaryWeights(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** One weight from {@code rng}. */
    public double draw(SplittableRandom rng) {
        if (this == RADEMACHER) {
            return rng.nextBoolean() ? 1.0 : -1.0;
        }
        return WEBB_POINTS[rng.nextInt(6)];
    }

    public static AuxiliaryWeights fromKey(String key) {
        for (AuxiliaryWeights w : values()) {
            if (w.key.equalsIgnoreCase(key == null ? "" : key.strip())) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown bootstrap weights '" + key + "' (expected rademacher or webb)");
    }
}
