package dev.switchboard.monitor;

import dev.switchboard.call.Call;
import dev.switchboard.history.ExperimentCall;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.util.Threads;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running experiment: gives each new call its arm on arrival, remembers it (the accept panel's default) and
 * records it in the store off the call path.
 */
final class ExperimentRunner {

    private static final Logger log = LoggerFactory.getLogger(ExperimentRunner.class);

    private final Experiment experiment;
    private final boolean autoAccept;
    private final HistoryStore store;
    private final Clock clock;
    private final Map<String, ProfileVersion> assigned = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Threads.daemon("experiment-writer"));

    ExperimentRunner(Experiment experiment, boolean autoAccept, HistoryStore store, Clock clock) {
        this.experiment = experiment;
        this.autoAccept = autoAccept;
        this.store = store;
        this.clock = clock;
    }

    Experiment experiment() {
        return experiment;
    }

    boolean autoAccept() {
        return autoAccept;
    }

    /** The arm for a new call (the same one if asked twice). */
    ProfileVersion assign(Call call) {
        return assigned.computeIfAbsent(call.id(), id -> {
            int arm = experiment.nextArm();
            ProfileVersion version = experiment.arms().get(arm);
            ExperimentCall record = new ExperimentCall(id, arm, version.ref(), clock.instant());
            writer.execute(() -> {
                try {
                    store.experiments().addCall(experiment.id(), record);
                } catch (RuntimeException e) {
                    log.warn("experiment call {} not recorded: {}", id, e.toString());
                }
            });
            return version;
        });
    }

    /** Runs on this experiment's own thread, after the assignments recorded so far. */
    void later(Runnable task) {
        writer.execute(task);
    }

    Optional<ProfileVersion> assigned(String callId) {
        return Optional.ofNullable(assigned.get(callId));
    }

    /** Waits (briefly) for the recorded assignments, then stops the writer. */
    void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Completes when every assignment so far is in the store. */
    java.util.concurrent.CompletableFuture<Void> flushed() {
        return java.util.concurrent.CompletableFuture.runAsync(() -> { }, writer);
    }
}
