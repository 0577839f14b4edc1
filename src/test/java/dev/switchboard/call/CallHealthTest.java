package dev.switchboard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallHealthTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final Call call = new Call("rtc_h", List.of(), clock);

    @Test
    void aSessionThatNeverStartsIsFlaggedOnceAfterFiveSeconds() {
        assertFalse(call.health().checkSessionStarted(), "not accepted yet");
        call.mark(Milestone.ACCEPT_ANSWERED);
        clock.advanceMillis(4_999);
        assertFalse(call.health().checkSessionStarted());
        clock.advanceMillis(1);
        assertTrue(call.health().checkSessionStarted());
        assertFalse(call.health().checkSessionStarted(), "flagged once");
        List<CallWarning> warnings = call.health().warnings();
        assertEquals(1, warnings.size());
        assertEquals(CallWarning.Kind.SESSION_NEVER_STARTED, warnings.get(0).kind());
    }

    @Test
    void aStartedSessionIsNotFlaggedAndUpdatesKeepWhatTheyLeaveOut() {
        call.mark(Milestone.ACCEPT_ANSWERED);
        call.health().session(new SessionInfo("sess_1", "gpt-realtime", "marin", "gpt-4o-transcribe", "semantic_vad", "Be kind"), true);
        call.health().session(new SessionInfo(null, null, "cedar", null, null, null), false);
        clock.advance(Duration.ofSeconds(6));
        assertFalse(call.health().checkSessionStarted());
        SessionInfo s = call.health().session().orElseThrow();
        assertEquals("gpt-realtime", s.model());
        assertEquals("cedar", s.voice());
        assertEquals("sess_1", s.sessionId());
    }

    @Test
    void errorsFailuresSocketCloseAndWebhookLagAreKept() {
        List<CallChange> changes = new ArrayList<>();
        call.addListener((c, change) -> changes.add(change));
        call.health().transcriptionFailed("item_1", "Audio too short");
        call.health().error("invalid_request_error", "missing_required_parameter", "Missing required parameter: 'session.type'.");
        call.health().socketClosed(1000, "call ended");
        call.health().webhookLag(Duration.ofMillis(1_250));

        List<CallWarning> w = call.health().warnings();
        assertEquals(CallWarning.Kind.TRANSCRIPTION_FAILED, w.get(0).kind());
        assertTrue(w.get(0).text().contains("transcription") && w.get(0).text().contains("Audio too short"), w.get(0).text());
        assertEquals(CallWarning.Kind.ERROR, w.get(1).kind());
        assertTrue(w.get(1).text().contains("Missing required parameter: 'session.type'."), w.get(1).text());
        assertEquals(1000, call.health().closeCode().orElseThrow());
        assertEquals("call ended", call.health().closeReason().orElseThrow());
        assertEquals(Duration.ofMillis(1_250), call.health().webhookLag().orElseThrow());
        assertEquals(List.of(CallChange.HEALTH, CallChange.HEALTH, CallChange.HEALTH, CallChange.HEALTH), changes);
    }
}
