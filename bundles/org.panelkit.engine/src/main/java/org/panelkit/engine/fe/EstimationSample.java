package org.panelkit.engine.fe;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.Parallelism;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.KeyColumn;

/**
 * The estimation sample: listwise deletion over y, the regressors and every key the model uses (the rule of
 * plm, Stata and the reference files), duplicate (entity, time) keys rejected, rows sorted by entity and
 * time, keys re-coded to the levels present, singletons optionally dropped (iteratively, as reghdfe).
 * Immutable once built.
 */
public final class EstimationSample {
    final int n;
    final double[] y;
    final double[][] x;
    final List<String> xNames;
    /** Entity codes 0..groups-1, or null when the model has no entity column. */
    final int[] entity;
    final int groups;
    final String[] entityLevels;
    final int[] time;
    final int periods;
    final String[] timeLevels;
    /** Codes of each cluster dimension and their level counts. */
    final List<int[]> clusters;
    final int[] clusterCounts;
    final List<String> clusterNames;
    /** Original row index of each sample row. */
    final int[] rows;
    final int inputRows;
    final int droppedMissing;
    final int singletonsDropped;
    /** Rows removed for a zero weight. */
    final int zeroWeights;
    /** Codes 0..levels-1 of each absorbed fixed-effect term (ModelSpec#fixedEffectTerms order) per sample row. */
    final List<int[]> fe;
    final int[] feLevels;
    final List<String> feNames;
    /** Analytic weights per sample row (all positive), or null for an unweighted fit. */
    final double[] w;
    /** Whether the terms are the entity/time shorthand's (then effects are reported as entity/period effects). */
    final boolean entityTimeEffects;

    private EstimationSample(Builder b) {
        this.n = b.n;
        this.y = b.y;
        this.x = b.x;
        this.xNames = b.xNames;
        this.entity = b.entity;
        this.groups = b.groups;
        this.entityLevels = b.entityLevels;
        this.time = b.time;
        this.periods = b.periods;
        this.timeLevels = b.timeLevels;
        this.clusters = b.clusters;
        this.clusterCounts = b.clusterCounts;
        this.clusterNames = b.clusterNames;
        this.rows = b.rows;
        this.inputRows = b.inputRows;
        this.droppedMissing = b.droppedMissing;
        this.singletonsDropped = b.singletonsDropped;
        this.zeroWeights = b.zeroWeights;
        this.fe = b.fe;
        this.feLevels = b.feLevels;
        this.feNames = b.feNames;
        this.w = b.w;
        this.entityTimeEffects = b.spec.effects() != Effects.TERMS;
    }

    private boolean[] termNestedInClusters;

    /**
     * Whether every level of fixed-effect term {@code j} lies within one cluster of one of the variance
     * estimator's cluster columns (reghdfe's "*"); computed once for all terms.
     */
    synchronized boolean termNestedInClusters(int j) {
        if (termNestedInClusters == null) {
            boolean[] nested = new boolean[fe.size()];
            for (int t = 0; t < nested.length; t++) {
                for (int[] cluster : clusters) {
                    nested[t] |= TermStructure.isFunctionOf(cluster, fe.get(t), feLevels[t]);
                }
            }
            termNestedInClusters = nested;
        }
        return termNestedInClusters[j];
    }

    /** Sum of the weights (n without weights). */
    double weightSum() {
        if (w == null) {
            return n;
        }
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        return sum;
    }

    public int size() {
        return n;
    }

    public int droppedMissing() {
        return droppedMissing;
    }

    public int singletonsDropped() {
        return singletonsDropped;
    }

    public int groups() {
        return groups;
    }

    public int periods() {
        return periods;
    }

    /** Original row (0-based) of sample row {@code i}. */
    public int row(int i) {
        return rows[i];
    }

    /** The cluster columns used: the user's, or the estimator's default. */
    static List<String> clusterColumns(ModelSpec spec) {
        if (!spec.cluster().isEmpty()) {
            return spec.cluster();
        }
        switch (spec.vcov()) {
        case CR0:
        case CLUSTER:
        case CR2:
            if (spec.entity() == null) {
                throw new PanelKitException("clustered standard errors need an entity column or --cluster COL");
            }
            return List.of(spec.entity());
        case TWOWAY:
            if (spec.entity() == null || spec.time() == null) {
                throw new PanelKitException("two-way clustering needs entity and time columns or --cluster A,B");
            }
            return List.of(spec.entity(), spec.time());
        default:
            return List.of();
        }
    }

    /** Builds the sample of {@code spec} from {@code data}. */
    public static EstimationSample of(ColumnSource data, ModelSpec spec) {
        return new Builder(data, spec).build();
    }

    private static final class Builder {
        final ColumnSource data;
        final ModelSpec spec;
        int n;
        double[] y;
        double[][] x;
        List<String> xNames;
        int[] entity;
        int groups;
        String[] entityLevels;
        int[] time;
        int periods;
        String[] timeLevels;
        List<int[]> clusters = new ArrayList<>();
        int[] clusterCounts;
        List<String> clusterNames;
        int[] rows;
        int inputRows;
        int droppedMissing;
        int singletonsDropped;
        int zeroWeights;
        List<int[]> fe = new ArrayList<>();
        int[] feLevels;
        List<String> feNames = new ArrayList<>();
        double[] w;
        /** Whether the sample is every input row in input order (set by materialize, used by recode). */
        boolean identityOrder;

        Builder(ColumnSource data, ModelSpec spec) {
            this.data = data;
            this.spec = spec;
        }

        EstimationSample build() {
            inputRows = data.rowCount();
            // infinite values are found in the listwise pass below (one pass per column)
            double[] yIn = column(spec.y());
            List<double[]> xIn = new ArrayList<>();
            for (String name : spec.x()) {
                xIn.add(column(name));
            }
            KeyColumn entityIn = spec.entity() == null ? null : key(spec.entity());
            KeyColumn timeIn = spec.time() == null ? null : key(spec.time());
            clusterNames = clusterColumns(spec);
            List<KeyColumn> clusterIn = new ArrayList<>();
            for (String c : clusterNames) {
                clusterIn.add(key(c));
            }
            if (spec.vcov() == org.panelkit.engine.vcov.VcovType.DRISCOLL_KRAAY && timeIn == null) {
                throw new PanelKitException("Driscoll-Kraay standard errors need a time column");
            }
            // the codes of interaction terms (a pass or two over the rows each) on another thread while this one
            // checks the columns for missing values
            List<Supplier<TermCodes>> termCodes = new ArrayList<>();
            for (FixedEffectTerm t : spec.fixedEffectTerms()) {
                List<KeyColumn> cols = new ArrayList<>();
                for (String c : t.columns()) {
                    cols.add(c.equals(spec.entity()) && entityIn != null ? entityIn
                            : c.equals(spec.time()) && timeIn != null ? timeIn : key(c));
                }
                if (cols.size() == 1) {
                    termCodes.add(() -> TermCodes.of(t.name(), cols)); // the column's own codes: no pass
                } else {
                    termCodes.add(Parallelism.fork(() -> TermCodes.of(t.name(), cols))::join);
                }
            }
            double[] wIn = spec.weights() == null ? null : weights(spec.weights());

            // Listwise deletion (one small loop per column: each is compiled on its own, quickly), the two halves of
            // the rows in parallel on large samples
            List<double[]> numbers = new ArrayList<>();
            List<String> numberNames = new ArrayList<>();
            numbers.add(yIn);
            numberNames.add(spec.y());
            numbers.addAll(xIn);
            numberNames.addAll(spec.x());
            if (wIn != null) {
                numbers.add(wIn);
                numberNames.add(spec.weights());
            }
            List<int[]> keyCodes = new ArrayList<>();
            for (KeyColumn k : clusterIn) {
                keyCodes.add(k.codes());
            }
            if (entityIn != null) {
                keyCodes.add(entityIn.codes());
            }
            if (timeIn != null) {
                keyCodes.add(timeIn.codes());
            }
            boolean[] keep = keepComplete(numbers, numberNames, keyCodes);
            List<TermCodes> terms = new ArrayList<>();
            List<int[]> termCodesToCheck = new ArrayList<>();
            for (Supplier<TermCodes> t : termCodes) {
                TermCodes codes = t.get();
                terms.add(codes);
                if (!keyCodes.contains(codes.codes)) { // the key columns' own codes are checked already
                    termCodesToCheck.add(codes.codes);
                }
            }
            int[] keptPart = keepCoded(keep, termCodesToCheck);
            int kept = keptPart[0] + keptPart[1];
            droppedMissing = inputRows - kept;
            if (kept == 0) {
                throw new PanelKitException("no observations left: every row has a missing value in "
                        + String.join(", ", usedColumns()));
            }
            if (wIn != null) {
                // a zero analytic weight removes the row (Stata, fixest, lm's degrees of freedom)
                int half = Kernels.split(inputRows);
                for (int i = 0; i < inputRows; i++) {
                    if (keep[i] && wIn[i] == 0) {
                        keep[i] = false;
                        kept--;
                        keptPart[i < half ? 0 : 1]--;
                        zeroWeights++;
                    }
                }
                if (kept == 0) {
                    throw new PanelKitException("no observations left: every weight in '" + spec.weights()
                            + "' is zero or missing");
                }
            }
            // sorted by the entity, else by the term with most levels (the order that keeps its groups contiguous)
            TermCodes sortKey = entityIn != null ? TermCodes.of(entityIn.name(), List.of(entityIn))
                    : terms.isEmpty() ? null : largest(terms);
            TermCodes timeKey = timeIn == null ? null : TermCodes.of(timeIn.name(), List.of(timeIn));
            int[] order = sortedRows(keep, keptPart, sortKey, timeKey);
            if (entityIn != null && timeIn != null) {
                checkDuplicates(order, entityIn, timeIn);
            }
            if (spec.dropSingletons() && !terms.isEmpty()) {
                order = dropSingletons(order, terms);
            }
            materialize(order, yIn, xIn, entityIn, timeIn, clusterIn);
            feLevels = new int[terms.size()];
            for (int j = 0; j < terms.size(); j++) {
                TermCodes t = terms.get(j);
                int[] codes;
                if (entity != null && t.codes == entityIn.codes()) {
                    codes = entity;
                    feLevels[j] = groups;
                } else if (time != null && t.codes == timeIn.codes()) {
                    codes = time;
                    feLevels[j] = periods;
                } else {
                    Recoded r = recode(order, t.codes, t.levels, t.everyLevelOccurs, null);
                    codes = r.codes;
                    feLevels[j] = r.count;
                }
                fe.add(codes);
                feNames.add(t.name);
            }
            w = wIn == null ? null : gather(wIn, order);
            return new EstimationSample(this);
        }

        /**
         * The rows without a missing value in {@code numbers} or {@code keyCodes}, in two halves of the rows on large
         * samples; an infinite value is an error naming its column and row (the first infinite value of the first
         * column that has one: y, the regressors, the weights).
         */
        private boolean[] keepComplete(List<double[]> numbers, List<String> names, List<int[]> keyCodes) {
            boolean[] keep = new boolean[inputRows];
            int[][] infinite = new int[2][numbers.size()];
            java.util.Arrays.fill(infinite[1], -1); // the second part of a pass that is not split
            Kernels.halves(inputRows, (part, from, to) -> {
                java.util.Arrays.fill(keep, from, to, true);
                for (int j = 0; j < numbers.size(); j++) {
                    infinite[part][j] = Kernels.keepFinite(keep, numbers.get(j), from, to);
                }
                for (int[] codes : keyCodes) {
                    Kernels.keepCodes(keep, codes, from, to);
                }
            });
            for (int j = 0; j < numbers.size(); j++) {
                int row = infinite[0][j] >= 0 ? infinite[0][j] : infinite[1][j];
                if (row >= 0) {
                    throw infiniteValue(names.get(j), row);
                }
            }
            return keep;
        }

        /** keep &= a level in each of {@code codes}; the kept rows of each half ({@link Kernels#halves}). */
        private static int[] keepCoded(boolean[] keep, List<int[]> codes) {
            int[] keptPart = new int[2];
            Kernels.halves(keep.length, (part, from, to) -> {
                for (int[] c : codes) {
                    Kernels.keepCodes(keep, c, from, to);
                }
                keptPart[part] = Kernels.count(keep, from, to);
            });
            return keptPart;
        }

        /** The term with most levels. */
        private static TermCodes largest(List<TermCodes> terms) {
            TermCodes best = terms.get(0);
            for (TermCodes t : terms) {
                if (t.levels > best.levels) {
                    best = t;
                }
            }
            return best;
        }

        private double[] weights(String name) {
            double[] v = numeric(name);
            for (int i = 0; i < v.length; i++) {
                if (v[i] < 0) {
                    throw new PanelKitException("weight column '" + name + "', " + data.rowLabel(i)
                            + ": negative weight " + v[i] + "; analytic weights must be zero or positive");
                }
            }
            return v;
        }

        private List<String> usedColumns() {
            List<String> cols = new ArrayList<>();
            cols.add(spec.y());
            cols.addAll(spec.x());
            if (spec.entity() != null) {
                cols.add(spec.entity());
            }
            if (spec.time() != null) {
                cols.add(spec.time());
            }
            for (FixedEffectTerm t : spec.fixedEffectTerms()) {
                for (String c : t.columns()) {
                    if (!cols.contains(c)) {
                        cols.add(c);
                    }
                }
            }
            if (spec.weights() != null) {
                cols.add(spec.weights());
            }
            return cols;
        }

        private double[] column(String name) {
            if (!data.has(name)) {
                throw new PanelKitException("unknown column '" + name + "'");
            }
            return data.numeric(name);
        }

        /** A column checked for infinite values at once (the weights, checked for negative values next). */
        private double[] numeric(String name) {
            double[] v = column(name);
            int i = Kernels.firstInfinite(v);
            if (i >= 0) {
                throw infiniteValue(name, i);
            }
            return v;
        }

        private PanelKitException infiniteValue(String name, int row) {
            return new PanelKitException("column '" + name + "', " + data.rowLabel(row)
                    + ": infinite value; replace it or mark it missing");
        }

        private KeyColumn key(String name) {
            if (!data.has(name)) {
                throw new PanelKitException("unknown column '" + name + "'");
            }
            return data.key(name);
        }

        /**
         * Kept rows sorted by (entity, time) with two stable counting sorts; {@code keptPart}: the kept rows of each
         * half of the rows ({@link Kernels#halves}).
         */
        private int[] sortedRows(boolean[] keep, int[] keptPart, TermCodes e, TermCodes t) {
            int[] indices = new int[keptPart[0] + keptPart[1]];
            boolean[] sorted = {true, true};
            int[] first = e == null ? null : e.codes;
            int[] second = t == null ? null : t.codes;
            Kernels.halves(keep.length, (part, from, to) -> {
                int at = part == 0 ? 0 : keptPart[0];
                Kernels.indices(keep, from, to, indices, at);
                // each part its own pairs; the pair across the parts below, once both are written
                sorted[part] = Kernels.isSorted(indices, first, second, at + 1, at + keptPart[part]);
            });
            boolean across = keptPart[0] == 0 || keptPart[1] == 0
                    || Kernels.isSorted(indices, first, second, keptPart[0], keptPart[0] + 1);
            int[] order = indices;
            if (sorted[0] && sorted[1] && across) {
                return order; // prepared panels usually arrive sorted: skip the two sorts
            }
            if (t != null) {
                order = countingSort(order, t);
            }
            if (e != null) {
                order = countingSort(order, e);
            }
            return order;
        }

        private static int[] countingSort(int[] order, TermCodes key) {
            int levels = key.levels;
            int[] codes = key.codes;
            int[] start = new int[levels + 1];
            for (int r : order) {
                start[codes[r] + 1]++;
            }
            for (int l = 0; l < levels; l++) {
                start[l + 1] += start[l];
            }
            int[] out = new int[order.length];
            for (int r : order) {
                out[start[codes[r]]++] = r;
            }
            return out;
        }

        private void checkDuplicates(int[] order, KeyColumn e, KeyColumn t) {
            for (int i = 1; i < order.length; i++) {
                int a = order[i - 1];
                int b = order[i];
                if (e.code(a) == e.code(b) && t.code(a) == t.code(b)) {
                    int first = Math.min(a, b);
                    int second = Math.max(a, b);
                    throw new PanelKitException("duplicate panel key (" + e.name() + "=" + e.level(e.code(a)) + ", "
                            + t.name() + "=" + t.level(t.code(a)) + ") in " + data.rowLabel(first) + " and "
                            + data.rowLabel(second) + "; each entity may have one row per period");
                }
            }
        }

        /** Drops observations that are alone in a level of any fixed-effect term, repeatedly (reghdfe's rule). */
        private int[] dropSingletons(int[] order, List<TermCodes> terms) {
            int before = order.length;
            boolean changed = true;
            while (changed && order.length > 0) {
                changed = false;
                List<int[]> counts = new ArrayList<>();
                for (TermCodes t : terms) {
                    counts.add(Kernels.levelCounts(order, t.codes, t.levels));
                }
                boolean[] single = new boolean[order.length];
                for (int j = 0; j < terms.size(); j++) {
                    Kernels.markSingletons(single, order, terms.get(j).codes, counts.get(j));
                }
                int m = Kernels.compact(order, single);
                if (m < order.length) {
                    changed = true;
                    order = java.util.Arrays.copyOf(order, m);
                }
            }
            singletonsDropped = before - order.length;
            if (order.length == 0) {
                throw new PanelKitException("no observations left after dropping singletons");
            }
            return order;
        }

        private void materialize(int[] order, double[] yIn, List<double[]> xIn, KeyColumn e, KeyColumn t,
                List<KeyColumn> cl) {
            n = order.length;
            rows = order;
            // rows already complete and sorted (the common case for prepared panels): share the input arrays,
            // which nothing in the engine modifies, instead of copying them
            boolean[] identityPart = {true, true};
            if (n == yIn.length) {
                Kernels.halves(n, (part, from, to) -> identityPart[part] = Kernels.isIdentity(order, from, to));
            }
            identityOrder = n == yIn.length && identityPart[0] && identityPart[1];
            boolean identity = identityOrder;
            y = identity ? yIn : gather(yIn, order);
            x = new double[xIn.size()][];
            for (int j = 0; j < x.length; j++) {
                x[j] = identity ? xIn.get(j) : gather(xIn.get(j), order);
            }
            xNames = spec.x();
            if (e != null) {
                Recoded r = recode(order, e.codes(), e.levelCount(), e.everyLevelOccurs(), e);
                entity = r.codes;
                groups = r.count;
                entityLevels = r.levels;
            }
            if (t != null) {
                Recoded r = recode(order, t.codes(), t.levelCount(), t.everyLevelOccurs(), t);
                time = r.codes;
                periods = r.count;
                timeLevels = r.levels;
            }
            clusterCounts = new int[cl.size()];
            for (int j = 0; j < cl.size(); j++) {
                KeyColumn k = cl.get(j);
                int[] codes;
                int count;
                if (e != null && k == e) {
                    codes = entity;
                    count = groups;
                } else if (t != null && k == t) {
                    codes = time;
                    count = periods;
                } else {
                    Recoded r = recode(order, k.codes(), k.levelCount(), k.everyLevelOccurs(), null);
                    codes = r.codes;
                    count = r.count;
                }
                clusters.add(codes);
                clusterCounts[j] = count;
            }
        }

        private static double[] gather(double[] src, int[] order) {
            return Kernels.gather(src, order);
        }

        private static final class Recoded {
            int[] codes;
            int count;
            /** The level names (only when asked for). */
            String[] levels;
        }

        /**
         * Codes restricted to the sample, renumbered 0..L-1 in the old level order, with the level names of
         * {@code named} (null: no names). A complete sample in input order with every level present keeps the
         * codes array itself (nothing in the engine modifies it); when every level is known to occur
         * ({@code everyLevelOccurs}) such a sample needs no pass over the rows.
         */
        private Recoded recode(int[] order, int[] codes, int levels, boolean everyLevelOccurs, KeyColumn named) {
            int[] map;
            if (identityOrder && everyLevelOccurs) {
                map = new int[levels];
                for (int l = 0; l < levels; l++) {
                    map[l] = l;
                }
            } else {
                map = Kernels.renumber(order, codes, levels);
            }
            Recoded out = new Recoded();
            for (int m : map) {
                if (m >= 0) {
                    out.count++;
                }
            }
            if (named != null) {
                out.levels = new String[out.count];
                for (int l = 0; l < map.length; l++) {
                    if (map[l] >= 0) {
                        out.levels[map[l]] = named.level(l);
                    }
                }
            }
            boolean same = out.count == levels && identityOrder;
            out.codes = same ? codes : Kernels.mapCodes(order, codes, map);
            return out;
        }
    }
}
