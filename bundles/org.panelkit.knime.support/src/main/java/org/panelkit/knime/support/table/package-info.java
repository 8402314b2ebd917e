/**
 * Tables without KNIME: {@link org.panelkit.knime.support.table.TableSchema} (input columns and the validation
 * messages), {@link org.panelkit.knime.support.table.ColumnsBuilder} (cells into engine columns) and
 * {@link org.panelkit.knime.support.table.ResultTable} (engine results as rows).
 */
package org.panelkit.knime.support.table;
