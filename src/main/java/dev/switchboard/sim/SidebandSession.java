package dev.switchboard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sim.Step.AgentLooksUp;
import dev.switchboard.sim.Step.AgentSays;
import dev.switchboard.sim.Step.CallerHangsUp;
import dev.switchboard.sim.Step.CallerPresses;
import dev.switchboard.sim.Step.CallerSays;
import dev.switchboard.sim.Step.Transcription;
import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.WebSocket;
import okhttp3.internal.ws.RealWebSocket;

/**
 * The server side of one accepted call's sideband conversation: the session config, the scripted caller, the
 * agent's responses and the socket they are sent on.
 *
 * <p>Confined to the simulator's single scheduler thread, so it needs no locks; the script advances one
 * {@link Beat} at a time and pauses while no socket is connected, so a reconnecting client picks up where it left
 * off instead of being replayed to.
 */
final class SidebandSession {

    // Human pacing at speed 1, in milliseconds.
    private static final long GREETING_WAIT_MS = 2_000;
    /** At speed 0 there is no pacing, but waiting for the client's greeting is a timeout, not pacing. */
    private static final long GREETING_WAIT_INSTANT_MS = 200;
    private static final long DELTA_MS = 60;
    private static final long MODEL_LATENCY_MS = 500;
    private static final long TURN_GAP_MS = 900;
    private static final long MS_PER_SPOKEN_WORD = 280;
    private static final long TOOL_RUN_MS = 800;

    private static final String CANNED_GREETING = "Hello, thanks for calling! How can I help you today?";
    private static final String CANNED_REPLY = "Certainly. Is there anything else I can help you with?";
    private static final Pattern SAY = Pattern.compile("(?is)^\\s*say(?:\\s+to\\s+the\\s+(?:user|caller))?\\s*:\\s*(.+)$");
    private static final Pattern WORD_CHUNKS = Pattern.compile("(?<=\\S)(?=\\s)");

    /** One server-side moment: after {@code delayMs}, run {@code action}. {@code responseId} marks response parts. */
    private record Beat(long delayMs, Runnable action, String responseId) {
    }

    private final SimCall call;
    private final SimOptions options;
    private final ScheduledExecutorService scheduler;
    private final ObjectNode session;

    private final Deque<Step> script;
    private final Deque<Step> requested = new ArrayDeque<>();
    private final Deque<Beat> beats = new ArrayDeque<>();
    private Beat scheduledBeat;
    private boolean scriptStarted;
    private Future<?> greetingTimer;
    private boolean ended;
    private WebSocket socket;

    private String lastItemId;
    private long callerAudioMs;
    private List<Beat> lateTranscription;
    private String runningResponseId;
    private final StringBuilder runningTranscript = new StringBuilder();
    private boolean assistantAudioSent;
    private long historyTextTokens;
    private long historyAudioTokens;
    private long rateLimitTokensRemaining = 40_000;

    SidebandSession(SimCall call, JsonNode acceptBody, SimOptions options, ScheduledExecutorService scheduler) {
        this.call = call;
        this.options = options;
        this.scheduler = scheduler;
        this.session = initialSession(acceptBody);
        this.script = new ArrayDeque<>(call.scenario().script());
        this.historyTextTokens = tokensOf(session.path("instructions").asText(""));
    }

    boolean isEnded() {
        return ended;
    }

    // ---- socket lifecycle ------------------------------------------------------------------------------------

    void connected(WebSocket ws) {
        if (ended) {
            ws.close(1000, "call ended");
            return;
        }
        if (socket != null && socket != ws) {
            abort(socket); // the newest sideband connection wins
        }
        socket = ws;
        call.socketOpened();
        ObjectNode created = event("session.created");
        created.set("session", session.deepCopy());
        send(created);
        if (!scriptStarted && greetingTimer == null) {
            long wait = options.speed() == 0 ? GREETING_WAIT_INSTANT_MS : options.scale(GREETING_WAIT_MS);
            greetingTimer = scheduler.schedule(Simulator.safely(this::startScript), wait, TimeUnit.MILLISECONDS);
        }
        pump();
    }

    void disconnected(WebSocket ws) {
        if (ws == socket) {
            socket = null; // pauses the script; the call itself goes on
        }
    }

    /** Cuts the socket without a close handshake, as a network failure would. */
    void dropSocket() {
        if (socket != null) {
            abort(socket);
            socket = null;
        }
    }

    /**
     * Closes the TCP connection without a close frame, as a network failure would. Neither
     * {@code WebSocket.cancel()} (it throws on MockWebServer's server-side sockets: there is no client Call) nor
     * {@code failWebSocket} (it leaves the TCP connection open) does that, so this closes the socket's sink, which
     * closes the socket; it reaches into OkHttp 4.12 internals and falls back to a 1011 close frame.
     */
    static void abort(WebSocket ws) {
        try {
            Field field = RealWebSocket.class.getDeclaredField("streams");
            field.setAccessible(true);
            if (field.get(ws) instanceof RealWebSocket.Streams streams) {
                streams.getSink().close();
                return;
            }
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            // fall through to the polite version
        }
        ws.close(1011, "connection dropped");
    }

    /** The call is over: stop everything and close the socket normally (1000). */
    void end(String reason) {
        if (ended) {
            return;
        }
        ended = true;
        call.setState(SimCall.State.ENDED);
        if (greetingTimer != null) {
            greetingTimer.cancel(false);
        }
        beats.clear();
        script.clear();
        requested.clear();
        scheduledBeat = null;
        if (socket != null) {
            socket.close(1000, reason);
            socket = null;
        }
    }

    // ---- client events ---------------------------------------------------------------------------------------

    void clientText(WebSocket ws, String text) {
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
            case "input_audio_buffer.clear" -> send(event("input_audio_buffer.cleared"));
            case "output_audio_buffer.clear" -> send(event("output_audio_buffer.cleared"));
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

    void clientBinary(WebSocket ws) {
        call.clientSent("<binary frame>");
        if (!ended && ws == socket) {
            sendError("invalid_json", "Binary frames are not supported; send JSON text frames.", null, null);
        }
    }

    private void responseCreate(JsonNode message, String clientEventId) {
        if (runningResponseId != null || !requested.isEmpty()) {
            sendError("conversation_already_has_active_response",
                    "Conversation already has an active response in progress. Wait until the response is "
                            + "finished before creating a new one.", null, clientEventId);
            return;
        }
        String instructions = message.path("response").path("instructions").asText("");
        Matcher say = SAY.matcher(instructions);
        String text = say.matches() ? unquote(say.group(1).trim()) : scriptStarted ? CANNED_REPLY : CANNED_GREETING;
        requested.add(new AgentSays(text));
        startScript(); // the script follows the greeting
    }

    private void responseCancel(String clientEventId) {
        if (runningResponseId == null) {
            sendError("response_cancel_not_active", "Cancellation failed: no active response found.", null,
                    clientEventId);
            return;
        }
        String cancelled = runningResponseId;
        beats.removeIf(beat -> cancelled.equals(beat.responseId()));
        if (scheduledBeat != null && cancelled.equals(scheduledBeat.responseId())) {
            scheduledBeat = null; // its timer will find itself superseded
        }
        ObjectNode done = event("response.done");
        ObjectNode response = responseObject(cancelled, "cancelled");
        response.putObject("status_details").put("type", "cancelled").put("reason", "client_cancelled");
        response.set("usage", usage(runningTranscript.toString()));
        done.set("response", response);
        runningResponseId = null;
        send(done);
        pump();
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
        if (!voice.isMissingNode() && assistantAudioSent && !voice.equals(session.at("/audio/output/voice"))) {
            sendError("cannot_update_voice", "Cannot update a conversation's voice if assistant audio is present.",
                    "session.audio.output.voice", clientEventId);
            return;
        }
        Json.merge(session, patch);
        ObjectNode updated = event("session.updated");
        updated.set("session", session.deepCopy());
        send(updated);
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
                ? message.path("previous_item_id").asText() : lastItemId;
        sendItem("conversation.item.added", previous, item);
        sendItem("conversation.item.done", previous, item);
        lastItemId = item.path("id").asText();
        historyTextTokens += tokensOf(Json.write(item));
    }

    // ---- the script ------------------------------------------------------------------------------------------

    private void startScript() {
        if (greetingTimer != null) {
            greetingTimer.cancel(false);
        }
        scriptStarted = true;
        pump();
    }

    /** Schedules the next beat unless one is already scheduled, the call is over or no socket listens. */
    private void pump() {
        if (ended || socket == null || scheduledBeat != null) {
            return;
        }
        while (beats.isEmpty()) {
            Step next = !requested.isEmpty() ? requested.poll() : scriptStarted ? script.poll() : null;
            if (next == null) {
                return;
            }
            beats.addAll(expand(next));
        }
        Beat beat = beats.peekFirst();
        scheduledBeat = beat;
        Runnable run = () -> runBeat(beat);
        long delay = options.scale(beat.delayMs());
        if (delay == 0) {
            scheduler.execute(Simulator.safely(run));
        } else {
            scheduler.schedule(Simulator.safely(run), delay, TimeUnit.MILLISECONDS);
        }
    }

    private void runBeat(Beat beat) {
        if (scheduledBeat != beat) {
            return; // cancelled meanwhile
        }
        scheduledBeat = null;
        if (ended || socket == null) {
            return; // paused: the beat stays first in line for the next connection
        }
        if (beats.peekFirst() == beat) {
            beats.pollFirst();
            beat.action().run();
        }
        pump();
    }

    private List<Beat> expand(Step step) {
        List<Beat> out = new ArrayList<>();
        boolean agentTurn = step instanceof AgentSays || step instanceof AgentLooksUp;
        if (!agentTurn && lateTranscription != null) {
            out.addAll(lateTranscription); // nobody answered in between: deliver it now
            lateTranscription = null;
        }
        if (step instanceof CallerSays says) {
            callerTurn(out, says);
        } else if (step instanceof AgentSays says) {
            response(out, MODEL_LATENCY_MS, says.text(), null);
        } else if (step instanceof AgentLooksUp lookUp) {
            toolCall(out, lookUp);
        } else if (step instanceof CallerPresses presses) {
            out.add(new Beat(TURN_GAP_MS, () -> {
                ObjectNode dtmf = event("input_audio_buffer.dtmf_event_received");
                dtmf.put("event", presses.key());
                dtmf.put("received_at", Instant.now().getEpochSecond());
                send(dtmf);
            }, null));
        } else if (step instanceof CallerHangsUp) {
            out.add(new Beat(TURN_GAP_MS, () -> end("caller hung up"), null));
        }
        return out;
    }

    private void callerTurn(List<Beat> out, CallerSays says) {
        String itemId = Ids.item();
        long speechMs = words(says.text()) * MS_PER_SPOKEN_WORD + 200;
        long start = callerAudioMs + TURN_GAP_MS;
        callerAudioMs = start + speechMs + 500; // the VAD's silence window
        long end = start + speechMs;
        out.add(new Beat(TURN_GAP_MS, () -> {
            ObjectNode started = event("input_audio_buffer.speech_started");
            started.put("audio_start_ms", start);
            started.put("item_id", itemId);
            send(started);
        }, null));
        out.add(new Beat(speechMs, () -> {
            ObjectNode stopped = event("input_audio_buffer.speech_stopped");
            stopped.put("audio_end_ms", end);
            stopped.put("item_id", itemId);
            send(stopped);
        }, null));
        out.add(new Beat(300, () -> {
            ObjectNode committed = event("input_audio_buffer.committed");
            committed.put("previous_item_id", lastItemId);
            committed.put("item_id", itemId);
            send(committed);
            ObjectNode item = Json.MAPPER.createObjectNode();
            item.put("id", itemId);
            item.put("object", "realtime.item");
            item.put("type", "message");
            item.put("status", "completed");
            item.put("role", "user");
            item.putArray("content").addObject().put("type", "input_audio").putNull("transcript");
            sendItem("conversation.item.added", lastItemId, item);
            sendItem("conversation.item.done", lastItemId, item);
            lastItemId = itemId;
            historyAudioTokens += speechMs / 50; // about one audio token per 50 ms
        }, null));
        // Whether the caller is transcribed is decided by the session as it is now, like the real service.
        String model = session.at("/audio/input/transcription/model").asText("");
        if (model.isEmpty()) {
            return;
        }
        List<Beat> transcription = transcription(itemId, says, model, speechMs);
        if (says.transcription() == Transcription.LATE) {
            lateTranscription = transcription;
        } else {
            out.addAll(transcription);
        }
    }

    private List<Beat> transcription(String itemId, CallerSays says, String model, long speechMs) {
        List<Beat> out = new ArrayList<>();
        if (says.transcription() == Transcription.FAILS) {
            out.add(new Beat(300, () -> {
                ObjectNode failed = event("conversation.item.input_audio_transcription.failed");
                failed.put("item_id", itemId);
                failed.put("content_index", 0);
                ObjectNode error = failed.putObject("error");
                error.put("type", "transcription_error");
                error.put("code", "audio_too_short");
                error.put("message", "Audio too short");
                error.putNull("param");
                send(failed);
            }, null));
            return out;
        }
        // whisper-1 sends the whole text as one delta; the gpt-4o models stream it
        List<String> chunks = model.equals("whisper-1") ? List.of(says.text()) : chunks(says.text());
        for (String chunk : chunks) {
            out.add(new Beat(DELTA_MS / 2, () -> {
                ObjectNode delta = event("conversation.item.input_audio_transcription.delta");
                delta.put("item_id", itemId);
                delta.put("content_index", 0);
                delta.put("delta", chunk);
                send(delta);
            }, null));
        }
        out.add(new Beat(DELTA_MS / 2, () -> {
            ObjectNode completed = event("conversation.item.input_audio_transcription.completed");
            completed.put("item_id", itemId);
            completed.put("content_index", 0);
            completed.put("transcript", says.text());
            ObjectNode usage = completed.putObject("usage");
            if (model.equals("whisper-1")) {
                usage.put("type", "duration");
                usage.put("seconds", Math.max(1, Math.round(speechMs / 1000.0)));
            } else {
                long audio = speechMs / 50;
                long text = tokensOf(says.text());
                usage.put("type", "tokens");
                usage.put("total_tokens", audio + text);
                usage.put("input_tokens", audio);
                usage.putObject("input_token_details").put("text_tokens", 0).put("audio_tokens", audio);
                usage.put("output_tokens", text);
            }
            send(completed);
        }, null));
        return out;
    }

    private void toolCall(List<Beat> out, AgentLooksUp lookUp) {
        String callId = Ids.functionCall();
        response(out, MODEL_LATENCY_MS, lookUp.preamble(), new FunctionCall(callId, lookUp.function(),
                lookUp.argumentsJson()));
        out.add(new Beat(TOOL_RUN_MS, () -> {
            // the tool's answer joins the conversation, as if the app's tool backend had sent it
            ObjectNode item = Json.MAPPER.createObjectNode();
            item.put("id", Ids.item());
            item.put("object", "realtime.item");
            item.put("type", "function_call_output");
            item.put("status", "completed");
            item.put("call_id", callId);
            item.put("output", lookUp.outputJson());
            sendItem("conversation.item.added", lastItemId, item);
            sendItem("conversation.item.done", lastItemId, item);
            lastItemId = item.path("id").asText();
            historyTextTokens += tokensOf(lookUp.outputJson());
        }, null));
        response(out, MODEL_LATENCY_MS, lookUp.answer(), null);
    }

    private record FunctionCall(String callId, String name, String arguments) {
    }

    /** One agent response speaking {@code text} (and optionally calling a function), as the real event stream. */
    private void response(List<Beat> out, long leadMs, String text, FunctionCall functionCall) {
        String responseId = Ids.response();
        String itemId = Ids.item();
        List<String> chunks = chunks(text);
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.put("id", itemId);
        message.put("object", "realtime.item");
        message.put("type", "message");
        message.put("status", "in_progress");
        message.put("role", "assistant");
        message.putArray("content");
        String functionItemId = Ids.item();
        callerAudioMs += leadMs + words(text) * MS_PER_SPOKEN_WORD; // the input audio clock runs while the agent talks

        out.add(new Beat(leadMs, () -> {
            runningResponseId = responseId;
            runningTranscript.setLength(0);
            ObjectNode created = event("response.created");
            created.set("response", responseObject(responseId, "in_progress"));
            send(created);
            ObjectNode added = event("response.output_item.added");
            added.put("response_id", responseId);
            added.put("output_index", 0);
            added.set("item", message.deepCopy());
            send(added);
            sendItem("conversation.item.added", lastItemId, message);
            lastItemId = itemId;
            ObjectNode part = event("response.content_part.added");
            addressOf(part, responseId, itemId);
            part.putObject("part").put("type", "audio").put("transcript", "");
            send(part);
            ObjectNode audioStarted = event("output_audio_buffer.started"); // few monitors know this one
            audioStarted.put("response_id", responseId);
            send(audioStarted);
            assistantAudioSent = true;
        }, responseId));
        for (int i = 0; i < chunks.size(); i++) {
            String chunk = chunks.get(i);
            out.add(new Beat(DELTA_MS, () -> {
                ObjectNode delta = event("response.output_audio_transcript.delta");
                addressOf(delta, responseId, itemId);
                delta.put("delta", chunk);
                runningTranscript.append(chunk);
                send(delta);
            }, responseId));
            if (i == Math.min(1, chunks.size() - 1) && lateTranscription != null) {
                // The caller's words are transcribed while the agent already answers: clients place text by item_id.
                out.addAll(lateTranscription);
                lateTranscription = null;
            }
        }
        out.add(new Beat(DELTA_MS, () -> {
            ObjectNode audioDone = event("response.output_audio.done");
            addressOf(audioDone, responseId, itemId);
            send(audioDone);
            ObjectNode transcriptDone = event("response.output_audio_transcript.done");
            addressOf(transcriptDone, responseId, itemId);
            transcriptDone.put("transcript", text);
            send(transcriptDone);
            ObjectNode partDone = event("response.content_part.done");
            addressOf(partDone, responseId, itemId);
            partDone.putObject("part").put("type", "audio").put("transcript", text);
            send(partDone);
            ObjectNode finished = completedMessage(message, text);
            ObjectNode itemDone = event("response.output_item.done");
            itemDone.put("response_id", responseId);
            itemDone.put("output_index", 0);
            itemDone.set("item", finished);
            send(itemDone);
            sendItem("conversation.item.done", null, finished);
        }, responseId));
        if (functionCall != null) {
            functionCallBeats(out, responseId, functionItemId, functionCall);
        }
        out.add(new Beat(0, () -> {
            ObjectNode done = event("response.done");
            ObjectNode response = responseObject(responseId, "completed");
            ArrayNode output = response.putArray("output");
            output.add(completedMessage(message, text));
            if (functionCall != null) {
                output.add(functionCallItem(functionItemId, functionCall, "completed", functionCall.arguments()));
            }
            response.set("usage", usage(text + (functionCall == null ? "" : functionCall.arguments())));
            done.set("response", response);
            runningResponseId = null;
            send(done);
            send(rateLimits(text));
        }, responseId));
        // The caller hears the audio after the text has streamed; the next turn waits for playback to finish.
        out.add(new Beat(words(text) * MS_PER_SPOKEN_WORD, () -> {
            ObjectNode stopped = event("output_audio_buffer.stopped");
            stopped.put("response_id", responseId);
            send(stopped);
        }, null));
    }

    private void functionCallBeats(List<Beat> out, String responseId, String itemId, FunctionCall call) {
        out.add(new Beat(DELTA_MS, () -> {
            ObjectNode item = functionCallItem(itemId, call, "in_progress", "");
            ObjectNode added = event("response.output_item.added");
            added.put("response_id", responseId);
            added.put("output_index", 1);
            added.set("item", item);
            send(added);
            sendItem("conversation.item.added", lastItemId, item);
            lastItemId = itemId;
        }, responseId));
        String args = call.arguments();
        for (int from = 0; from < args.length(); from += 8) {
            String chunk = args.substring(from, Math.min(args.length(), from + 8));
            out.add(new Beat(DELTA_MS / 2, () -> {
                ObjectNode delta = event("response.function_call_arguments.delta");
                delta.put("response_id", responseId);
                delta.put("item_id", itemId);
                delta.put("output_index", 1);
                delta.put("call_id", call.callId());
                delta.put("delta", chunk);
                send(delta);
            }, responseId));
        }
        out.add(new Beat(DELTA_MS / 2, () -> {
            ObjectNode done = event("response.function_call_arguments.done");
            done.put("response_id", responseId);
            done.put("item_id", itemId);
            done.put("output_index", 1);
            done.put("call_id", call.callId());
            done.put("name", call.name());
            done.put("arguments", args);
            send(done);
            ObjectNode item = functionCallItem(itemId, call, "completed", args);
            ObjectNode itemDone = event("response.output_item.done");
            itemDone.put("response_id", responseId);
            itemDone.put("output_index", 1);
            itemDone.set("item", item);
            send(itemDone);
            sendItem("conversation.item.done", null, item);
        }, responseId));
    }

    // ---- event building --------------------------------------------------------------------------------------

    private ObjectNode event(String type) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("type", type);
        event.put("event_id", Ids.event());
        return event;
    }

    private void send(ObjectNode event) {
        if (socket != null) {
            socket.send(Json.write(event));
        }
    }

    private void sendError(String code, String message, String param, String clientEventId) {
        ObjectNode event = event("error");
        ObjectNode error = event.putObject("error");
        error.put("type", "invalid_request_error");
        error.put("code", code);
        error.put("message", message);
        error.put("param", param);
        error.put("event_id", clientEventId);
        send(event);
    }

    /** conversation.item.added / .done; {@code previous} null leaves previous_item_id out (as .done often does). */
    private void sendItem(String type, String previous, ObjectNode item) {
        ObjectNode event = event(type);
        if (previous != null || type.endsWith(".added")) {
            event.put("previous_item_id", previous);
        }
        event.set("item", item.deepCopy());
        send(event);
    }

    private static void addressOf(ObjectNode event, String responseId, String itemId) {
        event.put("response_id", responseId);
        event.put("item_id", itemId);
        event.put("output_index", 0);
        event.put("content_index", 0);
    }

    private static ObjectNode completedMessage(ObjectNode message, String text) {
        ObjectNode done = message.deepCopy();
        done.put("status", "completed");
        ArrayNode content = done.putArray("content");
        content.addObject().put("type", "output_audio").put("transcript", text);
        return done;
    }

    private static ObjectNode functionCallItem(String itemId, FunctionCall call, String status, String arguments) {
        ObjectNode item = Json.MAPPER.createObjectNode();
        item.put("id", itemId);
        item.put("object", "realtime.item");
        item.put("type", "function_call");
        item.put("status", status);
        item.put("name", call.name());
        item.put("call_id", call.callId());
        item.put("arguments", arguments);
        return item;
    }

    private ObjectNode responseObject(String responseId, String status) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("object", "realtime.response");
        response.put("id", responseId);
        response.put("status", status);
        response.putNull("status_details");
        response.putArray("output");
        response.put("conversation_id", "conv_" + call.id().substring(4, 24));
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

    private ObjectNode rateLimits(String text) {
        rateLimitTokensRemaining = Math.max(0, rateLimitTokensRemaining - tokensOf(text) - words(text) * 6L);
        ObjectNode event = event("rate_limits.updated");
        ArrayNode limits = event.putArray("rate_limits");
        limits.addObject().put("name", "requests").put("limit", 5000).put("remaining", 4999)
                .put("reset_seconds", 0.012);
        limits.addObject().put("name", "tokens").put("limit", 40_000).put("remaining", rateLimitTokensRemaining)
                .put("reset_seconds", 1.8);
        return event;
    }

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

    // ---- text helpers ----------------------------------------------------------------------------------------

    /** Word-sized pieces that join back to exactly {@code text}: "Thank", " you", " for"… */
    static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        for (String piece : WORD_CHUNKS.split(text)) {
            if (!piece.isEmpty()) {
                out.add(piece);
            }
        }
        return out.isEmpty() ? List.of(text) : out;
    }

    private static long words(String text) {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }

    private static long tokensOf(String text) {
        return Math.max(1, text.length() / 4);
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    @Override
    public String toString() {
        return "SidebandSession[" + call.id() + (ended ? " ended" : "") + "]";
    }

}
