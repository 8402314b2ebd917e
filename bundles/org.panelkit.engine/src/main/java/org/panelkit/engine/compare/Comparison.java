package org.panelkit.engine.compare;

import java.util.List;
import java.util.Map;

import org.panelkit.engine.fe.FTest;

/**
 * One way of testing coefficient differences across groups: the differences against the base group, for each
 * compared term the joint test that it is equal in every group (m - 1 restrictions), and the joint test that
 * every compared term is equal in every group. Joint tests are Wald tests W = d' V_d^-1 d reported as F = W/q
 * with (q, df) degrees of freedom (df infinite: chi-square(q)/q). Immutable.
 */
public final class Comparison {
    private final String method;
    private final String description;
    private final List<CoefficientDifference> differences;
    private final Map<String, FTest> termTests;
    private final FTest joint;
    private final double[] coefficients;
    private final double[][] vcov;

    Comparison(String method, String description, List<CoefficientDifference> differences, Map<String, FTest> termTests,
            FTest joint, double[] coefficients, double[][] vcov) {
        this.coefficients = coefficients.clone();
        this.vcov = vcov;
        this.method = method;
        this.description = description;
        this.differences = List.copyOf(differences);
        this.termTests = Map.copyOf(termTests);
        this.joint = joint;
    }

    /** {@code pooled} or {@code suest}. */
    public String method() { return method; }
    public String description() { return description; }
    /** Per term (in model order) and group (in group order, base excluded). */
    public List<CoefficientDifference> differences() { return differences; }
    /** Per compared term: all groups equal. */
    public FTest termTest(String term) { return termTests.get(term); }
    /** Every compared term equal in every group. */
    public FTest joint() { return joint; }
    /** The group coefficients, term-major: (term 1, group 1), (term 1, group 2), ..., (term 2, group 1), ... */
    public double[] coefficients() { return coefficients.clone(); }
    /** Their covariance matrix under this method (same order; a copy). */
    public double[][] vcov() {
        double[][] out = new double[vcov.length][];
        for (int i = 0; i < vcov.length; i++) {
            out[i] = vcov[i].clone();
        }
        return out;
    }
}
