package dev.switchboard.sim;

import static dev.switchboard.sim.Words.tokensOf;
import static dev.switchboard.sim.Words.words;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Builds the server events of one call's sideband conversation as JSON, in the shapes of PROTOCOL.md §5. Holds
 * what those events are computed from: the current session config, the last item of the conversation (for
 * {@code previous_item_id}) and the token counts behind {@code usage} and {@code rate_limits.updated}.
 *
 * <p>Confined to the simulator's scheduler thread, like the rest of a call's sideband state.
 */
final class ServerEventFactory {

    /** A function the agent calls within a response. */
    record FunctionCall(String callId, String name, String arguments) {
    }

    private final String conversationId;
    private final ObjectNode session;
    private String lastItemId;
    private long historyTextTokens;
    private long historyAudioTokens;
    private long rateLimitTokensRemaining = 40_000;

    /** {@code session} is the session the accept opened; it is kept and changed in place. */
    ServerEventFactory(String callId, ObjectNode session) {
        this.conversationId = "conv_" + callId.substring(4, 24);
        this.session = session;
        this.historyTextTokens = tokensOf(session.path("instructions").asText(""));
    }

    // ---- conversation state the events are built from --------------------------------------------------------

    /** The live session config; session.update merges into it. */
    ObjectNode session() {
        return session;
    }

    /** The caller is transcribed only while the session names a transcription model; "" when it does not. */
    String transcriptionModel() {
        return session.at("/audio/input/transcription/model").asText("");
    }

    String lastItemId() {
        return lastItemId;
    }

    /** {@code itemId} is now the newest item: the next added item names it as its previous one. */
    void appended(String itemId) {
        lastItemId = itemId;
    }

    void countInputText(String text) {
        historyTextTokens += tokensOf(text);
    }

    void countInputAudio(long speechMs) {
        historyAudioTokens += speechMs / 50; // about one audio token per 50 ms
    }

    // ---- generic events --------------------------------------------------------------------------------------

    ObjectNode event(String type) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("type", type);
        event.put("event_id", Ids.event());
        return event;
    }

    /** session.created / session.updated with a copy of the current session. */
    ObjectNode sessionEvent(String type) {
        ObjectNode event = event(type);
        event.set("session", session.deepCopy());
        return event;
    }

    ObjectNode error(String code, String message, String param, String clientEventId) {
        ObjectNode event = event("error");
        ObjectNode error = event.putObject("error");
        error.put("type", "invalid_request_error");
        error.put("code", code);
        error.put("message", message);
        error.put("param", param);
        error.put("event_id", clientEventId);
        return event;
    }

    /** conversation.item.added / .done; {@code previous} null leaves previous_item_id out (as .done often does). */
    ObjectNode itemEvent(String type, String previous, ObjectNode item) {
        ObjectNode event = event(type);
        if (previous != null || type.endsWith(".added")) {
            event.put("previous_item_id", previous);
        }
        event.set("item", item.deepCopy());
        return event;
    }

    // ---- the caller ------------------------------------------------------------------------------------------

    ObjectNode speech(String type, String clockField, long clockMs, String itemId) {
        ObjectNode event = event(type);
        event.put(clockField, clockMs);
        event.put("item_id", itemId);
        return event;
    }

    /** input_audio_buffer.committed and the user item it creates (added, done); the item becomes the last one. */
    List<ObjectNode> committedUserTurn(String itemId) {
        ObjectNode committed = event("input_audio_buffer.committed");
        committed.put("previous_item_id", lastItemId);
        committed.put("item_id", itemId);
        ObjectNode item = item(itemId, "message", "completed");
        item.put("role", "user");
        item.putArray("content").addObject().put("type", "input_audio").putNull("transcript");
        List<ObjectNode> out = List.of(committed, itemEvent("conversation.item.added", lastItemId, item),
                itemEvent("conversation.item.done", lastItemId, item));
        lastItemId = itemId;
        return out;
    }

    ObjectNode transcriptionFailed(String itemId) {
        ObjectNode failed = event("conversation.item.input_audio_transcription.failed");
        failed.put("item_id", itemId);
        failed.put("content_index", 0);
        ObjectNode error = failed.putObject("error");
        error.put("type", "transcription_error");
        error.put("code", "audio_too_short");
        error.put("message", "Audio too short");
        error.putNull("param");
        return failed;
    }

    ObjectNode transcriptionDelta(String itemId, String chunk) {
        ObjectNode delta = event("conversation.item.input_audio_transcription.delta");
        delta.put("item_id", itemId);
        delta.put("content_index", 0);
        delta.put("delta", chunk);
        return delta;
    }

    /** whisper-1 bills by duration, the gpt-4o transcribe models by tokens. */
    ObjectNode transcriptionCompleted(String itemId, String text, String model, long speechMs) {
        ObjectNode completed = event("conversation.item.input_audio_transcription.completed");
        completed.put("item_id", itemId);
        completed.put("content_index", 0);
        completed.put("transcript", text);
        ObjectNode usage = completed.putObject("usage");
        if (model.equals("whisper-1")) {
            usage.put("type", "duration");
            usage.put("seconds", Math.max(1, Math.round(speechMs / 1000.0)));
        } else {
            long audio = speechMs / 50;
            long textTokens = tokensOf(text);
            usage.put("type", "tokens");
            usage.put("total_tokens", audio + textTokens);
            usage.put("input_tokens", audio);
            usage.putObject("input_token_details").put("text_tokens", 0).put("audio_tokens", audio);
            usage.put("output_tokens", textTokens);
        }
        return completed;
    }

    ObjectNode dtmf(String key) {
        ObjectNode dtmf = event("input_audio_buffer.dtmf_event_received");
        dtmf.put("event", key);
        dtmf.put("received_at", Instant.now().getEpochSecond());
        return dtmf;
    }

    // ---- the agent -------------------------------------------------------------------------------------------

    /** The assistant message item of a response, in progress. */
    ObjectNode assistantMessage(String itemId) {
        ObjectNode message = item(itemId, "message", "in_progress");
        message.put("role", "assistant");
        message.putArray("content");
        return message;
    }

    /** A response begins: created, its message item (now the last item), the audio part, playback started. */
    List<ObjectNode> responseStarted(String responseId, ObjectNode message) {
        String itemId = message.path("id").asText();
        ObjectNode created = event("response.created");
        created.set("response", responseObject(responseId, "in_progress"));
        ObjectNode part = contentEvent("response.content_part.added", responseId, itemId);
        part.putObject("part").put("type", "audio").put("transcript", "");
        List<ObjectNode> out = List.of(created, outputItem("response.output_item.added", responseId, 0, message),
                itemEvent("conversation.item.added", lastItemId, message), part,
                playback("output_audio_buffer.started", responseId)); // few monitors know the last one
        lastItemId = itemId;
        return out;
    }

    /** response.output_item.added / .done at {@code outputIndex}. */
    ObjectNode outputItem(String type, String responseId, int outputIndex, ObjectNode item) {
        ObjectNode event = event(type);
        event.put("response_id", responseId);
        event.put("output_index", outputIndex);
        event.set("item", item.deepCopy());
        return event;
    }

    /** An event addressed to the audio content of a response's message (content_part.*, output_audio*.*). */
    ObjectNode contentEvent(String type, String responseId, String itemId) {
        ObjectNode event = event(type);
        event.put("response_id", responseId);
        event.put("item_id", itemId);
        event.put("output_index", 0);
        event.put("content_index", 0);
        return event;
    }

    /** output_audio_buffer.started / .stopped. */
    ObjectNode playback(String type, String responseId) {
        ObjectNode event = event(type);
        event.put("response_id", responseId);
        return event;
    }

    ObjectNode functionArguments(String type, String responseId, String itemId, String callId) {
        ObjectNode event = event(type);
        event.put("response_id", responseId);
        event.put("item_id", itemId);
        event.put("output_index", 1);
        event.put("call_id", callId);
        return event;
    }

    /** The function call's arguments are complete: arguments.done, output_item.done, conversation.item.done. */
    List<ObjectNode> functionCallDone(String responseId, String itemId, FunctionCall call) {
        ObjectNode done = functionArguments("response.function_call_arguments.done", responseId, itemId,
                call.callId());
        done.put("name", call.name());
        done.put("arguments", call.arguments());
        ObjectNode item = functionCallItem(itemId, call, "completed", call.arguments());
        return List.of(done, outputItem("response.output_item.done", responseId, 1, item),
                itemEvent("conversation.item.done", null, item));
    }

    /** response.done; {@code spoken} is what the response produced, for its usage. */
    ObjectNode responseDone(String responseId, String status, List<ObjectNode> output, String spoken) {
        ObjectNode done = event("response.done");
        ObjectNode response = responseObject(responseId, status);
        if (status.equals("cancelled")) {
            response.putObject("status_details").put("type", "cancelled").put("reason", "client_cancelled");
        }
        response.putArray("output").addAll(output);
        response.set("usage", usage(spoken));
        done.set("response", response);
        return done;
    }

    /** A response that failed on the server: no output, an error in its status details. */
    ObjectNode failedResponse(String responseId, String code, String message) {
        ObjectNode done = responseDone(responseId, "failed", List.of(), "");
        ObjectNode details = ((ObjectNode) done.get("response")).putObject("status_details");
        details.put("type", "failed");
        details.putObject("error").put("type", "server_error").put("code", code).put("message", message);
        return done;
    }

    /** {@code conversation.item.truncated}: the caller heard the item's audio only up to {@code audioEndMs}. */
    ObjectNode truncated(String itemId, long audioEndMs) {
        ObjectNode event = event("conversation.item.truncated");
        event.put("item_id", itemId);
        event.put("content_index", 0);
        event.put("audio_end_ms", audioEndMs);
        return event;
    }

    static ObjectNode completedMessage(ObjectNode message, String text) {
        ObjectNode done = message.deepCopy();
        done.put("status", "completed");
        ArrayNode content = done.putArray("content");
        content.addObject().put("type", "output_audio").put("transcript", text);
        return done;
    }

    static ObjectNode functionCallItem(String itemId, FunctionCall call, String status, String arguments) {
        ObjectNode item = item(itemId, "function_call", status);
        item.put("name", call.name());
        item.put("call_id", call.callId());
        item.put("arguments", arguments);
        return item;
    }

    static ObjectNode functionCallOutput(String callId, String outputJson) {
        ObjectNode item = item(Ids.item(), "function_call_output", "completed");
        item.put("call_id", callId);
        item.put("output", outputJson);
        return item;
    }

    private static ObjectNode item(String itemId, String type, String status) {
        ObjectNode item = Json.MAPPER.createObjectNode();
        item.put("id", itemId);
        item.put("object", "realtime.item");
        item.put("type", type);
        item.put("status", status);
        return item;
    }

    private ObjectNode responseObject(String responseId, String status) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("object", "realtime.response");
        response.put("id", responseId);
        response.put("status", status);
        response.putNull("status_details");
        response.putArray("output");
        response.put("conversation_id", conversationId);
        response.putArray("output_modalities").add("audio");
        response.put("max_output_tokens", "inf");
        ObjectNode output = response.putObject("audio").putObject("output");
        output.set("format", session.at("/audio/output/format").deepCopy());
        output.set("voice", session.at("/audio/output/voice").deepCopy());
        response.putNull("usage");
        response.putObject("metadata");
        return response;
    }

    /** Token usage of a response that spoke {@code text}: the whole conversation so far is its input. */
    private ObjectNode usage(String text) {
        long outText = tokensOf(text);
        long outAudio = words(text) * 6L;
        long inText = historyTextTokens;
        long inAudio = historyAudioTokens;
        long input = inText + inAudio;
        long cached = input >= 1024 ? (input - 256) / 64 * 64 : 0; // the prompt cache works in 64-token blocks
        long cachedText = Math.min(cached, inText);
        ObjectNode usage = Json.MAPPER.createObjectNode();
        usage.put("total_tokens", input + outText + outAudio);
        usage.put("input_tokens", input);
        usage.put("output_tokens", outText + outAudio);
        ObjectNode inputDetails = usage.putObject("input_token_details");
        inputDetails.put("cached_tokens", cached);
        inputDetails.put("text_tokens", inText);
        inputDetails.put("audio_tokens", inAudio);
        inputDetails.put("image_tokens", 0);
        inputDetails.putObject("cached_tokens_details").put("text_tokens", cachedText)
                .put("audio_tokens", cached - cachedText).put("image_tokens", 0);
        usage.putObject("output_token_details").put("text_tokens", outText).put("audio_tokens", outAudio);
        historyTextTokens += outText;
        historyAudioTokens += outAudio;
        return usage;
    }

    ObjectNode rateLimits(String text) {
        rateLimitTokensRemaining = Math.max(0, rateLimitTokensRemaining - tokensOf(text) - words(text) * 6L);
        ObjectNode event = event("rate_limits.updated");
        ArrayNode limits = event.putArray("rate_limits");
        limits.addObject().put("name", "requests").put("limit", 5000).put("remaining", 4999)
                .put("reset_seconds", 0.012);
        limits.addObject().put("name", "tokens").put("limit", 40_000).put("remaining", rateLimitTokensRemaining)
                .put("reset_seconds", 1.8);
        return event;
    }
}
