package org.panelkit.engine.vcov;

/** Small dense matrix helpers (k x k, k is the number of regressors). */
public final class Matrices {
    private Matrices() {
    }

    public static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        int inner = b.length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < inner; l++) {
                double ail = a[i][l];
                if (ail == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    out[i][j] += ail * b[l][j];
                }
            }
        }
        return out;
    }

    public static double[][] scale(double[][] a, double f) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] *= f;
            }
        }
        return out;
    }

    /** a + f b, element-wise. */
    public static double[][] addScaled(double[][] a, double f, double[][] b) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] += f * b[i][j];
            }
        }
        return out;
    }

    /** Sum over rows u of u u'. */
    public static double[][] crossprod(double[][] rows, int width) {
        double[][] out = new double[width][width];
        for (double[] u : rows) {
            for (int i = 0; i < width; i++) {
                double ui = u[i];
                if (ui == 0) {
                    continue;
                }
                for (int j = 0; j < width; j++) {
                    out[i][j] += ui * u[j];
                }
            }
        }
        return out;
    }

    /** L A L' for a rectangular L. */
    public static double[][] congruence(double[][] l, double[][] a) {
        double[][] la = multiply(l, a);
        double[][] out = new double[l.length][l.length];
        for (int i = 0; i < l.length; i++) {
            for (int j = 0; j < l.length; j++) {
                double s = 0;
                for (int m = 0; m < a.length; m++) {
                    s += la[i][m] * l[j][m];
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    public static double[][] identity(int n) {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            out[i][i] = 1;
        }
        return out;
    }
}
