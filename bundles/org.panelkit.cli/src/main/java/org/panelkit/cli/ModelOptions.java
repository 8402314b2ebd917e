package org.panelkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.vcov.Convention;
import org.panelkit.engine.vcov.VcovType;

import picocli.CommandLine.Option;

/**
 * The model options shared by {@code fe}, {@code compare} and {@code mediation} (a picocli mixin): the data
 * file, the variables, the fixed effects and the variance estimator with its convention.
 */
final class ModelOptions {
    @Option(names = "--data", required = true, paramLabel = "FILE.csv|@NAME", converter = Datasets.DataPath.class,
            description = "CSV file with a header row, or @NAME: a shipped dataset (panelkit datasets)")
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
            description = "iid|hc0|hc1|cr0|cluster|cr2|twoway|dk; fe also wild (default: ${DEFAULT-VALUE})")
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

    /** The fixed effects, checking that the panel columns they need are given. */
    Effects effects() {
        Effects effects = Effects.fromKey(fe);
        if (effects != Effects.NONE && (entity == null || time == null)) {
            throw new IllegalArgumentException("--entity and --time are required unless --fe none");
        }
        if (noConstant && effects != Effects.NONE) {
            throw new IllegalArgumentException("--no-constant applies to --fe none only");
        }
        return effects;
    }

    /** The model of {@code dep} on {@code regressors} with these options and variance estimator {@code type}. */
    ModelSpec spec(String dep, List<String> regressors, VcovType type) {
        return ModelSpec.builder(dep, regressors).entity(entity).time(time).effects(effects()).constant(!noConstant)
                .vcov(type).cluster(cluster).convention(Convention.fromKey(convention)).dkLag(dkLag).level(level)
                .dropSingletons(dropSingletons).build();
    }

    /** The model of --y on --x. */
    ModelSpec spec(VcovType type) {
        return spec(y, x, type);
    }

    /** The key columns the model reads: entity, time and the cluster columns. */
    List<String> keyColumns() {
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
        return keys;
    }

    /** Reads {@code numeric} and the key columns (plus {@code extraKeys}) from --data. */
    CsvColumns read(List<String> numeric, List<String> extraKeys) {
        List<String> keys = keyColumns();
        for (String k : extraKeys) {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        List<String> num = new ArrayList<>();
        for (String n : numeric) {
            if (!num.contains(n)) {
                num.add(n);
            }
        }
        return CsvColumns.read(data, num, keys);
    }
}
