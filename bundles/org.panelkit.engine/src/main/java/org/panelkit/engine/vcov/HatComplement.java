package org.panelkit.engine.vcov;

/**
 * The part of the hat matrix that comes from fixed effects NOT nested in the clusters, written as
 * (P_S)_ab = phi_a' W phi_b. Fixed effects nested in the clusters are absorbed and leave no trace in the CR2
 * adjustment (Pustejovsky and Tipton 2018, Theorem 2); the others do. Examples: none for entity effects with
 * entity clusters; phi_a = e_{t(a)} - (mean time indicator of a's entity), W = (D_T' M_E D_T)^+ for two-way
 * effects with entity clusters (clubSandwich's augmented matrix for plm "twoways" models).
 */
public interface HatComplement {

    /** Dimension m of the phi vectors (0 when every fixed effect is nested in the clusters). */
    int dimension();

    /** The m x m metric W. */
    double[][] metric();

    /** Writes phi of observation {@code obs} into {@code out} (length m). */
    void phi(int obs, double[] out);

    HatComplement NONE = new HatComplement() {
        @Override
        public int dimension() {
            return 0;
        }

        @Override
        public double[][] metric() {
            return new double[0][0];
        }

        @Override
        public void phi(int obs, double[] out) {
        }
    };
}
