package dev.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.call.CallState;
import dev.switchboard.call.ManualClock;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.ModelPrice;
import dev.switchboard.call.PriceTable;
import dev.switchboard.call.ResponseUsage;
import dev.switchboard.call.SipHeader;
import dev.switchboard.call.Speaker;
import dev.switchboard.history.CallMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A call's metrics are stored with it when it ends (the recorder's transaction), survive a reopen, go with the call. */
class MetricsRecorderTest {

    @TempDir
    Path dir;

    @Test
    void anEndedCallsMetricsAreKeptAndReadBack() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
        CallRegistry registry = new CallRegistry();
        Call call = new Call("rtc_m", List.of(new SipHeader("From", "<sip:+15550001111@x>")), clock);
        try (HistoryStore store = HistoryStore.openIn(dir)) {
            CallRecorder recorder = new CallRecorder(store, clock);
            recorder.attach(registry);
            MetricsRecorder.attach(recorder);
            registry.add(call);
            call.useSettings(AcceptSettings.defaults());
            call.turns().usePrices(new PriceTable(Map.of("gpt-realtime", new ModelPrice(4, 0.4, 16, 32, 0.4, 64))));
            call.moveTo(CallState.ACCEPTING, "");
            call.mark(Milestone.ACCEPT_ANSWERED);
            call.moveTo(CallState.ACTIVE, "");
            call.health().webhookLag(Duration.ofMillis(1200));
            clock.advanceMillis(700);
            call.turns().responseCreated("r0");
            call.itemAdded("a0", Speaker.AGENT, null);
            call.turns().agentOutput("r0", "a0");
            call.turns().responseDone("r0", "completed", null, new ResponseUsage(1000, 0, 0, 0, 0, 500));
            call.turns().callerSpeechStarted("c1");
            clock.advanceMillis(2000);
            call.turns().callerSpeechStopped("c1");
            clock.advanceMillis(900);
            call.turns().responseCreated("r1");
            call.itemAdded("a1", Speaker.AGENT, null);
            call.turns().agentOutput("r1", "a1");
            call.health().socketClosed(1000, "call ended");
            call.moveTo(CallState.ENDED, "caller hung up");

            CallMetrics expected = CallMetrics.of(call);
            assertEquals(1, expected.turns());
            assertEquals(700L, expected.greetingMs());
            assertEquals(900L, expected.p50Ms());
            WaitFor.condition(() -> MetricsRecorder.load(store, "rtc_m").isPresent());
            recorder.flush();
            assertEquals(Optional.of(expected), MetricsRecorder.load(store, "rtc_m"));
            recorder.close();
        }
        try (HistoryStore reopened = HistoryStore.openIn(dir)) {
            CallMetrics kept = MetricsRecorder.load(reopened, "rtc_m").orElseThrow();
            assertEquals(1000, kept.closeCode());
            assertEquals(1200L, kept.webhookLagMs());
            assertEquals(1, kept.turnList().size());
            assertEquals(900L, kept.turnList().get(0).waitMs());
            assertNull(kept.turnList().get(0).speakingMs(), "no playback events: unknown, not zero");
            assertTrue(reopened.deleteCall("rtc_m"));
            assertEquals(Optional.empty(), MetricsRecorder.load(reopened, "rtc_m"));
        }
    }

    /** Polls a condition (the metrics are written off the recorder's thread). */
    static final class WaitFor {
        static void condition(java.util.concurrent.Callable<Boolean> check) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!check.call()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("condition not met in 20 s");
                }
                Thread.sleep(10);
            }
        }
    }
}
