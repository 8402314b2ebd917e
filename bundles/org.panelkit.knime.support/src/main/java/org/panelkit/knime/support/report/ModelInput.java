package org.panelkit.knime.support.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.Effects;
import org.panelkit.engine.fe.FixedEffectTerm;
import org.panelkit.engine.report.ModelSummary;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;

/**
 * One fitted model as the Panel Regression (Fixed Effects) node outputs it: its coefficient table (first output)
 * and its model statistics table (second output), read back into the engine's {@link ModelSummary}. Nodes that
 * take models (Regression Table, Coefficient Plot, Coefficient Difference Test) take them as pairs of input ports.
 */
public final class ModelInput {
    /** Numeric columns every coefficient table has. */
    public static final List<String> COEFFICIENT_NUMBERS = List.of("estimate", "std_error", "statistic", "p_value",
            "conf_low", "conf_high");
    /** Numeric columns of the statistics table that are read (those absent are missing). */
    public static final List<String> STATISTIC_NUMBERS = List.of("n", "groups", "periods", "clusters", "clusters_2",
            "r2_within", "r2_within_entity", "r2_lsdv", "level");
    /** Text columns of the statistics table that are read (those absent are missing). */
    public static final List<String> STATISTIC_TEXTS = List.of("y", "effects", "se_type", "convention",
            "se_description", "cluster_columns", "entity", "time");

    private ModelInput() {
    }

    /** "model 2 (input ports 3 and 4)" */
    public static String describe(int model) {
        return "model " + (model + 1) + " (input ports " + (2 * model + 1) + " and " + (2 * model + 2) + ")";
    }

    /**
     * Checks that the two tables of a model are a Panel Regression node's coefficient and statistics outputs.
     *
     * @throws IllegalArgumentException naming the fix
     */
    public static void validate(TableSchema coefficients, TableSchema statistics, int model) {
        String fix = ": connect the Coefficients (first) and Model statistics (second) outputs of a Panel Regression "
                + "(Fixed Effects) node to " + describe(model);
        if (!coefficients.has("term") || coefficients.kind("term") != ColumnKind.STRING) {
            throw new IllegalArgumentException("the first table of " + describe(model) + " has no string column "
                    + "'term'" + fix);
        }
        for (String c : COEFFICIENT_NUMBERS) {
            if (!coefficients.has(c) || !coefficients.kind(c).isNumeric()) {
                throw new IllegalArgumentException("the first table of " + describe(model) + " has no numeric column '"
                        + c + "'" + fix);
            }
        }
        if (!statistics.has("n") || !statistics.kind("n").isNumeric()) {
            throw new IllegalArgumentException("the second table of " + describe(model) + " has no numeric column "
                    + "'n'" + fix);
        }
    }

    public static void declareCoefficients(TableSchema schema, ColumnsBuilder b) {
        b.key("term", schema.kind("term"));
        for (String c : COEFFICIENT_NUMBERS) {
            b.numeric(c, schema.kind(c));
        }
        if (schema.has("df") && schema.kind("df").isNumeric()) {
            b.numeric("df", schema.kind("df"));
        }
    }

    public static void declareStatistics(TableSchema schema, ColumnsBuilder b) {
        for (String c : STATISTIC_NUMBERS) {
            if (schema.has(c) && schema.kind(c).isNumeric()) {
                b.numeric(c, schema.kind(c));
            }
        }
        for (String c : STATISTIC_TEXTS) {
            if (schema.has(c) && schema.kind(c) == ColumnKind.STRING) {
                b.key(c, ColumnKind.STRING);
            }
        }
    }

    /**
     * The model from its two tables (as declared above); the statistics are read from their first row.
     *
     * @param label the column label, or null for "(1)", "(2)", ...
     * @throws IllegalArgumentException naming the problem
     */
    public static ModelSummary summary(String label, ColumnSource coefficients, ColumnSource statistics, int model) {
        if (statistics.rowCount() < 1) {
            throw new IllegalArgumentException("the statistics table of " + describe(model) + " is empty: connect the "
                    + "Model statistics output of an executed Panel Regression node");
        }
        KeyColumn term = coefficients.key("term");
        double[][] v = new double[COEFFICIENT_NUMBERS.size()][];
        for (int j = 0; j < v.length; j++) {
            v[j] = coefficients.numeric(COEFFICIENT_NUMBERS.get(j));
        }
        double[] df = coefficients.has("df") ? coefficients.numeric("df") : null;
        List<Coefficient> slopes = new ArrayList<>();
        Coefficient constant = null;
        for (int i = 0; i < coefficients.rowCount(); i++) {
            if (term.code(i) < 0) {
                throw new IllegalArgumentException("row " + i + " of the coefficient table of " + describe(model)
                        + " has no term");
            }
            double d = df == null || Double.isNaN(df[i]) ? Double.POSITIVE_INFINITY : df[i];
            Coefficient c = new Coefficient(term.level(term.code(i)), v[0][i], v[1][i], v[2][i], v[3][i], v[4][i],
                    v[5][i], d);
            if (ModelSummary.CONSTANT_TERM.equals(c.term())) {
                constant = c;
            } else {
                slopes.add(c);
            }
        }
        ModelSummary.Builder b = ModelSummary.builder().label(label).coefficients(slopes).constant(constant)
                .observations(count(statistics, "n")).groups(count(statistics, "groups"))
                .periods(count(statistics, "periods")).r2Within(number(statistics, "r2_within"))
                .r2WithinEntity(number(statistics, "r2_within_entity")).r2Lsdv(number(statistics, "r2_lsdv"));
        List<Integer> clusters = new ArrayList<>();
        for (String c : List.of("clusters", "clusters_2")) {
            double g = number(statistics, c);
            if (!Double.isNaN(g)) {
                clusters.add((int) g);
            }
        }
        b.clusters(clusters);
        double level = number(statistics, "level");
        if (!Double.isNaN(level)) {
            b.level(level);
        }
        b.dependentVariable(text(statistics, "y"));
        String effects = text(statistics, "effects");
        if (effects != null) {
            try {
                // the shorthand, or a term list: entity/time rows plus a row per further term, as the CLI's tables
                b.fixedEffects(effects, text(statistics, "entity"), text(statistics, "time"));
            } catch (PanelKitException | IllegalArgumentException e) {
                throw new IllegalArgumentException("the statistics table of " + describe(model) + ": unknown fixed "
                        + "effects '" + effects + "' (" + e.getMessage() + ")", e);
            }
        }
        b.seType(text(statistics, "se_type")).seConvention(text(statistics, "convention"))
                .seDescription(text(statistics, "se_description"));
        String cc = text(statistics, "cluster_columns");
        b.clusterColumns(cc == null || cc.isBlank() ? List.of()
                : Arrays.stream(cc.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        try {
            return b.build();
        } catch (PanelKitException e) {
            throw new IllegalArgumentException(describe(model) + ": " + e.getMessage(), e);
        }
    }

    private static double number(ColumnSource s, String c) {
        return s.has(c) ? s.numeric(c)[0] : Double.NaN;
    }

    private static int count(ColumnSource s, String c) {
        double v = number(s, c);
        return Double.isNaN(v) ? 0 : (int) v;
    }

    private static String text(ColumnSource s, String c) {
        if (!s.has(c)) {
            return null;
        }
        KeyColumn k = s.key(c);
        return k.code(0) < 0 ? null : k.level(k.code(0));
    }

    /** Labels from a ';'-separated text; blank entries (and missing ones) are null = numbered by the table. */
    public static List<String> labels(String text, int models) {
        List<String> out = new ArrayList<>();
        String[] parts = text == null || text.isBlank() ? new String[0] : text.split(";", -1);
        if (parts.length > models) {
            throw new IllegalArgumentException(parts.length + " model labels for " + models + " models: remove labels "
                    + "or add model input ports");
        }
        for (int i = 0; i < models; i++) {
            String p = i < parts.length ? parts[i].strip() : "";
            out.add(p.isEmpty() ? null : p);
        }
        return out;
    }
}
