/** Panel Regression (Fixed Effects) node: options to {@code ModelSpec}, results to tables. */
package org.panelkit.knime.support.fe;
