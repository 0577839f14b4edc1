package dev.switchboard.sim;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.webhook.WebhookSecret;
import dev.switchboard.webhook.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded stand-in for OpenAI's side of Realtime SIP calls: it rings (signed {@code realtime.call.incoming}
 * webhooks), serves the Calls REST API and the sideband WebSocket on one local port, and plays a scripted caller.
 * Used by demo mode and by tests; point the app's base URL at {@link #baseUrl()}.
 *
 * <p>All call state changes and socket traffic happen on one daemon scheduler thread, so events keep their order
 * and REST answers reflect every earlier event.
 */
public final class Simulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Simulator.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String CALLS_PREFIX = "/v1/realtime/calls/";
    private static final String TO_NUMBER = "+15559870000";
    /** MockWebServer logs every request at INFO through java.util.logging; kept here so the level sticks. */
    private static final java.util.logging.Logger MOCK_SERVER_LOG =
            java.util.logging.Logger.getLogger(MockWebServer.class.getName());

    private final SimOptions options;
    private final WebhookSignature signature;
    private final ScheduledThreadPoolExecutor scheduler;
    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient webhookClient;
    private final Map<String, SimCall> calls = new ConcurrentHashMap<>();
    private final List<SimCall> callsInRingOrder = new CopyOnWriteArrayList<>();
    private final Map<String, SidebandSession> sessions = new ConcurrentHashMap<>(); // touched on the scheduler
    private final List<String> restLog = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile URI webhookTarget;

    public Simulator(SimOptions options) {
        this.options = options;
        this.signature = new WebhookSignature(WebhookSecret.parse(options.webhookSecret()));
        this.scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "switchboard-sim");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        this.webhookClient = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(15))
                .retryOnConnectionFailure(false)
                .build();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }
        });
    }

    /** Starts listening on 127.0.0.1 at an ephemeral port. */
    public void start() throws IOException {
        if (closed.get()) {
            throw new IllegalStateException("simulator is closed");
        }
        if (started.compareAndSet(false, true)) {
            if (MOCK_SERVER_LOG.getLevel() == null) {
                MOCK_SERVER_LOG.setLevel(Level.WARNING);
            }
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            log.info("Simulator listening on {}", baseUrl());
        }
    }

    /** {@code http://127.0.0.1:PORT/v1}: REST calls go under it, the socket at {@code ws://…/v1/realtime}. */
    public String baseUrl() {
        requireStarted();
        return "http://127.0.0.1:" + server.getPort() + "/v1";
    }

    public String apiKey() {
        return options.apiKey();
    }

    public String webhookSecret() {
        return options.webhookSecret();
    }

    public SimOptions options() {
        return options;
    }

    /** Where {@link #ring} delivers the webhook (the app's listener URL). */
    public void setWebhookTarget(URI listenerUrl) {
        if (listenerUrl == null || HttpUrl.parse(listenerUrl.toString()) == null) {
            throw new IllegalArgumentException("webhook target must be an http(s) URL, was " + listenerUrl);
        }
        this.webhookTarget = listenerUrl;
    }

    /**
     * Places a call: registers it as ringing and POSTs the signed {@code realtime.call.incoming} webhook,
     * synchronously: it blocks until the listener answers, so call it off the UI thread. The listener may accept
     * the call before answering the webhook.
     *
     * @return the call id ({@code rtc_…})
     * @throws UncheckedIOException when the webhook cannot be delivered or is answered with a non-2xx status
     *                              (the call is then marked MISSED)
     */
    public String ring(Scenario scenario) {
        requireStarted();
        URI target = webhookTarget;
        if (target == null) {
            throw new IllegalStateException("no webhook target: call setWebhookTarget(...) before ring()");
        }
        String callId = Ids.callId();
        SimCall call = new SimCall(callId, scenario);
        calls.put(callId, call);
        callsInRingOrder.add(call);

        byte[] body = Json.write(webhookBody(callId, scenario)).getBytes(StandardCharsets.UTF_8);
        String msgId = "wh_" + Ids.random(24);
        long timestamp = Instant.now().getEpochSecond();
        Request request = new Request.Builder()
                .url(target.toString())
                .header("webhook-id", msgId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature.sign(msgId, timestamp, body))
                .header("User-Agent", "OpenAI/1.0 (+https://platform.openai.com/docs/webhooks)")
                .post(RequestBody.create(body, JSON))
                .build();
        try (Response response = webhookClient.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                String answer = response.body() == null ? "" : response.body().string();
                onScheduler(() -> ringingEnds(call, SimCall.State.MISSED));
                throw new UncheckedIOException(new IOException("Webhook POST to " + target + " answered "
                        + response.code() + (answer.isBlank() ? "" : ": " + Json.abbreviate(answer.strip(), 200))));
            }
        } catch (IOException e) {
            onScheduler(() -> ringingEnds(call, SimCall.State.MISSED));
            throw new UncheckedIOException("Webhook POST to " + target + " failed: " + e.getMessage(), e);
        }

        double giveUpSeconds = scenario.hangsUpWhileRingingAfterSeconds();
        if (giveUpSeconds >= 0) {
            long delay = options.scale(Math.round(giveUpSeconds * 1000));
            Runnable hangUp = () -> callerHangsUpWhileRinging(call);
            if (delay == 0) {
                onScheduler(hangUp); // before ring() returns, so a following accept deterministically fails
            } else {
                scheduler.schedule(safely(hangUp), delay, TimeUnit.MILLISECONDS);
            }
        }
        return callId;
    }

    /** The simulator's view of a call. */
    public Optional<SimCall> call(String callId) {
        return callId == null ? Optional.empty() : Optional.ofNullable(calls.get(callId));
    }

    /** Every call rung so far, oldest first. */
    public List<SimCall> calls() {
        return List.copyOf(callsInRingOrder);
    }

    /** One line per HTTP request served, e.g. {@code POST /v1/realtime/calls/rtc_x/accept 200}; socket upgrades log 101. */
    public List<String> restLog() {
        synchronized (restLog) {
            return List.copyOf(restLog);
        }
    }

    /** Cuts the call's live socket abruptly; the call stays ACTIVE and its script waits for a reconnect. */
    public void dropSocket(String callId) {
        onScheduler(() -> {
            SidebandSession session = sessions.get(callId);
            if (session != null) {
                session.dropSocket();
            }
        });
    }

    /** Stops the script, closes sockets, the server and the scheduler. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.submit(() -> sessions.values().forEach(SidebandSession::dropSocket)).get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            log.debug("Could not drop sockets before closing", e);
        }
        scheduler.shutdownNow();
        if (started.get()) {
            try {
                server.shutdown();
            } catch (IOException e) {
                log.debug("MockWebServer shutdown failed", e);
            }
        }
        webhookClient.dispatcher().executorService().shutdown();
        webhookClient.connectionPool().evictAll();
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------

    private MockResponse handle(RecordedRequest request) {
        String line = request.getMethod() + " " + request.getPath();
        MockResponse response;
        try {
            response = callOnScheduler(() -> route(request));
        } catch (ApiError e) {
            response = e.toResponse();
        } catch (RuntimeException e) {
            log.warn("Simulator failed on {}", line, e);
            response = new ApiError(500, "The simulator failed: " + e, "server_error", null, null).toResponse();
        }
        String status = response.getWebSocketListener() != null ? "101" : response.getStatus().split(" ")[1];
        restLog.add(line + " " + status);
        return response;
    }

    private MockResponse route(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        if (url == null) {
            throw ApiError.invalidRequest(400, "Malformed request.", null, null);
        }
        String path = url.encodedPath();
        String method = request.getMethod() == null ? "" : request.getMethod();
        if (path.equals("/v1/realtime") && method.equals("GET")) {
            checkKey(request);
            return upgrade(request, url.queryParameter("call_id"));
        }
        if (path.startsWith(CALLS_PREFIX) && method.equals("POST")) {
            String[] parts = path.substring(CALLS_PREFIX.length()).split("/", -1);
            if (parts.length == 2 && List.of("accept", "reject", "refer", "hangup").contains(parts[1])) {
                checkKey(request);
                return callAction(parts[0], parts[1], request.getBody().readUtf8());
            }
        }
        throw ApiError.notFound("Invalid URL (" + method + " " + path + ")");
    }

    private void checkKey(RecordedRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiError.invalidRequest(401, "You didn't provide an API key. You need to provide your API key in "
                    + "an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", null, null);
        }
        String given = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : header.trim();
        if (!given.equals(options.apiKey())) {
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

    private MockResponse callAction(String callId, String action, String bodyText) {
        SimCall call = calls.get(callId);
        if (call == null || call.isOver()) {
            throw ApiError.callGone();
        }
        switch (action) {
            case "accept" -> {
                JsonNode body = jsonObjectBody(bodyText, true);
                validateAccept(body);
                requireState(call, SimCall.State.RINGING, "accepted");
                call.accepted(bodyText);
                sessions.put(callId, new SidebandSession(call, body, options, scheduler));
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
                scheduler.schedule(safely(() -> endSession(callId, "transferred")), options.scale(1_500),
                        TimeUnit.MILLISECONDS);
            }
            case "hangup" -> {
                requireState(call, SimCall.State.ACTIVE, "hung up (reject a ringing call instead)");
                endSession(callId, "hung up");
            }
            default -> throw new IllegalStateException(action);
        }
        return new MockResponse().setResponseCode(200);
    }

    private MockResponse upgrade(RecordedRequest request, String callId) {
        SimCall call = callId == null ? null : calls.get(callId);
        if (call == null || call.state() != SimCall.State.ACTIVE || !sessions.containsKey(callId)) {
            throw callId == null ? ApiError.missing("call_id") : ApiError.callGone();
        }
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            throw ApiError.invalidRequest(400, "Expected a WebSocket upgrade request.", null, null);
        }
        return new MockResponse().withWebSocketUpgrade(new Connection(callId));
    }

    /** Forwards one socket's callbacks to its call's session, on the scheduler thread. */
    private final class Connection extends WebSocketListener {
        private final String callId;

        Connection(String callId) {
            this.callId = callId;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            withSession(webSocket, session -> session.connected(webSocket));
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            withSession(webSocket, session -> session.clientText(webSocket, text));
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            withSession(webSocket, session -> session.clientBinary(webSocket));
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null); // complete the close handshake the client started
            withSession(webSocket, session -> session.disconnected(webSocket));
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            withSession(webSocket, session -> session.disconnected(webSocket));
        }

        private void withSession(WebSocket webSocket, java.util.function.Consumer<SidebandSession> action) {
            try {
                scheduler.execute(safely(() -> {
                    SidebandSession session = sessions.get(callId);
                    if (session != null) {
                        action.accept(session);
                    } else {
                        webSocket.close(1000, "call ended");
                    }
                }));
            } catch (RejectedExecutionException e) {
                SidebandSession.abort(webSocket); // the simulator is closing
            }
        }
    }

    // ---- call state ------------------------------------------------------------------------------------------

    private void callerHangsUpWhileRinging(SimCall call) {
        if (call.state() == SimCall.State.RINGING) {
            call.setState(SimCall.State.MISSED);
        } else if (call.state() == SimCall.State.ACTIVE) {
            endSession(call.id(), "caller hung up"); // answered just in time, but they hang up anyway
        }
    }

    private void ringingEnds(SimCall call, SimCall.State state) {
        if (call.state() == SimCall.State.RINGING) {
            call.setState(state);
        }
    }

    private void endSession(String callId, String reason) {
        SidebandSession session = sessions.get(callId);
        if (session != null) {
            session.end(reason);
        } else {
            calls.get(callId).setState(SimCall.State.ENDED);
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
            if (!model.asText().startsWith("gpt-realtime")) {
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
        checkChoice(body.at("/audio/output/voice"), "audio.output.voice", AcceptSettings.VOICES);
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

    private ObjectNode webhookBody(String callId, Scenario scenario) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("object", "event");
        root.put("id", "evt_" + Ids.random(24));
        root.put("type", "realtime.call.incoming");
        root.put("created_at", Instant.now().getEpochSecond());
        ObjectNode data = root.putObject("data");
        data.put("call_id", callId);
        var headers = data.putArray("sip_headers");
        headers.addObject().put("name", "From").put("value", "\"" + scenario.callerName() + "\" <sip:"
                + scenario.callerNumber() + "@pstn.twilio.com>;tag=" + Ids.hex(8) + "_" + Ids.hex(8));
        headers.addObject().put("name", "To").put("value", "<sip:" + TO_NUMBER + "@sip.api.openai.com>");
        headers.addObject().put("name", "Call-ID").put("value", Ids.hex(32) + "@0.0.0.0");
        headers.addObject().put("name", "Via").put("value",
                "SIP/2.0/TLS 54.172.60.3:5061;branch=z9hG4bK" + Ids.hex(12));
        return root;
    }

    // ---- threading -------------------------------------------------------------------------------------------

    private void requireStarted() {
        if (!started.get()) {
            throw new IllegalStateException("simulator not started: call start() first");
        }
        if (closed.get()) {
            throw new IllegalStateException("simulator is closed");
        }
    }

    /** Runs on the scheduler thread and waits, so callers see the effect when this returns. */
    private void onScheduler(Runnable task) {
        callOnScheduler(() -> {
            task.run();
            return null;
        });
    }

    private <T> T callOnScheduler(Callable<T> task) {
        try {
            return scheduler.submit(task).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("simulator busy for 10 s", e);
        } catch (RejectedExecutionException e) {
            throw new ApiError(503, "The simulator is shutting down.", "server_error", null, null);
        }
    }

    /** Logs instead of silently losing an exception inside a scheduled task (the scheduler must never stop). */
    static Runnable safely(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Simulator task failed", e);
            }
        };
    }
}
