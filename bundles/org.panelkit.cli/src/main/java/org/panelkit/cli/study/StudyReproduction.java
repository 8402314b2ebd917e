package org.panelkit.cli.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.panelkit.engine.PanelKitException;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.data.ColumnSource;
import org.panelkit.engine.data.RowSelection;
import org.panelkit.engine.fe.FixedEffectsRegression;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.regions.RegionGrouping;
import org.panelkit.engine.split.PanelSplitter;
import org.panelkit.engine.split.SplitResult;
import org.panelkit.engine.split.SplitSpec;

/**
 * The study's models on a prepared panel (docs/study.md): every model is TU on IC (or IC2) and the
 * controls with province and year fixed effects and standard errors clustered by province (Stata
 * {@code xtreg, fe vce(robust)}: the paper's "robust standard errors"; the options can change this).
 *
 * <pre>
 * Table 1  m1: TU ~ IC;  m2: TU ~ IC + controls                         (all provinces)
 * Table 2  t2_overall, t2_east, t2_central, t2_west: TU ~ IC2 + controls (all, NBS East/Central/West)
 * Table 3  t3_pre, t3_post: TU ~ IC + controls, years before / from the break year (2017)
 * Table 4  t4_east, t4_central, t4_west: TU ~ IC + controls             (NBS East/Central/West)
 * </pre>
 */
public final class StudyReproduction {
    private final ColumnSource panel;
    private final ModelSpec template;
    private final int breakYear;
    private final Map<String, StudyModel> models = new LinkedHashMap<>();

    /**
     * @param template the model options (effects, variance, convention, level); its variables are replaced by
     *        each model's
     */
    public StudyReproduction(ColumnSource panel, ModelSpec template, int breakYear) {
        this.panel = panel;
        this.template = template;
        this.breakYear = breakYear;
    }

    /** Fits every model of Tables 1 to 4. */
    public Map<String, StudyModel> fitAll(ProgressMonitor monitor) {
        List<String> controls = StudyVariables.CONTROLS;
        fit("m1", "Model 1", "all provinces", panel, List.of("IC"));
        fit("m2", "Model 2", "all provinces", panel, with("IC", controls));
        monitor.progress(0.2, "Table 2");
        SplitResult regions = PanelSplitter.split(panel, SplitSpec.byRegion("province", RegionGrouping.NBS3));
        if (regions.unassignedRows() > 0) {
            throw new PanelKitException(regions.unassignedRows() + " rows have a province that is not in the China "
                    + "region table: " + regions.unassigned());
        }
        fit("t2_overall", "Overall", "all provinces", panel, with("IC2", controls));
        for (String region : List.of("East", "Central", "West")) {
            fit("t2_" + region.toLowerCase(), regionLabel(region),
                    region + " (NBS)", subset(regions, region), with("IC2", controls));
        }
        monitor.progress(0.5, "Table 3");
        SplitResult periods = PanelSplitter.split(panel, SplitSpec.byBreak("year", breakYear));
        List<String> periodGroups = periods.groups();
        fit("t3_pre", periodGroups.get(0), "years " + periodGroups.get(0), subset(periods, periodGroups.get(0)),
                with("IC", controls));
        fit("t3_post", periodGroups.get(1), "years " + periodGroups.get(1), subset(periods, periodGroups.get(1)),
                with("IC", controls));
        monitor.progress(0.7, "Table 4");
        for (String region : List.of("East", "Central", "West")) {
            fit("t4_" + region.toLowerCase(), regionLabel(region),
                    region + " (NBS)", subset(regions, region), with("IC", controls));
        }
        return models;
    }

    private static String regionLabel(String region) {
        return (region.equals("Central") ? "Central" : region + "ern") + " China";
    }

    private static List<String> with(String first, List<String> rest) {
        List<String> x = new ArrayList<>();
        x.add(first);
        x.addAll(rest);
        return x;
    }

    private ColumnSource subset(SplitResult split, String group) {
        int g = split.groups().indexOf(group);
        if (g < 0) {
            throw new PanelKitException("no observations in group '" + group + "' (groups: " + split.groups() + ")");
        }
        return new RowSelection(panel, split.rows(g));
    }

    private void fit(String id, String label, String sample, ColumnSource data, List<String> x) {
        ModelSpec spec = template.withVariables("TU", x);
        models.put(id, new StudyModel(id, label, sample, x, FixedEffectsRegression.fit(data, spec)));
    }

    public Map<String, StudyModel> models() {
        return models;
    }
}
