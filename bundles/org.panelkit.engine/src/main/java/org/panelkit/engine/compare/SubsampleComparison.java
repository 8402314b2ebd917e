package org.panelkit.engine.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.data.RowSelection;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.fe.FTest;
import org.panelkit.engine.fe.FixedEffectTerm;
import org.panelkit.engine.fe.FixedEffectsRegression;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.fe.WithinDesign;
import org.panelkit.engine.linalg.SymmetricEigen;
import org.panelkit.engine.split.PanelSplitter;
import org.panelkit.engine.split.SplitResult;
import org.panelkit.engine.split.SplitSpec;
import org.panelkit.engine.stats.Distributions;
import org.panelkit.engine.vcov.Meat;
import org.panelkit.engine.vcov.VcovType;

/**
 * Do the coefficients of a fixed-effects model differ across subsamples (regions) or periods? Two answers, for
 * the m groups of a split and every regressor estimated in all of them:
 * <ol>
 * <li><b>Fully interacted pooled model</b> (Chow-type): the model re-estimated on the pooled rows with every
 * regressor interacted with the group dummies ({@code x [g]} = x 1{group = g}) and group-specific fixed effects
 * (entity effects per entity and group, period effects per period and group; for a period split the entity
 * effects are per period, for a split of entities into regions the period effects are per region; a list of
 * terms is absorbed term by group, {@code firm^group}, {@code industry^year^group}). Its slopes
 * equal the separate fits' slopes (the design is block-diagonal by group); its variance is the model's own
 * estimator (CR1 clustered by the model's clusters, so a province that appears in both periods is one
 * cluster), and tests use the model's degrees of freedom (G-1 for xtreg).</li>
 * <li><b>Seemingly unrelated estimation</b> (Stata {@code suest}, Weesie 1999): the influence functions of
 * the separate fits, psi_i = (X~_g'X~_g)^-1 x~_i e_i, stacked into one vector per observation (zero outside
 * its group), summed by the common cluster variable and V = G/(G-1) sum_c U_c U_c' (suest's only small-sample
 * factor; G = clusters in the union of the samples); z tests and chi-square Wald tests.</li>
 * </ol>
 * Both have the same point estimates, and with identical clusters the same sandwich up to the scalar factor:
 * pooled CR1 G/(G-1)(N-1)/(N-K) against suest's G/(G-1), and t(G-1) against normal reference distributions.
 * They differ materially only when the comparison is not fully interacted (the pooled model would restrict
 * the fixed effects or the controls). When no cluster spans two groups (entities nested in regions, clustered
 * by entity) the covariance is block-diagonal and Var(b_g - b_h) = V_g + V_h; with a period split the same
 * province contributes to both periods and the covariance term -2 Cov(b_g, b_h) enters.
 *
 * <p>With analytic weights both are the weighted versions: the pooled model is weighted least squares, and the
 * influence functions are (X~_g' W X~_g)^-1 w_i x~_i e_i.
 *
 * <p>Differences are b_g - b_base with the first group as base; the Wald statistic of restrictions R b = 0 is
 * W = (Rb)' (R V R')^+ (Rb), reported as F = W/q.
 */
public final class SubsampleComparison {
    private SubsampleComparison() {
    }

    public static ComparisonResult compare(ColumnSource data, ModelSpec spec, SplitSpec split, ProgressMonitor monitor) {
        SplitSpec s = spec.entity() != null ? split.withEntity(spec.entity()) : split;
        return compare(data, spec, PanelSplitter.split(data, s, monitor), monitor);
    }

    public static ComparisonResult compare(ColumnSource data, ModelSpec spec, SplitResult split,
            ProgressMonitor monitor) {
        VcovType vt = spec.vcov();
        if (spec.cluster().size() > 1 && vt != VcovType.TWOWAY) {
            throw new PanelKitException("comparing subsamples supports one cluster column, got " + spec.cluster());
        }
        List<String> groups = new ArrayList<>();
        List<int[]> rows = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (int g = 0; g < split.groups().size(); g++) {
            if (split.size(g) == 0) {
                empty.add(split.groups().get(g));
            } else {
                groups.add(split.groups().get(g));
                rows.add(split.rows(g));
            }
        }
        if (groups.size() < 2) {
            throw new PanelKitException("the split gives " + groups.size() + " non-empty group"
                    + (groups.size() == 1 ? " ('" + groups.get(0) + "')" : "s") + "; comparing needs at least two");
        }
        int m = groups.size();
        List<FixedEffectsResult> fits = new ArrayList<>();
        for (int g = 0; g < m; g++) {
            monitor.checkCanceled();
            monitor.progress(0.6 * g / m, "fitting group " + groups.get(g));
            try {
                fits.add(FixedEffectsRegression.fit(new RowSelection(data, rows.get(g)), spec));
            } catch (PanelKitException e) {
                throw new PanelKitException("group '" + groups.get(g) + "': " + e.getMessage());
            }
        }
        List<String> terms = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        for (String x : spec.x()) {
            boolean everywhere = true;
            for (FixedEffectsResult f : fits) {
                everywhere &= index(f, x) >= 0;
            }
            (everywhere ? terms : notCompared).add(x);
        }
        if (terms.isEmpty()) {
            throw new PanelKitException("no regressor is estimated in every group: " + notCompared);
        }
        monitor.progress(0.6, "fitting the fully interacted pooled model");
        List<String> clusterCols = clusterColumns(spec);
        FixedEffectsResult pooled = pooledFit(data, spec, groups, rows, clusterCols);
        monitor.checkCanceled();
        int q = terms.size();
        int p = q * m;
        double[] b = new double[p];
        double[][] vp = new double[p][p];
        int[] idx = new int[p];
        for (int t = 0; t < q; t++) {
            for (int g = 0; g < m; g++) {
                int i = index(pooled, interaction(terms.get(t), groups.get(g)));
                if (i < 0) {
                    throw new PanelKitException("'" + terms.get(t) + "' in group '" + groups.get(g)
                            + "' cannot be estimated in the pooled model");
                }
                idx[t * m + g] = i;
                b[t * m + g] = pooled.coefficients().get(i).estimate();
            }
        }
        double[][] pv = pooled.slopeVcov();
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                vp[r][c] = pv[idx[r]][idx[c]];
            }
        }
        double df = pooled.coefficients().get(idx[0]).df();
        Comparison pooledCmp = compare("pooled", "fully interacted pooled model, " + pooled.variance().description(),
                terms, groups, b, vp, df);
        monitor.progress(0.8, "stacking the scores of the separate fits");
        Comparison suest = suest(data, spec, terms, groups, rows, fits, clusterCols);
        monitor.progress(1, "done");
        return new ComparisonResult(groups, empty, split.unassignedRows(), terms, notCompared, fits, pooled, pooledCmp,
                suest);
    }

    static String interaction(String x, String group) {
        return x + " [" + group + "]";
    }

    private static int index(FixedEffectsResult f, String term) {
        List<Coefficient> cs = f.coefficients();
        for (int i = 0; i < cs.size(); i++) {
            if (cs.get(i).term().equals(term)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The model's cluster columns (the user's, or the entity for one-way clustered estimators, entity and time
     * for two-way); empty for iid, hc0, hc1 and dk.
     */
    private static List<String> clusterColumns(ModelSpec spec) {
        if (!spec.vcov().isClustered()) {
            return List.of();
        }
        if (!spec.cluster().isEmpty()) {
            return spec.cluster();
        }
        if (spec.entity() == null) {
            throw new PanelKitException("clustered standard errors need an entity column or a cluster column");
        }
        if (spec.vcov() == VcovType.TWOWAY) {
            if (spec.time() == null) {
                throw new PanelKitException("two-way clustered standard errors need a time column or two cluster columns");
            }
            return List.of(spec.entity(), spec.time());
        }
        return List.of(spec.entity());
    }

    /** The fully interacted model on the pooled rows of every group. */
    private static FixedEffectsResult pooledFit(ColumnSource data, ModelSpec spec, List<String> groups,
            List<int[]> rows, List<String> clusterCols) {
        int m = groups.size();
        int n = 0;
        for (int[] r : rows) {
            n += r.length;
        }
        int[] all = new int[n];
        int[] group = new int[n];
        int pos = 0;
        for (int g = 0; g < m; g++) {
            for (int r : rows.get(g)) {
                all[pos] = r;
                group[pos++] = g;
            }
        }
        RowSelection sub = new RowSelection(data, all);
        Columns pooled = new Columns(n);
        String y = spec.y();
        pooled.addNumeric(y, sub.numeric(spec.y()));
        List<String> xs = new ArrayList<>();
        for (String x : spec.x()) {
            double[] v = sub.numeric(x);
            for (int g = 0; g < m; g++) {
                double[] col = new double[n];
                for (int i = 0; i < n; i++) {
                    col[i] = group[i] == g ? v[i] : (Double.isNaN(v[i]) ? Double.NaN : 0.0);
                }
                String name = interaction(x, groups.get(g));
                pooled.addNumeric(name, col);
                xs.add(name);
            }
        }
        if (spec.weights() != null) {
            pooled.addNumeric(spec.weights(), sub.numeric(spec.weights()));
        }
        ModelSpec.Builder ps = ModelSpec.builder(y, xs).constant(spec.constant()).vcov(spec.vcov())
                .convention(spec.convention()).level(spec.level()).dropSingletons(spec.dropSingletons())
                .weights(spec.weights()).dkLag(spec.dkLag());
        if (spec.effects() == Effects.TERMS) {
            groupSpecificTerms(spec, sub, pooled, group, groups, ps);
        } else {
            groupSpecificShorthand(spec, sub, pooled, group, groups, ps);
        }
        List<String> cl = new ArrayList<>();
        for (String c : clusterCols) {
            addKeyOnce(pooled, c, sub);
            cl.add(c);
        }
        return FixedEffectsRegression.fit(pooled, ps.cluster(cl).build());
    }

    /**
     * The shorthands' group-specific effects: entity effects per (group, entity), period effects per (group,
     * period), and for pooled OLS with a constant one intercept per group.
     */
    private static void groupSpecificShorthand(ModelSpec spec, RowSelection sub, Columns pooled, int[] group,
            List<String> groups, ModelSpec.Builder ps) {
        String entity = null;
        String time = null;
        Effects fx = spec.effects();
        if (spec.entity() != null) {
            entity = "entity by group";
            pooled.addKey(entity, byGroup(entity, sub.key(spec.entity()), group, groups));
        }
        if (spec.time() != null) {
            time = "time by group";
            pooled.addKey(time, byGroup(time, sub.key(spec.time()), group, groups));
        }
        if (fx == Effects.NONE && spec.constant()) {
            // group-specific intercepts: one-way effects of the group
            fx = Effects.ENTITY;
            entity = "group";
            time = null;
            pooled.addKey(entity, KeyColumn.ofCodes(entity, group, groups.toArray(new String[0])));
        }
        ps.entity(entity).time(time).effects(fx);
    }

    /**
     * A list of terms: each term interacted with the group ({@code firm^group}, {@code industry^year^group}), as
     * reghdfe's {@code absorb(firm#period industry#year#period)} writes the fully interacted model. The entity and
     * time columns, when given, keep their own codes: only the Driscoll-Kraay estimator and the duplicate-key
     * check use them, and the groups' rows are disjoint parts of one panel.
     */
    private static void groupSpecificTerms(ModelSpec spec, RowSelection sub, Columns pooled, int[] group,
            List<String> groups, ModelSpec.Builder ps) {
        String groupColumn = "group";
        for (int i = 2; sub.has(groupColumn) || pooled.has(groupColumn); i++) {
            groupColumn = "group" + i;
        }
        pooled.addKey(groupColumn, KeyColumn.ofCodes(groupColumn, group, groups.toArray(new String[0])));
        List<FixedEffectTerm> terms = new ArrayList<>();
        for (FixedEffectTerm t : spec.absorb()) {
            List<String> cols = new ArrayList<>(t.columns());
            for (String c : cols) {
                addKeyOnce(pooled, c, sub);
            }
            cols.add(groupColumn);
            terms.add(FixedEffectTerm.of(cols));
        }
        for (String k : new String[] {spec.entity(), spec.time()}) {
            if (k != null) {
                addKeyOnce(pooled, k, sub);
            }
        }
        ps.entity(spec.entity()).time(spec.time()).absorb(terms);
    }

    private static void addKeyOnce(Columns pooled, String name, RowSelection sub) {
        if (!pooled.has(name)) {
            pooled.addKey(name, sub.key(name));
        }
    }

    /** The key (group, value) with levels "group|value". */
    private static KeyColumn byGroup(String name, KeyColumn key, int[] group, List<String> groups) {
        int levels = key.levelCount();
        int m = groups.size();
        String[] names = new String[levels * m];
        for (int g = 0; g < m; g++) {
            for (int l = 0; l < levels; l++) {
                names[g * levels + l] = groups.get(g) + "|" + key.level(l);
            }
        }
        int[] codes = new int[group.length];
        for (int i = 0; i < codes.length; i++) {
            int c = key.code(i);
            codes[i] = c < 0 ? -1 : group[i] * levels + c;
        }
        return KeyColumn.ofCodes(name, codes, names);
    }

    /** Stacked influence functions of the separate fits, clustered by the model's cluster column. */
    private static Comparison suest(ColumnSource data, ModelSpec spec, List<String> terms, List<String> groups,
            List<int[]> rows, List<FixedEffectsResult> fits, List<String> clusterCols) {
        int m = groups.size();
        int q = terms.size();
        int p = q * m;
        boolean dk = spec.vcov() == VcovType.DRISCOLL_KRAAY;
        if (dk && spec.time() == null) {
            throw new PanelKitException("Driscoll-Kraay standard errors need a time column");
        }
        // the stacked scores are summed by the (first) cluster column; under Driscoll-Kraay by period, then
        // Bartlett-weighted across periods; under iid/hc0/hc1 by observation (heteroskedasticity-robust)
        KeyColumn cluster = dk ? data.key(spec.time()) : clusterCols.isEmpty() ? null : data.key(clusterCols.get(0));
        Map<Integer, double[]> sums = new HashMap<>();
        double[] b = new double[p];
        for (int g = 0; g < m; g++) {
            FixedEffectsResult f = fits.get(g);
            WithinDesign d = WithinDesign.of(f);
            int k = d.k();
            double[][] x = new double[k][];
            for (int j = 0; j < k; j++) {
                x[j] = d.x(j);
            }
            double[][] a = inverse(x);
            double[] e = d.residuals();
            int[] pos = new int[q];
            for (int t = 0; t < q; t++) {
                pos[t] = d.names().indexOf(terms.get(t));
                b[t * m + g] = f.coefficients().get(pos[t]).estimate();
            }
            int[] groupRows = rows.get(g);
            double[] xe = new double[k];
            for (int i = 0; i < d.n(); i++) {
                int row = groupRows[f.sampleRow(i)];
                int c = cluster == null ? row : cluster.code(row);
                double[] u = sums.computeIfAbsent(c, key -> new double[p]);
                for (int j = 0; j < k; j++) {
                    xe[j] = x[j][i] * e[i];
                }
                for (int t = 0; t < q; t++) {
                    double[] ar = a[pos[t]];
                    double s = 0;
                    for (int j = 0; j < k; j++) {
                        s += ar[j] * xe[j];
                    }
                    u[t * m + g] += s;
                }
            }
        }
        int gc = sums.size();
        if (gc < 2) {
            throw new PanelKitException("the stacked comparison needs at least two " + (dk ? "periods" : "clusters")
                    + "; the samples have " + gc);
        }
        if (dk) {
            int lag = spec.dkLag() >= 0 ? spec.dkLag() : Meat.plmDefaultLag(maxPeriodsPerEntity(data, spec, rows));
            double[][] v = driscollKraay(cluster, sums, p, lag);
            return compare("suest", "seemingly unrelated (stacked scores of the separate fits), Driscoll-Kraay: summed by "
                    + spec.time() + " (" + gc + " periods), Bartlett kernel with lag " + lag + ", normal reference",
                    terms, groups, b, v, Double.POSITIVE_INFINITY);
        }
        double factor = (double) gc / (gc - 1);
        double[][] v = new double[p][p];
        for (double[] u : sums.values()) {
            for (int r = 0; r < p; r++) {
                if (u[r] == 0) {
                    continue;
                }
                for (int c = 0; c < p; c++) {
                    v[r][c] += factor * u[r] * u[c];
                }
            }
        }
        String by = cluster == null ? "observation (heteroskedasticity-robust)" : clusterCols.get(0)
                + (clusterCols.size() > 1 ? " (one-way: the stacked scores are not clustered two ways)" : "");
        return compare("suest", "seemingly unrelated (stacked scores of the separate fits), clustered by " + by + " ("
                + gc + " clusters, factor G/(G-1)), normal reference", terms, groups, b, v, Double.POSITIVE_INFINITY);
    }

    /** Driscoll-Kraay meat of the per-period sums (keys: codes of {@code time}), periods in time order. */
    private static double[][] driscollKraay(KeyColumn time, Map<Integer, double[]> sums, int p, int lag) {
        List<Integer> codes = new ArrayList<>(sums.keySet());
        codes.sort((x, y) -> time.isNumeric() ? Double.compare(time.numericLevel(x), time.numericLevel(y))
                : time.level(x).compareTo(time.level(y)));
        int periods = codes.size();
        double[][] v = new double[p][p];
        for (int j = 0; j <= Math.min(lag, periods - 1); j++) {
            double weight = j == 0 ? 1.0 : 1.0 - j / (lag + 1.0);
            for (int t = j; t < periods; t++) {
                double[] ht = sums.get(codes.get(t));
                double[] hl = sums.get(codes.get(t - j));
                for (int a = 0; a < p; a++) {
                    for (int c = 0; c < p; c++) {
                        v[a][c] += j == 0 ? ht[a] * ht[c] : weight * (ht[a] * hl[c] + hl[a] * ht[c]);
                    }
                }
            }
        }
        return v;
    }

    /**
     * The largest number of distinct periods of one entity in the compared rows (plm's DK lag rule); without an
     * entity column the number of distinct periods, as {@code panelkit fe} takes it.
     */
    private static int maxPeriodsPerEntity(ColumnSource data, ModelSpec spec, List<int[]> rows) {
        KeyColumn t = data.key(spec.time());
        if (spec.entity() == null) {
            java.util.Set<Integer> periods = new java.util.HashSet<>();
            for (int[] r : rows) {
                for (int i : r) {
                    if (t.code(i) >= 0) {
                        periods.add(t.code(i));
                    }
                }
            }
            return Math.max(1, periods.size());
        }
        KeyColumn e = data.key(spec.entity());
        Map<Integer, java.util.Set<Integer>> seen = new HashMap<>();
        for (int[] r : rows) {
            for (int i : r) {
                if (e.code(i) >= 0 && t.code(i) >= 0) {
                    seen.computeIfAbsent(e.code(i), x -> new java.util.HashSet<>()).add(t.code(i));
                }
            }
        }
        int max = 1;
        for (java.util.Set<Integer> s : seen.values()) {
            max = Math.max(max, s.size());
        }
        return max;
    }

    /** (X'X)^-1 of the columns. */
    private static double[][] inverse(double[][] x) {
        int k = x.length;
        DMatrixRMaj g = new DMatrixRMaj(k, k);
        for (int r = 0; r < k; r++) {
            for (int c = r; c < k; c++) {
                double s = 0;
                for (int i = 0; i < x[r].length; i++) {
                    s += x[r][i] * x[c][i];
                }
                g.set(r, c, s);
                g.set(c, r, s);
            }
        }
        DMatrixRMaj inv = new DMatrixRMaj(k, k);
        if (!CommonOps_DDRM.invertSPD(g, inv)) {
            throw new PanelKitException("the regressors of a group are collinear after removing the fixed effects");
        }
        double[][] out = new double[k][k];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                out[r][c] = inv.get(r, c);
            }
        }
        return out;
    }

    /** Differences against group 0 and the Wald tests, from coefficients b and covariance v (term-major). */
    private static Comparison compare(String method, String description, List<String> terms, List<String> groups,
            double[] b, double[][] v, double df) {
        int m = groups.size();
        int q = terms.size();
        List<CoefficientDifference> diffs = new ArrayList<>();
        Map<String, FTest> termTests = new HashMap<>();
        int[] allRows = new int[q * (m - 1)];
        int a = 0;
        for (int t = 0; t < q; t++) {
            int base = t * m;
            int[] rowsOfTerm = new int[m - 1];
            for (int g = 1; g < m; g++) {
                int i = base + g;
                double d = b[i] - b[base];
                double var = v[i][i] + v[base][base] - 2 * v[i][base];
                double se = Math.sqrt(Math.max(var, 0));
                double stat = d / se;
                diffs.add(new CoefficientDifference(terms.get(t), groups.get(g), groups.get(0), d, se, stat,
                        Distributions.twoSidedT(stat, df), df));
                rowsOfTerm[g - 1] = i;
                allRows[a++] = i;
            }
            termTests.put(terms.get(t), wald(b, v, rowsOfTerm, m, df));
        }
        return new Comparison(method, description, diffs, termTests, wald(b, v, allRows, m, df), b, v);
    }

    /** Wald test that b_i = b_base(i) for every i in {@code rows} (base = first group of the same term). */
    static FTest wald(double[] b, double[][] v, int[] rows, int m, double df) {
        int r = rows.length;
        double[] d = new double[r];
        double[][] vd = new double[r][r];
        for (int x = 0; x < r; x++) {
            int i = rows[x];
            int bi = i - i % m;
            d[x] = b[i] - b[bi];
            for (int y = 0; y < r; y++) {
                int j = rows[y];
                int bj = j - j % m;
                vd[x][y] = v[i][j] - v[i][bj] - v[bi][j] + v[bi][bj];
            }
        }
        double[][] inv = SymmetricEigen.of(vd).pseudoInverse(1e-12);
        double w = 0;
        for (int x = 0; x < r; x++) {
            for (int y = 0; y < r; y++) {
                w += d[x] * inv[x][y] * d[y];
            }
        }
        double f = w / r;
        return new FTest(f, r, df, Distributions.upperF(f, r, df));
    }
}
