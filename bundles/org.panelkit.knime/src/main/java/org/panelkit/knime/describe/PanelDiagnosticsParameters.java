package org.panelkit.knime.describe;

import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.NodeParametersInput;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.widget.choices.ChoicesProvider;
import org.knime.node.parameters.widget.choices.filter.ColumnFilter;
import org.knime.node.parameters.widget.choices.filter.TwinlistWidget;
import org.panelkit.knime.node.ColumnChoices;
import org.panelkit.knime.support.ColumnGuess;
import org.panelkit.knime.support.describe.DescribeOptions;
import org.panelkit.knime.table.KnimeTables;

/** Dialog and settings of the Panel Diagnostics node; the settings keys are stable (docs/knime-nodes.md). */
public final class PanelDiagnosticsParameters implements NodeParameters {

    @Widget(title = "Entity column", description = "The panel unit (string or integer column).")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @Persist(configKey = "entity_column")
    String m_entity = "";

    @Widget(title = "Time column", description = "The period (integer or string column).")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @Persist(configKey = "time_column")
    String m_time = "";

    @Widget(title = "Columns to check", description = "The columns whose missing cells are counted (third output); "
        + "new columns are included.")
    @ChoicesProvider(ColumnChoices.Readable.class)
    @TwinlistWidget(includedLabel = "Check", excludedLabel = "Skip")
    @Persist(configKey = "columns")
    ColumnFilter m_columns = new ColumnFilter().withIncludeUnknownColumns();

    /** Defaults. */
    public PanelDiagnosticsParameters() {
    }

    /** Defaults with entity and time guessed from the connected table, every column checked. */
    public PanelDiagnosticsParameters(final NodeParametersInput input) {
        input.getInTableSpec(0).ifPresent(spec -> {
            var schema = KnimeTables.schema(spec);
            m_entity = ColumnGuess.entity(schema).orElse("");
            m_time = ColumnGuess.time(schema).orElse("");
            m_columns = new ColumnFilter(spec.stream()
                .filter(c -> KnimeTables.kind(c) != org.panelkit.knime.support.table.ColumnKind.OTHER).toList())
                .withIncludeUnknownColumns();
        });
    }

    DescribeOptions toOptions(final DataTableSpec spec) {
        return new DescribeOptions(m_entity, m_time,
            List.of(ColumnChoices.selectedReadable(m_columns, spec, "columns to check")));
    }
}
