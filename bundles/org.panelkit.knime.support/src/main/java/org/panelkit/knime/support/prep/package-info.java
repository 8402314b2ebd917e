/** Within-panel preparation nodes (interpolation, smoothing): options to engine specs, results by input row. */
package org.panelkit.knime.support.prep;
