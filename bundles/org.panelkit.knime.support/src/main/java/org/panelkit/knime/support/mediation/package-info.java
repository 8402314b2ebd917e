/** KNIME-free half of the Mediation Analysis node: options, validation, result table, node text. */
package org.panelkit.knime.support.mediation;
