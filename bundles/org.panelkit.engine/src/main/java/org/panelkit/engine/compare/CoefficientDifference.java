package org.panelkit.engine.compare;

/**
 * The difference of one coefficient between a group and the base group, b_group - b_base, with its standard
 * error, test statistic (t or z), two-sided p-value and the degrees of freedom of the reference distribution
 * (infinite = normal). Immutable.
 */
public final class CoefficientDifference {
    private final String term;
    private final String group;
    private final String baseGroup;
    private final double estimate;
    private final double stdError;
    private final double statistic;
    private final double pValue;
    private final double df;

    public CoefficientDifference(String term, String group, String baseGroup, double estimate, double stdError,
            double statistic, double pValue, double df) {
        this.term = term;
        this.group = group;
        this.baseGroup = baseGroup;
        this.estimate = estimate;
        this.stdError = stdError;
        this.statistic = statistic;
        this.pValue = pValue;
        this.df = df;
    }

    public String term() { return term; }
    public String group() { return group; }
    public String baseGroup() { return baseGroup; }
    /** b_group - b_base. */
    public double estimate() { return estimate; }
    public double stdError() { return stdError; }
    public double statistic() { return statistic; }
    public double pValue() { return pValue; }
    /** Degrees of freedom of the t reference distribution; infinite for z. */
    public double df() { return df; }
}
