package dev.switchboard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The server side of one accepted call's sideband protocol: which socket is live, what the client sends and how
 * the server answers it (PROTOCOL.md §5). The conversation itself is played by a {@link ScriptPlayer}; the events
 * come from a {@link ServerEventFactory}.
 *
 * <p>Confined to the simulator's single scheduler thread, so it needs no locks.
 */
final class SimSocket {

    private static final String CANNED_GREETING = "Hello, thanks for calling! How can I help you today?";
    private static final String CANNED_REPLY = "Certainly. Is there anything else I can help you with?";
    private static final Pattern SAY = Pattern.compile("(?is)^\\s*say(?:\\s+to\\s+the\\s+(?:user|caller))?\\s*:\\s*(.+)$");

    private final SimCall call;
    private final ServerEventFactory events;
    private final ScriptPlayer player;
    private boolean ended;
    private Session socket;

    SimSocket(SimCall call, JsonNode acceptBody, SimOptions options, ScheduledExecutorService scheduler) {
        this.call = call;
        this.events = new ServerEventFactory(call.id(), initialSession(acceptBody));
        this.player = new ScriptPlayer(call.scenario().script(), options, scheduler, events, new ScriptPlayer.Stage() {
            @Override
            public boolean live() {
                return !ended && socket != null;
            }

            @Override
            public void send(ObjectNode event) {
                SimSocket.this.send(event);
            }

            @Override
            public void hangUp(String reason) {
                end(reason);
            }
        });
    }

    boolean isEnded() {
        return ended;
    }

    // ---- socket lifecycle ------------------------------------------------------------------------------------

    void connected(Session ws) {
        if (ended) {
            ws.close(1000, "call ended", Callback.NOOP);
            return;
        }
        if (socket != null && socket != ws) {
            socket.disconnect(); // the newest sideband connection wins
        }
        socket = ws;
        call.socketOpened();
        send(events.sessionEvent("session.created"));
        player.connected();
    }

    void disconnected(Session ws) {
        if (ws == socket) {
            socket = null; // pauses the script; the call itself goes on
        }
    }

    /** Cuts the TCP connection without a close frame, as a network failure would. */
    void dropSocket() {
        if (socket != null) {
            socket.disconnect();
            socket = null;
        }
    }

    /** The call is over: stop everything and close the socket normally (1000). */
    void end(String reason) {
        if (ended) {
            return;
        }
        ended = true;
        call.setState(SimCall.State.ENDED);
        player.stop();
        if (socket != null) {
            socket.close(1000, reason, Callback.NOOP);
            socket = null;
        }
    }

    // ---- client events ---------------------------------------------------------------------------------------

    void clientText(Session ws, String text) {
        call.clientSent(text);
        if (ended || ws != socket) {
            return;
        }
        JsonNode message = Json.parseOrNull(text);
        if (message == null || !message.isObject()) {
            sendError("invalid_json", "The server could not parse the event: expected a JSON object.", null, null);
            return;
        }
        String clientEventId = message.path("event_id").isTextual() ? message.path("event_id").asText() : null;
        JsonNode type = message.get("type");
        if (type == null || !type.isTextual()) {
            sendError("missing_required_parameter", "Missing required parameter: 'type'.", "type", clientEventId);
            return;
        }
        switch (type.asText()) {
            case "response.create" -> responseCreate(message, clientEventId);
            case "response.cancel" -> responseCancel(clientEventId);
            case "session.update" -> sessionUpdate(message, clientEventId);
            case "conversation.item.create" -> itemCreate(message, clientEventId);
            case "input_audio_buffer.clear" -> send(events.event("input_audio_buffer.cleared"));
            case "output_audio_buffer.clear" -> send(events.event("output_audio_buffer.cleared"));
            case "input_audio_buffer.commit", "conversation.item.delete", "conversation.item.retrieve",
                 "conversation.item.truncate" -> {
                // valid events the simulated conversation has no use for
            }
            default -> sendError("invalid_value", "Invalid value: '" + Json.abbreviate(type.asText(), 60)
                    + "'. Supported values are: 'session.update', 'input_audio_buffer.append', "
                    + "'input_audio_buffer.clear', 'input_audio_buffer.commit', 'conversation.item.create', "
                    + "'conversation.item.delete', 'conversation.item.retrieve', 'conversation.item.truncate', "
                    + "'response.create', 'response.cancel' and 'output_audio_buffer.clear'.", "type", clientEventId);
        }
    }

    void clientBinary(Session ws) {
        call.clientSent("<binary frame>");
        if (!ended && ws == socket) {
            sendError("invalid_json", "Binary frames are not supported; send JSON text frames.", null, null);
        }
    }

    private void responseCreate(JsonNode message, String clientEventId) {
        if (player.responseActive()) {
            sendError("conversation_already_has_active_response",
                    "Conversation already has an active response in progress. Wait until the response is "
                            + "finished before creating a new one.", null, clientEventId);
            return;
        }
        if (player.toolResponseRequested()) {
            return; // the model answers from the tool outputs
        }
        String instructions = message.path("response").path("instructions").asText("");
        Matcher say = SAY.matcher(instructions);
        String text = say.matches() ? unquote(say.group(1).trim())
                : player.scriptStarted() ? CANNED_REPLY : CANNED_GREETING;
        player.requestResponse(text);
    }

    private void responseCancel(String clientEventId) {
        String cancelled = player.runningResponseId();
        if (cancelled == null) {
            sendError("response_cancel_not_active", "Cancellation failed: no active response found.", null,
                    clientEventId);
            return;
        }
        String spoken = player.cancelResponse();
        send(events.responseDone(cancelled, "cancelled", List.of(), spoken));
    }

    private void sessionUpdate(JsonNode message, String clientEventId) {
        JsonNode patch = message.get("session");
        if (patch == null || !patch.isObject()) {
            sendError("missing_required_parameter", "Missing required parameter: 'session'.", "session",
                    clientEventId);
            return;
        }
        if (patch.has("type") && !"realtime".equals(patch.path("type").asText())) {
            sendError("invalid_value", "Invalid value: '" + patch.path("type").asText()
                    + "'. Supported values are: 'realtime'.", "session.type", clientEventId);
            return;
        }
        JsonNode voice = patch.at("/audio/output/voice");
        if (!voice.isMissingNode() && player.assistantAudioSent()
                && !voice.equals(events.session().at("/audio/output/voice"))) {
            sendError("cannot_update_voice", "Cannot update a conversation's voice if assistant audio is present.",
                    "session.audio.output.voice", clientEventId);
            return;
        }
        Json.merge(events.session(), patch);
        send(events.sessionEvent("session.updated"));
    }

    private void itemCreate(JsonNode message, String clientEventId) {
        JsonNode given = message.get("item");
        if (given == null || !given.isObject()) {
            sendError("missing_required_parameter", "Missing required parameter: 'item'.", "item", clientEventId);
            return;
        }
        ObjectNode item = (ObjectNode) given.deepCopy();
        if (!item.path("id").isTextual()) {
            item.put("id", Ids.item());
        }
        item.put("object", "realtime.item");
        if (!item.has("status")) {
            item.put("status", "completed");
        }
        String previous = message.path("previous_item_id").isTextual()
                ? message.path("previous_item_id").asText() : events.lastItemId();
        send(events.itemEvent("conversation.item.added", previous, item));
        send(events.itemEvent("conversation.item.done", previous, item));
        events.appended(item.path("id").asText());
        events.countInputText(Json.write(item));
        switch (item.path("type").asText()) {
            case "function_call_output" -> player.toolOutput(item.path("call_id").asText(), item.path("output").asText());
            case "mcp_approval_response" -> player.approval(item.path("approval_request_id").asText(),
                    item.path("approve").asBoolean());
            default -> {
            }
        }
    }

    // ---- sending ---------------------------------------------------------------------------------------------

    /** Queues the frame; Jetty writes frames in the order they were sent, off this thread. */
    private void send(ObjectNode event) {
        if (socket != null) {
            socket.sendText(Json.write(event), Callback.NOOP);
        }
    }

    private void sendError(String code, String message, String param, String clientEventId) {
        send(events.error(code, message, param, clientEventId));
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    /** The session an accept opens: OpenAI's defaults with the accept body merged over them. */
    private static ObjectNode initialSession(JsonNode acceptBody) {
        ObjectNode session = Json.MAPPER.createObjectNode();
        session.put("type", "realtime");
        session.put("object", "realtime.session");
        session.put("id", "sess_" + Ids.random(21));
        session.put("model", "gpt-realtime");
        session.putArray("output_modalities").add("audio");
        session.put("instructions", "");
        ObjectNode input = session.putObject("audio").putObject("input");
        input.putObject("format").put("type", "audio/pcmu");
        input.putNull("transcription");
        input.putNull("noise_reduction");
        input.putObject("turn_detection").put("type", "server_vad").put("threshold", 0.5)
                .put("prefix_padding_ms", 300).put("silence_duration_ms", 200).putNull("idle_timeout_ms")
                .put("create_response", true).put("interrupt_response", true);
        ObjectNode output = ((ObjectNode) session.get("audio")).putObject("output");
        output.putObject("format").put("type", "audio/pcmu");
        output.put("voice", "alloy");
        output.put("speed", 1.0);
        session.putArray("tools");
        session.put("tool_choice", "auto");
        session.put("max_output_tokens", "inf");
        session.putNull("tracing");
        session.putNull("prompt");
        session.put("expires_at", Instant.now().getEpochSecond() + 7200);
        Json.merge(session, acceptBody);
        return session;
    }

    @Override
    public String toString() {
        return "SimSocket[" + call.id() + (ended ? " ended" : "") + "]";
    }
}
