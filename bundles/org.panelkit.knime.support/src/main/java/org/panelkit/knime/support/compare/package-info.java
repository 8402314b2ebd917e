/** KNIME-free half of the Coefficient Difference Test node: options, validation, result tables, node text. */
package org.panelkit.knime.support.compare;
