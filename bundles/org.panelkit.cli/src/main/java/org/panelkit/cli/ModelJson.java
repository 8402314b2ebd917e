package org.panelkit.cli;

import java.util.List;

import org.panelkit.engine.fe.AbsorbedTerm;
import org.panelkit.engine.fe.Absorption;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.Dropped;
import org.panelkit.engine.fe.FTest;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.vcov.VarianceEstimate;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The JSON document of {@code panelkit fe --format json}. Field names are a contract (issue 2): n,
 * n_dropped_missing, groups, periods, df_resid, clusters, df_inference, coefficients, constant,
 * dropped_collinear, singletons_dropped, r2_within, r2_within_entity, r2_lsdv, f_test, wald_test, vcov, timing.
 * Issue 12 added (only added): model.fe as the shorthand key or the list of terms ({@code firm,year,industry^year}),
 * model.weights, n_dropped_zero_weight, absorbed (per term: term, levels, redundant, coefficients, exact,
 * nested_in_cluster) and absorption (method, iterations, tolerance, converged).
 * Numbers that do not exist (NaN) are written as null.
 */
public final class ModelJson {
    private ModelJson() {
    }

    public static String render(FixedEffectsResult r, List<String> warnings, double readSeconds, double estimateSeconds) {
        return new GsonBuilder().setPrettyPrinting().create().toJson(toJson(r, warnings, readSeconds, estimateSeconds));
    }

    /** Pretty-printed JSON of a document built with {@link #toJson} and extended by the caller. */
    public static String render(JsonObject o) {
        return new GsonBuilder().setPrettyPrinting().create().toJson(o);
    }

    public static JsonObject toJson(FixedEffectsResult r, List<String> warnings, double readSeconds, double estimateSeconds) {
        ModelSpec spec = r.spec();
        VarianceEstimate v = r.variance();
        JsonObject o = new JsonObject();
        JsonObject model = new JsonObject();
        model.addProperty("y", spec.y());
        model.add("x", strings(spec.x()));
        model.add("entity", str(spec.entity()));
        model.add("time", str(spec.time()));
        model.addProperty("fe", spec.feKey());
        model.add("weights", str(spec.weights()));
        model.addProperty("level", spec.level());
        o.add("model", model);
        o.addProperty("n", r.observations());
        o.addProperty("n_input", r.inputRows());
        o.addProperty("n_dropped_missing", r.droppedMissing());
        o.addProperty("n_dropped_zero_weight", r.zeroWeightsDropped());
        o.addProperty("groups", r.groups());
        o.addProperty("periods", r.periods());
        o.addProperty("fe_rank", r.fixedEffectsRank());
        o.add("absorbed", absorbed(r));
        o.add("absorption", absorption(r.absorption()));
        o.addProperty("df_resid", r.dfResid());
        JsonArray clusters = new JsonArray();
        for (int c : v.clusters()) {
            clusters.add(c);
        }
        o.add("clusters", clusters);
        o.add("df_inference", dfInference(r));
        JsonArray coefs = new JsonArray();
        for (Coefficient c : r.coefficients()) {
            coefs.add(coefficient(c));
        }
        o.add("coefficients", coefs);
        o.add("constant", r.constant() == null ? JsonNull.INSTANCE : coefficient(r.constant()));
        o.add("constant_xtreg_iyear", num(r.constantXtregIyear()));
        JsonArray dropped = new JsonArray();
        JsonArray droppedWhy = new JsonArray();
        for (Dropped d : r.dropped()) {
            dropped.add(d.name());
            JsonObject dj = new JsonObject();
            dj.addProperty("term", d.name());
            dj.addProperty("reason", d.reason().text());
            droppedWhy.add(dj);
        }
        o.add("dropped_collinear", dropped);
        o.add("dropped", droppedWhy);
        o.addProperty("singletons_dropped", r.singletonsDropped());
        o.add("r2_within", num(r.r2Within()));
        o.add("r2_within_entity", num(r.r2WithinEntity()));
        o.add("r2_lsdv", num(r.r2Lsdv()));
        o.add("ssr", num(r.ssr()));
        o.add("sigma", num(r.sigma()));
        o.add("f_test", test(r.fTest()));
        o.add("wald_test", test(r.waldTest()));
        JsonObject vj = new JsonObject();
        vj.addProperty("type", v.type().key());
        vj.addProperty("convention", v.convention().key());
        vj.addProperty("name", v.name());
        vj.addProperty("description", v.description());
        vj.add("small_sample_factor", v.smallSampleFactor() == null ? JsonNull.INSTANCE : num(v.smallSampleFactor()));
        vj.add("k_used", v.kUsed() == null ? JsonNull.INSTANCE : new JsonPrimitive(v.kUsed()));
        vj.add("cluster_columns", strings(r.clusterColumns()));
        vj.add("lag", v.lag() == null ? JsonNull.INSTANCE : new JsonPrimitive(v.lag()));
        vj.addProperty("df_rule", v.dfRule());
        JsonArray matrix = new JsonArray();
        for (double[] row : r.slopeVcov()) {
            JsonArray jr = new JsonArray();
            for (double d : row) {
                jr.add(num(d));
            }
            matrix.add(jr);
        }
        vj.add("matrix", matrix);
        o.add("vcov", vj);
        o.add("warnings", strings(warnings));
        JsonObject timing = new JsonObject();
        timing.add("read_s", num(readSeconds));
        timing.add("estimate_s", num(estimateSeconds));
        o.add("timing", timing);
        return o;
    }

    /** The degrees of freedom of each absorbed term, as reghdfe's "Absorbed degrees of freedom" table. */
    static JsonArray absorbed(FixedEffectsResult r) {
        JsonArray a = new JsonArray();
        for (AbsorbedTerm t : r.absorbed()) {
            JsonObject o = new JsonObject();
            o.addProperty("term", t.term());
            o.addProperty("levels", t.levels());
            o.addProperty("redundant", t.redundant());
            o.addProperty("coefficients", t.coefficients());
            o.addProperty("exact", t.exact());
            o.addProperty("nested_in_cluster", t.nestedInCluster());
            a.add(o);
        }
        return a;
    }

    /** How the fixed effects were partialled out; tolerance null for the exact methods. */
    static JsonObject absorption(Absorption a) {
        JsonObject o = new JsonObject();
        o.addProperty("method", a.method());
        o.addProperty("iterations", a.iterations());
        o.add("tolerance", num(a.tolerance()));
        o.addProperty("converged", a.converged());
        return o;
    }

    /** One number when every coefficient shares the df (null for normal), else an object term -> df. */
    private static JsonElement dfInference(FixedEffectsResult r) {
        double first = r.coefficients().get(0).df();
        boolean same = true;
        for (Coefficient c : r.coefficients()) {
            same &= c.df() == first;
        }
        if (same) {
            return num(first);
        }
        JsonObject o = new JsonObject();
        for (Coefficient c : r.coefficients()) {
            o.add(c.term(), num(c.df()));
        }
        return o;
    }

    static JsonObject coefficient(Coefficient c) {
        JsonObject o = new JsonObject();
        o.addProperty("term", c.term());
        o.add("estimate", num(c.estimate()));
        o.add("std_error", num(c.stdError()));
        o.add("statistic", num(c.statistic()));
        o.add("p_value", num(c.pValue()));
        o.add("conf_low", num(c.confLow()));
        o.add("conf_high", num(c.confHigh()));
        o.add("df", num(c.df()));
        o.addProperty("stars", c.stars());
        return o;
    }

    static JsonObject test(FTest t) {
        JsonObject o = new JsonObject();
        o.add("statistic", num(t.statistic()));
        o.add("df1", num(t.df1()));
        o.add("df2", num(t.df2()));
        o.add("p_value", num(t.pValue()));
        return o;
    }

    static JsonElement num(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return JsonNull.INSTANCE;
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return new JsonPrimitive((long) d);
        }
        return new JsonPrimitive(d);
    }

    private static JsonElement str(String s) {
        return s == null ? JsonNull.INSTANCE : new JsonPrimitive(s);
    }

    static JsonArray strings(List<String> list) {
        JsonArray a = new JsonArray();
        for (String s : list) {
            a.add(s);
        }
        return a;
    }
}
