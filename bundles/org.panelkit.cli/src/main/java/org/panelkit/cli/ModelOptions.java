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
            description = "CSV file with a header row, separated by commas, semicolons or tabs, or @NAME: a shipped "
                    + "dataset (panelkit datasets) (required)")
    Path data;

    @Option(names = "--y", required = true, paramLabel = "NAME", description = "dependent variable (required)")
    String y;

    /** The regressors (each command declares its own --x: fe and compare take several, mediation one). */
    List<String> x;

    @Option(names = "--entity", paramLabel = "NAME", description = "panel unit column (required unless --fe none; no default)")
    String entity;

    @Option(names = "--time", paramLabel = "NAME", description = "period column (required unless --fe none; no default)")
    String time;

    @Option(names = "--fe", defaultValue = "twoway", paramLabel = "twoway|entity|time|none",
            description = "fixed effects: twoway (entity and time), entity, time or none (pooled OLS) "
                    + "(default: ${DEFAULT-VALUE})")
    String fe;

    @Option(names = "--no-constant", description = "pooled OLS without intercept (--fe none only; default: with intercept)")
    boolean noConstant;

    /** The variance estimator's key (each command declares its own --vcov with the values it takes). */
    String vcov = "cluster";

    @Option(names = "--delimiter", paramLabel = "auto|comma|semicolon|tab", description = CsvDialect.HELP)
    void delimiter(String value) {
        CsvDialect.force(value);
    }

    @Option(names = "--cluster", split = ",", paramLabel = "COL[,COL]", hideParamSyntax = true,
            description = "cluster column(s) (default: the entity; --vcov twoway: the entity and the time)")
    List<String> cluster = new ArrayList<>();

    @Option(names = "--convention", defaultValue = "xtreg", paramLabel = "xtreg|plm|areg",
            description = "small-sample factor and df convention: xtreg (Stata xtreg, fe), plm (R plm) or areg "
                    + "(Stata areg) (default: ${DEFAULT-VALUE})")
    String convention;

    @Option(names = "--dk-lag", defaultValue = "-1", paramLabel = "L",
            description = "Driscoll-Kraay lag (default: floor(max T_i^(1/4)), plm's rule)")
    int dkLag;

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "P",
            description = "confidence level of the intervals, between 0 and 1 (default: ${DEFAULT-VALUE})")
    double level;

    @Option(names = "--drop-singletons", description = "drop singleton groups iteratively, as reghdfe does (default: keep them)")
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
