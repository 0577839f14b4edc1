package dev.switchboard.ui;

import dev.switchboard.call.Call;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Turns a storm of call changes (one per streamed token, on I/O threads) into at most one UI refresh per frame.
 * Listeners only mark a call dirty; the first mark schedules a single flush for the next frame through the
 * dispatcher, and that flush refreshes every dirty call once. Marks before it just join the set.
 */
public final class CallRefreshCoalescer {

    private final Set<Call> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final AtomicLong flushes = new AtomicLong();
    private final UiDispatcher dispatcher;
    private final Consumer<Call> refresh;

    /** @param refresh runs on the UI thread, once per dirty call per flush */
    public CallRefreshCoalescer(UiDispatcher dispatcher, Consumer<Call> refresh) {
        this.dispatcher = dispatcher;
        this.refresh = refresh;
    }

    /** Safe from any thread; cheap enough to call for every delta. */
    public void markDirty(Call call) {
        dirty.add(call);
        if (flushScheduled.compareAndSet(false, true)) {
            dispatcher.runOnNextFrame(this::flush);
        }
    }

    private void flush() {
        // Cleared before draining: a mark that lands during the drain schedules the next flush.
        flushScheduled.set(false);
        flushes.incrementAndGet();
        for (Iterator<Call> it = dirty.iterator(); it.hasNext(); ) {
            Call call = it.next();
            it.remove();
            refresh.accept(call);
        }
    }

    /** How many UI tasks ran so far (for tests and the benchmark). */
    public long flushCount() {
        return flushes.get();
    }
}
