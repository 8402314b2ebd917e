package org.panelkit.engine.fe;

import java.util.Arrays;
import java.util.List;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.vcov.BellMcCaffreyVariance;
import org.panelkit.engine.vcov.Convention;
import org.panelkit.engine.vcov.Matrices;
import org.panelkit.engine.vcov.Meat;
import org.panelkit.engine.vcov.Scores;
import org.panelkit.engine.vcov.VarianceEstimate;
import org.panelkit.engine.vcov.VcovType;

/**
 * Chooses and computes the variance estimator of a fitted model under a convention. Notation: N observations,
 * k slopes (k' = k + 1 for pooled OLS with a constant: plm counts the intercept there), K_fe the rank of the
 * fixed effects, G clusters. Small-sample factors (testdata/oracle/README.md, section Conventions):
 * <ul>
 * <li>HC1: N/(N-k-K_fe) (xtreg, areg) or N/(N-k') (plm)</li>
 * <li>CR1: G/(G-1) (N-1)/(N-K), K = k + rank of [1, dummies of the terms not nested in the clusters]
 * (xtreg, reghdfe), K = k' (plm), K = k + K_fe (areg)</li>
 * <li>two-way clusters: (N-1)/(N-K) B (G1/(G1-1) M1 + G2/(G2-1) M2 - G12/(G12-1) M12) B, K = k + K_fe
 * (xtreg/areg: sandwich::vcovCL on the dummy regression) or k' (plm vcovDC)</li>
 * <li>Driscoll-Kraay: none (xtreg/areg: plm vcovSCC) or T/(T-1) (N-1)/(N-k') (plm "sss")</li>
 * <li>fixest (fixest::ssc() defaults): (N-1)/(N-K_f) (HC1: N/(N-K_f), the cluster factor with one row per
 * cluster), K_f = k + sum over terms of their
 * levels - (terms - 1), a term nested in a cluster column counting 1 (k + 1 for pooled OLS with a constant);
 * times G/(G-1) when clustered, G_min/(G_min-1) on V1 + V2 - V12 for two-way clustering; t df min(G)-1
 * when clustered, N-K_f otherwise</li>
 * <li>two-way clusters under xtreg: reghdfe's G_min/(G_min-1) (N-1)/(N-K) on V1 + V2 - V12, K without the terms
 * nested in either cluster; under sandwich and areg: sandwich::vcovCL's factor per component (above)</li>
 * </ul>
 * With analytic weights every estimator runs on the transformed data sqrt(w) X~, sqrt(w) e; N stays the number of
 * observations (Stata's aweights are normalised to sum to N, which leaves all of these unchanged).
 */
final class VarianceFactory {
    private final ModelSpec spec;
    private final EstimationSample sample;
    private final FixedEffectsProjector projector;
    private final Scores scores;
    private final int k;
    private final double[][] xBread;
    private final int n;
    private final int kFe;
    private final int kPlm;
    private final int dfResid;
    private final double[][] contrasts;

    /**
     * @param contrasts the reported coefficients as rows of linear combinations of the score-design
     *        coefficients (identity, or with the constant's row -xbar', 1); CR2 computes their df
     */
    VarianceFactory(ModelSpec spec, EstimationSample sample, FixedEffectsProjector projector, Scores scores, int k,
            double[][] xBread, double[][] contrasts) {
        this.contrasts = contrasts;
        this.spec = spec;
        this.sample = sample;
        this.projector = projector;
        this.scores = scores;
        this.k = k;
        this.xBread = xBread;
        this.n = sample.n;
        this.kFe = projector.rank();
        this.kPlm = k + (sample.fe.isEmpty() && spec.constant() ? 1 : 0);
        this.dfResid = n - k - kFe;
    }

    VarianceEstimate estimate(double ssr) {
        VcovType type = spec.vcov();
        if (type == VcovType.CLUSTER && sample.clusters.size() == 2) {
            type = VcovType.TWOWAY;
        }
        if (type == VcovType.CR0 && sample.clusters.size() == 2) {
            return twoWayCluster(true);
        }
        if ((type == VcovType.CR0 || type == VcovType.CLUSTER || type == VcovType.CR2) && sample.clusters.size() != 1) {
            throw new PanelKitException("--vcov " + type.key() + " takes one cluster column, got "
                    + sample.clusterNames);
        }
        if (type == VcovType.TWOWAY && sample.clusters.size() != 2) {
            throw new PanelKitException("--vcov twoway takes two cluster columns, got " + sample.clusterNames);
        }
        for (int j = 0; j < sample.clusters.size(); j++) {
            if (sample.clusterCounts[j] < 2) {
                throw new PanelKitException("clustering by '" + sample.clusterNames.get(j)
                        + "' needs at least two clusters; the sample has " + sample.clusterCounts[j]);
            }
        }
        switch (type) {
        case IID:
            return iid(ssr);
        case HC0:
        case HC1:
            return heteroskedastic(type);
        case CR0:
        case CLUSTER:
            return oneWayCluster(type);
        case CR2:
            return cr2();
        case TWOWAY:
            return twoWayCluster(false);
        default:
            return driscollKraay();
        }
    }

    private double[] dfAll(double df) {
        double[] out = new double[scores.width()];
        Arrays.fill(out, df);
        return out;
    }

    private VarianceEstimate iid(double ssr) {
        if (spec.convention() == Convention.FIXEST) {
            int kf = fixestK(false);
            return new VarianceEstimate(VcovType.IID, spec.convention(), "iid_fixest",
                    "homoskedastic (iid, fixest: SSR/(N-" + kf + "))", 1.0, kf, null, null,
                    Matrices.scale(scores.bread(), ssr / (n - kf)), dfAll(n - kf), "N-K");
        }
        double s2 = ssr / dfResid;
        return new VarianceEstimate(VcovType.IID, spec.convention(), "iid", "homoskedastic (iid)", 1.0, k + kFe,
                null, null, Matrices.scale(scores.bread(), s2), dfAll(dfResid), "df_resid");
    }

    /**
     * fixest's K: k + sum over terms of their levels - (terms - 1), a term nested in one of the cluster columns
     * counting 1 when {@code clustered}; k + 1 for pooled OLS with a constant, k without one.
     */
    private int fixestK(boolean clustered) {
        int m = sample.fe.size();
        if (m == 0) {
            return kPlm;
        }
        int kk = k - (m - 1);
        for (int j = 0; j < m; j++) {
            kk += clustered && sample.termNestedInClusters(j) ? 1 : sample.feLevels[j];
        }
        return kk;
    }

    private VarianceEstimate heteroskedastic(VcovType type) {
        double[][] v = sandwich(Meat.heteroskedastic(scores));
        if (type == VcovType.HC0) {
            return new VarianceEstimate(type, spec.convention(), "HC0", "heteroskedasticity-robust (HC0)", 1.0, null,
                    null, null, v, dfAll(dfResid), "df_resid");
        }
        if (spec.convention() == Convention.FIXEST) {
            // fixest: adj (N-1)/(N-K) times the "cluster" adjustment of one observation per cluster, N/(N-1)
            int kf = fixestK(false);
            double f = (double) n / (n - kf);
            return new VarianceEstimate(type, spec.convention(), "HC1_fixest",
                    "heteroskedasticity-robust (HC1, fixest factor N/(N-" + kf + "))", f, kf, null, null,
                    Matrices.scale(v, f), dfAll(n - kf), "N-K");
        }
        boolean plm = spec.convention() == Convention.PLM;
        int kUsed = plm ? kPlm : k + kFe;
        double f = (double) n / (n - kUsed);
        return new VarianceEstimate(type, spec.convention(), plm ? "HC1_plm" : "HC1_lsdv",
                "heteroskedasticity-robust (HC1, " + (plm ? "plm" : "Stata") + " factor N/(N-" + kUsed + "))", f,
                kUsed, null, null, Matrices.scale(v, f), dfAll(dfResid), "df_resid");
    }

    private double[][] sandwich(double[][] meat) {
        return scores.sandwich(meat);
    }

    private String dimName(int j) {
        String c = sample.clusterNames.get(j);
        if (c.equals(spec.entity())) {
            return "entity";
        }
        if (c.equals(spec.time())) {
            return "time";
        }
        return c;
    }

    /**
     * K for the xtreg/reghdfe rule: k + the rank of [1, dummies of the terms nested in none of the clusters]
     * (reghdfe's ReghdfeVCE: the fixed effects nested in the clusters are left out, the others counted by their
     * rank; Stata's xtreg: K = k + 1 for entity effects with entity clusters).
     */
    private int xtregK() {
        List<int[]> others = new java.util.ArrayList<>();
        List<Integer> levels = new java.util.ArrayList<>();
        for (int j = 0; j < sample.fe.size(); j++) {
            if (!sample.termNestedInClusters(j)) {
                others.add(sample.fe.get(j));
                levels.add(sample.feLevels[j]);
            }
        }
        if (sample.fe.isEmpty()) {
            return kPlm;
        }
        if (others.size() == sample.fe.size()) {
            return k + kFe;
        }
        return k + (others.isEmpty() ? 1
                : FixedEffectsProjector.rank(others, levels.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** True when every level of {@code dim} lies within one cluster. */
    static boolean nested(int[] dim, int levels, int[] cluster) {
        return TermStructure.isFunctionOf(cluster, dim, levels);
    }

    private VarianceEstimate oneWayCluster(VcovType type) {
        int[] codes = sample.clusters.get(0);
        int g = sample.clusterCounts[0];
        double[][] v = sandwich(Meat.clustered(scores, codes, g));
        String dim = dimName(0);
        Convention conv = spec.convention();
        boolean plm = conv == Convention.PLM;
        double df = plm ? dfResid : g - 1;
        String dfRule = plm ? "df_resid" : "G-1";
        if (type == VcovType.CR0) {
            return new VarianceEstimate(type, conv, "CL_" + dim + "_CR0",
                    "cluster-robust by " + sample.clusterNames.get(0) + " (CR0, no small-sample factor)", 1.0, null,
                    new int[] {g}, null, v, dfAll(df), dfRule);
        }
        int kUsed;
        String suffix;
        String who;
        switch (conv) {
        case FIXEST:
            kUsed = fixestK(true);
            suffix = "CR1_fixest";
            who = "fixest";
            break;
        case PLM:
            kUsed = kPlm;
            suffix = "CR1_plm_sss";
            who = "plm sss";
            break;
        case AREG:
        case SANDWICH:
            kUsed = k + kFe;
            suffix = "CR1_lsdv";
            who = conv == Convention.AREG ? "Stata areg" : "sandwich vcovCL HC1";
            break;
        default:
            kUsed = xtregK();
            suffix = "CR1_stata_xtreg";
            who = "Stata xtreg";
        }
        double f = (double) g / (g - 1) * (n - 1.0) / (n - kUsed);
        return new VarianceEstimate(type, conv, "CL_" + dim + "_" + suffix,
                "cluster-robust by " + sample.clusterNames.get(0) + " (CR1, " + who + " factor G/(G-1)(N-1)/(N-"
                        + kUsed + "))", f, kUsed, new int[] {g}, null, Matrices.scale(v, f), dfAll(df), dfRule);
    }

    private VarianceEstimate twoWayCluster(boolean cr0) {
        int[] c1 = sample.clusters.get(0);
        int[] c2 = sample.clusters.get(1);
        int g1 = sample.clusterCounts[0];
        int g2 = sample.clusterCounts[1];
        int[] both = new int[n];
        int g12 = intersect(c1, c2, g2, both);
        double[][] m1 = Meat.clustered(scores, c1, g1);
        double[][] m2 = Meat.clustered(scores, c2, g2);
        double[][] m12 = Meat.clustered(scores, both, g12);
        Convention conv = spec.convention();
        boolean plm = conv == Convention.PLM;
        double df = plm ? dfResid : Math.min(g1, g2) - 1;
        String dfRule = plm ? "df_resid" : "min(G)-1";
        String by = sample.clusterNames.get(0) + " and " + sample.clusterNames.get(1);
        if (cr0) {
            double[][] v = sandwich(Matrices.addScaled(Matrices.addScaled(m1, 1, m2), -1, m12));
            return new VarianceEstimate(VcovType.CR0, conv, "CL_twoway_CR0",
                    "two-way cluster-robust by " + by + " (CR0, no small-sample factor)", 1.0, null,
                    new int[] {g1, g2}, null, v, dfAll(df), dfRule);
        }
        if (conv == Convention.XTREG || conv == Convention.FIXEST) {
            // reghdfe and fixest: one factor G_min/(G_min-1) (N-1)/(N-K) on V1 + V2 - V12
            int kUsed = conv == Convention.XTREG ? xtregK() : fixestK(true);
            int gMin = Math.min(g1, g2);
            double f = (double) gMin / (gMin - 1) * (n - 1.0) / (n - kUsed);
            double[][] v = sandwich(Matrices.addScaled(Matrices.addScaled(m1, 1, m2), -1, m12));
            String who = conv == Convention.XTREG ? "reghdfe" : "fixest";
            return new VarianceEstimate(VcovType.TWOWAY, conv, "CL_twoway_" + who,
                    "two-way cluster-robust by " + by + " (Cameron-Gelbach-Miller, " + who
                            + " factor G_min/(G_min-1)(N-1)/(N-" + kUsed + "))",
                    f, kUsed, new int[] {g1, g2}, null, Matrices.scale(v, f), dfAll(df), dfRule);
        }
        int kUsed = plm ? kPlm : k + kFe;
        double outer = (n - 1.0) / (n - kUsed);
        double[][] meat = Matrices.scale(m1, (double) g1 / (g1 - 1));
        meat = Matrices.addScaled(meat, (double) g2 / (g2 - 1), m2);
        meat = Matrices.addScaled(meat, -(double) g12 / (g12 - 1), m12);
        double[][] v = Matrices.scale(sandwich(meat), outer);
        String name = plm ? "CL_twoway_plm_sss" : "CL_twoway_sandwich_HC1";
        return new VarianceEstimate(VcovType.TWOWAY, conv, name,
                "two-way cluster-robust by " + by + " (Cameron-Gelbach-Miller, " + (plm ? "plm" : "sandwich")
                        + " factors G/(G-1) per dimension and (N-1)/(N-" + kUsed + "))",
                null, kUsed, new int[] {g1, g2}, null, v, dfAll(df), dfRule);
    }

    /** Codes of the intersection clusters; returns their number. */
    private static int intersect(int[] c1, int[] c2, int g2, int[] out) {
        long[] keys = new long[c1.length];
        for (int i = 0; i < c1.length; i++) {
            keys[i] = (long) c1[i] * g2 + c2[i];
        }
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        int m = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[m++] = sorted[i];
            }
        }
        long[] uniq = Arrays.copyOf(sorted, m);
        for (int i = 0; i < c1.length; i++) {
            out[i] = Arrays.binarySearch(uniq, keys[i]);
        }
        return m;
    }

    private VarianceEstimate driscollKraay() {
        int periods = sample.periods;
        if (periods < 2) {
            throw new PanelKitException("Driscoll-Kraay standard errors need at least two periods");
        }
        if (spec.convention() == Convention.FIXEST) {
            throw new PanelKitException("Driscoll-Kraay standard errors are available under the xtreg, areg, "
                    + "sandwich and plm conventions, not fixest");
        }
        int lag = spec.dkLag() >= 0 ? spec.dkLag() : Meat.plmDefaultLag(maxPeriodsPerEntity());
        double[][] v = sandwich(Meat.driscollKraay(scores, sample.time, periods, lag));
        Convention conv = spec.convention();
        if (conv == Convention.PLM) {
            double f = (double) periods / (periods - 1) * (n - 1.0) / (n - kPlm);
            return new VarianceEstimate(VcovType.DRISCOLL_KRAAY, conv, "DK_plm_sss",
                    "Driscoll-Kraay (Bartlett, lag " + lag + ", plm sss factor)", f, kPlm, new int[] {periods}, lag,
                    Matrices.scale(v, f), dfAll(dfResid), "df_resid");
        }
        return new VarianceEstimate(VcovType.DRISCOLL_KRAAY, conv, "DK_plm",
                "Driscoll-Kraay (Bartlett, lag " + lag + ", no small-sample factor)", 1.0, null,
                new int[] {periods}, lag, v, dfAll(periods - 1), "T-1");
    }

    private int maxPeriodsPerEntity() {
        if (sample.entity == null) {
            return sample.periods;
        }
        int[] c = new int[sample.groups];
        int max = 0;
        for (int e : sample.entity) {
            max = Math.max(max, ++c[e]);
        }
        return max;
    }

    private VarianceEstimate cr2() {
        int[] codes = sample.clusters.get(0);
        int g = sample.clusterCounts[0];
        BellMcCaffreyVariance bm = BellMcCaffreyVariance.estimate(scores, k, xBread, codes, g,
                NonNestedEffects.of(sample, projector, codes), contrasts);
        return new VarianceEstimate(VcovType.CR2, spec.convention(), "CL_" + dimName(0) + "_CR2",
                "cluster-robust by " + sample.clusterNames.get(0) + " (CR2 Bell-McCaffrey, Satterthwaite df)", null,
                null, new int[] {g}, null, bm.matrix(), bm.satterthwaite(), "Satterthwaite");
    }
}
