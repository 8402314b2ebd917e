package org.panelkit.engine.vcov;

/**
 * What every sandwich estimator is built from: the design columns z (the within-transformed regressors, plus
 * a column of ones when the constant is reported), the residuals e and the bread (Z'Z)^-1. Score of
 * observation i: z_i e_i. Arrays are shared, not copied.
 */
public final class Scores {
    final double[][] z;
    final double[] e;
    final double[][] bread;
    final int n;
    final int width;

    public Scores(double[][] z, double[] e, double[][] bread) {
        this.z = z;
        this.e = e;
        this.bread = bread;
        this.n = e.length;
        this.width = z.length;
    }

    public int width() {
        return width;
    }

    /** Sum of scores per level of {@code codes}: u[level][j] = sum over the level of z_ij e_i. */
    double[][] summed(int[] codes, int levels) {
        // one pass over the rows into a flat levels x width array (cache-friendly for sorted codes)
        double[] flat = new double[levels * width];
        for (int i = 0; i < n; i++) {
            double ei = e[i];
            int base = codes[i] * width;
            for (int j = 0; j < width; j++) {
                flat[base + j] += z[j][i] * ei;
            }
        }
        double[][] u = new double[levels][];
        for (int g = 0; g < levels; g++) {
            u[g] = java.util.Arrays.copyOfRange(flat, g * width, (g + 1) * width);
        }
        return u;
    }

    public double[][] bread() {
        return bread;
    }

    /** B M B. */
    public double[][] sandwich(double[][] meat) {
        return Matrices.multiply(Matrices.multiply(bread, meat), bread);
    }
}
