package org.panelkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code fe --vcov wild}, {@code compare} and {@code mediation} on Produc (testdata/oracle): the JSON contract, the
 * text output, and bad input as one {@code error:} line with exit code 2.
 */
class InferenceCommandsTest {
    private static final String[] MODEL = {"--y", "ln_gsp", "--entity", "state", "--time", "year"};

    private static String data() {
        return FeCommandResultsTest.oracle("data/Produc.csv").toString();
    }

    private static String[] args(String command, String... more) {
        String[] out = new String[3 + MODEL.length + more.length];
        out[0] = command;
        out[1] = "--data";
        out[2] = data();
        System.arraycopy(MODEL, 0, out, 3, MODEL.length);
        System.arraycopy(more, 0, out, 3 + MODEL.length, more.length);
        return out;
    }

    private static JsonObject json(CliRunner r) {
        assertEquals(0, r.code, r.toString());
        return JsonParser.parseString(r.out).getAsJsonObject();
    }

    private static void badInput(CliRunner r, String... fragments) {
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.startsWith("error: "), r.toString());
        for (String f : fragments) {
            assertTrue(r.err.contains(f), "missing '" + f + "' in " + r.err);
        }
    }

    @Test
    void wildBootstrapJsonAndText() {
        JsonObject o = json(CliRunner.run(args("fe", "--x", "ln_pcap,ln_pc,ln_emp,unemp", "--vcov", "wild", "--reps",
                "999", "--weights", "webb", "--seed", "7", "--test", "ln_pc", "--format", "json")));
        JsonObject w = o.getAsJsonObject("wild_bootstrap");
        assertEquals("ln_pc", w.get("term").getAsString());
        assertEquals(999, w.get("reps").getAsInt());
        assertEquals("webb", w.get("weights").getAsString());
        assertEquals(7, w.get("seed").getAsLong());
        assertEquals(48, w.get("clusters").getAsInt());
        double p = w.get("p_value").getAsDouble();
        assertTrue(p > 0 && p < 1);
        assertTrue(w.get("conf_low").getAsDouble() < w.get("conf_high").getAsDouble());
        // the table's standard error is the model's CR1 (xtreg), and t_stat = estimate / std_error
        JsonObject coef = o.getAsJsonArray("coefficients").get(1).getAsJsonObject();
        assertEquals(coef.get("std_error").getAsDouble(), w.get("std_error").getAsDouble(), 0);
        assertEquals(coef.get("statistic").getAsDouble(), w.get("t_stat").getAsDouble(), 1e-12);
        assertEquals("cluster", o.getAsJsonObject("vcov").get("type").getAsString());
        assertEquals(1, w.getAsJsonArray("terms").size());

        CliRunner text = CliRunner.run(args("fe", "--x", "ln_pcap,ln_pc", "--vcov", "wild", "--reps", "199"));
        assertEquals(0, text.code, text.toString());
        assertTrue(text.out.contains("Wild cluster restricted bootstrap-t"), text.out);
        assertTrue(text.out.contains("ln_pcap") && text.out.contains("P*>|t|"), text.out);
    }

    @Test
    void wildOptionsNeedWildAndValidValues() {
        badInput(CliRunner.run(args("fe", "--x", "ln_pc", "--reps", "999")), "--vcov wild");
        badInput(CliRunner.run(args("fe", "--x", "ln_pc", "--vcov", "wild", "--weights", "mammen")), "mammen");
        badInput(CliRunner.run(args("fe", "--x", "ln_pc", "--vcov", "wild", "--reps", "9")), "99");
        badInput(CliRunner.run(args("fe", "--x", "ln_pc", "--vcov", "wild", "--test", "nope")), "'nope'");
    }

    @Test
    void compareJsonHasBothMethods() {
        JsonObject o = json(CliRunner.run(args("compare", "--x", "ln_pcap,ln_emp", "--split", "year:1979",
                "--format", "json")));
        assertEquals("1970-1978", o.get("base_group").getAsString());
        JsonArray groups = o.getAsJsonArray("groups");
        assertEquals(2, groups.size());
        for (String method : new String[] {"pooled", "suest"}) {
            JsonObject m = o.getAsJsonObject(method);
            JsonArray d = m.getAsJsonArray("differences");
            assertEquals(2, d.size());
            JsonObject first = d.get(0).getAsJsonObject();
            assertEquals("ln_pcap", first.get("term").getAsString());
            assertTrue(m.getAsJsonObject("joint_test").get("p_value").getAsDouble() < 0.05);
        }
        // same differences, suest's smaller factor and normal reference
        double dp = o.getAsJsonObject("pooled").getAsJsonArray("differences").get(0).getAsJsonObject()
                .get("difference").getAsDouble();
        double ds = o.getAsJsonObject("suest").getAsJsonArray("differences").get(0).getAsJsonObject()
                .get("difference").getAsDouble();
        assertEquals(dp, ds, 1e-10 * Math.abs(dp));
        CliRunner text = CliRunner.run(args("compare", "--x", "ln_pcap,ln_emp", "--split", "column:region"));
        assertEquals(0, text.code, text.toString());
        assertTrue(text.out.contains("all groups equal: ln_pcap"), text.out);
    }

    @Test
    void compareRejectsBadSplits() {
        badInput(CliRunner.run(args("compare", "--x", "ln_pc", "--split", "decade:3")), "unknown --split");
        badInput(CliRunner.run(args("compare", "--x", "ln_pc", "--split", "year:abc")), "'abc'");
        badInput(CliRunner.run(args("compare", "--x", "ln_pc", "--split", "column:nope")), "'nope'");
        badInput(CliRunner.run(args("compare", "--x", "ln_pc", "--split", "year:1979", "--vcov", "wild")),
                "--vcov wild is for fe");
    }

    /** compare and mediation take every estimator their help advertises (issue 11). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"iid", "hc0", "hc1", "cr0", "cluster", "cr2", "twoway", "dk"})
    void compareAndMediationTakeEveryVcov(String vcov) {
        CliRunner c = CliRunner.run(args("compare", "--x", "ln_pc,ln_emp", "--split", "year:1979", "--vcov", vcov));
        assertEquals(0, c.code, c.toString());
        assertTrue(c.out.contains("(b) SUEST"), c.out);
        CliRunner m = CliRunner.run(args("mediation", "--x", "ln_pc", "--mediators", "ln_emp", "--vcov", vcov,
                "--mediation-reps", "0"));
        assertEquals(0, m.code, m.toString());
        boolean clustered = List.of("cr0", "cluster", "cr2", "twoway").contains(vcov);
        assertEquals(clustered, m.out.contains("clusters = 48"), m.out);
        if (!clustered) {
            assertTrue(m.out.contains("state = 48, resampled by the bootstrap"), m.out);
        }
    }

    @Test
    void mediationJsonAndErrors() {
        JsonObject o = json(CliRunner.run(args("mediation", "--x", "ln_pc", "--mediators", "ln_emp", "--controls",
                "unemp", "--reps", "99", "--seed", "3", "--format", "json")));
        JsonObject m = o.getAsJsonArray("mediators").get(0).getAsJsonObject();
        double c = m.getAsJsonObject("total_c").get("estimate").getAsDouble();
        double cp = m.getAsJsonObject("direct_c_prime").get("estimate").getAsDouble();
        double ab = m.get("indirect_ab").getAsDouble();
        assertEquals(c, cp + ab, 1e-12);
        JsonObject b = m.getAsJsonObject("bootstrap");
        assertEquals(99, b.get("reps").getAsInt());
        assertEquals(2, b.getAsJsonArray("percentile").size());
        assertFalse(m.getAsJsonObject("sobel").get("p_value").isJsonNull());
        badInput(CliRunner.run(args("mediation", "--x", "ln_pc,unemp", "--mediators", "ln_emp")), "one treatment");
        badInput(CliRunner.run(args("mediation", "--x", "ln_pc", "--mediators", "nope", "--reps", "0")), "'nope'");
    }
}
