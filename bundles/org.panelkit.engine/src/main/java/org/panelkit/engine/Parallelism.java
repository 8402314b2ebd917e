package org.panelkit.engine;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where the engine's parallel steps run. The engine parallelises with fork/join only (parallel streams over
 * columns or bootstrap replications, and {@link #fork(Supplier)} for the two halves of a tall matrix), and
 * fork/join tasks run in the pool of the thread that starts them: the JVM's common pool when that thread is an
 * ordinary thread, the thread's own pool when it is a fork/join worker. So running a whole engine call inside
 * a dedicated {@link ForkJoinPool} of n threads bounds every parallel step of that call to those n threads,
 * without passing an executor through every method.
 * <ul>
 * <li>{@link #COMMON_POOL} (the default, the command line): the call runs on the calling thread and its
 * parallel steps on the common pool, exactly as a plain engine call;</li>
 * <li>{@link #bounded(int)}: the call runs in a fresh pool of at most n worker threads, created for the call
 * and shut down after it (a pool of a few threads starts in well under a millisecond). The pool cannot add
 * compensation threads (maximum pool size = n, saturation accepted), so no more than n distinct threads ever
 * do the call's work; the calling thread only waits. KNIME passes its own thread limit this way.</li>
 * </ul>
 * Results do not depend on the bound: every parallel step writes disjoint slots or combines its parts in a
 * fixed order.
 */
public final class Parallelism {
    /** Engine calls on the calling thread, parallel steps on the JVM's common fork/join pool. */
    public static final Parallelism COMMON_POOL = new Parallelism(0, null);

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final ForkJoinPool.ForkJoinWorkerThreadFactory factory;

    private Parallelism(int threads, ForkJoinPool.ForkJoinWorkerThreadFactory factory) {
        this.threads = threads;
        this.factory = factory;
    }

    /** At most {@code threads} worker threads (named {@code panelkit-engine-<pool>-<n>}, daemons) per call. */
    public static Parallelism bounded(int threads) {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return bounded(threads, p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("panelkit-engine-" + pool + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** At most {@code threads} worker threads per call, made by {@code factory} (names, context class loader). */
    public static Parallelism bounded(int threads, ForkJoinPool.ForkJoinWorkerThreadFactory factory) {
        if (threads < 1) {
            throw new IllegalArgumentException("the number of threads must be at least 1, not " + threads);
        }
        if (factory == null) {
            throw new IllegalArgumentException("no thread factory");
        }
        return new Parallelism(threads, factory);
    }

    /** Whether calls run in a pool of their own rather than on the common pool. */
    public boolean isBounded() {
        return threads > 0;
    }

    /**
     * The most threads a call's parallel steps use: the bound, or for the common pool its parallelism plus the
     * calling thread (which joins in the work of a parallel stream).
     */
    public int threads() {
        return threads > 0 ? threads : ForkJoinPool.getCommonPoolParallelism() + 1;
    }

    /**
     * Runs {@code work} (typically one engine call, e.g. {@code () -> FixedEffectsRegression.fit(data, spec,
     * monitor)}) under this bound and returns its result. An exception of {@code work} is rethrown as it was
     * thrown (not wrapped). If the calling thread is interrupted while waiting, the work is cancelled (the
     * engine sees it at its next cancellation check through the progress monitor, if that monitor reports it)
     * and a {@link CancellationException} is thrown with the thread's interrupt status set again.
     */
    public <T> T call(Supplier<T> work) {
        if (threads == 0) {
            return work.get();
        }
        ForkJoinPool pool = new ForkJoinPool(threads, factory, null, false, 0, threads, 1, p -> true, 30,
                TimeUnit.SECONDS);
        try {
            Outcome<T> outcome = new Outcome<>();
            ForkJoinTask<?> task = pool.submit(() -> outcome.run(work));
            try {
                task.get();
            } catch (InterruptedException e) {
                task.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while the engine was running");
            } catch (ExecutionException e) {
                // outcome.run catches everything the work throws; this is the pool failing, which it does not
                throw new IllegalStateException("engine task failed in its pool", e.getCause());
            }
            return outcome.result();
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Starts {@code part} as a fork/join task in the pool of the current thread (the common pool from an
     * ordinary thread); {@link ForkJoinTask#join()} returns its value. Unlike
     * {@code CompletableFuture.supplyAsync}, which always uses the common pool and blocks in join, a joining
     * fork/join worker runs a not yet started part itself, so a pool of one thread cannot deadlock.
     */
    public static <T> ForkJoinTask<T> fork(Supplier<T> part) {
        return new RecursiveTask<T>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected T compute() {
                return part.get();
            }
        }.fork();
    }

    @Override
    public String toString() {
        return threads > 0 ? "at most " + threads + " threads" : "common pool";
    }

    /** The value or the exception of the work, kept so that the original exception reaches the caller. */
    private static final class Outcome<T> {
        private T value;
        private Throwable failure;

        void run(Supplier<T> work) {
            try {
                value = work.get();
            } catch (Throwable t) {
                failure = t;
            }
        }

        T result() {
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            if (failure instanceof Error) {
                throw (Error) failure;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return value;
        }
    }
}
