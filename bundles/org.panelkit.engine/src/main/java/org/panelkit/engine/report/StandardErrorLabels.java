package org.panelkit.engine.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The short name of a variance estimator for a table row ("Cluster (CR1)"); the full description goes in the
 * notes. The small-sample convention is named only where it changes the numbers and is not Stata's xtreg
 * default, e.g. "Cluster (CR1, plm)".
 */
final class StandardErrorLabels {
    private StandardErrorLabels() {
    }

    static String shortLabel(ModelSummary m) {
        String type = m.seType();
        if (type == null || type.isBlank()) {
            return "";
        }
        String base;
        String variant = null;
        boolean conventionMatters = false;
        switch (type) {
        case "iid":
            base = "Conventional";
            break;
        case "hc0":
            base = "Robust";
            variant = "HC0";
            break;
        case "hc1":
            base = "Robust";
            variant = "HC1";
            conventionMatters = true;
            break;
        case "cr0":
            base = "Cluster";
            variant = "CR0";
            break;
        case "cluster":
            base = "Cluster";
            variant = "CR1";
            conventionMatters = true;
            break;
        case "cr2":
            base = "Cluster";
            variant = "CR2";
            break;
        case "twoway":
            base = "Two-way cluster";
            conventionMatters = true;
            break;
        case "dk":
            base = "Driscoll-Kraay";
            conventionMatters = true;
            break;
        case "wild":
            base = "Wild cluster bootstrap";
            break;
        default:
            base = type;
        }
        List<String> qualifiers = new ArrayList<>();
        if (variant != null) {
            qualifiers.add(variant);
        }
        String conv = m.seConvention();
        if (conventionMatters && conv != null && !conv.isBlank() && !conv.equals("xtreg")) {
            qualifiers.add(conv);
        }
        return qualifiers.isEmpty() ? base : base + " (" + String.join(", ", qualifiers) + ")";
    }
}
