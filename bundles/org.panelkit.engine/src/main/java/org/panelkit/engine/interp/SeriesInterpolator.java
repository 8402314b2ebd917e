package org.panelkit.engine.interp;

/**
 * Fills the missing cells (NaN) of one entity's series in place. The rows {@code s .. e-1} of the arrays are the
 * entity's rows in time order; {@code t} holds their time values (the x of every formula) and {@code p} their
 * period numbers (only used to measure gaps against the maximum gap). With observed points
 * (x_j, y_j), j = 0..k-1, h_j = x_{j+1} - x_j and delta_j = (y_{j+1} - y_j) / h_j, a cell at time x between
 * x_j and x_{j+1} gets
 * <ul>
 * <li>linear: y_j + (y_{j+1} - y_j) ((x - x_j) / h_j) (R {@code approx}, same operation order);</li>
 * <li>loglinear: exp of the linear formula applied to log y;</li>
 * <li>spline: the natural cubic spline y_j + s (b_j + s (c_j + s d_j)), s = x - x_j, with second derivatives
 * M from the tridiagonal system h_{j-1} M_{j-1} + 2 (h_{j-1} + h_j) M_j + h_j M_{j+1} = 6 (delta_j - delta_{j-1}),
 * M_0 = M_{k-1} = 0, and b_j = delta_j - h_j (2 M_j + M_{j+1}) / 6, c_j = M_j / 2, d_j = (M_{j+1} - M_j) / (6 h_j)
 * (de Boor, <i>A Practical Guide to Splines</i>, ch. IV; R {@code splinefun(method = "natural")});</li>
 * <li>pchip: the cubic Hermite piece y_j + s (d_j + s (a_j + s b_j)), a_j = (3 delta_j - 2 d_j - d_{j+1}) / h_j,
 * b_j = (d_j - 2 delta_j + d_{j+1}) / h_j^2, with slopes d: interior d_j = 0 where delta_{j-1} and delta_j
 * differ in sign or one is zero, else the weighted harmonic mean (w1 + w2) / (w1 / delta_{j-1} + w2 / delta_j),
 * w1 = 2 h_j + h_{j-1}, w2 = h_j + 2 h_{j-1} (Fritsch and Butland 1984); end slopes
 * ((2 h_0 + h_1) delta_0 - h_0 delta_1) / (h_0 + h_1), set to 0 if its sign differs from delta_0 and to
 * 3 delta_0 if delta_0 and delta_1 differ in sign and it is larger than that (MATLAB {@code pchip}, Moler 2004,
 * {@code pchiptx}). With two points it is the straight line;</li>
 * <li>locf y_j, nocb y_{j+1}, nearest the one of y_j, y_{j+1} nearer in time (y_j at a tie).</li>
 * </ul>
 * One observed point: every method is the constant. Leading and trailing cells follow {@link Ends}; LOCF fills a
 * trailing and NOCB a leading run by definition. Runs longer than {@code maxGap} periods stay missing.
 * Not thread-safe (scratch arrays); one instance per thread.
 */
final class SeriesInterpolator {
    private final InterpolationMethod method;
    private final Ends ends;
    private final int maxGap;
    private final boolean logs;
    private int[] obs = new int[0];
    private double[] xs = new double[0];
    private double[] ys = new double[0];   // in logs for loglinear
    private double[] orig = new double[0]; // observed values as given
    private double[] c1 = new double[0];
    private double[] c2 = new double[0];
    private double[] c3 = new double[0];
    private double[] work = new double[0];
    private double[] work2 = new double[0];
    private int k;
    private double slopeLeft;
    private double slopeRight;

    SeriesInterpolator(InterpolationMethod method, Ends ends, int maxGap) {
        this.method = method;
        this.ends = ends;
        this.maxGap = maxGap;
        this.logs = method == InterpolationMethod.LOGLINEAR;
    }

    private void ensure(int n) {
        if (obs.length < n) {
            int cap = Math.max(n, 16);
            obs = new int[cap];
            xs = new double[cap];
            ys = new double[cap];
            orig = new double[cap];
            c1 = new double[cap];
            c2 = new double[cap];
            c3 = new double[cap];
            work = new double[cap];
            work2 = new double[cap];
        }
    }

    /** Fills y[s..e) in place, marks filled cells, returns how many were filled. */
    int fill(double[] t, int[] p, double[] y, boolean[] filled, int s, int e) {
        ensure(e - s);
        k = 0;
        for (int i = s; i < e; i++) {
            double v = y[i];
            if (!Double.isNaN(v)) {
                obs[k] = i;
                xs[k] = t[i];
                orig[k] = v;
                ys[k] = logs ? Math.log(v) : v;
                k++;
            }
        }
        if (k == 0 || k == e - s) {
            return 0;
        }
        prepare();
        int count = 0;
        for (int j = 0; j + 1 < k; j++) {
            int a = obs[j];
            int b = obs[j + 1];
            if (b - a < 2 || (maxGap >= 0 && p[b] - p[a] - 1 > maxGap)) {
                continue;
            }
            for (int i = a + 1; i < b; i++) {
                y[i] = interior(j, t[i]);
                filled[i] = true;
                count++;
            }
        }
        int first = obs[0];
        if (first > s && (ends != Ends.NONE || method == InterpolationMethod.NOCB)
                && (maxGap < 0 || p[first] - p[s] <= maxGap)) {
            for (int i = s; i < first; i++) {
                y[i] = before(t[i]);
                filled[i] = true;
                count++;
            }
        }
        int last = obs[k - 1];
        if (last < e - 1 && (ends != Ends.NONE || method == InterpolationMethod.LOCF)
                && (maxGap < 0 || p[e - 1] - p[last] <= maxGap)) {
            for (int i = last + 1; i < e; i++) {
                y[i] = after(t[i]);
                filled[i] = true;
                count++;
            }
        }
        return count;
    }

    private void prepare() {
        if (k < 2) {
            return;
        }
        if (method == InterpolationMethod.SPLINE) {
            prepareNaturalSpline();
        } else if (method == InterpolationMethod.PCHIP) {
            preparePchip();
        }
    }

    private void prepareNaturalSpline() {
        int n = k;
        double[] m = work;    // second derivatives M_0..M_{n-1}
        double[] cp = work2;  // Thomas algorithm: modified super-diagonal
        m[0] = 0;
        m[n - 1] = 0;
        if (n >= 3) {
            // unknowns M_1..M_{n-2}; forward sweep stores the modified rhs in m
            for (int i = 1; i <= n - 2; i++) {
                double hl = xs[i] - xs[i - 1];
                double hr = xs[i + 1] - xs[i];
                double diag = 2 * (hl + hr);
                double rhs = 6 * ((ys[i + 1] - ys[i]) / hr - (ys[i] - ys[i - 1]) / hl);
                if (i > 1) {
                    diag -= hl * cp[i - 1];
                    rhs -= hl * m[i - 1];
                }
                cp[i] = hr / diag;
                m[i] = rhs / diag;
            }
            cp[n - 2] = 0; // M_{n-1} = 0 closes the system
            for (int i = n - 3; i >= 1; i--) {
                m[i] -= cp[i] * m[i + 1];
            }
        }
        for (int j = 0; j < n - 1; j++) {
            double h = xs[j + 1] - xs[j];
            double delta = (ys[j + 1] - ys[j]) / h;
            c1[j] = delta - h * (2 * m[j] + m[j + 1]) / 6;
            c2[j] = m[j] / 2;
            c3[j] = (m[j + 1] - m[j]) / (6 * h);
        }
        double h = xs[n - 1] - xs[n - 2];
        slopeLeft = c1[0];
        slopeRight = c1[n - 2] + h * (2 * c2[n - 2] + 3 * c3[n - 2] * h);
    }

    private void preparePchip() {
        int n = k;
        double[] d = work;
        double[] delta = work2;
        for (int j = 0; j < n - 1; j++) {
            delta[j] = (ys[j + 1] - ys[j]) / (xs[j + 1] - xs[j]);
        }
        if (n == 2) {
            d[0] = delta[0];
            d[1] = delta[0];
        } else {
            for (int j = 1; j < n - 1; j++) {
                double hl = xs[j] - xs[j - 1];
                double hr = xs[j + 1] - xs[j];
                if (Math.signum(delta[j - 1]) * Math.signum(delta[j]) > 0) {
                    double w1 = 2 * hr + hl;
                    double w2 = hr + 2 * hl;
                    d[j] = (w1 + w2) / (w1 / delta[j - 1] + w2 / delta[j]);
                } else {
                    d[j] = 0;
                }
            }
            d[0] = pchipEnd(xs[1] - xs[0], xs[2] - xs[1], delta[0], delta[1]);
            d[n - 1] = pchipEnd(xs[n - 1] - xs[n - 2], xs[n - 2] - xs[n - 3], delta[n - 2], delta[n - 3]);
        }
        for (int j = 0; j < n - 1; j++) {
            double h = xs[j + 1] - xs[j];
            c1[j] = d[j];
            c2[j] = (3 * delta[j] - 2 * d[j] - d[j + 1]) / h;
            c3[j] = (d[j] - 2 * delta[j] + d[j + 1]) / (h * h);
        }
    }

    /** One-sided three-point end slope, shape-preserving (Moler's pchipend). */
    static double pchipEnd(double h1, double h2, double del1, double del2) {
        double d = ((2 * h1 + h2) * del1 - h1 * del2) / (h1 + h2);
        if (Math.signum(d) != Math.signum(del1)) {
            return 0;
        }
        if (Math.signum(del1) != Math.signum(del2) && Math.abs(d) > Math.abs(3 * del1)) {
            return 3 * del1;
        }
        return d;
    }

    private double piece(int j, double x) {
        double s = x - xs[j];
        return ys[j] + s * (c1[j] + s * (c2[j] + s * c3[j]));
    }

    private double interior(int j, double x) {
        switch (method) {
        case LINEAR:
            return ys[j] + (ys[j + 1] - ys[j]) * ((x - xs[j]) / (xs[j + 1] - xs[j]));
        case LOGLINEAR:
            return Math.exp(ys[j] + (ys[j + 1] - ys[j]) * ((x - xs[j]) / (xs[j + 1] - xs[j])));
        case SPLINE:
        case PCHIP:
            return piece(j, x);
        case LOCF:
            return orig[j];
        case NOCB:
            return orig[j + 1];
        case NEAREST:
            return x - xs[j] <= xs[j + 1] - x ? orig[j] : orig[j + 1];
        default:
            throw new IllegalStateException(method.toString());
        }
    }

    private boolean constantEnds() {
        return ends != Ends.EXTRAPOLATE || k == 1 || method == InterpolationMethod.LOCF
                || method == InterpolationMethod.NOCB || method == InterpolationMethod.NEAREST;
    }

    private double before(double x) {
        if (constantEnds()) {
            return orig[0];
        }
        switch (method) {
        case LINEAR:
            return ys[0] + (ys[1] - ys[0]) * ((x - xs[0]) / (xs[1] - xs[0]));
        case LOGLINEAR:
            return Math.exp(ys[0] + (ys[1] - ys[0]) * ((x - xs[0]) / (xs[1] - xs[0])));
        case SPLINE:
            return ys[0] + slopeLeft * (x - xs[0]);
        case PCHIP:
            return piece(0, x);
        default:
            throw new IllegalStateException(method.toString());
        }
    }

    private double after(double x) {
        if (constantEnds()) {
            return orig[k - 1];
        }
        int a = k - 2;
        int b = k - 1;
        switch (method) {
        case LINEAR:
            return ys[a] + (ys[b] - ys[a]) * ((x - xs[a]) / (xs[b] - xs[a]));
        case LOGLINEAR:
            return Math.exp(ys[a] + (ys[b] - ys[a]) * ((x - xs[a]) / (xs[b] - xs[a])));
        case SPLINE:
            return ys[b] + slopeRight * (x - xs[b]);
        case PCHIP:
            return piece(a, x);
        default:
            throw new IllegalStateException(method.toString());
        }
    }
}
