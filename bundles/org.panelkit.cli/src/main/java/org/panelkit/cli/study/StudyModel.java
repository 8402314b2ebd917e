package org.panelkit.cli.study;

import java.util.List;

import org.panelkit.engine.fe.FixedEffectsResult;

/** One estimated model of the study: its id (file name), column label, table, sample and result. */
public final class StudyModel {
    private final String id;
    private final String label;
    private final String sample;
    private final List<String> regressors;
    private final FixedEffectsResult result;

    StudyModel(String id, String label, String sample, List<String> regressors, FixedEffectsResult result) {
        this.id = id;
        this.label = label;
        this.sample = sample;
        this.regressors = List.copyOf(regressors);
        this.result = result;
    }

    /** File-name id, e.g. {@code t4_east}. */
    public String id() { return id; }
    /** Column label, e.g. "Eastern China". */
    public String label() { return label; }
    /** Sample description, e.g. "East (NBS), 2001-2021". */
    public String sample() { return sample; }
    public List<String> regressors() { return regressors; }
    public FixedEffectsResult result() { return result; }
}
