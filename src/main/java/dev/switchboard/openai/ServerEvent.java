package dev.switchboard.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.call.ResponseUsage;
import dev.switchboard.call.SessionInfo;
import dev.switchboard.call.TokenUsage;

/**
 * A server event from the sideband socket, typed for the ones a monitor uses. Everything else (the rest of the 46
 * GA types, and types this build has never heard of) is an {@link Other} that keeps its JSON.
 */
public sealed interface ServerEvent {

    String type();

    String eventId();

    /** {@code session.created} / {@code session.updated}; {@code info} holds the fields the monitor shows. */
    record SessionChanged(String type, String eventId, JsonNode session, SessionInfo info) implements ServerEvent {
        public boolean created() {
            return "session.created".equals(type);
        }
    }

    /** {@code conversation.item.added/done/created}: an item with its place in the conversation. */
    record ItemAdded(String type, String eventId, String itemId, String previousItemId, String itemType, String role)
            implements ServerEvent {
    }

    /** Agent speech transcript (audio) or text output, streamed. */
    record AgentDelta(String type, String eventId, String responseId, String itemId, String delta) implements ServerEvent {
    }

    record AgentDone(String type, String eventId, String responseId, String itemId, String transcript)
            implements ServerEvent {
    }

    record CallerDelta(String type, String eventId, String itemId, String delta) implements ServerEvent {
    }

    record CallerCompleted(String type, String eventId, String itemId, String transcript) implements ServerEvent {
    }

    record CallerFailed(String type, String eventId, String itemId, String message) implements ServerEvent {
    }

    /** A diarized stretch of caller speech: who spoke ({@code speaker}), from {@code start} to {@code end} seconds. */
    record CallerSegment(String type, String eventId, String itemId, String segmentId, String speaker, double start,
                         double end, String text) implements ServerEvent {
    }

    record SpeechStarted(String type, String eventId, String itemId, long audioStartMs) implements ServerEvent {
    }

    record SpeechStopped(String type, String eventId, String itemId, long audioEndMs) implements ServerEvent {
    }

    record InputCommitted(String type, String eventId, String itemId, String previousItemId) implements ServerEvent {
    }

    record Dtmf(String type, String eventId, String key) implements ServerEvent {
    }

    record ResponseCreated(String type, String eventId, String responseId) implements ServerEvent {
    }

    /**
     * @param statusReason {@code status_details.reason}, else its error's code or type; null when none given
     * @param usage        the totals kept in the call's history; null without usage
     * @param details      the token classes pricing needs; null without usage
     */
    record ResponseDone(String type, String eventId, String responseId, String status, String statusReason,
                        TokenUsage usage, ResponseUsage details) implements ServerEvent {
    }

    /** {@code output_audio_buffer.started/stopped/cleared}: real playback to the caller (SIP/WebRTC only). */
    record Playback(String type, String eventId, String responseId, Kind kind) implements ServerEvent {
        public enum Kind { STARTED, STOPPED, CLEARED }
    }

    /** {@code conversation.item.truncated}: the caller heard the item only up to {@code audioEndMs}. */
    record ItemTruncated(String type, String eventId, String itemId, int contentIndex, long audioEndMs)
            implements ServerEvent {
    }

    record FunctionCallDone(String type, String eventId, String responseId, String itemId, String callId, String name,
                            String arguments) implements ServerEvent {
    }

    /**
     * Function-call streaming and MCP activity: {@code response.function_call_arguments.delta}, output items and
     * conversation items of the tool types, {@code mcp_list_tools.*}, {@code response.mcp_call*}; {@code json} is
     * the whole event.
     */
    record ToolEvent(String type, String eventId, JsonNode json) implements ServerEvent {
    }

    record Error(String type, String eventId, String errorType, String code, String message) implements ServerEvent {
    }

    record Other(String type, String eventId, JsonNode json) implements ServerEvent {
    }
}
