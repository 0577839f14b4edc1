package dev.switchboard.call;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The live calls of this run, in arrival order. Thread-safe. Ended calls may be {@link #remove removed} after a
 * while (the history keeps them), so a long run does not keep every call it ever saw in memory.
 */
public final class CallRegistry {

    private final Map<String, Call> calls = new LinkedHashMap<>();
    private final List<Consumer<Call>> addedListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Call>> removedListeners = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<Call>> awaited = new HashMap<>();

    /** Adds the call unless one with its id exists; returns whether it was added. */
    public boolean add(Call call) {
        return add(call, () -> { });
    }

    /**
     * Like {@link #add(Call)}, running {@code first} once the id is the call's and before any listener hears of it:
     * what a caller waits for (the accept) need not queue behind history, views and watchdogs.
     */
    public boolean add(Call call, Runnable first) {
        synchronized (calls) {
            if (calls.containsKey(call.id())) {
                return false;
            }
            calls.put(call.id(), call);
        }
        first.run();
        for (Consumer<Call> l : addedListeners) {
            l.accept(call);
        }
        CompletableFuture<Call> waiting;
        synchronized (calls) {
            waiting = awaited.remove(call.id());
        }
        if (waiting != null) {
            waiting.complete(call);
        }
        return true;
    }

    public Optional<Call> find(String id) {
        synchronized (calls) {
            return Optional.ofNullable(calls.get(id));
        }
    }

    /** Newest first. */
    public List<Call> newestFirst() {
        List<Call> list;
        synchronized (calls) {
            list = new ArrayList<>(calls.values());
        }
        Collections.reverse(list);
        return list;
    }

    /** Completes when a call with this id is added (at once if it is known already). */
    public CompletableFuture<Call> whenAdded(String id) {
        synchronized (calls) {
            Call known = calls.get(id);
            if (known != null) {
                return CompletableFuture.completedFuture(known);
            }
            return awaited.computeIfAbsent(id, k -> new CompletableFuture<>());
        }
    }

    public int size() {
        synchronized (calls) {
            return calls.size();
        }
    }

    public void onAdded(Consumer<Call> listener) {
        addedListeners.add(listener);
    }

    /**
     * Forgets a call (the monitor does it a while after the call ended); its listeners are told so views and
     * recorders can let go of it too. A webhook for the same id later would be a new call.
     *
     * @return whether the call was known
     */
    public boolean remove(String id) {
        Call removed;
        synchronized (calls) {
            removed = calls.remove(id);
        }
        if (removed == null) {
            return false;
        }
        for (Consumer<Call> l : removedListeners) {
            l.accept(removed);
        }
        return true;
    }

    /** Told, on the removing thread, about every call {@link #remove removed}. */
    public void onRemoved(Consumer<Call> listener) {
        removedListeners.add(listener);
    }
}
