package org.panelkit.engine.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.panelkit.engine.PanelKitException;

/**
 * The coefficient rows of a table from keep/drop/order (see {@link TableOptions}). A name that is in none of
 * the models is an error rather than silently ignored: it is nearly always a typo, and a table that quietly
 * lacks the variable of interest is worse than no table.
 */
final class TermSelection {
    private final List<String> slopes;
    private final boolean constant;

    private TermSelection(List<String> slopes, boolean constant) {
        this.slopes = slopes;
        this.constant = constant;
    }

    static TermSelection of(List<ModelSummary> models, TableOptions o) {
        Set<String> all = new LinkedHashSet<>();
        boolean anyConstant = false;
        for (ModelSummary m : models) {
            all.addAll(m.terms());
            anyConstant |= m.constant() != null;
        }
        check("keep", o.keep(), all);
        check("drop", o.drop(), all);
        check("order", o.order(), all);
        List<String> terms = new ArrayList<>();
        if (o.keep().isEmpty()) {
            terms.addAll(all);
        } else {
            for (String t : o.keep()) {
                if (!t.equals(ModelSummary.CONSTANT_TERM) && !terms.contains(t)) {
                    terms.add(t);
                }
            }
        }
        terms.removeAll(o.drop());
        List<String> ordered = new ArrayList<>();
        for (String t : o.order()) {
            if (terms.contains(t) && !ordered.contains(t)) {
                ordered.add(t);
            }
        }
        for (String t : terms) {
            if (!ordered.contains(t)) {
                ordered.add(t);
            }
        }
        if (ordered.isEmpty()) {
            throw new PanelKitException("no coefficient is left to show after keep/drop (terms in the models: "
                    + String.join(", ", all) + ")");
        }
        boolean constant = anyConstant && !o.drop().contains(ModelSummary.CONSTANT_TERM);
        return new TermSelection(List.copyOf(ordered), constant);
    }

    private static void check(String what, List<String> names, Set<String> all) {
        for (String t : names) {
            if (!all.contains(t) && !t.equals(ModelSummary.CONSTANT_TERM)) {
                throw new PanelKitException(what + ": no model has the term '" + t + "' (terms: "
                        + String.join(", ", all) + ", " + ModelSummary.CONSTANT_TERM + ")");
            }
        }
    }

    /** Slope terms, in display order. */
    List<String> slopes() {
        return slopes;
    }

    /** Whether the constant row pair is shown. */
    boolean constant() {
        return constant;
    }
}
