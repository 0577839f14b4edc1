package dev.switchboard.ui;

import dev.switchboard.util.Threads;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one way views leave the FX thread: work runs on a background thread, its outcome comes back through the
 * {@link UiDispatcher} — the result to {@code onResult}, a failure (in plain words) to {@code onError}. The main
 * window owns one and closes it with the window, which stops its threads. Tests use {@link #direct()}: work and
 * callbacks on the calling thread.
 */
public final class UiTasks implements AutoCloseable {

    private final Executor executor;
    private final ScheduledExecutorService timer;
    private final UiDispatcher dispatcher;

    private UiTasks(Executor executor, ScheduledExecutorService timer, UiDispatcher dispatcher) {
        this.executor = executor;
        this.timer = timer;
        this.dispatcher = dispatcher;
    }

    /** One background thread for blocking work (storage, network, files) and one timer, until {@link #close()}. */
    public static UiTasks start(UiDispatcher dispatcher) {
        return new UiTasks(Executors.newSingleThreadExecutor(Threads.daemon("switchboard-ui-task")),
                Executors.newSingleThreadScheduledExecutor(Threads.daemon("switchboard-ui-timer")), dispatcher);
    }

    /** Work on {@code executor}, callbacks through {@code dispatcher}; {@link #close()} stops neither. */
    public static UiTasks on(Executor executor, UiDispatcher dispatcher) {
        return new UiTasks(executor, null, dispatcher);
    }

    /** For view-model tests: work and callbacks on the calling thread. */
    public static UiTasks direct() {
        return on(Runnable::run, UiDispatcher.immediate());
    }

    public UiDispatcher dispatcher() {
        return dispatcher;
    }

    /** Runs {@code task} in the background, with no result to hand back. */
    public void execute(Runnable task) {
        executor.execute(task);
    }

    /** The timer for delayed and repeated work (replays); a shared one when this instance has none of its own. */
    public ScheduledExecutorService timer() {
        return timer != null ? timer : SharedTimer.INSTANCE;
    }

    /**
     * Runs {@code work} in the background; the returned future completes (with the same outcome) after the
     * callback ran on the UI thread.
     */
    public <T> CompletableFuture<T> run(Supplier<T> work, Consumer<T> onResult, Consumer<String> onError) {
        CompletableFuture<T> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(work, executor).whenComplete((result, error) -> dispatcher.run(() -> {
            try {
                if (error == null) {
                    onResult.accept(result);
                    done.complete(result);
                } else {
                    onError.accept(CallCommands.plainMessage(error));
                    done.completeExceptionally(error);
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }));
        return done;
    }

    @Override
    public void close() {
        if (executor instanceof ExecutorService service) {
            service.shutdownNow();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** For {@link #on} and {@link #direct()} instances, which own no threads: created on first use only. */
    private static final class SharedTimer {
        static final ScheduledExecutorService INSTANCE =
                Executors.newSingleThreadScheduledExecutor(Threads.daemon("switchboard-ui-timer"));
    }
}
