package dev.switchboard.ui.history;

import dev.switchboard.util.Threads;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs only the last of a burst of tasks, once things were quiet for a moment (search as you type). */
public interface Debouncer extends AutoCloseable {

    /** Replaces any task still waiting; {@code task} runs on the debouncer's thread. */
    void submit(Runnable task);

    @Override
    default void close() {
    }

    /** For tests: runs each task at once. */
    static Debouncer immediate() {
        return Runnable::run;
    }

    /** Waits {@code quiet} after the last submit, on its own daemon thread. */
    static Debouncer after(Duration quiet) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Threads.daemon("switchboard-search-debounce"));
        return new Debouncer() {
            private ScheduledFuture<?> pending;

            @Override
            public synchronized void submit(Runnable task) {
                if (pending != null) {
                    pending.cancel(false);
                }
                pending = timer.schedule(task, quiet.toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public void close() {
                timer.shutdownNow();
            }
        };
    }
}
