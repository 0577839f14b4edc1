package dev.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.call.CallState;
import dev.switchboard.call.SipHeader;
import dev.switchboard.history.CallSummary;
import dev.switchboard.history.ProfileRef;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook journal and the history recorder write on connections of their own. A recorder transaction that began
 * before a journal commit must redo its batch, not drop it (SQLite answers such a write SQLITE_BUSY_SNAPSHOT at once).
 */
class ConcurrentWritersTest {

    @TempDir
    Path dir;

    @Test
    void journalCommitsBesideTheRecorderLoseNothing() throws Exception {
        try (HistoryStore store = HistoryStore.open(dir.resolve("switchboard.db"));
             CallRecorder recorder = new CallRecorder(store, Clock.systemUTC())) {
            CallRegistry registry = new CallRegistry();
            recorder.attach(registry);
            int calls = 150;
            CompletableFuture<Void> journal = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < calls; i++) {
                    try {
                        store.incomingCalls().record("rtc_j" + i, headers(i), Instant.now());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            for (int i = 0; i < calls; i++) {
                Call call = new Call("rtc_r" + i, headers(i), Clock.systemUTC());
                registry.add(call);
                recorder.tagProfile(call.id(), new ProfileRef("Support", 1));
                call.moveTo(CallState.REJECTED, "busy");
            }
            journal.get(60, TimeUnit.SECONDS);
            recorder.flushAsync().get(60, TimeUnit.SECONDS);
            assertEquals(0, recorder.failures(), "no history transaction may fail");
            List<CallSummary> stored = store.listCalls(null, null, 0);
            assertEquals(2 * calls, stored.size());
            long tagged = stored.stream().filter(c -> c.id().startsWith("rtc_r"))
                    .filter(c -> new ProfileRef("Support", 1).equals(c.profile())).count();
            assertEquals(calls, tagged, "every recorded call keeps its profile tag");
        }
    }

    private static List<SipHeader> headers(int i) {
        return List.of(new SipHeader("From", "<sip:+1555000" + i + "@pstn.example>"));
    }
}
