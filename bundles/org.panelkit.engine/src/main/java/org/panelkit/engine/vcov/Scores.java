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

    /**
     * Sum of scores per level of {@code codes}: u[level][j] = sum over the level of z_ij e_i, each sum over the rows
     * in row order ({@link #summedByColumn}, transposed).
     */
    double[][] summed(int[] codes, int levels) {
        double[][] byColumn = summedByColumn(codes, levels);
        double[][] u = new double[levels][width];
        for (int j = 0; j < width; j++) {
            double[] col = byColumn[j];
            for (int g = 0; g < levels; g++) {
                u[g][j] = col[g];
            }
        }
        return u;
    }

    /**
     * The same sums column by column: u[j][level]. Large samples: the columns are shared between two tasks (same
     * sums, same order).
     */
    double[][] summedByColumn(int[] codes, int levels) {
        if ((long) n * width >= PARALLEL_WORK && width > 1) {
            double[][] byColumn = new double[width][];
            int half = width / 2;
            java.util.concurrent.ForkJoinTask<double[][]> first = org.panelkit.engine.Parallelism.fork(
                    () -> columnSums(codes, levels, 0, half));
            double[][] second = columnSums(codes, levels, half, width);
            System.arraycopy(first.join(), 0, byColumn, 0, half);
            System.arraycopy(second, 0, byColumn, half, width - half);
            return byColumn;
        }
        return columnSums(codes, levels, 0, width);
    }

    /** Work (rows x columns) from which {@link #summed} uses two tasks. */
    private static final long PARALLEL_WORK = 1L << 21;

    /** Per-level sums of z_j e for columns [from, to). */
    private double[][] columnSums(int[] codes, int levels, int from, int to) {
        double[][] out = new double[to - from][];
        for (int j = from; j < to; j++) {
            out[j - from] = levelSums(z[j], e, codes, levels);
        }
        return out;
    }

    private static double[] levelSums(double[] zj, double[] e, int[] codes, int levels) {
        double[] sum = new double[levels];
        for (int i = 0; i < e.length; i++) {
            sum[codes[i]] += zj[i] * e[i];
        }
        return sum;
    }

    public double[][] bread() {
        return bread;
    }

    /** B M B. */
    public double[][] sandwich(double[][] meat) {
        return Matrices.multiply(Matrices.multiply(bread, meat), bread);
    }
}
