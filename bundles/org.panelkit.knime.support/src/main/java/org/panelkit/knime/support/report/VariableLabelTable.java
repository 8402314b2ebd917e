package org.panelkit.knime.support.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Regression Table's optional input of variable labels (the {@code term,label} table of {@code panelkit table
 * --var-labels}): the string columns {@code term} and {@code label}, else the first two string columns; one row per
 * variable.
 */
public final class VariableLabelTable {
    private final Map<String, String> labels = new LinkedHashMap<>();

    private final int termColumn;

    private final int labelColumn;

    private VariableLabelTable(int termColumn, int labelColumn) {
        this.termColumn = termColumn;
        this.labelColumn = labelColumn;
    }

    /**
     * Chooses the term and label columns of the input.
     *
     * @param names the column names
     * @param isString whether each column holds strings
     * @throws IllegalArgumentException naming the fix
     */
    public static VariableLabelTable of(List<String> names, List<Boolean> isString) {
        int term = -1;
        int label = -1;
        List<Integer> strings = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (Boolean.TRUE.equals(isString.get(i))) {
                strings.add(i);
                if (names.get(i).equalsIgnoreCase("term")) {
                    term = i;
                } else if (names.get(i).equalsIgnoreCase("label")) {
                    label = i;
                }
            }
        }
        if (term >= 0 && label >= 0) {
            return new VariableLabelTable(term, label);
        }
        if (strings.size() < 2) {
            throw new IllegalArgumentException("the Variable labels input needs two string columns, term and label "
                    + "(it has " + names + "): read a term,label CSV, or remove the Variable labels port");
        }
        return new VariableLabelTable(strings.get(0), strings.get(1));
    }

    public int termColumn() {
        return termColumn;
    }

    public int labelColumn() {
        return labelColumn;
    }

    /**
     * Adds a row (missing or blank term and label: skipped).
     *
     * @param row 1-based, for messages
     * @throws IllegalArgumentException naming the row to fix
     */
    public void add(String term, String label, long row) {
        boolean noTerm = term == null || term.isBlank();
        boolean noLabel = label == null || label.isBlank();
        if (noTerm && noLabel) {
            return;
        }
        if (noTerm || noLabel) {
            throw new IllegalArgumentException("Variable labels input, row " + row + ": " + (noTerm ? "no term for "
                    + "the label '" + label + "'" : "no label for the term '" + term + "'")
                    + ": fill in both or remove the row");
        }
        String t = term.strip();
        if (labels.containsKey(t)) {
            throw new IllegalArgumentException("Variable labels input, row " + row + ": " + t + " is labelled twice; "
                    + "keep one row");
        }
        labels.put(t, label.strip());
    }

    /** The labels read so far, in row order. */
    public Map<String, String> labels() {
        return labels;
    }
}
