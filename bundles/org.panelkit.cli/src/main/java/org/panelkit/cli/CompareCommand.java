package org.panelkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.panelkit.engine.compare.ComparisonResult;
import org.panelkit.engine.compare.SubsampleComparison;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.regions.RegionGrouping;
import org.panelkit.engine.split.SplitSpec;
import org.panelkit.engine.vcov.VcovType;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code panelkit compare}: do the coefficients differ across subsamples or periods? */
@Command(name = "compare", mixinStandardHelpOptions = true,
        customSynopsis = {"panelkit compare --data FILE.csv --y NAME --x A[,B...] --split",
                "    year:V|column:COL|region-nbs3|region-nbs4 [--entity NAME --time",
                "    NAME] [OPTIONS]"},
        footer = {"",
            "Examples:",
            "  panelkit compare --data Produc.csv --y ln_gsp --x ln_pc,ln_emp --entity \\",
            "      state --time year --split year:1979",
            "  panelkit compare --data panel.csv --y TU --x IC --entity province --time \\",
            "      year --split region-nbs3 --vcov dk",
            "  panelkit compare --data firms.csv --y y --x x1,x2 --weights w \\",
            "      --fe firm,year,industry^year --time year --cluster firm --split year:2017"},
        description = "Coefficient differences across subsamples or periods: fully interacted pooled model "
                + "(Chow-type) and seemingly-unrelated stacked scores (Stata suest).")
final class CompareCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--x", required = true, split = ",", paramLabel = "A[,B...]", hideParamSyntax = true,
            description = "regressors, comma-separated; each one estimated in every group is compared")
    List<String> x;

    @Option(names = "--vcov", defaultValue = "cluster", paramLabel = "TYPE",
            description = "standard errors: "
                    + "iid, hc0, hc1, cr0, cluster (CR1), cr2, twoway (two-way clustered) or dk (Driscoll-Kraay)"
                    + "; the suest comparison clusters its stacked scores "
                    + "one way (by --cluster or the entity; by observation under iid/hc0/hc1; Driscoll-Kraay by "
                    + "period under dk) (default: ${DEFAULT-VALUE})")
    String vcov;

    @Option(names = "--split", required = true, paramLabel = "year:V|column:COL|region-nbs3|region-nbs4",
            description = "how to split (required): year:V = the --time column before V and from V on; column:COL = "
                    + "one group per value of COL; region-nbs3/region-nbs4 = the --entity column's Chinese provinces "
                    + "by NBS region")
    String split;

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
        model.x = x;
        model.vcov = vcov;
        model.weights = weights;
        if (vcov.equals("wild")) {
            throw new IllegalArgumentException("--vcov wild is for fe; compare takes iid, hc0, hc1, cr0, cluster, cr2, "
                    + "twoway or dk");
        }
        ModelSpec m = model.spec(VcovType.fromKey(model.vcov));
        SplitSpec s = splitSpec();
        ConsoleProgress monitor = new ConsoleProgress(spec.commandLine().getErr(),
                progress || ConsoleProgress.interactive());
        List<String> numeric = new ArrayList<>();
        numeric.add(model.y);
        numeric.addAll(model.x);
        List<String> keys = new ArrayList<>();
        if (s.kind() == SplitSpec.Kind.COLUMN) {
            keys.add(s.column());
        }
        CsvColumns columns = model.read(numeric, keys);
        ComparisonResult r = SubsampleComparison.compare(columns, m, s, monitor);
        monitor.finish();
        var out = spec.commandLine().getOut();
        if (format.equals("json")) {
            JsonObject o = InferenceJson.comparison(r, split);
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(o));
        } else {
            out.print(InferenceText.comparison(r, split));
        }
        out.flush();
        return 0;
    }

    private SplitSpec splitSpec() {
        String v = split.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("year:")) {
            if (model.time == null) {
                throw new IllegalArgumentException("--split year:V needs --time");
            }
            String value = v.substring(5).strip();
            try {
                return SplitSpec.byBreak(model.time, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--split year:V needs a number, got '" + value + "'");
            }
        }
        if (lower.startsWith("column:")) {
            String col = v.substring(7).strip();
            if (col.isEmpty()) {
                throw new IllegalArgumentException("--split column:COL needs a column name");
            }
            return SplitSpec.byColumn(col);
        }
        if (lower.startsWith("region-")) {
            if (model.entity == null) {
                throw new IllegalArgumentException("--split " + v + " groups the --entity column; give --entity");
            }
            return SplitSpec.byRegion(model.entity, RegionGrouping.fromKey(v.substring(7)));
        }
        throw new IllegalArgumentException("unknown --split '" + split
                + "' (expected year:V, column:COL, region-nbs3 or region-nbs4)");
    }
}
