package org.panelkit.engine.fe;

/** An F statistic with its degrees of freedom and upper-tail p-value. */
public final class FTest {
    private final double statistic;
    private final double df1;
    private final double df2;
    private final double pValue;

    public FTest(double statistic, double df1, double df2, double pValue) {
        this.statistic = statistic;
        this.df1 = df1;
        this.df2 = df2;
        this.pValue = pValue;
    }

    public double statistic() { return statistic; }
    public double df1() { return df1; }
    /** Denominator degrees of freedom (infinite for a chi-square based test). */
    public double df2() { return df2; }
    public double pValue() { return pValue; }
}
