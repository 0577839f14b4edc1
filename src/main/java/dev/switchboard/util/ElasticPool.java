package dev.switchboard.util;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pool of daemon threads that gives a task to an idle thread when there is one and starts a thread only
 * when none is idle; beyond the bound, tasks wait in a queue. A plain {@link ThreadPoolExecutor} with a queue starts
 * a new thread for every task until it reaches its core size, so each of the first calls paid for a thread start on
 * its way to the accept. One thread stays when idle, so the next call after a quiet hour does not pay for one either.
 */
public final class ElasticPool {

    private ElasticPool() {
    }

    /** A pool of at most {@code maxThreads} threads named {@code name-n}; extra threads end after {@code idle}. */
    public static ExecutorService create(String name, int maxThreads, Duration idle) {
        HandOffQueue queue = new HandOffQueue();
        return new ThreadPoolExecutor(1, maxThreads, idle.toMillis(), TimeUnit.MILLISECONDS, queue,
                Threads.daemon(name), (task, pool) -> {
                    if (pool.isShutdown()) {
                        throw new RejectedExecutionException(name + " is shut down");
                    }
                    queue.backlog(task); // every thread is busy: the next one free takes it
                });
    }

    /** Accepts a task only when a thread is waiting for one, so the pool starts a thread instead of queueing. */
    private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task);
        }

        void backlog(Runnable task) {
            super.offer(task);
        }
    }
}
