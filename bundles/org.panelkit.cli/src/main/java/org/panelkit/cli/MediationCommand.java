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
        description = "Mediation analysis with fixed effects: total, direct and indirect effects for each mediator, "
                + "Sobel test, cluster bootstrap (percentile and bias-corrected) intervals of a*b.")
final class MediationCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--mediators", required = true, split = ",", paramLabel = "M1,M2,...",
            description = "mediators (each analysed on its own)")
    List<String> mediators;

    @Option(names = "--controls", split = ",", paramLabel = "C1,C2,...", description = "control variables")
    List<String> controls = new ArrayList<>();

    @Option(names = "--reps", defaultValue = "999", paramLabel = "B",
            description = "cluster bootstrap replications, 0 for none (default: ${DEFAULT-VALUE})")
    int reps;

    @Option(names = "--seed", defaultValue = "12345", paramLabel = "S", description = "bootstrap seed (default: "
            + "${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "output format")
    String format;

    @Option(names = "--progress", description = "show a progress line on standard error")
    boolean progress;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("unknown format '" + format + "' (expected text or json)");
        }
        if (model.x.size() != 1) {
            throw new IllegalArgumentException("--x takes one treatment variable for mediation, got " + model.x
                    + " (put other regressors in --controls)");
        }
        String x = model.x.get(0);
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
