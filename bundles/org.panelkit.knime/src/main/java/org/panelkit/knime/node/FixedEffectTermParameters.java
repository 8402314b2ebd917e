package org.panelkit.knime.node;

import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.widget.choices.ChoicesProvider;

/**
 * One additional fixed-effect term of the Panel Regression and Coefficient Difference Test nodes: one column, or
 * several columns for the effects of their interaction. Saved as {@code additional_fixed_effects/<i>/columns} (a
 * string array), i = 0, 1, ... ({@link WeightsAndTerms}).
 */
public final class FixedEffectTermParameters implements NodeParameters {
    @Widget(title = "Columns", description = "One column, or several for their interaction (e.g. region and "
        + "year: region-by-year effects).")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @Persist(configKey = "columns")
    String[] m_columns = new String[0];

    FixedEffectTermParameters() {
    }

    /** A term of the given columns (several: their interaction). */
    public FixedEffectTermParameters(final String... columns) {
        m_columns = columns.clone();
    }

    /** The columns (a copy; empty for a term without columns). */
    String[] columns() {
        return m_columns == null ? new String[0] : m_columns.clone();
    }
}
