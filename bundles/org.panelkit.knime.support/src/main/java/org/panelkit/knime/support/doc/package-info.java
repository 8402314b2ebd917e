/** Node descriptions (KNIME schema v5.3) as plain data and their XML, testable without KNIME. */
package org.panelkit.knime.support.doc;
