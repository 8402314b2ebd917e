package org.panelkit.engine.mediation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.Parallelism;
import org.panelkit.engine.ProgressMonitor;
import org.panelkit.engine.data.Columns;

/** The bootstrap's parallel replications stay within a {@link Parallelism} bound and do not depend on it. */
class BoundedBootstrapTest {

    @Test
    void replicatesAreIdenticalOnOneTwoAndTheCommonPoolsThreads() {
        Columns data = MediationTest.panel(5);
        MediationSpec spec = MediationTest.spec(400, 99);
        MediationResult free = Mediation.analyze(data, spec, ProgressMonitor.NONE);
        for (int bound : new int[] {1, 2}) {
            Set<Thread> seen = ConcurrentHashMap.newKeySet();
            ProgressMonitor recorder = new ProgressMonitor() {
                @Override
                public void progress(double fraction, String message) {
                    seen.add(Thread.currentThread());
                }

                @Override
                public void checkCanceled() {
                    seen.add(Thread.currentThread());
                }
            };
            MediationResult bounded = Parallelism.bounded(bound).call(() -> Mediation.analyze(data, spec, recorder));
            assertTrue(seen.size() <= bound, "bound " + bound + ", seen " + seen);
            for (Thread t : seen) {
                assertTrue(t.getName().startsWith("panelkit-engine-"), t.getName());
            }
            for (int m = 0; m < free.mediators().size(); m++) {
                assertArrayEquals(free.mediators().get(m).replicates(), bounded.mediators().get(m).replicates(), 0.0,
                        "bound " + bound + ", mediator " + m);
            }
        }
    }
}
