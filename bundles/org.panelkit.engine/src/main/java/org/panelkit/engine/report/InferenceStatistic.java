package org.panelkit.engine.report;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.fe.Coefficient;

/**
 * What a table prints in parentheses under each estimate. Economics journals mostly want standard errors, some
 * older ones t statistics; the note under the table says which it is, so the choice is one value.
 */
public enum InferenceStatistic {
    /** The standard error (esttab {@code se}, modelsummary's default). */
    STD_ERROR("se", "Standard errors in parentheses"),
    /** The t statistic estimate / standard error (esttab's default). */
    T_STATISTIC("t", "t statistics in parentheses");

    private final String key;
    private final String note;

    InferenceStatistic(String key, String note) {
        this.key = key;
        this.note = note;
    }

    public String key() {
        return key;
    }

    /** The sentence for the table's notes. */
    public String note() {
        return note;
    }

    /** The number to print for a coefficient. */
    public double value(Coefficient c) {
        return this == STD_ERROR ? c.stdError() : c.statistic();
    }

    public static InferenceStatistic fromKey(String key) {
        for (InferenceStatistic s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new PanelKitException("unknown statistic '" + key + "' (expected se or t)");
    }
}
