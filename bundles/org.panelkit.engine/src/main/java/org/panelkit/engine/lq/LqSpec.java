package org.panelkit.engine.lq;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.panelkit.engine.PanelKitException;

/**
 * What to compute location quotients from. Immutable; build with {@link #longFormat} (one row per region,
 * time and industry) or {@link #wideFormat} (one row per region and time, one column per industry).
 * Defaults: national totals are the sums over the regions in the table, negative values are an error,
 * a missing value makes every total that includes it missing ({@link Missing#PROPAGATE}), no indices.
 */
public final class LqSpec {
    /** Table layout. */
    public enum Layout { LONG, WIDE }

    /** Where the national totals Y_jt and Y_t come from. */
    public enum National {
        /** Y_jt = sum over the regions in the table; Y_t = sum of those over industries. */
        SUM_OF_REGIONS,
        /** Y_jt = the rows whose region is the named national region (they are not a region themselves). */
        NATIONAL_ROWS,
        /** Y_jt = a column holding the national value of the row's industry and year. */
        NATIONAL_COLUMN
    }

    /** How totals treat missing values. */
    public enum Missing {
        /** A total that includes a missing value is missing (like R's {@code sum} without {@code na.rm}). */
        PROPAGATE,
        /** Totals are sums over the observed values (like {@code sum(na.rm = TRUE)}); all-missing is missing. */
        SKIP;

        public static Missing fromKey(String key) {
            String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
            switch (k) {
            case "propagate":
                return PROPAGATE;
            case "skip":
                return SKIP;
            default:
                throw new PanelKitException("unknown missing-value rule '" + key + "' (expected propagate or skip)");
            }
        }
    }

    private final Layout layout;
    private final String region;
    private final String time;
    private final String industry;
    private final String value;
    private final List<String> industries;
    private final National national;
    private final String nationalRegion;
    private final List<String> nationalColumns;
    private final boolean allowNegative;
    private final Missing missing;
    private final boolean indices;

    private LqSpec(Builder b) {
        this.layout = b.layout;
        this.region = b.region;
        this.time = b.time;
        this.industry = b.industry;
        this.value = b.value;
        this.industries = b.industries == null ? List.of() : List.copyOf(b.industries);
        this.nationalRegion = b.nationalRegion;
        this.nationalColumns = b.nationalColumns == null ? List.of() : List.copyOf(b.nationalColumns);
        this.national = nationalRegion != null ? National.NATIONAL_ROWS
                : !nationalColumns.isEmpty() ? National.NATIONAL_COLUMN : National.SUM_OF_REGIONS;
        this.allowNegative = b.allowNegative;
        this.missing = b.missing;
        this.indices = b.indices;
    }

    /** Long table: one row per region, time and industry with the value in {@code value}. */
    public static Builder longFormat(String region, String time, String industry, String value) {
        Builder b = new Builder(Layout.LONG, region, time);
        b.industry = industry;
        b.value = value;
        return b;
    }

    /** Wide table: one row per region and time, one numeric column per industry. */
    public static Builder wideFormat(String region, String time, List<String> industries) {
        Builder b = new Builder(Layout.WIDE, region, time);
        b.industries = industries;
        return b;
    }

    public Layout layout() { return layout; }
    public String region() { return region; }
    public String time() { return time; }
    /** Industry column (long layout), else null. */
    public String industry() { return industry; }
    /** Value column (long layout), else null. */
    public String value() { return value; }
    /** Industry columns (wide layout), else empty. */
    public List<String> industries() { return industries; }
    public National national() { return national; }
    /** The region value naming the national rows ({@link National#NATIONAL_ROWS}), else null. */
    public String nationalRegion() { return nationalRegion; }
    /**
     * The national-value column(s) ({@link National#NATIONAL_COLUMN}): one column in the long layout, one per
     * industry (same order) in the wide layout; else empty.
     */
    public List<String> nationalColumns() { return nationalColumns; }
    public boolean allowNegative() { return allowNegative; }
    public Missing missing() { return missing; }
    /** Whether to compute the Krugman, Hoover, Gini and HHI indices as well. */
    public boolean indices() { return indices; }

    /** Builder with validation in {@link #build()}. */
    public static final class Builder {
        private final Layout layout;
        private final String region;
        private final String time;
        private String industry;
        private String value;
        private List<String> industries;
        private String nationalRegion;
        private List<String> nationalColumns;
        private boolean allowNegative;
        private Missing missing = Missing.PROPAGATE;
        private boolean indices;

        private Builder(Layout layout, String region, String time) {
            this.layout = layout;
            this.region = region;
            this.time = time;
        }

        /** National totals from the rows whose region is {@code name}; those rows are not a region. */
        public Builder nationalRegion(String name) {
            this.nationalRegion = name;
            return this;
        }

        /** Long layout: the column with the national value of each row's industry and year. */
        public Builder nationalColumn(String column) {
            this.nationalColumns = column == null ? null : List.of(column);
            return this;
        }

        /** Wide layout: one national column per industry column, in the same order. */
        public Builder nationalColumns(List<String> columns) {
            this.nationalColumns = columns;
            return this;
        }

        public Builder allowNegative(boolean allow) {
            this.allowNegative = allow;
            return this;
        }

        public Builder missing(Missing rule) {
            this.missing = Objects.requireNonNull(rule);
            return this;
        }

        public Builder indices(boolean compute) {
            this.indices = compute;
            return this;
        }

        public LqSpec build() {
            require(region, "region");
            require(time, "time");
            Set<String> used = new HashSet<>();
            used.add(region);
            distinct(used, time);
            if (layout == Layout.LONG) {
                require(industry, "industry");
                require(value, "value");
                distinct(used, industry);
                distinct(used, value);
            } else {
                if (industries == null || industries.isEmpty()) {
                    throw new PanelKitException("the wide layout needs at least one industry column");
                }
                for (String c : industries) {
                    require(c, "industry");
                    distinct(used, c);
                }
            }
            if (nationalRegion != null && nationalRegion.isBlank()) {
                throw new PanelKitException("the national region name is empty");
            }
            if (nationalColumns != null && !nationalColumns.isEmpty()) {
                if (nationalRegion != null) {
                    throw new PanelKitException("give national rows or a national column, not both");
                }
                int expected = layout == Layout.LONG ? 1 : industries.size();
                if (nationalColumns.size() != expected) {
                    throw new PanelKitException(layout == Layout.LONG
                            ? "the long layout takes one national column, got " + nationalColumns
                            : "the wide layout needs one national column per industry column (" + industries.size()
                                    + " industries " + industries + "), got " + nationalColumns.size() + " "
                                    + nationalColumns);
                }
                for (String c : nationalColumns) {
                    require(c, "national");
                    distinct(used, c);
                }
            }
            return new LqSpec(this);
        }

        private static void require(String name, String what) {
            if (name == null || name.isBlank()) {
                throw new PanelKitException("the " + what + " column is not given");
            }
        }

        private static void distinct(Set<String> used, String name) {
            if (!used.add(name)) {
                throw new PanelKitException("column '" + name + "' is given for two roles");
            }
        }
    }
}
