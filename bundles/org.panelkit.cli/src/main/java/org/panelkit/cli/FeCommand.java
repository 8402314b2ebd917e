package org.panelkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.panelkit.engine.bootstrap.AuxiliaryWeights;
import org.panelkit.engine.bootstrap.WildBootstrapResult;
import org.panelkit.engine.bootstrap.WildBootstrapSpec;
import org.panelkit.engine.bootstrap.WildClusterBootstrap;
import org.panelkit.engine.fe.FixedEffectsRegression;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.vcov.VcovType;

import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code panelkit fe}: a fixed-effects (or pooled) regression on a CSV file. */
@Command(name = "fe", mixinStandardHelpOptions = true,
        customSynopsis = {"panelkit fe --data FILE.csv --y NAME --x A[,B...] [--entity NAME",
                "    --time NAME] [--fe twoway|entity|time|none|TERM[,TERM...]] [OPTIONS]"},
        footer = {"",
            "Examples:",
            "  panelkit fe --data Produc.csv --y ln_gsp --x ln_pcap,ln_pc,ln_emp,unemp \\",
            "      --entity state --time year",
            "  panelkit fe --data @produc --y ln_gsp --x ln_pcap,ln_pc,ln_emp,unemp \\",
            "      --fe state,year,region^year --cluster state --convention fixest",
            "  panelkit fe --data @produc --y ln_gsp --x ln_pcap,ln_pc,unemp \\",
            "      --fe state,year --weights emp --vcov cr2 --cluster state",
            "  panelkit fe --data Produc.csv --y ln_gsp --x ln_pc,ln_emp --entity state \\",
            "      --time year --vcov wild --boot-weights webb --format json"},
        description = "Fixed-effects regression (pooled, entity, time, two-way, or any list of absorbed fixed-effect "
                + "terms and interactions; optionally with analytic weights) with robust, clustered, "
                + "CR2, two-way clustered or Driscoll-Kraay standard errors, or the wild cluster bootstrap (--vcov wild).")
public final class FeCommand implements Callable<Integer> {
    /** Values of --weights that mean the wild bootstrap's weights (its spelling before --boot-weights). */
    private static final List<String> OLD_BOOT_WEIGHTS = List.of("rademacher", "webb");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--x", required = true, split = ",", paramLabel = "A[,B...]", hideParamSyntax = true,
            description = "regressors, comma-separated")
    List<String> x;

    @Option(names = "--vcov", defaultValue = "cluster", paramLabel = "TYPE",
            description = "standard errors: "
                    + "iid, hc0, hc1, cr0, cluster (CR1), cr2, twoway (two-way clustered) or dk (Driscoll-Kraay)"
                    + ", or wild (the wild cluster bootstrap, clustered by "
                    + "--cluster or the entity) (default: ${DEFAULT-VALUE})")
    String vcov;

    @Option(names = "--wild-reps", paramLabel = "B",
            description = "wild bootstrap replications (--vcov wild; default: 9999)")
    Integer reps;

    /** The old spelling of --wild-reps. */
    @Option(names = "--reps", paramLabel = "B", hidden = true, description = "old spelling of --wild-reps")
    void repsAlias(int v) {
        reps = v;
    }

    @Option(names = "--weights", paramLabel = "COL", description = ModelOptions.WEIGHTS_DESCRIPTION)
    String weights;

    @Option(names = "--boot-weights", paramLabel = "rademacher|webb",
            description = "wild bootstrap weights: rademacher or webb (--vcov wild; default: rademacher); the old "
                    + "spelling --weights rademacher|webb is still accepted")
    String bootWeights;

    @Option(names = "--seed", paramLabel = "S", description = "wild bootstrap seed (--vcov wild; default: 12345)")
    Long seed;

    @Option(names = "--test", split = ",", paramLabel = "TERM[,TERM...]", hideParamSyntax = true,
            description = "coefficients to bootstrap (--vcov wild; default: every regressor)")
    List<String> test;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "output format: text (a Stata-like table) or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--progress",
            description = "show a progress line on standard error (default: only when it is a terminal)")
    boolean progress;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("unknown format '" + format + "' (expected text or json)");
        }
        model.x = x;
        model.vcov = vcov;
        if (weights != null && OLD_BOOT_WEIGHTS.contains(weights.strip().toLowerCase(java.util.Locale.ROOT))) {
            // the old spelling of --boot-weights
            if (bootWeights != null) {
                throw new IllegalArgumentException("--weights " + weights + " is the old spelling of --boot-weights; "
                        + "give one of them");
            }
            bootWeights = weights;
            weights = null;
        }
        model.weights = weights;
        boolean wild = model.vcov.equals("wild");
        if (!wild && (reps != null || bootWeights != null || seed != null || test != null)) {
            throw new IllegalArgumentException("--wild-reps, --boot-weights (old spelling --weights rademacher|webb), "
                    + "--seed and --test apply to --vcov wild only");
        }
        ModelSpec spec = model.spec(wild ? VcovType.CLUSTER : VcovType.fromKey(model.vcov));
        WildBootstrapSpec wildSpec = wild ? wildSpec() : null;
        ConsoleProgress monitor = new ConsoleProgress(this.spec.commandLine().getErr(),
                progress || ConsoleProgress.interactive());
        long t0 = System.nanoTime();
        monitor.progress(0, "reading " + model.data.getFileName());
        List<String> numeric = new ArrayList<>();
        numeric.add(model.y);
        numeric.addAll(model.x);
        CsvColumns columns = model.read(numeric, List.of());
        long t1 = System.nanoTime();
        FixedEffectsResult r = FixedEffectsRegression.fit(columns, spec, monitor);
        long t2 = System.nanoTime();
        List<WildBootstrapResult> boot = wild ? WildClusterBootstrap.testEach(r, test, wildSpec, monitor) : List.of();
        long t3 = System.nanoTime();
        monitor.finish();
        List<String> warnings = ModelText.warnings(r);
        var out = this.spec.commandLine().getOut();
        var err = this.spec.commandLine().getErr();
        for (String w : warnings) {
            err.println("warning: " + w);
        }
        if (format.equals("json")) {
            JsonObject o = ModelJson.toJson(r, warnings, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            if (wild) {
                o.add("wild_bootstrap", InferenceJson.wildBootstrap(boot));
                o.getAsJsonObject("timing").add("bootstrap_s", ModelJson.num((t3 - t2) / 1e9));
            }
            out.println(ModelJson.render(o));
        } else {
            out.print(ModelText.render(r, warnings));
            if (wild) {
                out.print(InferenceText.wildBootstrap(boot));
            }
        }
        out.flush();
        return 0;
    }

    private WildBootstrapSpec wildSpec() {
        WildBootstrapSpec.Builder b = WildBootstrapSpec.builder();
        if (reps != null) {
            b.reps(reps);
        }
        if (bootWeights != null) {
            b.weights(AuxiliaryWeights.fromKey(bootWeights));
        }
        if (seed != null) {
            b.seed(seed);
        }
        return b.build();
    }

}
