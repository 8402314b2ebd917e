package org.panelkit.engine.fe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One absorbed fixed-effect term: a column ({@code firm}) or the interaction of columns ({@code industry^year},
 * one level per combination present in the sample), written as in {@code fixest} ({@code ^}) and
 * {@code reghdfe} ({@code industry#year} is accepted too). Immutable.
 */
public final class FixedEffectTerm {
    private final List<String> columns;

    private FixedEffectTerm(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    /** The term of one column. */
    public static FixedEffectTerm of(String... columns) {
        return of(List.of(columns));
    }

    /** The interaction of {@code columns} (one column: that column's effects). */
    public static FixedEffectTerm of(List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a fixed-effect term needs at least one column");
        }
        for (String c : columns) {
            if (c == null || c.isBlank()) {
                throw new IllegalArgumentException("empty column name in fixed-effect term " + columns);
            }
        }
        if (columns.stream().distinct().count() != columns.size()) {
            throw new IllegalArgumentException("column repeated in fixed-effect term '" + String.join("^", columns)
                    + "'");
        }
        return new FixedEffectTerm(columns);
    }

    /** Parses {@code a}, {@code a^b} or {@code a#b} (spaces around the operator are ignored). */
    public static FixedEffectTerm parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty fixed-effect term");
        }
        List<String> cols = new ArrayList<>();
        for (String part : t.split("[\\^#]", -1)) {
            String c = part.trim();
            if (c.isEmpty()) {
                throw new IllegalArgumentException("fixed-effect term '" + t + "': empty column name around ^");
            }
            cols.add(c);
        }
        return of(cols);
    }

    /**
     * Parses a comma-separated list of terms ({@code firm,year,industry^year}); a term listed twice is an
     * error.
     */
    public static List<FixedEffectTerm> parseList(String text) {
        List<FixedEffectTerm> terms = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            FixedEffectTerm term = parse(part);
            if (terms.contains(term)) {
                throw new IllegalArgumentException("fixed-effect term '" + term + "' listed twice");
            }
            terms.add(term);
        }
        return List.copyOf(terms);
    }

    /** The columns interacted, in the order given. */
    public List<String> columns() {
        return columns;
    }

    /** Whether this term is one column (not an interaction). */
    public boolean isSingleColumn() {
        return columns.size() == 1;
    }

    /** The term as written on the command line, columns joined by {@code ^}. */
    public String name() {
        return String.join("^", columns);
    }

    @Override
    public boolean equals(Object o) {
        // a^b and b^a have the same levels: the same term
        return o instanceof FixedEffectTerm && ((FixedEffectTerm) o).columns.size() == columns.size()
                && ((FixedEffectTerm) o).columns.containsAll(columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(new java.util.HashSet<>(columns));
    }

    @Override
    public String toString() {
        return name();
    }
}
