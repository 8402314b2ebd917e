package org.panelkit.engine.fe;

/**
 * How the fixed effects were partialled out: {@code none} (pooled OLS), {@code means} (one term: group means),
 * {@code direct} (two or more terms: the term with most levels by group means, the others by an exact solve of
 * their reduced normal equations) or {@code iterative} (conjugate gradient on the symmetric Kaczmarz sweep of
 * the terms' projections, as reghdfe's default), with the iterations used (the most over y and the regressors),
 * the tolerance and whether every column converged. Immutable.
 */
public final class Absorption {
    /** No fixed effects (nothing, or the constant of pooled OLS). */
    public static final Absorption NONE = new Absorption("none", 0, Double.NaN, true);
    /** One term: exact group means. */
    public static final Absorption MEANS = new Absorption("means", 0, Double.NaN, true);
    /** Two or more terms solved exactly. */
    public static final Absorption DIRECT = new Absorption("direct", 0, Double.NaN, true);

    private final String method;
    private final int iterations;
    private final double tolerance;
    private final boolean converged;

    public Absorption(String method, int iterations, double tolerance, boolean converged) {
        this.method = method;
        this.iterations = iterations;
        this.tolerance = tolerance;
        this.converged = converged;
    }

    /** {@code none}, {@code means}, {@code direct} or {@code iterative}. */
    public String method() { return method; }
    /** Iterations of the iterative method (the most over the columns), 0 otherwise. */
    public int iterations() { return iterations; }
    /** Convergence tolerance of the iterative method, NaN otherwise. */
    public double tolerance() { return tolerance; }
    /** Whether every column converged (always true for the exact methods). */
    public boolean converged() { return converged; }
    /** Whether the method iterates. */
    public boolean iterative() { return "iterative".equals(method); }
}
