package dev.switchboard.ui.history;

import dev.switchboard.ui.CallCommands;
import dev.switchboard.ui.UiDispatcher;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs history-store work off the FX thread and hands the outcome back through the {@link UiDispatcher}: the
 * result to {@code onResult}, a failure (in plain words) to {@code onError}. Tests pass a direct executor and
 * {@link UiDispatcher#immediate()} so everything happens on the calling thread.
 */
public final class StoreTasks {

    private static final class Shared {
        static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "switchboard-store-ui");
            t.setDaemon(true);
            return t;
        });
    }

    private final Executor executor;
    private final UiDispatcher dispatcher;

    public StoreTasks(Executor executor, UiDispatcher dispatcher) {
        this.executor = executor;
        this.dispatcher = dispatcher;
    }

    /** One background thread for every window's store queries (the store serialises them anyway). */
    public static StoreTasks background(UiDispatcher dispatcher) {
        return new StoreTasks(Shared.EXECUTOR, dispatcher);
    }

    /** For view-model tests: work and callbacks on the calling thread. */
    public static StoreTasks direct() {
        return new StoreTasks(Runnable::run, UiDispatcher.immediate());
    }

    public UiDispatcher dispatcher() {
        return dispatcher;
    }

    /**
     * Runs {@code work} on the store thread; the returned future completes (with the same outcome) after the
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
}
