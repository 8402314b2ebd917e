package org.panelkit.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.panelkit.engine.data.Columns;
import org.panelkit.engine.data.KeyColumn;
import org.panelkit.engine.fe.Coefficient;
import org.panelkit.engine.fe.FixedEffectsRegression;
import org.panelkit.engine.fe.FixedEffectsResult;
import org.panelkit.engine.fe.ModelSpec;
import org.panelkit.engine.vcov.VcovType;

/** The engine's thread bound: no more threads than given, results identical to the unbounded run. */
class ParallelismTest {

    /** Records the thread of every progress and cancellation call (the engine checks inside parallel steps). */
    static final class ThreadRecorder implements ProgressMonitor {
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        @Override
        public void progress(double fraction, String message) {
            threads.add(Thread.currentThread());
        }

        @Override
        public void checkCanceled() {
            threads.add(Thread.currentThread());
        }
    }

    /** A two-way panel over 200,000 rows (the size where the QR and the projector split their work in two). */
    static Columns panel(int entities, int periods, int k) {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = entities * periods;
        double[] id = new double[n];
        double[] year = new double[n];
        double[] y = new double[n];
        double[][] x = new double[k][n];
        for (int i = 0, row = 0; i < entities; i++) {
            double a = rnd.nextGaussian();
            for (int t = 0; t < periods; t++, row++) {
                id[row] = i + 1;
                year[row] = 2000 + t;
                y[row] = a + 0.1 * t + rnd.nextGaussian();
                for (int j = 0; j < k; j++) {
                    x[j][row] = 0.5 * a + rnd.nextGaussian();
                    y[row] += x[j][row] / (j + 1);
                }
            }
        }
        Columns c = new Columns(n);
        c.addKey("id", KeyColumn.ofNumbers("id", id));
        c.addKey("year", KeyColumn.ofNumbers("year", year));
        c.addNumeric("y", y);
        for (int j = 0; j < k; j++) {
            c.addNumeric("x" + (j + 1), x[j]);
        }
        return c;
    }

    static List<String> xs(int k) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            names.add("x" + (j + 1));
        }
        return names;
    }

    @Test
    void boundedFitUsesAtMostTheBoundAndGivesTheSameResultAsTheCommonPool() {
        int k = 7;
        Columns data = panel(20_000, 11, k);
        ModelSpec spec = ModelSpec.builder("y", xs(k)).entity("id").time("year").vcov(VcovType.CLUSTER)
                .cluster(List.of("id")).build();
        FixedEffectsResult free = FixedEffectsRegression.fit(data, spec);
        for (int bound : new int[] {1, 2, 3}) {
            ThreadRecorder seen = new ThreadRecorder();
            FixedEffectsResult bounded = Parallelism.bounded(bound)
                    .call(() -> FixedEffectsRegression.fit(data, spec, seen));
            assertTrue(seen.threads.size() <= bound, bound + " threads allowed, seen " + seen.threads);
            for (Thread t : seen.threads) {
                assertTrue(t.getName().startsWith("panelkit-engine-"), t.getName());
                assertFalse(t == Thread.currentThread());
            }
            assertEquals(free.coefficients().size(), bounded.coefficients().size());
            for (int j = 0; j < k; j++) {
                Coefficient a = free.coefficients().get(j);
                Coefficient b = bounded.coefficients().get(j);
                assertEquals(a.estimate(), b.estimate(), 0.0, "bound " + bound); // bit for bit
                assertEquals(a.stdError(), b.stdError(), 0.0, "bound " + bound);
            }
            assertEquals(free.ssr(), bounded.ssr(), 0.0);
            for (int i = 0; i < k; i++) {
                assertArrayEquals(free.slopeVcov()[i], bounded.slopeVcov()[i], 0.0);
            }
        }
    }

    @Test
    void parallelStreamsAndForksStayInTheBoundedPool() {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        Set<ForkJoinPool> pools = ConcurrentHashMap.newKeySet();
        long sum = Parallelism.bounded(2).call(() -> {
            ForkJoinTask<Long> other = Parallelism.fork(() -> {
                seen.add(Thread.currentThread());
                return 1L;
            });
            long s = IntStream.range(0, 10_000).parallel().mapToLong(i -> {
                seen.add(Thread.currentThread());
                pools.add(ForkJoinTask.getPool());
                return i;
            }).sum();
            return s + other.join();
        });
        assertEquals(49_995_001L, sum);
        assertTrue(seen.size() <= 2, "seen " + seen);
        assertEquals(1, pools.size());
        assertFalse(pools.contains(ForkJoinPool.commonPool()));
        for (Thread t : seen) {
            assertTrue(t instanceof ForkJoinWorkerThread, t.getName());
        }
    }

    @Test
    void aPoolOfOneThreadDoesNotDeadlockOnNestedForks() {
        int depth = Parallelism.bounded(1).call(() -> nested(6));
        assertEquals(64, depth);
    }

    private static int nested(int level) {
        if (level == 0) {
            return 1;
        }
        ForkJoinTask<Integer> left = Parallelism.fork(() -> nested(level - 1));
        int right = IntStream.range(0, 1).parallel().map(i -> nested(level - 1)).sum();
        return left.join() + right;
    }

    @Test
    void theCommonPoolRunsTheCallOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        assertSame(caller, Parallelism.COMMON_POOL.call(Thread::currentThread));
        assertFalse(Parallelism.COMMON_POOL.isBounded());
        assertTrue(Parallelism.COMMON_POOL.threads() >= 1);
        assertEquals(3, Parallelism.bounded(3).threads());
    }

    @Test
    void exceptionsReachTheCallerUnwrapped() {
        PanelKitException thrown = new PanelKitException("no regressor can be estimated");
        PanelKitException caught = assertThrows(PanelKitException.class, () -> Parallelism.bounded(2).call(() -> {
            throw thrown;
        }));
        assertSame(thrown, caught);
        assertThrows(java.util.concurrent.CancellationException.class, () -> Parallelism.bounded(1).call(() -> {
            throw new java.util.concurrent.CancellationException("execution canceled");
        }));
    }

    @Test
    void aBoundBelowOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallelism.bounded(0));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }
}
