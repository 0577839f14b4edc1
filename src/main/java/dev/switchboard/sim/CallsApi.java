package dev.switchboard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.call.AcceptSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Calls REST API ({@code POST /v1/realtime/calls/{id}/accept|reject|refer|hangup}) with OpenAI's status codes
 * and error bodies (PROTOCOL.md §4), and the checks in front of the sideband socket's upgrade. Every answer is
 * decided on the simulator's scheduler thread, so it reflects every earlier socket event.
 */
final class CallsApi extends Handler.Abstract {

    private static final Logger log = LoggerFactory.getLogger(CallsApi.class);
    static final String SOCKET_PATH = "/v1/realtime";
    private static final String CALLS_PREFIX = "/v1/realtime/calls/";

    private final Simulator sim;

    CallsApi(Simulator sim) {
        this.sim = sim;
    }

    /** Plain HTTP requests; socket upgrades to {@link #SOCKET_PATH} are taken by the upgrade handler before this. */
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String line = request.getMethod() + " " + request.getHttpURI().getPathQuery();
        ApiError error = null;
        try {
            String method = request.getMethod();
            String path = request.getHttpURI().getPath();
            String body = method.equals("POST") ? Content.Source.asString(request, StandardCharsets.UTF_8) : "";
            if (path.equals(ResponsesApi.PATH) && method.equals("POST")) {
                checkKey(request);
                String answer = Json.write(ResponsesApi.answer(body));
                sim.logRequest(line + " 200");
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                Content.Sink.write(response, true, answer, callback);
                return true;
            }
            sim.callOnScheduler(() -> {
                route(request, method, path, body);
                return null;
            });
        } catch (ApiError e) {
            error = e;
        } catch (Exception e) {
            log.warn("Simulator failed on {}", line, e);
            error = new ApiError(500, "The simulator failed: " + e, "server_error", null, null);
        }
        int status = error == null ? 200 : error.status;
        sim.logRequest(line + " " + status); // before answering, so a client that got the answer finds the line
        response.setStatus(status);
        if (error == null) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            callback.succeeded();
        } else {
            write(error, response, callback);
        }
        return true;
    }

    static void write(ApiError error, Response response, Callback callback) {
        response.setStatus(error.status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, Json.write(error.body()), callback);
    }

    private void route(Request request, String method, String path, String body) {
        if (path.equals(SOCKET_PATH) && method.equals("GET")) {
            checkSocket(request);
            throw ApiError.invalidRequest(400, "Expected a WebSocket upgrade request.", null, null);
        }
        if (path.startsWith(CALLS_PREFIX) && method.equals("POST")) {
            String[] parts = path.substring(CALLS_PREFIX.length()).split("/", -1);
            if (parts.length == 2 && List.of("accept", "reject", "refer", "hangup").contains(parts[1])) {
                checkKey(request);
                callAction(parts[0], parts[1], body);
                return;
            }
        }
        throw ApiError.notFound("Invalid URL (" + method + " " + path + ")");
    }

    /**
     * What an upgrade to the sideband socket needs: the key, a {@code call_id} of an active call. Runs on the
     * scheduler; returns the call id.
     */
    String checkSocket(Request request) {
        checkKey(request);
        Fields query = Request.extractQueryParameters(request);
        String callId = query.getValue("call_id");
        SimCall call = callId == null ? null : sim.callById(callId);
        if (call == null || call.state() != SimCall.State.ACTIVE || sim.socketOf(callId) == null) {
            throw callId == null ? ApiError.missing("call_id") : ApiError.callGone();
        }
        return callId;
    }

    private void checkKey(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw ApiError.invalidRequest(401, "You didn't provide an API key. You need to provide your API key in "
                    + "an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", null, null);
        }
        String given = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : header.trim();
        if (!given.equals(sim.apiKey())) {
            throw ApiError.invalidRequest(401, "Incorrect API key provided: " + mask(given)
                    + ". You can find your API key at https://platform.openai.com/account/api-keys.",
                    "invalid_api_key", null);
        }
    }

    /** Like OpenAI: a few characters at each end at most, never the whole key. */
    static String mask(String key) {
        if (key.length() < 12) {
            return "*".repeat(Math.max(3, key.length()));
        }
        return key.substring(0, 3) + "*".repeat(Math.min(40, key.length() - 7)) + key.substring(key.length() - 4);
    }

    private void callAction(String callId, String action, String bodyText) {
        SimCall call = sim.callById(callId);
        if (call == null || call.isOver()) {
            throw ApiError.callGone();
        }
        switch (action) {
            case "accept" -> {
                JsonNode body = jsonObjectBody(bodyText, true);
                validateAccept(body);
                requireState(call, SimCall.State.RINGING, "accepted");
                call.accepted(bodyText);
                sim.openSocket(call, body);
            }
            case "reject" -> {
                JsonNode body = jsonObjectBody(bodyText, false);
                int status = 603;
                JsonNode code = body.get("status_code");
                if (code != null && !code.isNull()) {
                    if (!code.isIntegralNumber()) {
                        throw ApiError.invalidType("status_code", "an integer", code);
                    }
                    if (code.asInt() < 400 || code.asInt() > 699) {
                        throw ApiError.invalidValue("status_code", code.asText(),
                                "Expected a SIP final response status from 400 to 699.");
                    }
                    status = code.asInt();
                }
                requireState(call, SimCall.State.RINGING, "rejected");
                call.rejected(status);
            }
            case "refer" -> {
                JsonNode body = jsonObjectBody(bodyText, true);
                JsonNode target = body.get("target_uri");
                if (target == null || target.isNull()) {
                    throw ApiError.missing("target_uri");
                }
                if (!target.isTextual()) {
                    throw ApiError.invalidType("target_uri", "a string", target);
                }
                String uri = target.asText().trim();
                String lower = uri.toLowerCase(Locale.ROOT);
                if (!(lower.startsWith("tel:") || lower.startsWith("sip:") || lower.startsWith("sips:"))
                        || uri.length() < 6) {
                    throw ApiError.invalidValue("target_uri", uri, "Expected a 'tel:' or 'sip:' URI.");
                }
                requireState(call, SimCall.State.ACTIVE, "transferred");
                if (call.referTarget().isPresent()) {
                    throw ApiError.wrongState("Call " + callId + " is already being transferred.");
                }
                call.referred(uri);
                // the transfer completes a moment later; OpenAI then leaves the call
                sim.later(1_500, () -> sim.endSession(callId, "transferred"));
            }
            case "hangup" -> {
                requireState(call, SimCall.State.ACTIVE, "hung up (reject a ringing call instead)");
                sim.endSession(callId, "hung up");
            }
            default -> throw new IllegalStateException(action);
        }
    }

    private static void requireState(SimCall call, SimCall.State needed, String verb) {
        SimCall.State state = call.state();
        if (state != needed) {
            throw ApiError.wrongState("Call " + call.id() + " is " + state.name().toLowerCase(Locale.ROOT)
                    + "; only a " + needed.name().toLowerCase(Locale.ROOT) + " call can be " + verb + ".");
        }
    }

    private static JsonNode jsonObjectBody(String text, boolean required) {
        if (text.isBlank() && !required) {
            return Json.MAPPER.createObjectNode();
        }
        JsonNode node = Json.parseOrNull(text);
        if (node == null) {
            throw ApiError.badJson();
        }
        if (!node.isObject()) {
            throw ApiError.invalidType("body", "an object", node);
        }
        return node;
    }

    private static void validateAccept(JsonNode body) {
        JsonNode type = body.get("type");
        if (type == null || type.isNull()) {
            throw ApiError.missing("type");
        }
        if (!type.isTextual()) {
            throw ApiError.invalidType("type", "a string", type);
        }
        if (!type.asText().equals("realtime")) {
            throw ApiError.invalidValue("type", type.asText(), "Supported values are: 'realtime'.");
        }
        JsonNode model = body.get("model");
        if (model != null && !model.isNull()) {
            if (!model.isTextual()) {
                throw ApiError.invalidType("model", "a string", model);
            }
            if (!model.asText().startsWith("gpt-realtime") && !AcceptSettings.MODELS.contains(model.asText())) {
                throw ApiError.invalidValue("model", model.asText(), "Supported values are: '"
                        + String.join("', '", AcceptSettings.MODELS) + "' and their dated snapshots.");
            }
        }
        JsonNode instructions = body.get("instructions");
        if (instructions != null && !instructions.isNull() && !instructions.isTextual()) {
            throw ApiError.invalidType("instructions", "a string", instructions);
        }
        JsonNode audio = body.get("audio");
        if (audio != null && !audio.isNull() && !audio.isObject()) {
            throw ApiError.invalidType("audio", "an object", audio);
        }
        JsonNode voice = body.at("/audio/output/voice");
        if (!(voice.isObject() && voice.path("id").asText().startsWith(AcceptSettings.CUSTOM_VOICE_PREFIX))) {
            checkChoice(voice, "audio.output.voice", AcceptSettings.VOICES); // or a custom voice {"id":"voice_…"}
        }
        checkChoice(body.at("/audio/input/transcription/model"), "audio.input.transcription.model",
                AcceptSettings.TRANSCRIPTION_MODELS);
    }

    private static void checkChoice(JsonNode value, String param, List<String> supported) {
        if (value.isMissingNode() || value.isNull()) {
            return;
        }
        if (!value.isTextual()) {
            throw ApiError.invalidType(param, "a string", value);
        }
        if (!supported.contains(value.asText())) {
            throw ApiError.invalidValue(param, value.asText(),
                    "Supported values are: '" + String.join("', '", supported) + "'.");
        }
    }
}
