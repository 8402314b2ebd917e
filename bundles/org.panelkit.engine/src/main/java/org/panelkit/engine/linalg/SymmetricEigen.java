package org.panelkit.engine.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.panelkit.engine.PanelKitException;

/**
 * Eigen-decomposition of a small symmetric matrix (EJML's symmetric QR algorithm) and the two functions the
 * estimators need from it: the Moore-Penrose pseudo-inverse and the symmetric power {@code A^p} with
 * eigenvalues below a threshold set to zero (as clubSandwich's {@code Sym_power}).
 */
public final class SymmetricEigen {
    private final double[] values;
    private final double[][] vectors; // vectors[i] = i-th eigenvector

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Decomposes {@code a} (n x n, symmetric; only read). */
    public static SymmetricEigen of(double[][] a) {
        int n = a.length;
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // symmetrize against rounding in the caller's accumulation
                m.unsafe_set(i, j, 0.5 * (a[i][j] + a[j][i]));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(m)) {
            throw new PanelKitException("eigen-decomposition did not converge (matrix of size " + n + ")");
        }
        double[] values = new double[n];
        double[][] vectors = new double[n][];
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
            DMatrixRMaj v = eig.getEigenVector(i);
            vectors[i] = v.getData().clone();
        }
        return new SymmetricEigen(values, vectors);
    }

    public double maxAbsValue() {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** Number of eigenvalues above {@code relTol * max|eigenvalue|}. */
    public int rank(double relTol) {
        double cut = relTol * maxAbsValue();
        int r = 0;
        for (double v : values) {
            if (v > cut) {
                r++;
            }
        }
        return r;
    }

    /** Sum over eigenvalues {@code > cut} of {@code f(value) v v'}. */
    private double[][] spectralFunction(double cut, java.util.function.DoubleUnaryOperator f) {
        int n = values.length;
        double[][] out = new double[n][n];
        for (int k = 0; k < n; k++) {
            if (values[k] > cut) {
                double w = f.applyAsDouble(values[k]);
                double[] v = vectors[k];
                for (int i = 0; i < n; i++) {
                    double wi = w * v[i];
                    if (wi == 0) {
                        continue;
                    }
                    double[] row = out[i];
                    for (int j = 0; j < n; j++) {
                        row[j] += wi * v[j];
                    }
                }
            }
        }
        return out;
    }

    /** Pseudo-inverse, treating eigenvalues at or below {@code relTol * max|eigenvalue|} as zero. */
    public double[][] pseudoInverse(double relTol) {
        return spectralFunction(relTol * maxAbsValue(), v -> 1.0 / v);
    }

    /** {@code A^p} over the eigenvalues greater than {@code absTol} (others are set to zero). */
    public double[][] power(double p, double absTol) {
        return spectralFunction(absTol, v -> Math.pow(v, p));
    }
}
