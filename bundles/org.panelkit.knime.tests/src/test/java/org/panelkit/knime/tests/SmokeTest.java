package org.panelkit.knime.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.panelkit.knime.regression.PanelRegressionNodeFactory;

class SmokeTest {
    @Test
    void regressionFactory() {
        assertNotNull(new PanelRegressionNodeFactory().getNodeName());
    }
}
