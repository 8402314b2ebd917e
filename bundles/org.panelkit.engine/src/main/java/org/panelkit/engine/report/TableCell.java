package org.panelkit.engine.report;

import java.util.Objects;

/**
 * One cell of a regression table: the formatted text and, for estimates, the significance stars kept apart so
 * that a renderer may set them differently (the plain text is {@link #toString()}: text then stars).
 */
public final class TableCell {
    static final TableCell EMPTY = new TableCell("", "");

    private final String text;
    private final String stars;

    public TableCell(String text, String stars) {
        this.text = Objects.requireNonNull(text);
        this.stars = Objects.requireNonNull(stars);
    }

    static TableCell of(String text) {
        return text.isEmpty() ? EMPTY : new TableCell(text, "");
    }

    /** The formatted value without stars ("" for an empty cell). */
    public String text() { return text; }
    /** Significance stars, "" when none. */
    public String stars() { return stars; }

    public boolean isEmpty() {
        return text.isEmpty() && stars.isEmpty();
    }

    /** Text followed by the stars, e.g. "0.169*". */
    @Override
    public String toString() {
        return text + stars;
    }
}
