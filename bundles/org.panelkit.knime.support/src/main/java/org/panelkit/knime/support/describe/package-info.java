/** KNIME-free half of the Panel Diagnostics node: options, validation, result tables, node text. */
package org.panelkit.knime.support.describe;
