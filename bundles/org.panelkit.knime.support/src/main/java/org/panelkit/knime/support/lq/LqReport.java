package org.panelkit.knime.support.lq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.panelkit.engine.lq.LocalizationTable;
import org.panelkit.engine.lq.LqResult;
import org.panelkit.engine.lq.LqSpec.Layout;
import org.panelkit.engine.lq.SpecializationTable;
import org.panelkit.knime.support.table.ColumnKind;
import org.panelkit.knime.support.table.ResultTable;
import org.panelkit.knime.support.table.ResultTable.Column;

/** A location-quotient result as the node writes it: appended columns per input row, index tables, warnings. */
public final class LqReport {
    public static final List<Column> SPECIALIZATION_COLUMNS = List.of(
            new Column("region", ColumnKind.STRING, "region (the national rows are not a region)"),
            new Column("time", ColumnKind.STRING, "period"),
            new Column("krugman", ColumnKind.DOUBLE, "Krugman specialization index: sum over industries of |regional "
                    + "share - national share|, 0 (national structure) to 2"));
    public static final List<Column> LOCALIZATION_COLUMNS = List.of(
            new Column("industry", ColumnKind.STRING, "industry"),
            new Column("time", ColumnKind.STRING, "period"),
            new Column("hoover", ColumnKind.DOUBLE, "Hoover coefficient of localization, 0 to 1"),
            new Column("gini", ColumnKind.DOUBLE, "locational Gini coefficient, 0 to 1"),
            new Column("hhi", ColumnKind.DOUBLE, "Herfindahl-Hirschman index of regional concentration, 1/R to 1"));

    private final LqResult result;

    public LqReport(LqResult result) {
        this.result = result;
    }

    /** The appended columns' values by input row, in the order of {@link LqOptions#outputColumns()}. */
    public List<double[]> outputValues() {
        List<double[]> out = new ArrayList<>();
        if (result.spec().layout() == Layout.LONG) {
            out.add(result.regionTotal());
            out.add(result.industryNational());
            out.add(result.nationalTotal());
            out.add(result.lq());
        } else {
            for (String c : result.spec().industries()) {
                out.add(result.lq(c));
            }
        }
        return out;
    }

    /** Krugman index per region-year; empty when the indices were not requested. */
    public ResultTable specialization() {
        var b = ResultTable.builder(SPECIALIZATION_COLUMNS);
        SpecializationTable t = result.specialization();
        for (int k = 0; t != null && k < t.size(); k++) {
            b.row(null, t.region(k), t.time(k), t.krugman(k));
        }
        return b.build();
    }

    /** Hoover, Gini and HHI per industry-year; empty when the indices were not requested. */
    public ResultTable localization() {
        var b = ResultTable.builder(LOCALIZATION_COLUMNS);
        LocalizationTable t = result.localization();
        for (int k = 0; t != null && k < t.size(); k++) {
            b.row(null, t.industry(k), t.time(k), t.hoover(k), t.gini(k), t.hhi(k));
        }
        return b.build();
    }

    /** The engine's warnings, then a count of missing LQs if any. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>(result.warnings());
        int missing = result.missingValues() + result.missingTotals() + result.zeroDenominators();
        if (missing > 0 && w.isEmpty()) {
            w.add(String.format(Locale.ROOT, "%d location quotients are missing (%d missing values, %d missing "
                    + "totals, %d zero denominators)", missing, result.missingValues(), result.missingTotals(),
                    result.zeroDenominators()));
        }
        return w;
    }
}
