package dev.switchboard.monitor;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallWarning;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.ResponseUsage;
import dev.switchboard.call.SpeakerSegment;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.TurnLog;
import dev.switchboard.openai.ServerEvent;
import dev.switchboard.openai.ServerEvents;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns sideband frames into changes of one {@link Call}. Every frame is kept raw; a frame whose
 * {@code event_id} was already applied (replayed after a reconnect) is kept but not applied twice.
 */
public final class EventApplier {

    private final Call call;
    private final Clock clock;
    private final Set<String> seenEventIds = new HashSet<>();
    /** False for a replica (team mode) that gets the owner's notes from its stream instead of making its own. */
    private final boolean addsNotes;

    public EventApplier(Call call, Clock clock) {
        this(call, clock, true);
    }

    public EventApplier(Call call, Clock clock, boolean addsNotes) {
        this.call = call;
        this.clock = clock;
        this.addsNotes = addsNotes;
    }

    private void note(String text) {
        if (addsNotes) {
            call.note(text);
        }
    }

    /** Called on the socket thread, one frame at a time. */
    public void apply(String frame) {
        ServerEvent event = ServerEvents.parse(frame);
        call.recordEvent(new RawEvent(clock.instant(), RawEvent.Direction.IN, event.type(), frame));
        if (event.eventId() != null && !seenEventIds.add(event.eventId())) {
            return;
        }
        apply(event);
    }

    private void apply(ServerEvent event) {
        TurnLog turns = call.turns();
        if (event instanceof ServerEvent.ItemAdded e) {
            Speaker speaker = speakerOf(e.role());
            if (e.itemId() != null && speaker != null && "message".equals(e.itemType())
                    && (speaker == Speaker.AGENT || transcribesCaller())) {
                call.itemAdded(e.itemId(), speaker, e.previousItemId());
            }
        } else if (event instanceof ServerEvent.AgentDelta e) {
            String key = key(e.itemId(), e.responseId());
            // the turn log first, so the latency badge is there when the words appear
            turns.agentOutput(e.responseId(), key);
            call.alerts().activity(Speaker.AGENT);
            call.appendDelta(key, Speaker.AGENT, e.delta());
        } else if (event instanceof ServerEvent.AgentDone e) {
            call.completeUtterance(key(e.itemId(), e.responseId()), Speaker.AGENT, e.transcript());
        } else if (event instanceof ServerEvent.CallerDelta e) {
            call.appendDelta(key(e.itemId(), null), Speaker.CALLER, e.delta());
        } else if (event instanceof ServerEvent.CallerCompleted e) {
            call.completeUtterance(key(e.itemId(), null), Speaker.CALLER, e.transcript());
        } else if (event instanceof ServerEvent.CallerFailed e) {
            call.failUtterance(key(e.itemId(), null), Speaker.CALLER,
                    "transcription failed" + (e.message() == null ? "" : ": " + e.message()));
            call.health().transcriptionFailed(e.itemId(), e.message());
        } else if (event instanceof ServerEvent.CallerSegment e) {
            if (e.itemId() != null) {
                turns.speakerSegment(new SpeakerSegment(e.itemId(), e.segmentId(), e.speaker(), e.start(), e.end(),
                        e.text()));
            }
        } else if (event instanceof ServerEvent.SpeechStarted e) {
            // the caller's line keeps its place from the moment they speak, unless no transcript will ever fill it
            if (e.itemId() != null && transcribesCaller()) {
                call.itemAdded(e.itemId(), Speaker.CALLER, null);
            }
            turns.callerSpeechStarted(e.itemId());
            call.alerts().activity(Speaker.CALLER);
            call.speaking(Speaker.CALLER, true);
        } else if (event instanceof ServerEvent.SpeechStopped e) {
            turns.callerSpeechStopped(e.itemId());
            call.alerts().activity(Speaker.CALLER);
            call.speaking(Speaker.CALLER, false);
        } else if (event instanceof ServerEvent.InputCommitted e) {
            turns.callerCommitted(e.itemId());
        } else if (event instanceof ServerEvent.Dtmf e) {
            call.dtmf(e.key() == null ? "?" : e.key());
        } else if (event instanceof ServerEvent.ResponseCreated e) {
            turns.responseCreated(e.responseId());
            call.speaking(Speaker.AGENT, true);
        } else if (event instanceof ServerEvent.ResponseDone e) {
            responseDone(e);
        } else if (event instanceof ServerEvent.Playback e) {
            call.alerts().activity(Speaker.AGENT);
            switch (e.kind()) {
                case STARTED -> turns.audioStarted(e.responseId());
                case STOPPED -> turns.audioStopped(e.responseId());
                case CLEARED -> turns.audioCleared(e.responseId());
            }
        } else if (event instanceof ServerEvent.ItemTruncated e) {
            if (e.itemId() != null) {
                turns.itemTruncated(e.itemId(), e.audioEndMs());
            }
        } else if (event instanceof ServerEvent.FunctionCallDone e) {
            turns.functionCallDone(e.responseId());
            note("tool call " + e.name() + "(" + e.arguments() + ")");
            call.alerts().toolCalled(e.name());
            if (e.callId() != null) {
                call.tools().functionDone(e.itemId(), e.callId(), e.name(), e.arguments());
            }
        } else if (event instanceof ServerEvent.ToolEvent e) {
            ToolEventApplier.apply(call.tools(), e);
        } else if (event instanceof ServerEvent.SessionChanged e) {
            call.health().session(e.info(), e.created());
        } else if (event instanceof ServerEvent.Error e) {
            note("OpenAI error: " + (e.message() == null ? e.code() : e.message()));
            call.health().error(e.errorType(), e.code(), e.message());
        }
        // the other types are kept in the raw log only: never fatal
    }

    private void responseDone(ServerEvent.ResponseDone e) {
        call.speaking(Speaker.AGENT, false);
        call.turns().responseDone(e.responseId(), e.status(), e.statusReason(),
                e.details() == null ? ResponseUsage.NONE : e.details());
        if (e.usage() != null) {
            call.addUsage(e.usage());
        }
        // a cancelled response is the normal end of a barge-in; failed and incomplete ones are problems
        if ("failed".equals(e.status()) || "incomplete".equals(e.status())) {
            call.health().warn(CallWarning.Kind.RESPONSE_FAILED, "response " + e.responseId() + " " + e.status()
                    + (e.statusReason() == null ? "" : " (" + e.statusReason() + ")"));
        }
    }

    private boolean transcribesCaller() {
        return call.settings().map(AcceptSettings::transcribesCaller).orElse(true);
    }

    private static String key(String itemId, String responseId) {
        if (itemId != null) {
            return itemId;
        }
        return responseId != null ? "response-" + responseId : "unknown-item";
    }

    private static Speaker speakerOf(String role) {
        if ("user".equals(role)) {
            return Speaker.CALLER;
        }
        if ("assistant".equals(role)) {
            return Speaker.AGENT;
        }
        return null;
    }
}
