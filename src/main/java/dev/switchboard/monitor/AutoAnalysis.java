package dev.switchboard.monitor;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.history.CallAnalysis;
import dev.switchboard.store.CallRecorder;
import dev.switchboard.store.HistoryStore;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The window's post-call analysis: when a call ends and its history is committed, it is analysed if its profile
 * has a rubric of its own or the global default is on. Off the call path, on the analyzer's executor.
 */
public final class AutoAnalysis {

    private final CallAnalyzer analyzer;
    private final CallRecorder recorder;
    private final HistoryStore store;
    private final boolean globalDefault;
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private final Set<CompletableFuture<CallAnalysis>> running = ConcurrentHashMap.newKeySet();

    public AutoAnalysis(CallAnalyzer analyzer, CallRecorder recorder, HistoryStore store, boolean globalDefault) {
        this.analyzer = analyzer;
        this.recorder = recorder;
        this.store = store;
        this.globalDefault = globalDefault;
    }

    public AutoAnalysis attach(CallRegistry registry) {
        registry.onAdded(call -> call.addListener((c, change) -> {
            if (c.state().isTerminal() && started.add(c.id())) {
                ended(c);
            }
        }));
        return this;
    }

    private void ended(Call call) {
        CompletableFuture<CallAnalysis> done = recorder.flushAsync().exceptionally(e -> null)
                .thenCompose(v -> wanted(call.id()) ? analyzer.analyze(call.id())
                        : CompletableFuture.completedFuture(null));
        running.add(done);
        done.whenComplete((a, e) -> running.remove(done));
    }

    private boolean wanted(String callId) {
        if (globalDefault) {
            return true;
        }
        return store.load(callId).flatMap(c -> c.profileRef())
                .flatMap(p -> store.analyses().rubric(p.name())).isPresent();
    }

    /** Every analysis started so far, for tests and shutdown. */
    public CompletableFuture<Void> idle() {
        return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
    }
}
