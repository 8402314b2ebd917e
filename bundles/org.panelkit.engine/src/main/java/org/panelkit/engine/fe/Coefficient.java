package org.panelkit.engine.fe;

/** One row of a coefficient table: estimate, standard error, t statistic, p-value, interval. */
public final class Coefficient {
    private final String term;
    private final double estimate;
    private final double stdError;
    private final double statistic;
    private final double pValue;
    private final double confLow;
    private final double confHigh;
    private final double df;

    public Coefficient(String term, double estimate, double stdError, double statistic, double pValue,
            double confLow, double confHigh, double df) {
        this.term = term;
        this.estimate = estimate;
        this.stdError = stdError;
        this.statistic = statistic;
        this.pValue = pValue;
        this.confLow = confLow;
        this.confHigh = confHigh;
        this.df = df;
    }

    public String term() { return term; }
    public double estimate() { return estimate; }
    public double stdError() { return stdError; }
    public double statistic() { return statistic; }
    public double pValue() { return pValue; }
    public double confLow() { return confLow; }
    public double confHigh() { return confHigh; }
    /** Degrees of freedom of the t test (infinite = normal). */
    public double df() { return df; }
    public String stars() { return org.panelkit.engine.stats.Distributions.stars(pValue); }
}
