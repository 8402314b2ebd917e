package org.panelkit.knime.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class NoticeTest {

    @Test
    void noWarningsNoNotice() {
        assertTrue(Notice.of(List.of()).isEmpty());
    }

    @Test
    void oneWarningIsTheSummary() {
        Notice n = Notice.of(List.of("3 rows belong to no subsample")).orElseThrow();
        assertEquals("3 rows belong to no subsample", n.summary());
        assertEquals(List.of(), n.details());
        assertEquals(List.of(), n.resolutions());
    }

    @Test
    void severalWarningsAreCountedAndDetailed() {
        Notice n = Notice.of(List.of("a", "b", "c")).orElseThrow();
        assertEquals("a (and 2 more warnings: see the details)", n.summary());
        assertEquals(List.of("a", "b", "c"), n.details());
        assertEquals("a (and 1 more warning: see the details)", Notice.of(List.of("a", "b")).orElseThrow().summary());
    }

    @Test
    void errorFixBecomesTheResolution() {
        Notice n = Notice.ofError("no regressors selected: choose at least one numeric column under 'Regressors'");
        assertEquals("No regressors selected", n.summary());
        assertEquals(List.of("Choose at least one numeric column under 'Regressors'."), n.resolutions());
        n = Notice.ofError("confidence level must be between 0 and 1 (exclusive), got 2.0: enter e.g. 0.95");
        assertEquals("Confidence level must be between 0 and 1 (exclusive), got 2.0", n.summary());
        assertEquals(List.of("Enter e.g. 0.95."), n.resolutions());
        // only the last ": " before a verb splits; a colon inside the problem stays in the summary
        n = Notice.ofError("column 'a: b' is the time column: remove it from the columns to interpolate");
        assertEquals("Column 'a: b' is the time column", n.summary());
        assertEquals(List.of("Remove it from the columns to interpolate."), n.resolutions());
    }

    @Test
    void errorWithoutFixIsTheSummary() {
        Notice n = Notice.ofError("the panel has no rows: nothing was estimated");
        assertEquals("The panel has no rows: nothing was estimated", n.summary());
        assertEquals(List.of(), n.resolutions());
        assertEquals("Unknown problem", Notice.ofError(null).summary());
    }

    @Test
    void summaryRequiredAndCounts() {
        assertThrows(IllegalArgumentException.class, () -> new Notice(" ", List.of(), List.of()));
        assertEquals("1 regressor", Notice.count(1, "regressor", "regressors"));
        assertEquals("0 regressors", Notice.count(0, "regressor", "regressors"));
        assertEquals("17 columns", Notice.count(17, "column", "columns"));
    }
}
