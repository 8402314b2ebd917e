package org.panelkit.engine.vcov;

import java.util.Arrays;

/**
 * A variance estimate with its provenance: which estimator, which small-sample convention, the factor
 * applied, the clusters, and the degrees of freedom for t tests of each coefficient (infinite = normal).
 * The matrix is in the coordinates of the score design (slopes, then the constant when reported).
 */
public final class VarianceEstimate {
    private final VcovType type;
    private final Convention convention;
    private final String name;
    private final String description;
    private final Double smallSampleFactor;
    private final Integer kUsed;
    private final int[] clusters;
    private final Integer lag;
    private final double[][] matrix;
    private final double[] df;
    private final String dfRule;

    public VarianceEstimate(VcovType type, Convention convention, String name, String description,
            Double smallSampleFactor, Integer kUsed, int[] clusters, Integer lag, double[][] matrix, double[] df,
            String dfRule) {
        this.type = type;
        this.convention = convention;
        this.name = name;
        this.description = description;
        this.smallSampleFactor = smallSampleFactor;
        this.kUsed = kUsed;
        this.clusters = clusters == null ? new int[0] : clusters.clone();
        this.lag = lag;
        this.matrix = matrix;
        this.df = df;
        this.dfRule = dfRule;
    }

    public VcovType type() { return type; }
    public Convention convention() { return convention; }
    /** Reference name, e.g. {@code CL_entity_CR1_stata_xtreg} (the entry in the oracle files). */
    public String name() { return name; }
    /** Human-readable label, e.g. "cluster-robust by province (Stata xtreg small-sample factor)". */
    public String description() { return description; }
    /** The scalar factor applied to the plain sandwich, or null where none is single (two-way, CR2). */
    public Double smallSampleFactor() { return smallSampleFactor; }
    /** K in (N-1)/(N-K), or null. */
    public Integer kUsed() { return kUsed; }
    /** Number of clusters in each clustering dimension (empty when not clustered). */
    public int[] clusters() { return clusters.clone(); }
    /** Driscoll-Kraay lag, or null. */
    public Integer lag() { return lag; }
    public double[][] matrix() { return matrix; }
    /** Degrees of freedom of each coefficient's t test; {@code Double.POSITIVE_INFINITY} means normal. */
    public double df(int coefficient) { return df[coefficient]; }
    /** How df was chosen: "df_resid", "G-1", "min(G)-1", "T-1", "Satterthwaite". */
    public String dfRule() { return dfRule; }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(clusters);
    }
}
