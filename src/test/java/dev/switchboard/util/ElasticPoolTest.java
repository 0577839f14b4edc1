package dev.switchboard.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ElasticPoolTest {

    @Test
    void tasksOneAfterAnotherRunOnTheSameThread() throws Exception {
        ExecutorService pool = ElasticPool.create("test-pool", 16, Duration.ofSeconds(30));
        try {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 20; i++) {
                Thread worker = pool.submit(() -> {
                    threads.add(Thread.currentThread().getName());
                    return Thread.currentThread();
                }).get(5, TimeUnit.SECONDS);
                awaitIdle(worker); // as between two calls: the thread is back waiting for work
            }
            // a plain pool with 16 core threads would have started a thread for each of the first 16 tasks
            assertEquals(1, threads.size(), threads.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitIdle(Thread worker) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (worker.getState() != Thread.State.WAITING && worker.getState() != Thread.State.TIMED_WAITING) {
            assertTrue(System.nanoTime() < until, "the worker never went back to waiting");
            Thread.onSpinWait();
        }
    }

    @Test
    void busyThreadsMakeRoomUpToTheBoundThenTasksWaitTheirTurn() throws Exception {
        ExecutorService pool = ElasticPool.create("test-pool", 4, Duration.ofSeconds(30));
        try {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch fourRunning = new CountDownLatch(4);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            CountDownLatch allDone = new CountDownLatch(10);
            for (int i = 0; i < 10; i++) {
                pool.execute(() -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    fourRunning.countDown();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    allDone.countDown();
                });
            }
            assertTrue(fourRunning.await(5, TimeUnit.SECONDS), "four tasks run at once");
            assertEquals(4, running.get());
            assertFalse(allDone.await(100, TimeUnit.MILLISECONDS), "the other six wait");
            release.countDown();
            assertTrue(allDone.await(5, TimeUnit.SECONDS), "the waiting tasks ran once threads were free");
            assertEquals(4, mostAtOnce.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aShutDownPoolRefusesWork() {
        ExecutorService pool = ElasticPool.create("test-pool", 2, Duration.ofSeconds(30));
        pool.shutdown();
        assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
    }
}
