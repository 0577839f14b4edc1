package dev.switchboard.monitor;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.Speaker;
import dev.switchboard.openai.ServerEvent;
import dev.switchboard.openai.ServerEvents;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns sideband frames into changes of one {@link Call}. Every frame is kept raw; a frame whose
 * {@code event_id} was already applied (replayed after a reconnect) is kept but not applied twice.
 */
final class EventApplier {

    private final Call call;
    private final Clock clock;
    private final Set<String> seenEventIds = new HashSet<>();

    EventApplier(Call call, Clock clock) {
        this.call = call;
        this.clock = clock;
    }

    /** Called on the socket thread, one frame at a time. */
    void apply(String frame) {
        ServerEvent event = ServerEvents.parse(frame);
        call.recordEvent(new RawEvent(clock.instant(), RawEvent.Direction.IN, event.type(), frame));
        if (event.eventId() != null && !seenEventIds.add(event.eventId())) {
            return;
        }
        apply(event);
    }

    private void apply(ServerEvent event) {
        if (event instanceof ServerEvent.ItemAdded e) {
            Speaker speaker = speakerOf(e.role());
            if (e.itemId() != null && speaker != null && "message".equals(e.itemType())
                    && (speaker == Speaker.AGENT || transcribesCaller())) {
                call.itemAdded(e.itemId(), speaker, e.previousItemId());
            }
        } else if (event instanceof ServerEvent.AgentDelta e) {
            call.appendDelta(key(e.itemId(), e.responseId()), Speaker.AGENT, e.delta());
        } else if (event instanceof ServerEvent.AgentDone e) {
            call.completeUtterance(key(e.itemId(), e.responseId()), Speaker.AGENT, e.transcript());
        } else if (event instanceof ServerEvent.CallerDelta e) {
            call.appendDelta(key(e.itemId(), null), Speaker.CALLER, e.delta());
        } else if (event instanceof ServerEvent.CallerCompleted e) {
            call.completeUtterance(key(e.itemId(), null), Speaker.CALLER, e.transcript());
        } else if (event instanceof ServerEvent.CallerFailed e) {
            call.failUtterance(key(e.itemId(), null), Speaker.CALLER,
                    "transcription failed" + (e.message() == null ? "" : ": " + e.message()));
        } else if (event instanceof ServerEvent.SpeechStarted e) {
            // the caller's line keeps its place from the moment they speak, unless no transcript will ever fill it
            if (e.itemId() != null && transcribesCaller()) {
                call.itemAdded(e.itemId(), Speaker.CALLER, null);
            }
            call.speaking(Speaker.CALLER, true);
        } else if (event instanceof ServerEvent.SpeechStopped) {
            call.speaking(Speaker.CALLER, false);
        } else if (event instanceof ServerEvent.Dtmf e) {
            call.dtmf(e.key() == null ? "?" : e.key());
        } else if (event instanceof ServerEvent.ResponseCreated) {
            call.speaking(Speaker.AGENT, true);
        } else if (event instanceof ServerEvent.ResponseDone e) {
            call.speaking(Speaker.AGENT, false);
            if (e.usage() != null) {
                call.addUsage(e.usage());
            }
        } else if (event instanceof ServerEvent.FunctionCallDone e) {
            call.note("tool call " + e.name() + "(" + e.arguments() + ")");
        } else if (event instanceof ServerEvent.Error e) {
            call.note("OpenAI error: " + (e.message() == null ? e.code() : e.message()));
        }
        // session events and unknown types are kept in the raw log only: never fatal
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
