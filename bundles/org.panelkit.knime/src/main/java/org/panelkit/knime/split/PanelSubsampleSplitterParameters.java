package org.panelkit.knime.split;

import java.util.Optional;
import java.util.function.Supplier;

import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.NodeParametersInput;
import org.knime.node.parameters.Widget;
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
import org.knime.node.parameters.widget.message.TextMessage;
import org.knime.node.parameters.widget.text.TextInputWidget;
import org.knime.node.parameters.widget.text.TextInputWidgetValidation.PatternValidation.IsNotEmptyValidation;
import org.panelkit.knime.node.ColumnChoices;
import org.panelkit.knime.support.ColumnGuess;
import org.panelkit.knime.support.split.SplitOptions;
import org.panelkit.knime.table.KnimeTables;

/** Dialog and settings of the Panel Subsample Splitter node; the settings keys are stable (docs/knime-nodes.md). */
public final class PanelSubsampleSplitterParameters implements NodeParameters {

    @Widget(title = "Split by", description = "How rows are assigned to subsamples.")
    @ValueReference(MethodRef.class)
    @Persist(configKey = "split_by")
    MethodChoice m_method = MethodChoice.REGION_NBS3;

    @Widget(title = "Entity column", description = "The panel unit: for the NBS regions China's provinces (names in "
        + "Chinese, English or pinyin, or GB/T 2260 codes); for a mapping table the values it maps. Also counted per "
        + "subsample for the other splits.")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @Persist(configKey = "entity_column")
    String m_entity = "";

    @Widget(title = "Time column", description = "Break year: the numeric period column.")
    @ChoicesProvider(ColumnChoices.Periods.class)
    @Effect(predicate = IsBreak.class, type = EffectType.SHOW)
    @Persist(configKey = "time_column")
    String m_time = "";

    @Widget(title = "Break year", description = "Rows with time < break year are 'before', the others 'after'.")
    @Effect(predicate = IsBreak.class, type = EffectType.SHOW)
    @Persist(configKey = "break_year")
    int m_breakYear = 2017;

    @Widget(title = "Column to split by", description = "Column: one subsample per distinct value.")
    @ChoicesProvider(ColumnChoices.Keys.class)
    @Effect(predicate = IsColumn.class, type = EffectType.SHOW)
    @Persist(configKey = "source_column")
    String m_source = "";

    @TextMessage(NoMappingTableMessage.class)
    Void m_noMappingTable;

    @Widget(title = "Mapping: entity column", description = "Mapping table (second input): the entity column. "
        + "Shown when a mapping table is connected.")
    @ChoicesProvider(ColumnChoices.KeysOfSecondInput.class)
    @Effect(predicate = IsMappingWithTable.class, type = EffectType.SHOW)
    @Persist(configKey = "mapping_entity_column")
    String m_mappingEntity = "";

    @Widget(title = "Mapping: group column", description = "Mapping table (second input): the group of the entity. "
        + "Shown when a mapping table is connected.")
    @ChoicesProvider(ColumnChoices.KeysOfSecondInput.class)
    @Effect(predicate = IsMappingWithTable.class, type = EffectType.SHOW)
    @Persist(configKey = "mapping_group_column")
    String m_mappingGroup = "";

    @Widget(title = "Group column", description = "Name of the appended string column with the subsample.")
    @TextInputWidget(minLengthValidation = IsNotEmptyValidation.class)
    @Persist(configKey = "group_column")
    String m_groupColumn = SplitOptions.DEFAULT_GROUP_COLUMN;

    /** Defaults. */
    public PanelSubsampleSplitterParameters() {
    }

    /** Defaults with entity and time guessed from the connected tables. */
    public PanelSubsampleSplitterParameters(final NodeParametersInput input) {
        input.getInTableSpec(0).ifPresent(spec -> {
            var schema = KnimeTables.schema(spec);
            m_entity = ColumnGuess.entity(schema).orElse("");
            m_time = ColumnGuess.time(schema).orElse("");
        });
        input.getInTableSpec(1).ifPresent(spec -> {
            var schema = KnimeTables.schema(spec);
            var keys = schema.names(k -> k.isKey());
            m_mappingEntity = ColumnGuess.entity(schema).orElse(keys.isEmpty() ? "" : keys.get(0));
            m_mappingGroup = keys.stream().filter(k -> !k.equals(m_mappingEntity)).findFirst().orElse("");
        });
    }

    SplitOptions toOptions() {
        return new SplitOptions(SplitOptions.Method.valueOf(m_method.name()), m_entity, m_time, m_breakYear,
            m_source, m_groupColumn, m_mappingEntity, m_mappingGroup);
    }

    /** In the order of the Coefficient Difference Test's "Split by". */
    enum MethodChoice {
            @Label(value = "Break year", description = "before / from the break year")
            BREAK_YEAR,
            @Label(value = "NBS three regions", description = "East, Central, West (the study's grouping)")
            REGION_NBS3,
            @Label(value = "NBS four regions", description = "East, Central, West, Northeast")
            REGION_NBS4,
            @Label(value = "Mapping table", description = "entity → group from a table at the second (optional) "
                + "input")
            MAPPING,
            @Label(value = "Column", description = "one subsample per distinct value of a column")
            COLUMN
    }

    static final class MethodRef implements ParameterReference<MethodChoice> {
    }

    static final class IsBreak implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(MethodRef.class).isOneOf(MethodChoice.BREAK_YEAR);
        }
    }

    static final class IsColumn implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(MethodRef.class).isOneOf(MethodChoice.COLUMN);
        }
    }

    static final class IsMapping implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(MethodRef.class).isOneOf(MethodChoice.MAPPING);
        }
    }

    /** Mapping chosen and a table at the second input: the mapping columns can be chosen. */
    static final class IsMappingWithTable implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return and(i.getPredicate(IsMapping.class), i.getConstant(input -> input.getInTableSpec(1).isPresent()));
        }
    }

    /** Mapping chosen without a table at the second input: says what to connect. */
    static final class NoMappingTableMessage implements StateProvider<Optional<TextMessage.Message>> {
        static final String TITLE = "No mapping table connected";

        private Supplier<MethodChoice> m_method;

        @Override
        public void init(final StateProviderInitializer initializer) {
            initializer.computeBeforeOpenDialog();
            m_method = initializer.computeFromValueSupplier(MethodRef.class);
        }

        @Override
        public Optional<TextMessage.Message> computeState(final NodeParametersInput input) {
            if (m_method.get() != MethodChoice.MAPPING || input.getInTableSpec(1).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(new TextMessage.Message(TITLE, "Connect a table with the entity and its group "
                + "(e.g. province and region) to the second input of the node, or choose another split.",
                TextMessage.MessageType.INFO));
        }
    }
}
