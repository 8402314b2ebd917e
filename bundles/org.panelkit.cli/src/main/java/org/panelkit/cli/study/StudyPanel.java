package org.panelkit.cli.study;

import java.util.ArrayList;
import java.util.List;

import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.RowSelection;
import org.panelkit.engine.interp.ColumnSummary;
import org.panelkit.engine.interp.Ends;
import org.panelkit.engine.interp.InterpolationMethod;
import org.panelkit.engine.interp.InterpolationResult;
import org.panelkit.engine.interp.InterpolationSpec;
import org.panelkit.engine.interp.PanelInterpolation;

/**
 * Step 1 and 2 of the study: fill the gaps of the raw series within each province ("the variable data used
 * were smoothed, with interpolation methods employed to supplement missing data"; here linear in the year,
 * ends held at the nearest observed value: both choices are options), then build the variables.
 */
public final class StudyPanel {
    /** The raw series (every column of the raw file except the keys). */
    public static final List<String> SERIES = List.of(StudyDataGenerator.COLUMNS)
            .subList(4, StudyDataGenerator.COLUMNS.length);
    public static final List<String> KEYS = List.of("province_code", "province", "region", "year");

    private final Columns variables;
    private final List<ColumnSummary> filled;

    private StudyPanel(Columns variables, List<ColumnSummary> filled) {
        this.variables = variables;
        this.filled = filled;
    }

    public static StudyPanel build(ColumnSource raw, InterpolationMethod method, Ends ends,
            StudyVariables.IcSector icSector) {
        InterpolationResult r = PanelInterpolation.run(raw,
                InterpolationSpec.builder("province", "year", SERIES).method(method).ends(ends).build());
        int[] order = new int[r.rowCount()];
        for (int i = 0; i < order.length; i++) {
            order[i] = r.sourceRow(i);
        }
        RowSelection sorted = new RowSelection(raw, order);
        Columns filled = new Columns(order.length);
        for (String k : KEYS) {
            filled.addKey(k, sorted.key(k));
        }
        for (String s : SERIES) {
            filled.addNumeric(s, r.values(s));
        }
        return new StudyPanel(StudyVariables.derive(filled, icSector), new ArrayList<>(r.summary()));
    }

    /** province, region, year, TU, IC, IC2, CX, HUM, FDI, GOV, INF, TC, TE, KS. */
    public Columns variables() {
        return variables;
    }

    /** Cells filled and left missing per raw series. */
    public List<ColumnSummary> filled() {
        return filled;
    }
}
