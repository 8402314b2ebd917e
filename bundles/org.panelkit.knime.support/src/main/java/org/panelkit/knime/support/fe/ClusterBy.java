package org.panelkit.knime.support.fe;

/** What the clustered standard errors cluster by (ignored by the estimators that do not cluster). */
public enum ClusterBy {
    /** The entity column (Stata's {@code vce(cluster id)}; the study's choice). */
    ENTITY,
    /** The time column. */
    TIME,
    /** Entity and time: the two dimensions of two-way clustered standard errors. */
    ENTITY_AND_TIME,
    /** One chosen column (one-way estimators) or two chosen columns (two-way clustering). */
    COLUMNS
}
