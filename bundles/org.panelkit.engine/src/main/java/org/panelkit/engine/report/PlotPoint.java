package org.panelkit.engine.report;

/**
 * One estimate of a coefficient plot: which model and term, the estimate and its interval at the plot's level
 * (NaN ends when the model has no usable standard error). Immutable.
 */
public final class PlotPoint {
    private final int model;
    private final String modelLabel;
    private final String term;
    private final String termLabel;
    private final double estimate;
    private final double low;
    private final double high;
    private final double level;

    PlotPoint(int model, String modelLabel, String term, String termLabel, double estimate, double low, double high,
            double level) {
        this.model = model;
        this.modelLabel = modelLabel;
        this.term = term;
        this.termLabel = termLabel;
        this.estimate = estimate;
        this.low = low;
        this.high = high;
        this.level = level;
    }

    /** Index of the model (row of the plot, top first). */
    public int model() { return model; }
    public String modelLabel() { return modelLabel; }
    public String term() { return term; }
    public String termLabel() { return termLabel; }
    public double estimate() { return estimate; }
    public double low() { return low; }
    public double high() { return high; }
    /** Confidence level of [low, high]. */
    public double level() { return level; }

    @Override
    public String toString() {
        return modelLabel + " " + term + " " + estimate + " [" + low + ", " + high + "]";
    }
}
