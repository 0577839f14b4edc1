package dev.switchboard.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.call.ResponseUsage;
import dev.switchboard.call.SessionInfo;
import dev.switchboard.call.TokenUsage;

/** Parses sideband frames into {@link ServerEvent}s; never throws on odd input. */
public final class ServerEvents {

    private static final java.util.Set<String> TOOL_ITEMS =
            java.util.Set.of("function_call", "mcp_call", "mcp_list_tools", "mcp_approval_request");

    private static boolean isToolItem(JsonNode item) {
        String type = text(item, "type");
        return type != null && TOOL_ITEMS.contains(type);
    }

    private ServerEvents() {
    }

    /** A frame that is not JSON becomes an {@link ServerEvent.Other} of type {@code invalid_json}. */
    public static ServerEvent parse(String text) {
        JsonNode json;
        try {
            json = SessionJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return new ServerEvent.Other("invalid_json", null, SessionJson.MAPPER.getNodeFactory().textNode(text));
        }
        if (json == null || !json.isObject()) {
            return new ServerEvent.Other("invalid_json", null, json);
        }
        return parse(json);
    }

    public static ServerEvent parse(JsonNode e) {
        String type = text(e, "type");
        String id = text(e, "event_id");
        if (type == null) {
            return new ServerEvent.Other("(no type)", id, e);
        }
        return switch (type) {
            case "session.created", "session.updated" -> new ServerEvent.SessionChanged(type, id, e.path("session"),
                    sessionInfo(e.path("session")));
            case "conversation.item.added", "conversation.item.done", "conversation.item.created" -> {
                JsonNode item = e.path("item");
                if (isToolItem(item)) {
                    yield new ServerEvent.ToolEvent(type, id, e);
                }
                yield new ServerEvent.ItemAdded(type, id, text(item, "id"), text(e, "previous_item_id"),
                        text(item, "type"), text(item, "role"));
            }
            case "response.output_audio_transcript.delta", "response.output_text.delta" ->
                    new ServerEvent.AgentDelta(type, id, text(e, "response_id"), text(e, "item_id"), text(e, "delta"));
            case "response.output_audio_transcript.done" ->
                    new ServerEvent.AgentDone(type, id, text(e, "response_id"), text(e, "item_id"), text(e, "transcript"));
            case "response.output_text.done" ->
                    new ServerEvent.AgentDone(type, id, text(e, "response_id"), text(e, "item_id"), text(e, "text"));
            case "conversation.item.input_audio_transcription.delta" ->
                    new ServerEvent.CallerDelta(type, id, text(e, "item_id"), text(e, "delta"));
            case "conversation.item.input_audio_transcription.completed" ->
                    new ServerEvent.CallerCompleted(type, id, text(e, "item_id"), text(e, "transcript"));
            case "conversation.item.input_audio_transcription.failed" ->
                    new ServerEvent.CallerFailed(type, id, text(e, "item_id"), text(e.path("error"), "message"));
            case "conversation.item.input_audio_transcription.segment" -> new ServerEvent.CallerSegment(type, id,
                    text(e, "item_id"), text(e, "id"), text(e, "speaker"), e.path("start").asDouble(),
                    e.path("end").asDouble(), text(e, "text"));
            case "input_audio_buffer.speech_started" ->
                    new ServerEvent.SpeechStarted(type, id, text(e, "item_id"), e.path("audio_start_ms").asLong());
            case "input_audio_buffer.speech_stopped" ->
                    new ServerEvent.SpeechStopped(type, id, text(e, "item_id"), e.path("audio_end_ms").asLong());
            case "input_audio_buffer.committed" ->
                    new ServerEvent.InputCommitted(type, id, text(e, "item_id"), text(e, "previous_item_id"));
            case "input_audio_buffer.dtmf_event_received" -> new ServerEvent.Dtmf(type, id, text(e, "event"));
            case "output_audio_buffer.started" -> playback(type, id, e, ServerEvent.Playback.Kind.STARTED);
            case "output_audio_buffer.stopped" -> playback(type, id, e, ServerEvent.Playback.Kind.STOPPED);
            case "output_audio_buffer.cleared" -> playback(type, id, e, ServerEvent.Playback.Kind.CLEARED);
            case "conversation.item.truncated" -> new ServerEvent.ItemTruncated(type, id, text(e, "item_id"),
                    e.path("content_index").asInt(), e.path("audio_end_ms").asLong());
            case "response.created" -> new ServerEvent.ResponseCreated(type, id, text(e.path("response"), "id"));
            case "response.done" -> responseDone(type, id, e.path("response"));
            case "response.function_call_arguments.done" -> new ServerEvent.FunctionCallDone(type, id,
                    text(e, "response_id"), text(e, "item_id"), text(e, "call_id"), text(e, "name"), text(e, "arguments"));
            case "response.output_item.added", "response.output_item.done" ->
                    isToolItem(e.path("item")) ? new ServerEvent.ToolEvent(type, id, e)
                            : new ServerEvent.Other(type, id, e);
            case "response.function_call_arguments.delta", "mcp_list_tools.in_progress", "mcp_list_tools.completed",
                 "mcp_list_tools.failed", "response.mcp_call_arguments.delta", "response.mcp_call_arguments.done",
                 "response.mcp_call.in_progress", "response.mcp_call.completed", "response.mcp_call.failed" ->
                    new ServerEvent.ToolEvent(type, id, e);
            case "error" -> {
                JsonNode err = e.path("error");
                yield new ServerEvent.Error(type, id, text(err, "type"), text(err, "code"), text(err, "message"));
            }
            // the other GA types (and any unknown one) are kept raw for the inspector
            default -> new ServerEvent.Other(type, id, e);
        };
    }

    private static ServerEvent playback(String type, String id, JsonNode e, ServerEvent.Playback.Kind kind) {
        return new ServerEvent.Playback(type, id, text(e, "response_id"), kind);
    }

    private static ServerEvent responseDone(String type, String id, JsonNode response) {
        JsonNode usage = response.path("usage");
        TokenUsage tokens = null;
        ResponseUsage details = null;
        if (usage.isObject()) {
            tokens = new TokenUsage(text(response, "id"), usage.path("input_tokens").asLong(),
                    usage.path("output_tokens").asLong(), usage.path("total_tokens").asLong());
            JsonNode in = usage.path("input_token_details");
            JsonNode cached = in.path("cached_tokens_details");
            JsonNode out = usage.path("output_token_details");
            details = new ResponseUsage(in.path("text_tokens").asLong(), cached.path("text_tokens").asLong(),
                    in.path("audio_tokens").asLong(), cached.path("audio_tokens").asLong(),
                    out.path("text_tokens").asLong(), out.path("audio_tokens").asLong());
        }
        JsonNode statusDetails = response.path("status_details");
        String reason = text(statusDetails, "reason");
        if (reason == null) {
            JsonNode error = statusDetails.path("error");
            reason = text(error, "code") != null ? text(error, "code") : text(error, "type");
        }
        return new ServerEvent.ResponseDone(type, id, text(response, "id"), text(response, "status"), reason, tokens,
                details);
    }

    /** The voice is a name or a custom voice object {@code {"id": "voice_…"}}. */
    private static SessionInfo sessionInfo(JsonNode session) {
        JsonNode audio = session.path("audio");
        JsonNode voice = audio.path("output").path("voice");
        String voiceName = voice.isObject() ? text(voice, "id") : text(audio.path("output"), "voice");
        JsonNode input = audio.path("input");
        return new SessionInfo(text(session, "id"), text(session, "model"), voiceName,
                text(input.path("transcription"), "model"), text(input.path("turn_detection"), "type"),
                text(session, "instructions"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
