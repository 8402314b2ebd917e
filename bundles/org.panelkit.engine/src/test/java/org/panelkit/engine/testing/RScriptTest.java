package org.panelkit.engine.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing R package skips a reference test locally (with the reason) and fails it under CI (issue 11). */
class RScriptTest {
    @Test
    void aMissingPackageSkipsLocallyAndFailsUnderCi() {
        if (RScript.underCi()) {
            AssertionFailedError e = assertThrows(AssertionFailedError.class,
                    () -> RScript.requireR("panelkitNoSuchPackage"));
            assertTrue(e.getMessage().contains("CI=true"), e.getMessage());
        } else {
            TestAbortedException e = assertThrows(TestAbortedException.class,
                    () -> RScript.requireR("panelkitNoSuchPackage"));
            assertTrue(e.getMessage().contains("releng/ci/install-test-deps.sh"), e.getMessage());
            assertTrue(e.getMessage().contains(RScript.available() ? "panelkitNoSuchPackage" : "Rscript not found"),
                    e.getMessage());
        }
    }

    @Test
    void theScriptsPackagesAreReadFromTheirLibraryCalls() throws Exception {
        assertArrayEquals(new String[] {"sandwich", "plm", "clubSandwich", "jsonlite"},
                RScript.packagesOf(org.panelkit.engine.fe.FixedEffectsRegression.class, "fresh_reference.R"));
    }
}
