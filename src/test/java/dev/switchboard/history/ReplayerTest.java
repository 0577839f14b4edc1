package dev.switchboard.history;

import dev.switchboard.store.ScriptedCall;

import dev.switchboard.store.HistoryStore;
import dev.switchboard.store.CallRecorder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.ManualClock;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallChange;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.TranscriptEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayerTest {

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private StoredCall recorded(String id, java.util.function.BiConsumer<Call, ManualClock> script) {
        ManualClock clock = new ManualClock(ScriptedCall.START);
        try (HistoryStore store = HistoryStore.open(dir.resolve(id + ".db"));
             CallRecorder recorder = new CallRecorder(store, clock)) {
            Call call = ScriptedCall.newCall(id, clock);
            recorder.record(call);
            script.accept(call, clock);
            recorder.flush();
            return store.load(id).orElseThrow();
        }
    }

    private static void assertSameAsStored(StoredCall stored, Call call) {
        assertEquals(stored.transcript(), call.transcript());
        assertEquals(stored.timeline(), call.timeline());
        assertEquals(stored.events(), call.events());
        assertEquals(stored.usage(), call.usagePerResponse());
        assertEquals(stored.settings(), call.settings().orElse(null));
        assertEquals(stored.state(), call.state());
        assertEquals(stored.stateReason(), call.stateReason());
        assertEquals(stored.lastActionResult(), call.lastActionResult());
        if (stored.endedAt().isPresent()) {
            assertEquals(stored.duration(), call.duration());
        }
        assertEquals(stored.caller(), call.caller());
    }

    @Test
    void instantReplayRebuildsTheCallExactly() {
        StoredCall stored = recorded("rtc_replay", (call, clock) -> ScriptedCall.playOn(call, clock, true));
        Replayer.Playback playback = new Replayer(scheduler).play(stored, Replayer.INSTANT);
        assertTrue(playback.done().isDone(), "instant is synchronous");
        assertSame(playback.call(), playback.done().join());
        assertSameAsStored(stored, playback.call());
    }

    @Test
    void replaysAnExportedJsonFile() {
        StoredCall stored = recorded("rtc_export", (call, clock) -> ScriptedCall.playOn(call, clock, true));
        String json = new Exporter(new Exporter.Options(false, List.of(), ZoneOffset.UTC)).json(stored);
        StoredCall read = HistoryJson.readCall(json);
        Call call = new Replayer(scheduler).play(read, Replayer.INSTANT).call();
        assertSameAsStored(stored, call);
    }

    @Test
    void aCallCutShortIsReplayedAsFarAsItGot() {
        StoredCall stored = recorded("rtc_cut", (call, clock) -> {
            ScriptedCall.playOn(call, clock, false);
            call.appendDelta("item_a3", Speaker.AGENT, "Is there anything");
        });
        Call call = new Replayer(scheduler).play(stored, Replayer.INSTANT).call();
        assertSameAsStored(stored, call);
        assertEquals(CallState.ACTIVE, call.state());
        assertEquals(TranscriptEntry.Status.STREAMING, call.transcript().get(call.transcript().size() - 1).status());
    }

    @Test
    void replaysAtFourTimesWithTheOriginalSpacing() throws Exception {
        StoredCall stored = recorded("rtc_fast", (call, clock) -> {
            clock.advanceMillis(100);
            call.moveTo(CallState.ACCEPTING, "");
            clock.advanceMillis(100);
            call.mark(dev.switchboard.call.Milestone.ACCEPT_ANSWERED);
            call.moveTo(CallState.ACTIVE, "");
            clock.advanceMillis(100);
            call.completeUtterance("item_1", Speaker.AGENT, "Hello, this is Switchboard.");
            clock.advanceMillis(200);
            call.completeUtterance("item_2", Speaker.CALLER, "Hi, I have a question.");
            clock.advanceMillis(300);
            call.moveTo(CallState.ENDED, "caller hung up");
        });
        Duration span = Duration.between(stored.createdAt(), stored.endedAt().orElseThrow());
        assertEquals(Duration.ofMillis(800), span);

        CountDownLatch ended = new CountDownLatch(1);
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        Replayer.Playback playback = new Replayer(scheduler).play(stored, Replayer.FAST);
        playback.call().addListener((c, change) -> {
            if (change == CallChange.TRANSCRIPT) {
                sizes.add(c.transcript().size());
            }
            if (c.state().isTerminal()) {
                ended.countDown();
            }
        });
        assertTrue(ended.await(10, TimeUnit.SECONDS));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        playback.done().get(10, TimeUnit.SECONDS);
        assertTrue(elapsedMillis >= 190, "800 ms at 4x take about 200 ms, took " + elapsedMillis);
        assertTrue(elapsedMillis < 5_000, "took " + elapsedMillis);
        for (int i = 1; i < sizes.size(); i++) {
            assertTrue(sizes.get(i) >= sizes.get(i - 1), "the transcript only grows: " + sizes);
        }
        assertSameAsStored(stored, playback.call());
    }

    @Test
    void aReplayCanBeCancelled() throws Exception {
        StoredCall stored = recorded("rtc_cancel", (call, clock) -> ScriptedCall.playOn(call, clock, true));
        Replayer.Playback playback = new Replayer(scheduler).play(stored, Replayer.REALTIME); // ~10 s
        playback.cancel();
        assertTrue(playback.done().isCancelled());
        // the scheduler is idle again: a task submitted now runs at once
        assertEquals("idle", scheduler.submit(() -> "idle").get(5, TimeUnit.SECONDS));
        assertTrue(playback.call().state() != CallState.ENDED);
    }
}
