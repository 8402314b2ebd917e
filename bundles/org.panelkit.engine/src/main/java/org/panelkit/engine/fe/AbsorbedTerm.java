package org.panelkit.engine.fe;

/**
 * The degrees of freedom one fixed-effect term absorbs, as reghdfe's "Absorbed degrees of freedom" table:
 * levels in the sample, levels redundant given the terms counted before it, and the coefficients left
 * (levels - redundant). {@code exact} says whether the redundant count is exact (one or two terms; any number of
 * terms solved directly) or reghdfe's conservative count (one redundant level for each term after the second,
 * unless nested in another term). {@code nestedInCluster} marks a term whose every level lies in one cluster
 * (reghdfe's "*": the Stata cluster rule does not count it). Immutable.
 */
public final class AbsorbedTerm {
    private final String term;
    private final int levels;
    private final int redundant;
    private final boolean exact;
    private final boolean nestedInCluster;

    public AbsorbedTerm(String term, int levels, int redundant, boolean exact, boolean nestedInCluster) {
        this.term = term;
        this.levels = levels;
        this.redundant = redundant;
        this.exact = exact;
        this.nestedInCluster = nestedInCluster;
    }

    /** The term's name ({@code firm}, {@code industry^year}). */
    public String term() { return term; }
    /** Levels present in the estimation sample. */
    public int levels() { return levels; }
    /** Levels that are linear combinations of the terms counted before this one. */
    public int redundant() { return redundant; }
    /** levels - redundant: what the term adds to the rank of the fixed effects. */
    public int coefficients() { return levels - redundant; }
    /** Whether {@link #redundant()} is exact rather than a conservative (smaller) count. */
    public boolean exact() { return exact; }
    /** Whether every level lies within one cluster of the variance estimator. */
    public boolean nestedInCluster() { return nestedInCluster; }
}
