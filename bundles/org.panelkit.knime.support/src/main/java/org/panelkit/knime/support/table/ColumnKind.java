package org.panelkit.knime.support.table;

/**
 * What kind of values a table column holds, as far as the PanelKit nodes care. The KNIME adapter maps each
 * KNIME data type to one kind (booleans before integers, because KNIME's boolean cells are also numbers).
 */
public enum ColumnKind {
    DOUBLE("number (double)"),
    INTEGER("number (integer)"),
    LONG("number (long)"),
    BOOLEAN("boolean"),
    STRING("string"),
    /** Anything else (dates, collections, images, ...): not usable by the PanelKit nodes. */
    OTHER("other");

    private final String text;

    ColumnKind(String text) {
        this.text = text;
    }

    /** Usable as a number: double, integer, long or boolean (as 0/1). */
    public boolean isNumeric() {
        return this == DOUBLE || this == INTEGER || this == LONG || this == BOOLEAN;
    }

    /** Usable as a panel key (entity, time, cluster, group): numbers or text. */
    public boolean isKey() {
        return this == DOUBLE || this == INTEGER || this == LONG || this == STRING;
    }

    /** Whole numbers (integer, long) - what a period column usually is. */
    public boolean isIntegral() {
        return this == INTEGER || this == LONG;
    }

    /** How the kind is named in messages. */
    public String text() {
        return text;
    }
}
