package org.panelkit.cli;

import static org.panelkit.cli.ModelJson.coefficient;
import static org.panelkit.cli.ModelJson.num;
import static org.panelkit.cli.ModelJson.strings;
import static org.panelkit.cli.ModelJson.test;

import java.util.List;

import org.panelkit.engine.bootstrap.WildBootstrapResult;
import org.panelkit.engine.compare.CoefficientDifference;
import org.panelkit.engine.compare.Comparison;
import org.panelkit.engine.compare.ComparisonResult;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.mediation.MediationResult;
import org.panelkit.engine.mediation.MediatorResult;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * JSON of the inference commands: {@code fe --vcov wild} ({@code wild_bootstrap}), {@code compare} and
 * {@code mediation}. Numbers that do not exist (NaN) and infinite interval ends are null.
 */
final class InferenceJson {
    private InferenceJson() {
    }

    /**
     * The {@code wild_bootstrap} object: the first tested term's fields at the top level (term, reps, weights, seed,
     * p_value, conf_low, conf_high, t_stat, clusters, ...) and every tested term in {@code terms}.
     */
    static JsonObject wildBootstrap(List<WildBootstrapResult> results) {
        WildBootstrapResult first = results.get(0);
        JsonObject o = wildTerm(first);
        o.addProperty("method", "wild cluster restricted bootstrap-t (null imposed); symmetric p = share of |t*| > |t|;"
                + " interval by test inversion");
        o.addProperty("reps", first.reps());
        o.addProperty("requested_reps", first.requestedReps());
        o.addProperty("enumerated", first.enumerated());
        o.addProperty("weights", first.weights().key());
        o.addProperty("seed", first.seed());
        o.addProperty("rng", "java.util.SplittableRandom");
        o.addProperty("clusters", first.clusters());
        o.addProperty("cluster_column", first.clusterColumn());
        o.add("level", num(first.level()));
        JsonArray terms = new JsonArray();
        for (WildBootstrapResult r : results) {
            terms.add(wildTerm(r));
        }
        o.add("terms", terms);
        return o;
    }

    private static JsonObject wildTerm(WildBootstrapResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("term", r.term());
        o.add("estimate", num(r.estimate()));
        o.add("std_error", num(r.stdError()));
        o.add("null", num(r.nullValue()));
        o.add("t_stat", num(r.tStat()));
        o.add("p_value", num(r.pValue()));
        o.add("conf_low", num(r.confLow()));
        o.add("conf_high", num(r.confHigh()));
        return o;
    }

    static JsonObject comparison(ComparisonResult r, String split) {
        JsonObject o = new JsonObject();
        o.addProperty("split", split);
        o.add("groups", strings(r.groups()));
        o.addProperty("base_group", r.groups().get(0));
        o.add("empty_groups", strings(r.emptyGroups()));
        o.addProperty("unassigned_rows", r.unassignedRows());
        o.add("terms", strings(r.terms()));
        o.add("not_compared", strings(r.notCompared()));
        ModelSpec model = r.separateFits().get(0).spec();
        o.addProperty("convention", model.convention().key());
        o.addProperty("fe", model.feKey());
        o.addProperty("weights", model.weights()); // null (JSON null) when unweighted
        JsonArray fits = new JsonArray();
        for (int g = 0; g < r.groups().size(); g++) {
            FixedEffectsResult f = r.separateFits().get(g);
            JsonObject fj = new JsonObject();
            fj.addProperty("group", r.groups().get(g));
            fj.addProperty("n", f.observations());
            fj.addProperty("groups", f.groups());
            JsonArray cl = new JsonArray();
            for (int c : f.variance().clusters()) {
                cl.add(c);
            }
            fj.add("clusters", cl);
            fj.addProperty("vcov", f.variance().description());
            JsonArray coefs = new JsonArray();
            for (Coefficient c : f.coefficients()) {
                coefs.add(coefficient(c));
            }
            fj.add("coefficients", coefs);
            fits.add(fj);
        }
        o.add("separate", fits);
        JsonObject pooled = method(r.pooled());
        pooled.addProperty("n", r.pooledFit().observations());
        pooled.addProperty("fe_rank", r.pooledFit().fixedEffectsRank());
        o.add("pooled", pooled);
        o.add("suest", method(r.suest()));
        return o;
    }

    private static JsonObject method(Comparison c) {
        JsonObject o = new JsonObject();
        o.addProperty("method", c.method());
        o.addProperty("description", c.description());
        JsonArray diffs = new JsonArray();
        for (CoefficientDifference d : c.differences()) {
            JsonObject dj = new JsonObject();
            dj.addProperty("term", d.term());
            dj.addProperty("group", d.group());
            dj.addProperty("base_group", d.baseGroup());
            dj.add("difference", num(d.estimate()));
            dj.add("std_error", num(d.stdError()));
            dj.add("statistic", num(d.statistic()));
            dj.add("p_value", num(d.pValue()));
            dj.add("df", num(d.df()));
            diffs.add(dj);
        }
        o.add("differences", diffs);
        JsonArray terms = new JsonArray();
        for (String term : distinctTerms(c)) {
            JsonObject tj = test(c.termTest(term));
            tj.addProperty("term", term);
            terms.add(tj);
        }
        o.add("term_tests", terms);
        o.add("joint_test", test(c.joint()));
        return o;
    }

    private static List<String> distinctTerms(Comparison c) {
        return c.differences().stream().map(CoefficientDifference::term).distinct().toList();
    }

    static JsonObject mediation(MediationResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("y", r.spec().y());
        o.addProperty("x", r.spec().x());
        o.add("controls", strings(r.spec().controls()));
        o.addProperty("reps", r.spec().reps());
        o.addProperty("seed", r.spec().seed());
        o.addProperty("rng", "java.util.SplittableRandom");
        o.add("level", num(r.spec().model().level()));
        o.addProperty("convention", r.spec().model().convention().key());
        o.addProperty("fe", r.spec().model().feKey());
        o.addProperty("weights", r.spec().model().weights()); // null (left out) when unweighted
        JsonArray meds = new JsonArray();
        for (MediatorResult m : r.mediators()) {
            JsonObject mj = new JsonObject();
            mj.addProperty("mediator", m.mediator());
            mj.addProperty("n", m.observations());
            mj.addProperty("clusters", m.clusters());
            mj.add("total_c", coefficient(m.total()));
            mj.add("a", coefficient(m.a()));
            mj.add("b", coefficient(m.b()));
            mj.add("direct_c_prime", coefficient(m.direct()));
            mj.add("indirect_ab", num(m.indirect()));
            JsonObject sobel = new JsonObject();
            sobel.add("std_error", num(m.sobelSe()));
            sobel.add("z", num(m.sobelZ()));
            sobel.add("p_value", num(m.sobelP()));
            mj.add("sobel", sobel);
            mj.add("proportion_mediated", num(m.proportion()));
            mj.add("identity_gap", num(m.identityGap()));
            if (m.reps() > 0) {
                JsonObject b = new JsonObject();
                b.addProperty("reps", m.reps());
                b.addProperty("failed_reps", m.failedReps());
                b.add("std_error", num(m.bootstrapSe()));
                b.add("percentile", pair(m.percentile()));
                b.add("bias_corrected", pair(m.biasCorrected()));
                b.add("z0", num(m.z0()));
                b.add("proportion_percentile", pair(m.proportionPercentile()));
                mj.add("bootstrap", b);
            }
            meds.add(mj);
        }
        o.add("mediators", meds);
        return o;
    }

    private static JsonArray pair(double[] v) {
        JsonArray a = new JsonArray();
        a.add(num(v[0]));
        a.add(num(v[1]));
        return a;
    }
}
