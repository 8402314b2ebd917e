package org.panelkit.knime.lq;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.knime.core.data.DataTableSpec;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.NodeParametersInput;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.updates.Effect;
import org.knime.node.parameters.updates.Effect.EffectType;
import org.knime.node.parameters.updates.EffectPredicate;
import org.knime.node.parameters.updates.EffectPredicateProvider;
import org.knime.node.parameters.updates.ParameterReference;
import org.knime.node.parameters.updates.StateProvider;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.widget.choices.ChoicesProvider;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.ValueSwitchWidget;
import org.knime.node.parameters.widget.choices.filter.ColumnFilter;
import org.knime.node.parameters.widget.choices.filter.TwinlistWidget;
import org.knime.node.parameters.widget.message.TextMessage;
import org.panelkit.engine.lq.LqSpec;
import org.panelkit.knime.node.ColumnChoices;
import org.panelkit.knime.support.ColumnGuess;
import org.panelkit.knime.support.lq.LqOptions;
import org.panelkit.knime.table.KnimeTables;

/** Dialog and settings of the Location Quotient node; the settings keys are stable (docs/knime-nodes.md). */
public final class LocationQuotientParameters implements NodeParameters {

    @Section(title = "Data")
    interface DataSection {
    }

    @Section(title = "National totals")
    @After(DataSection.class)
    interface NationalSection {
    }

    @Section(title = "Rules and indices")
    @After(NationalSection.class)
    interface RulesSection {
    }

    @Layout(DataSection.class)
    @Widget(title = "Layout", description = "How the input table holds the activity of the industries.")
    @ValueSwitchWidget
    @ValueReference(LayoutRef.class)
    @Persist(configKey = "layout")
    LayoutChoice m_layout = LayoutChoice.WIDE;

    @Layout(DataSection.class)
    @Widget(title = "Region column", description = "The region (string or integer column).")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @ValueReference(ColumnChoices.EntityRef.class)
    @Persist(configKey = "region_column")
    String m_region = "";

    @Layout(DataSection.class)
    @Widget(title = "Time column", description = "The period (string or integer column).")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @ValueReference(ColumnChoices.TimeRef.class)
    @Persist(configKey = "time_column")
    String m_time = "";

    @Layout(DataSection.class)
    @Widget(title = "Industry columns", description = "Wide layout: one numeric column per industry; the region "
        + "total Y_it is their sum. The region and time columns and identifier codes are not offered.")
    @ChoicesProvider(ColumnChoices.PanelValues.class)
    @TwinlistWidget(includedLabel = "Industries", excludedLabel = "Other columns")
    @Effect(predicate = IsWide.class, type = EffectType.SHOW)
    @Persist(configKey = "industry_columns")
    ColumnFilter m_industries = new ColumnFilter().withExcludeUnknownColumns();

    @Layout(DataSection.class)
    @Widget(title = "Industry column", description = "Long layout: the industry of the row (string or integer); "
        + "preselected: a string column named like an industry or sector, else the first other string column.")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @Effect(predicate = IsWide.class, type = EffectType.HIDE)
    @Persist(configKey = "industry_column")
    String m_industry = "";

    @Layout(DataSection.class)
    @Widget(title = "Value column", description = "Long layout: the numeric activity value of the row; "
        + "preselected: a column named like a value or output, else the first double column.")
    @ChoicesProvider(ColumnChoices.PanelValues.class)
    @Effect(predicate = IsWide.class, type = EffectType.HIDE)
    @Persist(configKey = "value_column")
    String m_value = "";

    @Layout(NationalSection.class)
    @Widget(title = "National totals from", description = "Where the national value Y_jt of each industry and year "
        + "comes from; the national total Y_t is their sum over industries.")
    @ValueReference(NationalRef.class)
    @Persist(configKey = "national")
    NationalChoice m_national = NationalChoice.SUM_OF_REGIONS;

    @Layout(NationalSection.class)
    @TextMessage(NoNationalTableMessage.class)
    Void m_noNationalTable;

    @Layout(NationalSection.class)
    @Widget(title = "National region", description = "The value of the region column that names the national rows "
        + "(e.g. China); those rows give Y_jt and are not a region.")
    @Effect(predicate = IsNationalRows.class, type = EffectType.SHOW)
    @Persist(configKey = "national_region")
    String m_nationalRegion = "";

    @Layout(NationalSection.class)
    @Widget(title = "National column", description = "Long layout: the numeric column with the national value of "
        + "the row's industry and year (the same in every row of an industry-year).")
    @ChoicesProvider(ColumnChoices.Numeric.class)
    @Effect(predicate = IsNationalColumnLong.class, type = EffectType.SHOW)
    @Persist(configKey = "national_column")
    String m_nationalColumn = "";

    @Layout(NationalSection.class)
    @Widget(title = "National column suffix", description = "Wide layout: the national value of industry column X "
        + "is in column X + suffix (e.g. manufacturing_national).")
    @Effect(predicate = IsNationalColumnWide.class, type = EffectType.SHOW)
    @Persist(configKey = "national_suffix")
    String m_nationalSuffix = LqOptions.DEFAULT_NATIONAL_SUFFIX;

    @Layout(RulesSection.class)
    @Widget(title = "Missing values", description = "How totals treat a missing value.")
    @ValueSwitchWidget
    @Persist(configKey = "missing")
    MissingChoice m_missing = MissingChoice.PROPAGATE;

    @Layout(RulesSection.class)
    @Widget(title = "Allow negative values", description = "Compute LQs although some values are negative "
        + "(otherwise a negative value is an error).")
    @Persist(configKey = "allow_negative")
    boolean m_allowNegative;

    @Layout(RulesSection.class)
    @Widget(title = "Compute indices", description = "Also compute the Krugman specialization index per region and "
        + "year (second output) and the Hoover, Gini and HHI indices per industry and year (third output).")
    @Persist(configKey = "compute_indices")
    boolean m_indices;

    /** Defaults. */
    public LocationQuotientParameters() {
    }

    /**
     * Defaults with region and time guessed from the connected table, and for the long layout its industry and value
     * columns.
     */
    public LocationQuotientParameters(final NodeParametersInput input) {
        input.getInTableSpec(0).ifPresent(spec -> {
            var schema = KnimeTables.schema(spec);
            m_region = ColumnGuess.entity(schema).orElse("");
            m_time = ColumnGuess.time(schema).orElse("");
            m_industry = ColumnGuess.industry(schema, m_region, m_time).orElse("");
            m_value = ColumnGuess.value(schema, m_region, m_time, m_industry).orElse("");
        });
    }

    /** Whether the national totals come from the table at the second input. */
    boolean nationalFromTable() {
        return m_national == NationalChoice.NATIONAL_TABLE;
    }

    LqOptions toOptions(final DataTableSpec spec) {
        List<String> industries = m_layout == LayoutChoice.WIDE
            ? List.of(ColumnChoices.selectedNumeric(m_industries, spec, "industry columns")) : List.of();
        return new LqOptions(LqSpec.Layout.valueOf(m_layout.name()), m_region, m_time, industries, m_industry,
            m_value, nationalFromTable() ? LqSpec.National.SUM_OF_REGIONS : LqSpec.National.valueOf(m_national.name()),
            m_nationalRegion, m_nationalColumn,
            m_nationalSuffix, LqSpec.Missing.valueOf(m_missing.name()), m_allowNegative, m_indices);
    }

    enum LayoutChoice {
            @Label(value = "Wide", description = "one row per region and year, one numeric column per industry")
            WIDE,
            @Label(value = "Long", description = "one row per region, year and industry, with an industry column and "
                + "a value column")
            LONG
    }

    enum NationalChoice {
            @Label(value = "Sum of the regions", description = "Y_jt = the sum over the regions of the table")
            SUM_OF_REGIONS,
            @Label(value = "National rows", description = "Y_jt = the rows of a national region (e.g. China)")
            NATIONAL_ROWS,
            @Label(value = "National column", description = "Y_jt = a column of the table")
            NATIONAL_COLUMN,
            @Label(value = "National totals table", description = "Y_jt = a table at the second (optional) input "
                + "without a region: the time column and the industry columns (wide) or the time, industry and value "
                + "columns (long), named as in the first input")
            NATIONAL_TABLE
    }

    enum MissingChoice {
            @Label(value = "Propagate", description = "a total that includes a missing value is missing")
            PROPAGATE,
            @Label(value = "Skip", description = "totals sum the observed values (na.rm = TRUE)")
            SKIP
    }

    static final class LayoutRef implements ParameterReference<LayoutChoice> {
    }

    static final class NationalRef implements ParameterReference<NationalChoice> {
    }

    static final class IsWide implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(LayoutRef.class).isOneOf(LayoutChoice.WIDE);
        }
    }

    static final class IsNationalRows implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(NationalRef.class).isOneOf(NationalChoice.NATIONAL_ROWS);
        }
    }

    static final class IsNationalColumnLong implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return and(i.getEnum(NationalRef.class).isOneOf(NationalChoice.NATIONAL_COLUMN),
                i.getEnum(LayoutRef.class).isOneOf(LayoutChoice.LONG));
        }
    }

    static final class IsNationalColumnWide implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return and(i.getEnum(NationalRef.class).isOneOf(NationalChoice.NATIONAL_COLUMN),
                i.getEnum(LayoutRef.class).isOneOf(LayoutChoice.WIDE));
        }
    }

    /** National totals table chosen without a table at the second input: says what to connect. */
    static final class NoNationalTableMessage implements StateProvider<Optional<TextMessage.Message>> {
        static final String TITLE = "No national totals table connected";

        private Supplier<NationalChoice> m_national;

        @Override
        public void init(final StateProviderInitializer initializer) {
            initializer.computeBeforeOpenDialog();
            m_national = initializer.computeFromValueSupplier(NationalRef.class);
        }

        @Override
        public Optional<TextMessage.Message> computeState(final NodeParametersInput input) {
            if (m_national.get() != NationalChoice.NATIONAL_TABLE || input.getInTableSpec(1).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(new TextMessage.Message(TITLE, "Connect a table with the national values to the "
                + "second input of the node: the time column and the industry columns (wide layout) or the time, "
                + "industry and value columns (long layout), named as in the first input.",
                TextMessage.MessageType.INFO));
        }
    }
}
