package org.panelkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.panelkit.engine.mediation.Mediation;
import org.panelkit.engine.mediation.MediationResult;
import org.panelkit.engine.mediation.MediationSpec;
import org.panelkit.engine.vcov.VcovType;

import com.google.gson.GsonBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code panelkit mediation}: three-step mediation analysis with Sobel tests and a cluster bootstrap. */
@Command(name = "mediation", mixinStandardHelpOptions = true,
        customSynopsis = {"panelkit mediation --data FILE.csv --y NAME --x NAME --mediators",
                "    M1[,M2...] [--controls C1[,C2...]] [--entity NAME --time NAME]",
                "    [OPTIONS]"},
        footer = {"",
            "Examples:",
            "  panelkit mediation --data Produc.csv --y ln_gsp --x ln_pc --mediators \\",
            "      ln_emp,ln_pcap --controls unemp --entity state --time year",
            "  panelkit mediation --data panel.csv --y TU --x IC --mediators TC,TE,KS \\",
            "      --entity province --time year --mediation-reps 1999 --format json",
            "  panelkit mediation --data firms.csv --y y --x x --mediators m --weights w \\",
            "      --fe firm,year,industry^year --cluster firm"},
        description = "Mediation analysis with fixed effects: total, direct and indirect effects for each mediator, "
                + "Sobel test, cluster bootstrap (percentile and bias-corrected) intervals of a*b.")
final class MediationCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--x", required = true, paramLabel = "NAME",
            description = "the one treatment variable (other regressors go in --controls)")
    String x;

    @Option(names = "--vcov", defaultValue = "cluster", paramLabel = "TYPE",
            description = "standard errors of the three equations: "
                    + "iid, hc0, hc1, cr0, cluster (CR1), cr2, twoway (two-way clustered) or dk (Driscoll-Kraay)"
                    + "; the bootstrap always resamples whole "
                    + "clusters (--cluster or the entity) (default: ${DEFAULT-VALUE})")
    String vcov;

    @Option(names = "--mediators", required = true, split = ",", paramLabel = "M1[,M2...]", hideParamSyntax = true,
            description = "mediators, comma-separated (each analysed on its own)")
    List<String> mediators;

    @Option(names = "--controls", split = ",", paramLabel = "C1[,C2...]", hideParamSyntax = true,
            description = "control variables, comma-separated (default: none)")
    List<String> controls = new ArrayList<>();

    @Option(names = "--mediation-reps", defaultValue = "999", paramLabel = "B",
            description = "cluster bootstrap replications of a*b, 0 for none (default: ${DEFAULT-VALUE})")
    int reps;

    /** The old spelling of --mediation-reps. */
    @Option(names = "--reps", paramLabel = "B", hidden = true, description = "old spelling of --mediation-reps")
    Integer repsAlias;

    @Option(names = "--seed", defaultValue = "12345", paramLabel = "S", description = "bootstrap seed (default: "
            + "${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--weights", paramLabel = "COL", description = ModelOptions.WEIGHTS_DESCRIPTION)
    String weights;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "output format: text or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--progress",
            description = "show a progress line on standard error (default: only when it is a terminal)")
    boolean progress;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("unknown format '" + format + "' (expected text or json)");
        }
        if (x.contains(",")) {
            throw new IllegalArgumentException("--x takes one treatment variable for mediation, got '" + x
                    + "' (put other regressors in --controls)");
        }
        if (vcov.equals("wild")) {
            throw new IllegalArgumentException("--vcov wild is for fe; mediation takes iid, hc0, hc1, cr0, cluster, cr2, "
                    + "twoway or dk");
        }
        model.x = List.of(x);
        if (repsAlias != null) {
            reps = repsAlias;
        }
        model.vcov = vcov;
        model.weights = weights;
        MediationSpec m = MediationSpec.builder(model.y, x, mediators).controls(controls)
                .model(model.spec(VcovType.fromKey(model.vcov))).reps(reps).seed(seed).build();
        ConsoleProgress monitor = new ConsoleProgress(spec.commandLine().getErr(),
                progress || ConsoleProgress.interactive());
        List<String> numeric = new ArrayList<>();
        numeric.add(model.y);
        numeric.add(x);
        numeric.addAll(mediators);
        numeric.addAll(controls);
        CsvColumns columns = model.read(numeric, List.of());
        MediationResult r = Mediation.analyze(columns, m, monitor);
        monitor.finish();
        var out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(InferenceJson.mediation(r)));
        } else {
            out.print(InferenceText.mediation(r));
        }
        out.flush();
        return 0;
    }
}
