package dev.switchboard.store;

import dev.switchboard.history.StateChange;
import dev.switchboard.history.ProfileRef;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallChange;
import dev.switchboard.call.CallListener;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.TokenUsage;
import dev.switchboard.call.TranscriptEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import dev.switchboard.util.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes calls into a {@link HistoryStore} as they happen: the call row, each state change, the accept settings,
 * every raw event, the timeline, token usage and every transcript entry (inserted when first seen, updated when its
 * text or status changes, so the final text lands when it is DONE or FAILED).
 *
 * <p>Call listeners only put a small task on a queue, so the I/O and FX threads never touch the database. One
 * dedicated writer thread takes whatever is queued, works out what changed since the last write (streaming deltas
 * that arrived meanwhile coalesce into one row update) and writes it all in one transaction. Under load a
 * transaction covers a few milliseconds of changes; at rest each change commits at once. A process killed after a
 * commit loses nothing from it ({@code synchronous=NORMAL} in WAL mode survives a process crash; a power cut may
 * lose the last commits).
 */
public final class CallRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallRecorder.class);
    /** At most this many queued tasks go into one transaction, which keeps each short. */
    static final int MAX_BATCH = 5_000;

    private sealed interface Task {
    }

    private record Follow(Call call, CallState state, String reason, Instant at) implements Task {
    }

    private record Changed(Call call) implements Task {
    }

    private record StateMoved(Call call, CallState state, String reason, Instant at) implements Task {
    }

    private record Tag(String callId, ProfileRef profile) implements Task {
    }

    private record Flush(CompletableFuture<Void> done) implements Task {
    }

    /** The call left the live registry: write what is left, then let go of it. */
    private record Release(Call call) implements Task {
    }

    private record Stop() implements Task {
    }

    private final HistoryStore store;
    private final Clock clock;
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Map<String, ProfileRef> tags = new ConcurrentHashMap<>();
    private final Map<String, Call> following = new ConcurrentHashMap<>();
    private final List<Consumer<CommitBatch>> commitListeners = new CopyOnWriteArrayList<>();
    private final List<RowWriter> rowWriters = new CopyOnWriteArrayList<>();
    private final Map<String, WrittenCall> written = new HashMap<>();
    private final CallListener listener = this::callChanged;
    private final Thread writer;
    private final Connection connection;
    private final HistoryWriter statements;
    private volatile boolean stopped;
    private volatile long failures;

    /**
     * @param clock stamps state changes (the call's own clock stamps everything else)
     */
    public CallRecorder(HistoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.connection = store.newConnection();
        try {
            this.statements = new HistoryWriter(connection);
        } catch (SQLException e) {
            closeQuietly();
            throw new StoreException("cannot prepare the history writer: " + e.getMessage(), e);
        }
        this.writer = Threads.daemon("switchboard-history-writer").newThread(this::writeLoop);
        writer.start();
    }

    /**
     * Records every call added to the registry from now on, and the ones already in it; lets go of a call once
     * the registry removes it (after its last changes are written).
     */
    public CallRecorder attach(CallRegistry registry) {
        registry.onAdded(this::record);
        registry.onRemoved(this::release);
        for (Call call : registry.newestFirst()) {
            record(call);
        }
        return this;
    }

    /** Records this call (once; later calls with the same call are ignored). */
    public void record(Call call) {
        if (stopped || following.putIfAbsent(call.id(), call) != null) {
            return;
        }
        queue.add(new Follow(call, call.state(), call.stateReason(), call.createdAt()));
        call.addListener(listener);
        queue.add(new Changed(call)); // anything that happened between the snapshot and the listener
    }

    /** Writes the call's last changes, then forgets it: a long run must not keep every call in memory. */
    public void release(Call call) {
        if (!stopped && following.containsKey(call.id())) {
            queue.add(new Release(call));
        }
    }

    /** Calls being followed right now (for memory checks). */
    public int followed() {
        return following.size();
    }

    /**
     * Notes that a call is (being) accepted with this profile version. May come before or after the call is
     * recorded; whoever accepts with a profile calls it.
     */
    public void tagProfile(String callId, ProfileRef profile) {
        Objects.requireNonNull(profile, "profile");
        tags.put(callId, profile);
        queue.add(new Tag(callId, profile));
    }

    public void tagProfile(String callId, ProfileVersion version) {
        tagProfile(callId, version.ref());
    }

    /** More rows of a call, written in the recorder's own transaction each time it writes the call. */
    @FunctionalInterface
    public interface RowWriter {
        void write(Connection connection, Call call) throws SQLException;
    }

    public void addRowWriter(RowWriter rowWriter) {
        rowWriters.add(rowWriter);
    }

    /** Told after every commit, on the writer thread; must be quick. */
    public void onCommit(Consumer<CommitBatch> commitListener) {
        commitListeners.add(commitListener);
    }

    /** Transactions that failed (logged; the changes are retried with the call's next change). */
    public long failures() {
        return failures;
    }

    /**
     * Blocks until everything queued before this call is committed.
     *
     * @throws StoreException if the writer has stopped or a write failed
     */
    public void flush() {
        flushAsync().join();
    }

    /** Completes when everything queued before this call is committed. */
    public CompletableFuture<Void> flushAsync() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (stopped) {
            done.completeExceptionally(new StoreException("the history recorder is closed"));
            return done;
        }
        queue.add(new Flush(done));
        return done;
    }

    private void callChanged(Call call, CallChange change) {
        if (stopped) {
            return;
        }
        switch (change) {
            case SPEAKING -> {
                // voice activity is not history
            }
            case STATE -> queue.add(new StateMoved(call, call.state(), call.stateReason(), clock.instant()));
            default -> queue.add(new Changed(call));
        }
    }

    // ---- the writer thread ----

    private void writeLoop() {
        List<Task> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean stop = batch.stream().anyMatch(t -> t instanceof Stop);
            process(batch);
            batch.clear();
            if (stop) {
                break;
            }
        }
        closeQuietly();
    }

    private void process(List<Task> batch) {
        List<CompletableFuture<Void>> flushes = new ArrayList<>();
        List<CommitBatch.EventRef> events = new ArrayList<>();
        List<CommitBatch.EntryRef> entries = new ArrayList<>();
        Map<WrittenCall, Object[]> before = new LinkedHashMap<>();
        List<Release> releases = new ArrayList<>();
        // every flush of the batch, before anything can fail: one found only after the failing task would never
        // complete (SQLITE_BUSY_SNAPSHOT mid-batch left the headless printer waiting on it)
        for (Task task : batch) {
            if (task instanceof Flush fl) {
                flushes.add(fl.done());
            }
        }
        try {
            Sql.beginWrite(connection);
            for (Task task : batch) {
                if (task instanceof Follow f) {
                    WrittenCall w = new WrittenCall(f.call(), new StateChange(f.state(), f.reason(), f.at()));
                    written.put(f.call().id(), w);
                    touch(w, before);
                } else if (task instanceof StateMoved s) {
                    WrittenCall w = written.get(s.call().id());
                    if (w != null) {
                        touch(w, before);
                        ensureInserted(w);
                        if (s.state() != w.lastState) {
                            statements.insertState(w.call.id(), w.states++,
                                    new StateChange(s.state(), s.reason(), s.at()));
                            w.lastState = s.state();
                        }
                    }
                } else if (task instanceof Changed ch) {
                    WrittenCall w = written.get(ch.call().id());
                    if (w != null) {
                        touch(w, before);
                    }
                } else if (task instanceof Tag t) {
                    statements.updateProfile(t.callId(), t.profile());
                } else if (task instanceof Release r) {
                    WrittenCall w = written.get(r.call().id());
                    if (w != null) {
                        touch(w, before);
                    }
                    releases.add(r);
                }
            }
            for (WrittenCall w : before.keySet()) {
                sync(w, events, entries);
            }
            Sql.commit(connection);
        } catch (SQLException | RuntimeException e) {
            failures++;
            log.error("could not write call history ({} tasks): {}", batch.size(), e.toString());
            Sql.rollback(connection);
            before.forEach((w, b) -> w.forget((Integer) b[0], (CallState) b[1]));
            StoreException failure = new StoreException("writing call history failed: " + e.getMessage(), e);
            flushes.forEach(f -> f.completeExceptionally(failure));
            // let go all the same: retrying a broken store forever would spin, and memory must stay bounded
            letGo(releases);
            return;
        }
        letGo(releases);
        if (!events.isEmpty() || !entries.isEmpty()) {
            CommitBatch committed = new CommitBatch(events, entries);
            for (Consumer<CommitBatch> l : commitListeners) {
                try {
                    l.accept(committed);
                } catch (RuntimeException e) {
                    log.warn("a history commit listener failed: {}", e.toString());
                }
            }
        }
        flushes.forEach(f -> f.complete(null));
    }

    private void letGo(List<Release> releases) {
        for (Release r : releases) {
            String id = r.call().id();
            r.call().removeListener(listener);
            written.remove(id);
            following.remove(id);
            tags.remove(id);
        }
    }

    private static void touch(WrittenCall w, Map<WrittenCall, Object[]> before) {
        before.computeIfAbsent(w, k -> new Object[] {w.states, w.lastState});
    }

    private void ensureInserted(WrittenCall w) throws SQLException {
        if (w.inserted) {
            return;
        }
        Call call = w.call;
        statements.insertCall(call.id(), call.sipHeaders(), call.createdAt(), w.initial.state(), w.initial.reason(),
                tags.get(call.id()));
        ProfileRef tag = tags.get(call.id());
        if (tag != null) {
            statements.updateProfile(call.id(), tag); // the row may have existed (a failed batch, a restart)
        }
        if (w.states == 0) {
            statements.insertState(call.id(), 0, w.initial);
            w.states = 1;
            w.lastState = w.initial.state();
        }
        w.inserted = true;
    }

    private void sync(WrittenCall w, List<CommitBatch.EventRef> events, List<CommitBatch.EntryRef> entries)
            throws SQLException {
        ensureInserted(w);
        Call call = w.call;
        String id = call.id();

        // the call row: state, reason, end, last action result
        Map<Milestone, Instant> timeline = call.timeline();
        CallState state = call.state();
        String reason = call.stateReason();
        String action = call.lastActionResult();
        Instant ended = timeline.get(Milestone.ENDED);
        String summary = state + "\n" + reason + "\n" + ended + "\n" + action;
        if (!summary.equals(w.summary)) {
            statements.updateCall(id, state, reason, ended, action);
            w.summary = summary;
        }
        AcceptSettings settings = call.settings().orElse(null);
        if (settings != null && !settings.equals(w.settings)) {
            statements.updateSettings(id, settings);
            w.settings = settings;
        }
        for (Map.Entry<Milestone, Instant> m : timeline.entrySet()) {
            if (!m.getValue().equals(w.milestones.get(m.getKey()))) {
                statements.upsertMilestone(id, m.getKey(), m.getValue());
                w.milestones.put(m.getKey(), m.getValue());
            }
        }

        for (RowWriter extra : rowWriters) {
            extra.write(connection, call);
        }

        // raw events: the call keeps them all in order, so whatever is past the written count is new
        List<RawEvent> fresh = call.eventsSince(w.events);
        for (RawEvent event : fresh) {
            int i = w.events++;
            statements.insertEvent(id, i, event);
            events.add(new CommitBatch.EventRef(id, i, event.type()));
        }

        List<TokenUsage> usage = call.usagePerResponse();
        if (usage.size() > w.usage) {
            for (int i = w.usage; i < usage.size(); i++) {
                statements.insertUsage(id, i, usage.get(i));
            }
            w.usage = usage.size();
        }

        // transcript: insert new entries, update changed ones (text, status, or place in the order)
        List<TranscriptEntry> transcript = call.transcript();
        for (int seq = 0; seq < transcript.size(); seq++) {
            TranscriptEntry e = transcript.get(seq);
            Integer seqBefore = w.seqs.get(e.key());
            if (e.equals(w.entries.get(e.key())) && seqBefore != null && seqBefore == seq) {
                continue;
            }
            statements.upsertEntry(id, seq, e);
            entries.add(new CommitBatch.EntryRef(id, e.key(), e.text(), e.status()));
            w.entries.put(e.key(), e);
            w.seqs.put(e.key(), seq);
        }
    }

    @Override
    public void close() {
        if (stopped) {
            return;
        }
        CompletableFuture<Void> last = flushAsync();
        stopped = true;
        following.values().forEach(call -> call.removeListener(listener));
        queue.add(new Stop());
        try {
            last.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            log.warn("the last history writes failed: {}", e.getCause().toString());
        } catch (TimeoutException e) {
            log.warn("the history writer did not finish within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
