package org.panelkit.engine.fe;

import java.util.ArrayList;
import java.util.List;

import org.panelkit.engine.ProgressMonitor;

/**
 * The demeaning kernel: replaces a column v by its residual from the (weighted) least-squares projection on the
 * fixed-effect dummies, M v = v - D (D'WD)^+ D'W v, for unbalanced panels and any number of terms.
 *
 * <p>First, a term nested in another term (every level within one level of the other, e.g. {@code year} next to
 * {@code industry^year}) adds nothing to the span of the dummies and is left out ({@link TermStructure}). Then:
 * <ul>
 * <li>one term: subtract (weighted) group means;</li>
 * <li>"direct", when the terms other than the one with most levels have at most {@value #MAX_SECONDARY_LEVELS}
 * levels together: with P the term with most levels ("primary", absorbed by group means) and Q the dummies of the
 * others ("secondary"), Frisch-Waugh-Lovell gives M v = M_P v - M_P D_Q g with g solving the reduced normal
 * equations C g = D_Q' W M_P v, C = D_Q' W M_P D_Q ({@link ReducedSystem}). C is singular where levels are
 * redundant (one null direction per connected component for two terms), so g uses a generalized inverse
 * ({@link ReducedSolver}: Cholesky skipping the dependent levels), and rank(C) + P is the exact rank of the
 * dummies. The limit keeps the q^3/6 set-up around a second; beyond it the iteration is faster. Four passes over the data per column after the set-up;</li>
 * <li>"iterative" otherwise: conjugate gradient on alternating projections ({@link IterativeAbsorber}).</li>
 * </ul>
 * Absorbed degrees of freedom per term ({@link #redundant()}): a nested term is redundant as a whole; of the
 * others, with two terms the one listed second takes the redundant levels (one per connected component); with more,
 * the direct method gives none to the primary term and attributes the rank of C term by term (an unpivoted Cholesky that skips dependent columns, in the order of the terms), which is
 * exact; the iterative method counts the connected components of the first two terms (exact for two terms) and
 * one redundant level (the constant) for every further term: reghdfe's conservative "pairwise" rule.
 */
public final class FixedEffectsProjector {
    /** Largest total of secondary levels for the direct solve. */
    static final int MAX_SECONDARY_LEVELS = 1000;

    enum Kind { IDENTITY, INTERCEPT, ONE_WAY, DIRECT, ITERATIVE }

    final Kind kind;
    final int n;
    /** Weights per row, or null (unit weights). */
    final double[] weight;
    /** Primary codes and level weight sums (one-way and direct). */
    final int[] primary;
    final int primaryLevels;
    final double[] primaryCount;
    /**
     * Where each primary level's rows start when the rows are ordered by the primary term (the usual case: the
     * sample is sorted by the entity or the largest term), else null. Then group means need no scattered
     * writes and the direct method fuses its passes; same operations in the same order, same numbers.
     */
    private final int[] primaryStart;
    /** Secondary terms (direct): codes, first column in C of each, total levels. */
    final List<int[]> secondary;
    final int[] secondaryOffset;
    final int secondaryLevels;
    /** The factorized reduced matrix C (direct). */
    private final ReducedSolver solver;
    /** Whether the primary term is the model's entity column (one-way and direct: effects as entity/time). */
    final boolean primaryIsEntity;
    private final IterativeAbsorber iterative;
    private final int rank;
    private final int components;
    private final int[] redundant;
    private final boolean exact;

    private FixedEffectsProjector(Builder b) {
        // the connected components of the first two of three terms (the redundant levels in listing order), a pass
        // over the rows, on another thread while this one sets up the direct solve
        java.util.concurrent.ForkJoinTask<Integer> firstTwoComponents = b.kind == Kind.DIRECT && b.input.fe.size() == 3
                ? org.panelkit.engine.Parallelism.fork(() -> TermStructure.components(b.input.fe.get(0),
                        b.input.feLevels[0], b.input.fe.get(1), b.input.feLevels[1]))
                : null;
        this.kind = b.kind;
        this.n = b.n;
        this.weight = b.weight;
        this.primary = b.primary;
        this.primaryLevels = b.primaryLevels;
        this.primaryCount = b.primary == null ? null : levelWeights(b.primary, b.primaryLevels, b.weight);
        this.primaryStart = b.primary == null ? null : contiguousStarts(b.primary, b.primaryLevels);
        this.secondary = b.secondary;
        this.secondaryOffset = b.secondaryOffset;
        this.secondaryLevels = b.secondaryLevels;
        this.primaryIsEntity = b.primaryIsEntity;
        this.redundant = b.redundant;
        this.iterative = b.iterative;
        if (kind == Kind.DIRECT) {
            double[][] c = ReducedSystem.build(primary, primaryLevels, primaryCount, primaryStart, secondary,
                    secondaryOffset, secondaryLevels, weight);
            solver = ReducedSolver.factor(c, null);
            int r = solver.rank();
            rank = b.rankOutsideC + r;
            components = secondary.size() == 1 ? secondaryLevels - r : 1;
            attributeRankOfC(b);
            if (b.input.fe.size() <= 3) {
                attributeInListingOrder(b.input, firstTwoComponents == null ? -1 : firstTwoComponents.join());
            }
            exact = true;
        } else {
            solver = null;
            rank = b.rankOutsideC;
            components = b.components;
            exact = b.exact;
        }
    }

    /** The projector for the sample's fixed-effect terms (none: the constant of pooled OLS, or nothing). */
    static FixedEffectsProjector of(EstimationSample s, boolean constant) {
        return of(s, constant, MAX_SECONDARY_LEVELS);
    }

    /** As {@link #of(EstimationSample, boolean)} with another limit for the direct solve (0: always iterate). */
    static FixedEffectsProjector of(EstimationSample s, boolean constant, int directLimit) {
        return of(new Input(s.n, s.fe, s.feLevels, s.w, s.entity), constant, directLimit);
    }

    /**
     * The rank of the dummies of {@code terms} (codes per row, with their level counts), exact or reghdfe's
     * conservative count as {@link #rank()} says for a model.
     */
    static int rank(List<int[]> terms, int[] levels) {
        if (terms.isEmpty()) {
            return 0;
        }
        boolean[] nested = TermStructure.nestedTerms(terms, levels);
        List<Integer> active = TermStructure.active(nested);
        if (active.size() == 1) {
            return levels[active.get(0)]; // one term once the nested ones are left out: its levels
        }
        return of(new Input(terms.get(0).length, terms, levels, null, null), false, MAX_SECONDARY_LEVELS, nested)
                .rank();
    }

    private static FixedEffectsProjector of(Input s, boolean constant, int directLimit) {
        return of(s, constant, directLimit, null);
    }

    /** {@code nested}: the terms nested in another ({@link TermStructure#nestedTerms}), or null to find them. */
    private static FixedEffectsProjector of(Input s, boolean constant, int directLimit, boolean[] nestedTerms) {
        Builder b = new Builder(s.n, s.w);
        b.input = s;
        int m = s.fe.size();
        b.redundant = new int[m];
        if (m == 0) {
            b.kind = constant ? Kind.INTERCEPT : Kind.IDENTITY;
            b.rankOutsideC = constant ? 1 : 0;
            return new FixedEffectsProjector(b);
        }
        boolean[] nested = nestedTerms != null ? nestedTerms : TermStructure.nestedTerms(s.fe, s.feLevels);
        List<Integer> active = TermStructure.active(nested);
        for (int j = 0; j < m; j++) {
            if (nested[j]) {
                b.redundant[j] = s.feLevels[j];
            }
        }
        int primaryTerm = active.get(0);
        for (int j : active) {
            if (s.feLevels[j] > s.feLevels[primaryTerm]) {
                primaryTerm = j;
            }
        }
        b.primaryTerm = primaryTerm;
        b.primary = s.fe.get(primaryTerm);
        b.primaryLevels = s.feLevels[primaryTerm];
        b.primaryIsEntity = s.entity != null && b.primary == s.entity;
        b.rankOutsideC = b.primaryLevels;
        if (active.size() == 1) {
            b.kind = Kind.ONE_WAY;
            return new FixedEffectsProjector(b);
        }
        int q = 0;
        for (int j : active) {
            if (j != primaryTerm) {
                b.secondaryTerms.add(j);
                b.secondary.add(s.fe.get(j));
                q += s.feLevels[j];
            }
        }
        if (q <= directLimit) {
            b.kind = Kind.DIRECT;
            b.secondaryOffset = new int[b.secondary.size()];
            int off = 0;
            for (int t = 0; t < b.secondaryTerms.size(); t++) {
                b.secondaryOffset[t] = off;
                off += s.feLevels[b.secondaryTerms.get(t)];
            }
            b.secondaryLevels = q;
            return new FixedEffectsProjector(b);
        }
        b.kind = Kind.ITERATIVE;
        iterativeCounts(b, s, active);
        List<int[]> codes = new ArrayList<>();
        List<double[]> levelWeight = new ArrayList<>();
        for (int j : active) {
            codes.add(s.fe.get(j));
            levelWeight.add(levelWeights(s.fe.get(j), s.feLevels[j], s.w));
        }
        b.iterative = new IterativeAbsorber(codes, levelWeight, s.w);
        return new FixedEffectsProjector(b);
    }

    /** reghdfe's pairwise count: exact for the first two active terms, one redundant level for each other. */
    private static void iterativeCounts(Builder b, Input s, List<Integer> active) {
        int first = active.get(0);
        int second = active.get(1);
        int comps = TermStructure.components(s.fe.get(first), s.feLevels[first], s.fe.get(second),
                s.feLevels[second]);
        b.redundant[second] = comps;
        b.components = comps;
        int rank = s.feLevels[first] + s.feLevels[second] - comps;
        for (int t = 2; t < active.size(); t++) {
            int j = active.get(t);
            b.redundant[j] = 1;
            rank += s.feLevels[j] - 1;
        }
        b.rankOutsideC = rank;
        b.exact = active.size() <= 2;
    }

    /**
     * Redundant levels of each secondary term: the columns of C the factorization finds dependent on the ones
     * before them (in the order of the terms).
     */
    private void attributeRankOfC(Builder b) {
        boolean[] dependent = solver.dependent();
        List<Integer> terms = b.secondaryTerms;
        if (terms.size() == 1 && terms.get(0) < b.primaryTerm) {
            // two terms: the redundant levels (one per connected component) go to the one listed second, as in
            // reghdfe's table, whichever is solved by group means
            redundant[b.primaryTerm] = secondaryLevels - solver.rank();
            return;
        }
        for (int t = 0; t < terms.size(); t++) {
            int count = 0;
            for (int col = secondaryOffset[t]; col < secondaryOffset[t] + b.input.feLevels[terms.get(t)]; col++) {
                if (dependent[col]) {
                    count++;
                }
            }
            redundant[terms.get(t)] = count;
        }
    }

    /**
     * Up to three terms with the exact total rank: the redundant levels in the order the terms are listed, as a
     * dummy regression drops them (R's lm, reghdfe's table): none for the first, the connected components of the
     * first two for the second, the rest of the rank deficit for the third.
     */
    private void attributeInListingOrder(Input in, int firstTwoComponents) {
        int m = in.fe.size();
        java.util.Arrays.fill(redundant, 0);
        int comps = m == 2 ? in.feLevels[0] + in.feLevels[1] - rank : firstTwoComponents;
        redundant[1] = comps;
        if (m == 3) {
            int levels = in.feLevels[0] + in.feLevels[1] + in.feLevels[2];
            redundant[2] = levels - rank - comps;
        }
    }

    private static double[] levelWeights(int[] codes, int levels, double[] weight) {
        double[] c = new double[levels];
        if (weight == null) {
            for (int code : codes) {
                c[code]++;
            }
        } else {
            for (int i = 0; i < codes.length; i++) {
                c[codes[i]] += weight[i];
            }
        }
        return c;
    }

    /** Rank of the fixed-effects dummy block, K_fe (exact unless {@link #exact()} is false). */
    public int rank() {
        return rank;
    }

    /** Connected components of two terms (1 for one term; 1 when not computed). */
    public int components() {
        return components;
    }

    /** Redundant levels of each term (in the order of the sample's terms). */
    int[] redundant() {
        return redundant.clone();
    }

    /** Whether {@link #rank()} is exact (false: reghdfe's conservative count for three or more terms). */
    boolean exact() {
        return exact;
    }

    /** How the effects are absorbed, with the iterations used so far. */
    Absorption absorption() {
        switch (kind) {
        case IDENTITY:
        case INTERCEPT:
            return Absorption.NONE;
        case ONE_WAY:
            return Absorption.MEANS;
        case DIRECT:
            return Absorption.DIRECT;
        default:
            return new Absorption("iterative", iterative.iterations(), IterativeAbsorber.TOLERANCE,
                    iterative.converged());
        }
    }

    /** Replaces {@code v} by M v. */
    public void residualize(double[] v) {
        residualize(v, ProgressMonitor.NONE);
    }

    /**
     * Whether {@link #residualizeTogether} takes its columns' passes over the rows together (direct absorption of
     * one secondary term, unit weights, rows ordered by the primary term: the usual prepared panel).
     */
    boolean residualizesTogether() {
        return kind == Kind.DIRECT && primaryStart != null && secondary.size() == 1 && weight == null;
    }

    /**
     * Replaces every column by M times it, each with the same floating-point operations in the same order as
     * {@link #residualize(double[])}, the columns sharing the passes over the groups: one compiled loop for all of
     * them on a fresh JVM, instead of one per column. Only where {@link #residualizesTogether()}.
     */
    void residualizeTogether(double[][] cols) {
        if (!residualizesTogether()) {
            throw new IllegalStateException("not a direct absorption of sorted rows");
        }
        directSorted(cols);
    }

    /** Replaces {@code v} by M v; the iterative method checks {@code monitor} for a cancel request. */
    void residualize(double[] v, ProgressMonitor monitor) {
        switch (kind) {
        case IDENTITY:
            return;
        case INTERCEPT: {
            double mean = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                double w = weight == null ? 1 : weight[i];
                mean += w * v[i];
                total += w;
            }
            mean /= total;
            for (int i = 0; i < n; i++) {
                v[i] -= mean;
            }
            return;
        }
        case ONE_WAY:
            subtractPrimaryMeans(v);
            return;
        case DIRECT:
            direct(v);
            return;
        default:
            iterative.residualize(v, monitor);
        }
    }

    private static void subtractGroupMeans(double[] v, int[] codes, double[] count, double[] weight) {
        double[] mean = groupMeans(v, codes, count, weight);
        for (int i = 0; i < v.length; i++) {
            v[i] -= mean[codes[i]];
        }
    }

    private static double[] groupMeans(double[] v, int[] codes, double[] count, double[] weight) {
        double[] mean = new double[count.length];
        if (weight == null) {
            for (int i = 0; i < v.length; i++) {
                mean[codes[i]] += v[i];
            }
        } else {
            for (int i = 0; i < v.length; i++) {
                mean[codes[i]] += weight[i] * v[i];
            }
        }
        for (int l = 0; l < mean.length; l++) {
            mean[l] /= count[l];
        }
        return mean;
    }

    /** start[l] .. start[l + 1] are level l's rows when the codes never decrease, else null. */
    static int[] contiguousStarts(int[] codes, int levels) {
        int[] start = new int[levels + 1];
        int prev = -1;
        for (int i = 0; i < codes.length; i++) {
            int c = codes[i];
            if (c < prev) {
                return null;
            }
            while (prev < c) {
                start[++prev] = i;
            }
        }
        while (prev < levels) {
            start[++prev] = codes.length;
        }
        return start;
    }

    /** v -= the (weighted) mean of v in its primary level. */
    private void subtractPrimaryMeans(double[] v) {
        if (primaryStart != null) {
            subtractSortedGroupMeans(v);
        } else {
            subtractGroupMeans(v, primary, primaryCount, weight);
        }
    }

    /** subtractGroupMeans for rows ordered by the primary term. */
    private void subtractSortedGroupMeans(double[] v) {
        for (int p = 0; p < primaryLevels; p++) {
            int from = primaryStart[p];
            int to = primaryStart[p + 1];
            double sum = 0;
            if (weight == null) {
                for (int i = from; i < to; i++) {
                    sum += v[i];
                }
            } else {
                for (int i = from; i < to; i++) {
                    sum += weight[i] * v[i];
                }
            }
            double mean = sum / primaryCount[p];
            for (int i = from; i < to; i++) {
                v[i] -= mean;
            }
        }
    }

    /**
     * {@link #direct} for one secondary term, unit weights and rows ordered by the primary term, for several columns
     * at once: two passes over the groups instead of five per column. Pass 1: u = v - group mean, r = D_Q' u
     * accumulated in row order; pass 2: v = u - (D_Q g - group mean of D_Q g). Each column's arithmetic is that of
     * the column alone (the columns only share the loops).
     */
    private void directSorted(double[][] cols) {
        int m = cols.length;
        int[] sec = secondary.get(0);
        int off = secondaryOffset[0];
        double[][] r = new double[m][secondaryLevels];
        for (int p = 0; p < primaryLevels; p++) {
            int from = primaryStart[p];
            int to = primaryStart[p + 1];
            for (int c = 0; c < m; c++) {
                demeanGroup(cols[c], from, to, primaryCount[p], sec, off, r[c]);
            }
        }
        double[][] g = new double[m][];
        for (int c = 0; c < m; c++) {
            g[c] = solver.solve(r[c]);
        }
        for (int p = 0; p < primaryLevels; p++) {
            int from = primaryStart[p];
            int to = primaryStart[p + 1];
            for (int c = 0; c < m; c++) {
                subtractGroup(cols[c], from, to, primaryCount[p], sec, off, g[c]);
            }
        }
    }

    /** v -= its mean over rows [from, to); r[off + sec_i] += the demeaned v_i. */
    private static void demeanGroup(double[] v, int from, int to, double count, int[] sec, int off, double[] r) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += v[i];
        }
        double mean = sum / count;
        for (int i = from; i < to; i++) {
            double u = v[i] - mean;
            v[i] = u;
            r[off + sec[i]] += u;
        }
    }

    /** v_i -= g[off + sec_i] - (the mean of g[off + sec_i] over rows [from, to)). */
    private static void subtractGroup(double[] v, int from, int to, double count, int[] sec, int off, double[] g) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += g[off + sec[i]];
        }
        double mean = sum / count;
        for (int i = from; i < to; i++) {
            v[i] -= g[off + sec[i]] - mean;
        }
    }

    private void direct(double[] v) {
        if (primaryStart != null && secondary.size() == 1 && weight == null) {
            directSorted(new double[][] {v});
            return;
        }
        subtractPrimaryMeans(v);                               // u = M_P v
        double[] g = secondaryCoefficients(v);                 // g = C^- D_Q' W u
        if (secondary.size() == 1 && weight == null) {
            // two terms, unit weights (the two-way panels): no n-vector for D_Q g
            int[] sec = secondary.get(0);
            double[] gm = new double[primaryLevels];
            for (int i = 0; i < n; i++) {
                gm[primary[i]] += g[sec[i]];
            }
            for (int p = 0; p < primaryLevels; p++) {
                gm[p] /= primaryCount[p];
            }
            for (int i = 0; i < n; i++) {
                v[i] -= g[sec[i]] - gm[primary[i]];
            }
            return;
        }
        double[] dg = secondarySums(g);                        // D_Q g, row by row
        double[] gm = groupMeans(dg, primary, primaryCount, weight);
        for (int i = 0; i < n; i++) {
            v[i] -= dg[i] - gm[primary[i]];
        }
    }

    /** D_Q g: for each row the sum of its secondary levels' coefficients. */
    private double[] secondarySums(double[] g) {
        double[] dg = new double[n];
        for (int t = 0; t < secondary.size(); t++) {
            int[] codes = secondary.get(t);
            int off = secondaryOffset[t];
            for (int i = 0; i < n; i++) {
                dg[i] += g[off + codes[i]];
            }
        }
        return dg;
    }

    /** A solution g of C g = D_Q' W u for a primary-demeaned u (0 on the dependent levels). */
    double[] secondaryCoefficients(double[] u) {
        double[] r = new double[secondaryLevels];
        for (int t = 0; t < secondary.size(); t++) {
            int[] codes = secondary.get(t);
            int off = secondaryOffset[t];
            if (weight == null) {
                for (int i = 0; i < n; i++) {
                    r[off + codes[i]] += u[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    r[off + codes[i]] += weight[i] * u[i];
                }
            }
        }
        return solver.solve(r);
    }

    /**
     * The fixed effects of a residual r = y - X b for the entity/time models: for two-way models {entity
     * effects, time effects} with the first period's effect set to zero (Stata's base level); for one-way models
     * the group means. Returns {entityEffects or null, timeEffects or null}; {null, null} for other terms.
     */
    double[][] effects(double[] r) {
        if (kind == Kind.ONE_WAY) {
            double[] mean = groupMeans(r, primary, primaryCount, weight);
            return primaryIsEntity ? new double[][] {mean, null} : new double[][] {null, mean};
        }
        if (kind != Kind.DIRECT || secondary.size() != 1) {
            return new double[][] {null, null};
        }
        double[] u = r.clone();
        subtractGroupMeans(u, primary, primaryCount, weight);
        double[] g = secondaryCoefficients(u);
        double base = g[0];
        for (int m = 0; m < g.length; m++) {
            g[m] -= base;
        }
        int[] sec = secondary.get(0);
        double[] a = new double[primaryLevels];
        for (int i = 0; i < n; i++) {
            double w = weight == null ? 1 : weight[i];
            a[primary[i]] += w * (r[i] - g[sec[i]]);
        }
        for (int p = 0; p < primaryLevels; p++) {
            a[p] /= primaryCount[p];
        }
        if (!primaryIsEntity) {
            // time is primary: normalise so the first period's effect is zero, entities absorb the shift
            double shift = a[0];
            for (int p = 0; p < primaryLevels; p++) {
                a[p] -= shift;
            }
            for (int m = 0; m < g.length; m++) {
                g[m] += shift;
            }
            return new double[][] {g, a};
        }
        return new double[][] {a, g};
    }

    /** The terms to absorb: rows, codes and level counts per term, weights (or null), the entity's codes. */
    private static final class Input {
        final int n;
        final List<int[]> fe;
        final int[] feLevels;
        final double[] w;
        final int[] entity;

        Input(int n, List<int[]> fe, int[] feLevels, double[] w, int[] entity) {
            this.n = n;
            this.fe = fe;
            this.feLevels = feLevels;
            this.w = w;
            this.entity = entity;
        }
    }

    private static final class Builder {
        Input input;
        final int n;
        final double[] weight;
        Kind kind;
        int[] primary;
        int primaryTerm;
        int primaryLevels;
        boolean primaryIsEntity = true;
        final List<Integer> secondaryTerms = new ArrayList<>();
        final List<int[]> secondary = new ArrayList<>();
        int[] secondaryOffset;
        int secondaryLevels;
        int rankOutsideC;
        int components = 1;
        boolean exact = true;
        int[] redundant;
        IterativeAbsorber iterative;

        Builder(int n, double[] weight) {
            this.n = n;
            this.weight = weight;
        }
    }
}
