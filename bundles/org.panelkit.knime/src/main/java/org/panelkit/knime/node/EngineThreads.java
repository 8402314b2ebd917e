package org.panelkit.knime.node;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.knime.core.node.KNIMEConstants;
import org.knime.core.util.ThreadPool;
import org.panelkit.engine.Parallelism;

/**
 * Runs engine calls of the node models within KNIME's thread limit instead of on the JVM's common fork/join
 * pool.
 * <p>
 * The engine parallelises with fork/join (parallel streams, forked halves), which KNIME's own
 * {@link ThreadPool} cannot run: it is not a {@link ForkJoinPool}. So every engine call of a node runs in a
 * dedicated fork/join pool ({@link Parallelism#bounded(int, ForkJoinPool.ForkJoinWorkerThreadFactory)}) whose
 * size is KNIME's limit for the executing thread ({@link #maxThreads()}): the maximum threads of
 * {@link KNIMEConstants#GLOBAL_THREAD_POOL} (where KNIME executes nodes; set by {@code -Dorg.knime.core.maxThreads},
 * the environment variable KNIME_CORE_MAX_THREADS or the "maximum working threads" preference) or of the
 * sub-pool the node's thread came from, and at most the number of
 * processors, since the engine's work is pure computation and more threads than cores only add switching
 * (KNIME's default limit is twice the processors). The pool is created for the call and shut down after it;
 * the node's own thread waits meanwhile, so a node uses at most that many threads for its computation.
 * <p>
 * Worker threads are daemons named {@code PanelKit engine <call>-<n>}. The engine reaches KNIME only through the
 * {@link ExecutionProgress} monitor (progress and cancellation), which KNIME's execution monitors allow from any
 * thread; the workers carry no {@code NodeContext}, which the engine does not need.
 */
public final class EngineThreads {
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final AtomicLong WORKERS = new AtomicLong();

    private EngineThreads() {
    }

    /**
     * KNIME's thread limit for the current thread (the global pool's maximum, and the maximum of the pool the
     * thread was taken from, if smaller: a sub-pool never runs more threads than its parent), at most the number
     * of processors, at least 1.
     */
    public static int maxThreads() {
        int knime = KNIMEConstants.GLOBAL_THREAD_POOL.getMaxThreads();
        ThreadPool pool = ThreadPool.currentPool();
        if (pool != null) {
            knime = Math.min(knime, pool.getMaxThreads());
        }
        return Math.max(1, Math.min(knime, Runtime.getRuntime().availableProcessors()));
    }

    /** A bound of {@link #maxThreads()} threads with PanelKit's worker names. */
    public static Parallelism parallelism() {
        int call = CALLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return Parallelism.bounded(maxThreads(), pool -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName("PanelKit engine " + call + "-" + count.incrementAndGet());
            t.setDaemon(true);
            WORKERS.incrementAndGet();
            return t;
        });
    }

    /**
     * Runs one engine call, e.g. {@code EngineThreads.call(() -> FixedEffectsRegression.fit(data, spec,
     * progress(exec)))}, on at most {@link #maxThreads()} threads and returns its result; the engine's exceptions
     * (PanelKitException, the CancellationException of a cancelled node) reach the caller unchanged.
     */
    public static <T> T call(final Supplier<T> work) {
        return parallelism().call(work);
    }

    /** Worker threads started for engine calls since KNIME started (diagnostics and tests). */
    public static long workersStarted() {
        return WORKERS.get();
    }
}
