/**
 * The KNIME-free half of the PanelKit KNIME nodes. Nothing here imports KNIME: the KNIME bundle
 * ({@code org.panelkit.knime}) describes an input table as a {@link org.panelkit.knime.support.table.TableSchema},
 * feeds its cells into a {@link org.panelkit.knime.support.table.ColumnsBuilder}, maps the node's options to an
 * engine configuration with the classes of the per-node packages, and writes the
 * {@link org.panelkit.knime.support.table.ResultTable}s it gets back as KNIME tables. This keeps every rule
 * (validation messages, defaults, output columns, warnings, flow variables) testable without KNIME.
 */
package org.panelkit.knime.support;
