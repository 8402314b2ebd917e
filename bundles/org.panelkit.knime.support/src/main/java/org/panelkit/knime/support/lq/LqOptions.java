package org.panelkit.knime.support.lq;

import java.util.ArrayList;
import java.util.List;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.lq.LqSpec;
import org.panelkit.engine.lq.LqSpec.Layout;
import org.panelkit.engine.lq.LqSpec.Missing;
import org.panelkit.engine.lq.LqSpec.National;
import org.panelkit.knime.support.prep.PanelColumns;
import org.panelkit.knime.support.table.ColumnsBuilder;
import org.panelkit.knime.support.table.TableSchema;

/**
 * Options of the Location Quotient node mapped to the engine's {@link LqSpec}, validated against the input table
 * with messages that name the fix. Long layout: region, time, industry and value columns; appends
 * {@code region_total, industry_national, national_total, lq}. Wide layout: region, time and one numeric column
 * per industry; appends {@code lq_<industry>}. National totals: the sum over the regions of the table, the rows of
 * a national region, or national columns of the table (long: one column; wide: per industry the column named
 * industry + suffix).
 */
public record LqOptions(Layout layout, String region, String time, List<String> industries, String industry,
        String value, National national, String nationalRegion, String nationalColumn, String nationalSuffix,
        Missing missing, boolean allowNegative, boolean indices) {

    /** Column names appended in the long layout. */
    public static final List<String> LONG_OUTPUT = List.of("region_total", "industry_national", "national_total", "lq");
    /** Prefix of the appended columns in the wide layout. */
    public static final String WIDE_PREFIX = "lq_";
    public static final String DEFAULT_NATIONAL_SUFFIX = "_national";

    public LqOptions {
        industries = List.copyOf(industries);
    }

    /** Wide layout, totals from the table, missing propagate, no indices. */
    public static LqOptions wide(String region, String time, List<String> industries) {
        return new LqOptions(Layout.WIDE, region, time, industries, "", "", National.SUM_OF_REGIONS, "", "",
                DEFAULT_NATIONAL_SUFFIX, Missing.PROPAGATE, false, false);
    }

    /** Long layout, totals from the table, missing propagate, no indices. */
    public static LqOptions longFormat(String region, String time, String industry, String value) {
        return new LqOptions(Layout.LONG, region, time, List.of(), industry, value, National.SUM_OF_REGIONS, "", "",
                DEFAULT_NATIONAL_SUFFIX, Missing.PROPAGATE, false, false);
    }

    public LqOptions withNational(National n, String nationalRegion, String nationalColumn, String nationalSuffix) {
        return new LqOptions(layout, region, time, industries, industry, value, n, nationalRegion, nationalColumn,
                nationalSuffix, missing, allowNegative, indices);
    }

    public LqOptions withIndices(boolean compute) {
        return new LqOptions(layout, region, time, industries, industry, value, national, nationalRegion,
                nationalColumn, nationalSuffix, missing, allowNegative, compute);
    }

    /**
     * The engine specification.
     *
     * @throws IllegalArgumentException naming the option to fix
     */
    public LqSpec toSpec(TableSchema schema) {
        schema.requireKey(region, "region column");
        schema.requireKey(time, "time column");
        if (region.equals(time)) {
            throw new IllegalArgumentException("'" + region + "' is both the region and the time column: choose two "
                    + "different columns");
        }
        LqSpec.Builder b;
        if (layout == Layout.WIDE) {
            if (industries.isEmpty()) {
                throw new IllegalArgumentException("no industry columns selected: choose at least one numeric "
                        + "industry column (wide layout)");
            }
            for (String c : industries) {
                notKey(c, "industry columns");
                schema.requireNumeric(c, "industry column");
            }
            b = LqSpec.wideFormat(region, time, industries);
        } else {
            schema.requireKey(industry, "industry column");
            schema.requireNumeric(value, "value column");
            notKey(industry, "industry column");
            notKey(value, "value column");
            if (industry.equals(value)) {
                throw new IllegalArgumentException("'" + value + "' is both the industry and the value column: "
                        + "choose two different columns");
            }
            b = LqSpec.longFormat(region, time, industry, value);
        }
        switch (national) {
            case NATIONAL_ROWS -> {
                if (nationalRegion == null || nationalRegion.isBlank()) {
                    throw new IllegalArgumentException("no national region given: enter the value of the region "
                            + "column that names the national rows (e.g. China)");
                }
                b.nationalRegion(nationalRegion.strip());
            }
            case NATIONAL_COLUMN -> b.nationalColumns(nationalColumns(schema));
            case SUM_OF_REGIONS -> { }
        }
        try {
            LqSpec spec = b.allowNegative(allowNegative).missing(missing).indices(indices).build();
            PanelColumns.checkNewColumns(schema, outputColumns());
            return spec;
        } catch (PanelKitException e) {
            throw new IllegalArgumentException(e.getMessage() + ": change the column selection", e);
        }
    }

    private void notKey(String c, String role) {
        if (c.equals(region) || c.equals(time)) {
            throw new IllegalArgumentException("column '" + c + "' is the " + (c.equals(region) ? "region" : "time")
                    + " column: remove it from the " + role);
        }
    }

    private List<String> nationalColumns(TableSchema schema) {
        if (layout == Layout.LONG) {
            schema.requireNumeric(nationalColumn, "national column");
            return List.of(nationalColumn);
        }
        if (nationalSuffix == null || nationalSuffix.isEmpty()) {
            throw new IllegalArgumentException("the national column suffix is empty: enter the suffix that names "
                    + "each industry's national column (e.g. _national)");
        }
        List<String> out = new ArrayList<>();
        for (String c : industries) {
            String n = c + nationalSuffix;
            if (!schema.has(n)) {
                throw new IllegalArgumentException("the national column '" + n + "' of industry '" + c
                        + "' is not in the input table: add it (e.g. with a Joiner) or change the national column "
                        + "suffix");
            }
            schema.requireNumeric(n, "national column of industry '" + c + "'");
            out.add(n);
        }
        return out;
    }

    /** The appended columns, in order. */
    public List<String> outputColumns() {
        if (layout == Layout.LONG) {
            return LONG_OUTPUT;
        }
        return industries.stream().map(c -> WIDE_PREFIX + c).toList();
    }

    /** Declares the columns the engine reads (keys, then values and national columns). */
    public void declareColumns(TableSchema schema, LqSpec spec, ColumnsBuilder b) {
        b.key(region, schema.kind(region));
        b.key(time, schema.kind(time));
        if (layout == Layout.LONG) {
            b.key(industry, schema.kind(industry));
            b.numeric(value, schema.kind(value));
        } else {
            for (String c : industries) {
                b.numeric(c, schema.kind(c));
            }
        }
        for (String c : spec.nationalColumns()) {
            b.numeric(c, schema.kind(c));
        }
    }
}
