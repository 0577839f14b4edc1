package dev.switchboard.store;

import dev.switchboard.history.StateChange;
import dev.switchboard.history.StoredCall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.call.CallState;
import dev.switchboard.call.SipHeader;
import dev.switchboard.webhook.IncomingCall;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncomingCallStoreTest {

    @TempDir
    Path dir;

    private static IncomingCall incoming(String id) {
        return new IncomingCall("wh_" + id, "evt_" + id, id, List.of(
                new SipHeader("From", "\"Dana\" <sip:+15551230001@pstn.twilio.com>;tag=1"),
                new SipHeader("To", "<sip:+15559870000@sip.api.openai.com>")), System.nanoTime());
    }

    @Test
    void aRecordedCallIsCommittedAtOnceWithItsHeadersAndRingingState() throws Exception {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        try (HistoryStore store = HistoryStore.openIn(dir)) {
            store.incomingCalls().record("rtc_1", incoming("rtc_1").sipHeaders(), at);
            // another connection sees it: it is committed, not merely queued
            try (HistoryStore other = HistoryStore.openIn(dir)) {
                StoredCall call = other.load("rtc_1").orElseThrow();
                assertEquals(CallState.RINGING, call.state());
                assertEquals(at, call.createdAt());
                assertEquals("+15551230001", call.caller().number());
                assertEquals(1, call.stateChanges().size());
            }
        }
    }

    @Test
    void aRehearsalKeepsNothingAndLeavesTheJournalWorking() throws Exception {
        try (HistoryStore store = HistoryStore.openIn(dir)) {
            for (int i = 0; i < 50; i++) {
                store.incomingCalls().rehearse("rtc_warmup_" + i, incoming("rtc_warmup_" + i).sipHeaders(), Instant.now());
            }
            store.incomingCalls().record("rtc_real", incoming("rtc_real").sipHeaders(), Instant.now());
            try (HistoryStore other = HistoryStore.openIn(dir)) {
                assertEquals(1, other.callCount());
                assertTrue(other.load("rtc_warmup_0").isEmpty());
                assertTrue(other.load("rtc_real").isPresent());
            }
        }
    }

    @Test
    void theRecorderGoesOnFromTheJournalledRowAndARedeliveryChangesNothing() throws Exception {
        try (HistoryStore store = HistoryStore.openIn(dir)) {
            store.incomingCalls().record("rtc_2", incoming("rtc_2").sipHeaders(), Instant.now());
            CallRecorder recorder = new CallRecorder(store, Clock.systemUTC());
            CallRegistry registry = new CallRegistry();
            recorder.attach(registry);
            Call call = new Call("rtc_2", incoming("rtc_2").sipHeaders(), Clock.systemUTC());
            registry.add(call);
            call.moveTo(CallState.ACCEPTING, "");
            call.moveTo(CallState.FAILED, "OpenAI refused the request (400): Invalid model");
            recorder.flush();
            store.incomingCalls().record("rtc_2", incoming("rtc_2").sipHeaders(), Instant.now()); // a redelivered webhook

            StoredCall stored = store.load("rtc_2").orElseThrow();
            assertEquals(CallState.FAILED, stored.state());
            assertTrue(stored.stateReason().contains("Invalid model"));
            assertEquals(List.of(CallState.RINGING, CallState.ACCEPTING, CallState.FAILED),
                    stored.stateChanges().stream().map(StateChange::state).toList());
            assertEquals(1, store.callCount());
            recorder.close();
        }
    }

    @Test
    void aCallRemovedFromTheRegistryIsWrittenOnceMoreAndThenLetGo() throws Exception {
        try (HistoryStore store = HistoryStore.openIn(dir);
             CallRecorder recorder = new CallRecorder(store, Clock.systemUTC())) {
            CallRegistry registry = new CallRegistry();
            recorder.attach(registry);
            Call call = new Call("rtc_3", incoming("rtc_3").sipHeaders(), Clock.systemUTC());
            registry.add(call);
            call.moveTo(CallState.MISSED, "nobody answered within 60 s");
            registry.remove("rtc_3");
            recorder.flush();
            assertEquals(0, recorder.followed(), "the recorder holds no call the registry let go");
            assertEquals(CallState.MISSED, store.load("rtc_3").orElseThrow().state());
        }
    }
}
