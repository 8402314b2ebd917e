/** KNIME-free half of the Location Quotient node: options, validation, output tables, node text. */
package org.panelkit.knime.support.lq;
