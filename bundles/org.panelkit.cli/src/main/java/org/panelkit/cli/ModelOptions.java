package org.panelkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.fe.FixedEffectTerm;
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

    @Option(names = "--entity", paramLabel = "NAME",
            description = "panel unit column (required for --fe twoway|entity|time; with a list of terms needed "
                    + "only by the default clustering and --vcov twoway without --cluster; no default)")
    String entity;

    @Option(names = "--time", paramLabel = "NAME",
            description = "period column (required for --fe twoway|entity|time and --vcov dk; with a list of "
                    + "terms also needed by --vcov twoway without --cluster A,B; no default)")
    String time;

    @Option(names = "--fe", defaultValue = "twoway", paramLabel = "twoway|entity|time|none|TERMS",
            description = "fixed effects: twoway (entity and time), entity, time, none (pooled OLS), or terms "
                    + "separated by commas, for example firm,year,industry^year; each term a column or an interaction "
                    + "of columns joined by ^ (reghdfe's # is accepted) (default: ${DEFAULT-VALUE})")
    String fe;

    @Option(names = "--no-constant", description = "pooled OLS without intercept (--fe none only; default: with intercept)")
    boolean noConstant;

    /** The variance estimator's key (each command declares its own --vcov with the values it takes). */
    String vcov = "cluster";

    /** The help text of --weights (fe, compare, mediation). */
    static final String WEIGHTS_DESCRIPTION = "analytic weights (Stata aweight, fixest weights=): a numeric column, "
            + "weighted least squares and every standard error on the weighted data; rows with weight 0 are dropped "
            + "and counted, negative weights are an error, a missing weight drops the row (default: unweighted)";

    /** The analytic-weight column ({@code --weights COL}), or null. */
    String weights;

    @Option(names = "--delimiter", paramLabel = "auto|comma|semicolon|tab", description = CsvDialect.HELP)
    void delimiter(String value) {
        CsvDialect.force(value);
    }

    @Option(names = "--cluster", split = ",", paramLabel = "COL[,COL]", hideParamSyntax = true,
            description = "cluster column(s) (default: the entity; --vcov twoway: the entity and the time)")
    List<String> cluster = new ArrayList<>();

    @Option(names = "--convention", defaultValue = "xtreg", paramLabel = "xtreg|plm|areg|fixest|sandwich",
            description = {"small-sample factor and t degrees of freedom of",
                "the standard errors (default: ${DEFAULT-VALUE}):",
                "xtreg    Stata xtreg, fe and reghdfe",
                "plm      R plm (K = k, residual df)",
                "areg     Stata areg (every effect in K)",
                "fixest   R fixest::feols, default ssc()",
                "sandwich R sandwich::vcovCL, dummy regression",
                "(the formulas: README, Conventions)"})
    String convention;

    @Option(names = "--dk-lag", defaultValue = "-1", paramLabel = "L",
            description = "Driscoll-Kraay lag (default: floor(max T_i^(1/4)), plm's rule)")
    int dkLag;

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "P",
            description = "confidence level of the intervals, between 0 and 1 (default: ${DEFAULT-VALUE})")
    double level;

    @Option(names = "--drop-singletons", description = "drop singleton groups of every fixed-effect term, iteratively, as reghdfe does "
                    + "(default: keep them)")
    boolean dropSingletons;

    /** What --fe takes, for messages. */
    static final String FE_VALUES = "twoway, entity, time, none or a comma-separated list of columns and "
            + "interactions such as firm,year,industry^year";

    /**
     * The fixed effects of --fe: a shorthand ({@link Effects#NONE}, ENTITY, TIME, TWOWAY) or {@link Effects#TERMS},
     * checking that the panel columns a shorthand needs are given.
     */
    Effects effects() {
        Effects effects = shorthand(fe);
        if (effects == null) {
            terms(); // the list must parse
            effects = Effects.TERMS;
        }
        if (effects != Effects.NONE && effects != Effects.TERMS && (entity == null || time == null)) {
            throw new IllegalArgumentException("--entity and --time are required for --fe " + fe.strip()
                    + "; a list of fixed-effect columns (e.g. --fe firm,year) needs neither");
        }
        if (noConstant && effects != Effects.NONE) {
            throw new IllegalArgumentException("--no-constant applies to --fe none only");
        }
        return effects;
    }

    /** The shorthand named by {@code text}, or null when it is a list of terms. */
    static Effects shorthand(String text) {
        String t = text == null ? "" : text.strip();
        for (Effects e : Effects.values()) {
            if (e != Effects.TERMS && (e.key().equals(t) || (e == Effects.TWOWAY && t.equals("twoways")))) {
                return e;
            }
        }
        return null;
    }

    /** The terms of a --fe list (empty for a shorthand); an error naming --fe when the list is malformed. */
    List<FixedEffectTerm> terms() {
        if (shorthand(fe) != null) {
            return List.of();
        }
        try {
            return FixedEffectTerm.parseList(fe.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--fe '" + fe + "': " + e.getMessage() + " (expected " + FE_VALUES
                    + ")");
        }
    }

    /** The model of {@code dep} on {@code regressors} with these options and variance estimator {@code type}. */
    ModelSpec spec(String dep, List<String> regressors, VcovType type) {
        Effects effects = effects();
        checkColumns();
        checkPanelColumns(type);
        ModelSpec.Builder b = ModelSpec.builder(dep, regressors).entity(entity).time(time);
        if (effects == Effects.TERMS) {
            b.absorb(terms());
        } else {
            b.fixedEffects(fe.strip());
        }
        return b.constant(!noConstant).vcov(type).cluster(cluster).convention(Convention.fromKey(convention))
                .dkLag(dkLag).level(level).dropSingletons(dropSingletons).weights(weights).build();
    }

    /** What the variance estimator needs of --entity and --time when --cluster does not name the clusters. */
    private void checkPanelColumns(VcovType type) {
        switch (type) {
        case CR0:
        case CLUSTER:
        case CR2:
            if (cluster.isEmpty() && entity == null) {
                throw new IllegalArgumentException("--vcov " + vcov + " without --cluster needs --entity (the "
                        + "default cluster column)");
            }
            break;
        case TWOWAY:
            if (cluster.isEmpty() && (entity == null || time == null)) {
                throw new IllegalArgumentException("--vcov twoway without --cluster A,B needs --entity and --time "
                        + "(the default cluster columns)");
            }
            break;
        case DRISCOLL_KRAAY:
            if (time == null) {
                throw new IllegalArgumentException("--vcov dk needs --time (Driscoll-Kraay sums the scores by period)");
            }
            break;
        default:
            break;
        }
    }

    /** The model of --y on --x. */
    ModelSpec spec(VcovType type) {
        return spec(y, x, type);
    }

    /** The key columns the model reads: entity, time, the columns of the fixed-effect terms and the clusters. */
    List<String> keyColumns() {
        List<String> keys = new ArrayList<>();
        for (String k : new String[] {entity, time}) {
            if (k != null) {
                keys.add(k);
            }
        }
        for (FixedEffectTerm t : terms()) {
            for (String c : t.columns()) {
                if (!keys.contains(c)) {
                    keys.add(c);
                }
            }
        }
        for (String c : cluster) {
            if (!keys.contains(c)) {
                keys.add(c);
            }
        }
        return keys;
    }

    /**
     * The --fe and --weights columns missing from the header of --data: an error naming the option (and, for --fe,
     * what it takes), before anything is estimated.
     */
    void checkColumns() {
        List<FixedEffectTerm> terms = terms();
        if (terms.isEmpty() && weights == null) {
            return;
        }
        List<String> header = CsvColumns.header(data);
        String dataset = Datasets.nameOf(data);
        String where = dataset != null ? "dataset @" + dataset : "'" + data + "'";
        for (FixedEffectTerm t : terms) {
            for (String c : t.columns()) {
                if (!header.contains(c)) {
                    throw new IllegalArgumentException("--fe: unknown column '" + c + "' in " + where + " (columns: "
                            + String.join(", ", header) + "; --fe takes " + FE_VALUES + ")" + separatorHint(header));
                }
            }
        }
        if (weights != null && !header.contains(weights)) {
            throw new IllegalArgumentException("--weights: unknown column '" + weights + "' in " + where
                    + " (columns: " + String.join(", ", header) + ")");
        }
    }

    /**
     * For --fe written with reghdfe's spaces ({@code absorb(firm year)}) or fixest's plus signs ({@code | firm + year})
     * between terms: the comma-separated spelling, when all its columns exist; else "".
     */
    private String separatorHint(List<String> header) {
        String commas = String.join(",", fe.strip().split("\\s*\\+\\s*|\\s+"));
        if (commas.equals(fe.strip())) {
            return "";
        }
        try {
            for (FixedEffectTerm t : FixedEffectTerm.parseList(commas)) {
                if (!header.containsAll(t.columns())) {
                    return "";
                }
            }
        } catch (IllegalArgumentException e) {
            return "";
        }
        return "; terms are separated by commas: --fe " + commas;
    }

    /** Reads {@code numeric} and the key columns (plus {@code extraKeys}) from --data. */
    CsvColumns read(List<String> numeric, List<String> extraKeys) {
        checkColumns();
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
        if (weights != null && !num.contains(weights)) {
            num.add(weights);
        }
        return CsvColumns.read(data, num, keys);
    }
}
