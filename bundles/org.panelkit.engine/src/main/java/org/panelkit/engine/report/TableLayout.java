package org.panelkit.engine.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.panelkit.engine.fe.Coefficient;

/** Builds the rows and notes of a {@link RegressionTable} from models and options. */
final class TableLayout {
    private final List<ModelSummary> models;
    private final TableOptions o;
    private final List<String> labels = new ArrayList<>();

    TableLayout(List<ModelSummary> models, TableOptions options) {
        this.models = List.copyOf(models);
        this.o = options;
        for (int i = 0; i < models.size(); i++) {
            String l = models.get(i).label();
            labels.add(l == null || l.isBlank() ? "(" + (i + 1) + ")" : l);
        }
    }

    RegressionTable build() {
        TermSelection terms = TermSelection.of(models, o);
        List<TableRow> rows = new ArrayList<>();
        rows.add(new TableRow(TableRow.Kind.MODEL_LABELS, null, "", cells(m -> null, labels)));
        if (o.dependentVariableRow() && models.stream().anyMatch(m -> m.dependentVariable() != null)) {
            rows.add(new TableRow(TableRow.Kind.DEPENDENT_VARIABLE, null, "Dependent variable",
                    cells(m -> m.dependentVariable() == null ? "" : o.labelOf(m.dependentVariable()), null)));
        }
        for (String term : terms.slopes()) {
            addCoefficient(rows, term, o.labelOf(term));
        }
        if (terms.constant()) {
            String label = o.variableLabels().getOrDefault(ModelSummary.CONSTANT_TERM, o.constantLabel());
            addCoefficient(rows, ModelSummary.CONSTANT_TERM, label);
        }
        // the entity and time rows, unless every column lists its own terms and none has those effects
        if (models.stream().anyMatch(m -> m.entityEffects() || m.timeEffects() || m.additionalEffects().isEmpty())) {
            rows.add(new TableRow(TableRow.Kind.EFFECTS, null, o.entityEffectsLabel(),
                    cells(m -> m.entityEffects() ? o.yes() : o.no(), null)));
            rows.add(new TableRow(TableRow.Kind.EFFECTS, null, o.timeEffectsLabel(),
                    cells(m -> m.timeEffects() ? o.yes() : o.no(), null)));
        }
        // one row per further absorbed term (firm, industry^year), in the order the columns first list them
        Set<String> additional = new LinkedHashSet<>();
        for (ModelSummary m : models) {
            additional.addAll(m.additionalEffects());
        }
        for (String term : additional) {
            rows.add(new TableRow(TableRow.Kind.EFFECTS, null, o.effectLabel(term),
                    cells(m -> m.additionalEffects().contains(term) ? o.yes() : o.no(), null)));
        }
        if (models.stream().anyMatch(m -> m.seType() != null)) {
            rows.add(statistic("Std. errors", StandardErrorLabels::shortLabel));
        }
        if (models.stream().anyMatch(m -> m.clustered() && !m.clusterColumns().isEmpty())) {
            rows.add(statistic("Clustered by", m -> m.clustered() ? String.join(", ", m.clusterColumns()) : ""));
        }
        rows.add(statistic("Observations", m -> Numbers.integer(m.observations())));
        if (models.stream().anyMatch(m -> m.groups() > 0)) {
            rows.add(statistic("Groups", m -> m.groups() > 0 ? Numbers.integer(m.groups()) : ""));
        }
        if (models.stream().anyMatch(m -> m.clustered() && !m.clusters().isEmpty())) {
            rows.add(statistic("Clusters", m -> m.clustered() ? clusterCounts(m) : ""));
        }
        rows.add(statistic(o.rSquared().label(), m -> Numbers.fixed(o.rSquared().value(m), o.decimals())));
        return new RegressionTable(o.title(), labels, rows, notes());
    }

    private void addCoefficient(List<TableRow> rows, String term, String label) {
        List<TableCell> est = new ArrayList<>();
        List<TableCell> unc = new ArrayList<>();
        for (ModelSummary m : models) {
            Coefficient c = m.coefficient(term);
            if (c == null) {
                est.add(TableCell.EMPTY);
                unc.add(TableCell.EMPTY);
                continue;
            }
            String e = Numbers.fixed(c.estimate(), o.decimals());
            est.add(e.isEmpty() ? TableCell.EMPTY : new TableCell(e, o.stars().stars(c.pValue())));
            String s = Numbers.fixed(o.statistic().value(c), o.decimals());
            unc.add(s.isEmpty() ? TableCell.EMPTY : TableCell.of("(" + s + ")"));
        }
        rows.add(new TableRow(TableRow.Kind.ESTIMATE, term, label, est));
        rows.add(new TableRow(TableRow.Kind.UNCERTAINTY, term, "", unc));
    }

    private TableRow statistic(String label, Function<ModelSummary, String> value) {
        return new TableRow(TableRow.Kind.STATISTIC, null, label, cells(value, null));
    }

    private List<TableCell> cells(Function<ModelSummary, String> value, List<String> fixed) {
        List<TableCell> c = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            c.add(TableCell.of(fixed != null ? fixed.get(i) : value.apply(models.get(i))));
        }
        return c;
    }

    private static String clusterCounts(ModelSummary m) {
        List<String> parts = new ArrayList<>();
        for (int g : m.clusters()) {
            parts.add(Integer.toString(g));
        }
        return String.join(" x ", parts);
    }

    private List<String> notes() {
        List<String> notes = new ArrayList<>();
        String legend = o.stars().legend();
        notes.add(o.statistic().note() + "." + (legend.isEmpty() ? "" : " " + legend + "."));
        Set<String> descriptions = new LinkedHashSet<>();
        for (ModelSummary m : models) {
            descriptions.add(m.seDescription() == null ? "" : m.seDescription());
        }
        if (descriptions.size() == 1) {
            String d = descriptions.iterator().next();
            if (!d.isEmpty()) {
                notes.add("Std. errors: " + d + ".");
            }
        } else {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < models.size(); i++) {
                String d = models.get(i).seDescription();
                parts.add(labels.get(i) + ": " + (d == null || d.isEmpty() ? "not stated" : d));
            }
            notes.add("Std. errors: " + String.join("; ", parts) + ".");
        }
        String def = o.rSquared().definition();
        notes.add(Character.toUpperCase(def.charAt(0)) + def.substring(1) + ".");
        notes.addAll(o.extraNotes());
        return notes;
    }
}
