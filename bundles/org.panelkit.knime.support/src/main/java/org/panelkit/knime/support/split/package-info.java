/** KNIME-free half of the Panel Subsample Splitter node: options, validation, mapping table, summary, node text. */
package org.panelkit.knime.support.split;
