package org.panelkit.engine.lq;

import java.util.List;

import org.panelkit.engine.PanelKitException;

/**
 * Location quotients for every row of the input, in input order, with the totals they were computed from, the
 * counts of values that could not be computed and why, and (when asked for) the specialization and
 * localization indices. Arrays are not copied: do not modify them.
 */
public final class LqResult {
    private final LqSpec spec;
    private final int rows;
    private final List<String> industries;
    private final double[] regionTotal;
    private final double[] industryNational;
    private final double[] nationalTotal;
    private final double[][] lq;
    private final int missingValues;
    private final int missingTotals;
    private final int zeroDenominators;
    private final List<String> warnings;
    private final SpecializationTable specialization;
    private final LocalizationTable localization;

    LqResult(LqSpec spec, int rows, List<String> industries, double[] regionTotal, double[] industryNational,
            double[] nationalTotal, double[][] lq, int missingValues, int missingTotals, int zeroDenominators,
            List<String> warnings, SpecializationTable specialization, LocalizationTable localization) {
        this.spec = spec;
        this.rows = rows;
        this.industries = List.copyOf(industries);
        this.regionTotal = regionTotal;
        this.industryNational = industryNational;
        this.nationalTotal = nationalTotal;
        this.lq = lq;
        this.missingValues = missingValues;
        this.missingTotals = missingTotals;
        this.zeroDenominators = zeroDenominators;
        this.warnings = List.copyOf(warnings);
        this.specialization = specialization;
        this.localization = localization;
    }

    public LqSpec spec() { return spec; }

    public int rows() { return rows; }

    /** The industries: levels of the industry column (long) or the industry columns (wide). */
    public List<String> industries() { return industries; }

    /** Y_it per row: the row's region total over industries in the row's year. */
    public double[] regionTotal() { return regionTotal; }

    /** Y_jt per row (long layout): the national value of the row's industry in the row's year. */
    public double[] industryNational() {
        if (spec.layout() != LqSpec.Layout.LONG) {
            throw new IllegalStateException("industryNational() is per row in the long layout only");
        }
        return industryNational;
    }

    /** Y_t per row: the national total over industries in the row's year. */
    public double[] nationalTotal() { return nationalTotal; }

    /** LQ per row (long layout); NaN where it cannot be computed. */
    public double[] lq() {
        if (spec.layout() != LqSpec.Layout.LONG) {
            throw new IllegalStateException("lq() is for the long layout; use lq(industry)");
        }
        return lq[0];
    }

    /** LQ of one industry column per row (wide layout); NaN where it cannot be computed. */
    public double[] lq(String industry) {
        if (spec.layout() != LqSpec.Layout.WIDE) {
            throw new IllegalStateException("lq(industry) is for the wide layout; use lq()");
        }
        int j = spec.industries().indexOf(industry);
        if (j < 0) {
            throw new PanelKitException("'" + industry + "' is not one of the industry columns " + spec.industries());
        }
        return lq[j];
    }

    /** Cells whose own value is missing (their LQ is missing). */
    public int missingValues() { return missingValues; }

    /** LQs missing because a total they need is missing (includes a missing value, or no national value). */
    public int missingTotals() { return missingTotals; }

    /** LQs missing because a denominator (Y_it, Y_jt or Y_t) is zero. */
    public int zeroDenominators() { return zeroDenominators; }

    /** Human-readable warnings: what is missing, how many, and examples with row labels and keys. */
    public List<String> warnings() { return warnings; }

    /** The Krugman index per region-year, or null when not requested ({@link LqSpec#indices()}). */
    public SpecializationTable specialization() { return specialization; }

    /** Hoover, Gini and HHI per industry-year, or null when not requested. */
    public LocalizationTable localization() { return localization; }
}
