package org.panelkit.knime.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.knime.node.parameters.updates.EffectPredicate;
import org.knime.node.parameters.updates.EffectPredicateProvider;
import org.knime.node.parameters.updates.ParameterReference;

/**
 * What the nodes that take analytic weights and additional fixed-effect terms (Panel Regression, Coefficient
 * Difference Test) share: the settings keys (the same in both nodes, documented in docs/knime-nodes.md), the widget
 * texts, the predicate that shows the weight column and the conversion to the KNIME-free options (one term of the
 * term array: {@link FixedEffectTermParameters}). Each node declares the three fields itself, with these constants, so that its settings stay
 * flat ({@code weighted}, {@code weight_column}, {@code additional_fixed_effects/<i>/columns}).
 */
public final class WeightsAndTerms {
    /** Settings keys. */
    public static final String KEY_WEIGHTED = "weighted", KEY_WEIGHTS = "weight_column",
            KEY_ADDITIONAL_FE = "additional_fixed_effects";

    public static final String WEIGHTED_TITLE = "Weighted regression";

    public static final String WEIGHTED_DESCRIPTION = "Weight the observations with analytic weights from a "
        + "numeric column, as Stata's [aweight = w] (reghdfe) and fixest's weights = ~w: the estimates are weighted "
        + "least squares and every standard error is computed on the weighted data. Rows with weight 0 are dropped "
        + "(counted in the model statistics), a negative weight is an error, a missing weight removes the row.";

    public static final String WEIGHT_COLUMN_TITLE = "Weight column";

    public static final String WEIGHT_COLUMN_DESCRIPTION = "The numeric column of analytic weights (0 or more).";

    public static final String ADDITIONAL_FE_TITLE = "Additional fixed effects";

    public static final String ADDITIONAL_FE_DESCRIPTION = "Further fixed effects absorbed in addition to those "
        + "chosen under 'Fixed effects' (as reghdfe's absorb(province year region#year) or fixest's | province + "
        + "year + region^year). Each term is one column (its levels' effects) or several columns (the effects of "
        + "their interaction: one level per combination present, e.g. region and year for region-by-year effects). "
        + "String or integer columns. A term equal to the entity or time effects already absorbed is absorbed once. "
        + "With additional terms, 'Fixed effects' None absorbs the additional terms only.";

    private WeightsAndTerms() {
    }

    /** The value of the "Weighted regression" checkbox. */
    public static final class WeightedRef implements ParameterReference<Boolean> {
    }

    /** Shows the weight column when the regression is weighted. */
    public static final class IsWeighted implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getBoolean(WeightedRef.class).isTrue();
        }
    }

    /** The terms as lists of columns (an empty list for a term without columns: an error in configure). */
    public static List<List<String>> terms(final FixedEffectTermParameters[] terms) {
        List<List<String>> out = new ArrayList<>();
        if (terms != null) {
            for (FixedEffectTermParameters t : terms) {
                out.add(t == null ? List.of() : Arrays.asList(t.columns()));
            }
        }
        return out;
    }

    /**
     * The weight column of a weighted regression, null when unweighted.
     *
     * @throws IllegalArgumentException when weighted without a column
     */
    public static String weightColumn(final boolean weighted, final String column) {
        if (!weighted) {
            return null;
        }
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("no weight column selected: choose a numeric weight column or turn "
                + "'Weighted regression' off");
        }
        return column;
    }
}
