package dev.switchboard.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.call.TokenUsage;

/**
 * A server event from the sideband socket, typed for the ones a monitor uses. Everything else (including types
 * this build has never heard of) is an {@link Other} that keeps its JSON.
 */
public sealed interface ServerEvent {

    String type();

    String eventId();

    record SessionChanged(String type, String eventId, JsonNode session) implements ServerEvent {
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

    record SpeechStarted(String type, String eventId, String itemId, long audioStartMs) implements ServerEvent {
    }

    record SpeechStopped(String type, String eventId, String itemId) implements ServerEvent {
    }

    record Dtmf(String type, String eventId, String key) implements ServerEvent {
    }

    record ResponseCreated(String type, String eventId, String responseId) implements ServerEvent {
    }

    record ResponseDone(String type, String eventId, String responseId, String status, TokenUsage usage)
            implements ServerEvent {
    }

    record FunctionCallDone(String type, String eventId, String callId, String name, String arguments)
            implements ServerEvent {
    }

    record Error(String type, String eventId, String errorType, String code, String message) implements ServerEvent {
    }

    record Other(String type, String eventId, JsonNode json) implements ServerEvent {
    }
}
