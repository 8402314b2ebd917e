package org.panelkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.panelkit.engine.fe.Dropped;
import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.fe.FixedEffectsRegression;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.vcov.Convention;
import org.panelkit.engine.vcov.VcovType;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code panelkit fe}: a fixed-effects (or pooled) regression on a CSV file. */
@Command(name = "fe", mixinStandardHelpOptions = true,
        description = "Fixed-effects regression (pooled, entity, time or two-way effects) with robust, clustered, "
                + "CR2, two-way clustered or Driscoll-Kraay standard errors.")
final class FeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "CSV file with a header row")
    Path data;

    @Option(names = "--y", required = true, paramLabel = "NAME", description = "dependent variable")
    String y;

    @Option(names = "--x", required = true, split = ",", paramLabel = "A,B,...", description = "regressors")
    List<String> x;

    @Option(names = "--entity", paramLabel = "NAME", description = "panel unit column (required unless --fe none)")
    String entity;

    @Option(names = "--time", paramLabel = "NAME", description = "period column (required unless --fe none)")
    String time;

    @Option(names = "--fe", defaultValue = "twoway", paramLabel = "twoway|entity|time|none",
            description = "fixed effects (default: ${DEFAULT-VALUE})")
    String fe;

    @Option(names = "--no-constant", description = "pooled OLS without intercept (--fe none only)")
    boolean noConstant;

    @Option(names = "--vcov", defaultValue = "cluster", paramLabel = "TYPE",
            description = "iid|hc0|hc1|cr0|cluster|cr2|twoway|dk (default: ${DEFAULT-VALUE})")
    String vcov;

    @Option(names = "--cluster", split = ",", paramLabel = "COL[,COL]",
            description = "cluster column(s); default the entity (two-way: entity and time)")
    List<String> cluster = new ArrayList<>();

    @Option(names = "--convention", defaultValue = "xtreg", paramLabel = "xtreg|plm|areg",
            description = "small-sample factor and df convention (default: ${DEFAULT-VALUE})")
    String convention;

    @Option(names = "--dk-lag", defaultValue = "-1", paramLabel = "L",
            description = "Driscoll-Kraay lag (default floor(max T_i^(1/4)))")
    int dkLag;

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "P", description = "confidence level")
    double level;

    @Option(names = "--drop-singletons", description = "drop singleton groups iteratively (reghdfe)")
    boolean dropSingletons;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "output format")
    String format;

    @Option(names = "--progress", description = "show a progress line on standard error")
    boolean progress;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("unknown format '" + format + "' (expected text or json)");
        }
        Effects effects = Effects.fromKey(fe);
        if (effects != Effects.NONE && (entity == null || time == null)) {
            throw new IllegalArgumentException("--entity and --time are required unless --fe none");
        }
        if (noConstant && effects != Effects.NONE) {
            throw new IllegalArgumentException("--no-constant applies to --fe none only");
        }
        ModelSpec model = ModelSpec.builder(y, x).entity(entity).time(time).effects(effects).constant(!noConstant)
                .vcov(VcovType.fromKey(vcov)).cluster(cluster).convention(Convention.fromKey(convention))
                .dkLag(dkLag).level(level).dropSingletons(dropSingletons).build();
        ConsoleProgress monitor = new ConsoleProgress(spec.commandLine().getErr(),
                progress || ConsoleProgress.interactive());
        long t0 = System.nanoTime();
        monitor.progress(0, "reading " + data.getFileName());
        List<String> numeric = new ArrayList<>();
        numeric.add(y);
        numeric.addAll(x);
        List<String> keys = new ArrayList<>();
        for (String k : new String[] {entity, time}) {
            if (k != null) {
                keys.add(k);
            }
        }
        for (String c : cluster) {
            if (!keys.contains(c)) {
                keys.add(c);
            }
        }
        CsvColumns columns = CsvColumns.read(data, numeric, keys);
        long t1 = System.nanoTime();
        FixedEffectsResult r = FixedEffectsRegression.fit(columns, model, monitor);
        long t2 = System.nanoTime();
        monitor.finish();
        List<String> warnings = warnings(r);
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        for (String w : warnings) {
            err.println("warning: " + w);
        }
        if (format.equals("json")) {
            out.println(ModelJson.render(r, warnings, (t1 - t0) / 1e9, (t2 - t1) / 1e9));
        } else {
            out.print(ModelText.render(r, warnings));
        }
        out.flush();
        return 0;
    }

    static List<String> warnings(FixedEffectsResult r) {
        List<String> w = new ArrayList<>();
        if (r.droppedMissing() > 0) {
            w.add(r.droppedMissing() + " of " + r.inputRows()
                    + " rows dropped for missing values in the model's columns (listwise deletion)");
        }
        for (Dropped d : r.dropped()) {
            w.add("regressor '" + d.name() + "' dropped: " + d.reason().text());
        }
        if (r.singletonsDropped() > 0) {
            w.add(r.singletonsDropped() + " singleton observations dropped");
        }
        if (r.components() > 1) {
            w.add("the panel falls into " + r.components()
                    + " disconnected groups of entities and periods; effects are identified within each");
        }
        return w;
    }
}
