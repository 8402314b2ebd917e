/**
 * KNIME-free half of the reporting and inference nodes that read the Panel Regression node's outputs: the model
 * inputs (coefficient + statistics tables → the engine's ModelSummary), the Regression Table options, its grid as
 * a table and its files, node texts.
 */
package org.panelkit.knime.support.report;
