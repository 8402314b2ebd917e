package org.panelkit.engine.compare;

import java.util.List;

import org.panelkit.engine.fe.FixedEffectsResult;

/**
 * Coefficients compared across the groups of a split: the separate fits, the fully interacted pooled fit and the
 * two comparisons (pooled Chow-type and seemingly-unrelated stacked scores). Immutable.
 */
public final class ComparisonResult {
    private final List<String> groups;
    private final List<String> emptyGroups;
    private final int unassignedRows;
    private final List<String> terms;
    private final List<String> notCompared;
    private final List<FixedEffectsResult> separate;
    private final FixedEffectsResult pooled;
    private final Comparison pooledComparison;
    private final Comparison suest;

    ComparisonResult(List<String> groups, List<String> emptyGroups, int unassignedRows, List<String> terms,
            List<String> notCompared, List<FixedEffectsResult> separate, FixedEffectsResult pooled,
            Comparison pooledComparison, Comparison suest) {
        this.groups = List.copyOf(groups);
        this.emptyGroups = List.copyOf(emptyGroups);
        this.unassignedRows = unassignedRows;
        this.terms = List.copyOf(terms);
        this.notCompared = List.copyOf(notCompared);
        this.separate = List.copyOf(separate);
        this.pooled = pooled;
        this.pooledComparison = pooledComparison;
        this.suest = suest;
    }

    /** The compared groups in split order; the first is the base of the differences. */
    public List<String> groups() { return groups; }
    /** Groups of the split without any row (left out). */
    public List<String> emptyGroups() { return emptyGroups; }
    /** Rows the split could not assign to a group (left out). */
    public int unassignedRows() { return unassignedRows; }
    /** Regressors estimated in every group, in model order. */
    public List<String> terms() { return terms; }
    /** Regressors dropped in at least one group (not compared). */
    public List<String> notCompared() { return notCompared; }
    /** The model fitted on each group, in group order. */
    public List<FixedEffectsResult> separateFits() { return separate; }
    /** The fully interacted pooled model (terms named {@code x [group]}). */
    public FixedEffectsResult pooledFit() { return pooled; }
    /** Differences and Wald tests from the pooled model's cluster-robust variance. */
    public Comparison pooled() { return pooledComparison; }
    /** Differences and Wald tests from the stacked scores of the separate fits (Stata suest). */
    public Comparison suest() { return suest; }
}
