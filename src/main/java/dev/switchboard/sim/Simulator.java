package dev.switchboard.sim;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.util.Threads;
import dev.switchboard.webhook.WebhookSecret;
import dev.switchboard.webhook.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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
    private static final String TO_NUMBER = "+15559870000";

    private final SimOptions options;
    private final WebhookSignature signature;
    private final ScheduledThreadPoolExecutor scheduler;
    private final SimServer server;
    private final OkHttpClient webhookClient;
    private final Map<String, SimCall> calls = new ConcurrentHashMap<>();
    private final List<SimCall> callsInRingOrder = new CopyOnWriteArrayList<>();
    private final Map<String, SimSocket> sockets = new ConcurrentHashMap<>(); // touched on the scheduler
    private final List<String> restLog = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile URI webhookTarget;

    public Simulator(SimOptions options) {
        this.options = options;
        this.signature = new WebhookSignature(WebhookSecret.parse(options.webhookSecret()));
        this.scheduler = new ScheduledThreadPoolExecutor(1, Threads.daemon("switchboard-sim"));
        scheduler.setRemoveOnCancelPolicy(true);
        this.webhookClient = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(15))
                .retryOnConnectionFailure(false)
                .build();
        this.server = new SimServer(this);
    }

    /** Starts listening on 127.0.0.1 at an ephemeral port. */
    public void start() throws IOException {
        if (closed.get()) {
            throw new IllegalStateException("simulator is closed");
        }
        if (started.compareAndSet(false, true)) {
            try {
                server.start();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("The simulator's server did not start: " + e.getMessage(), e);
            }
            log.info("Simulator listening on {}", baseUrl());
        }
    }

    /** {@code http://127.0.0.1:PORT/v1}: REST calls go under it, the socket at {@code ws://…/v1/realtime}. */
    public String baseUrl() {
        requireStarted();
        return "http://127.0.0.1:" + server.port() + "/v1";
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
            SimSocket socket = sockets.get(callId);
            if (socket != null) {
                socket.dropSocket();
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
            scheduler.submit(() -> sockets.values().forEach(SimSocket::dropSocket)).get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            log.debug("Could not drop sockets before closing", e);
        }
        scheduler.shutdownNow();
        if (started.get()) {
            try {
                server.stop();
            } catch (Exception e) {
                log.debug("The simulator's server did not stop cleanly", e);
            }
        }
        webhookClient.dispatcher().executorService().shutdown();
        webhookClient.connectionPool().evictAll();
    }

    // ---- used by the server (CallsApi, SimServer), always on the scheduler unless said otherwise ---------------

    SimCall callById(String callId) {
        return calls.get(callId);
    }

    SimSocket socketOf(String callId) {
        return sockets.get(callId);
    }

    /** The call was accepted: its sideband socket may now connect. */
    void openSocket(SimCall call, JsonNode acceptBody) {
        sockets.put(call.id(), new SimSocket(call, acceptBody, options, scheduler));
    }

    /** Any thread. */
    void logRequest(String line) {
        restLog.add(line);
    }

    /** Runs {@code task} on the scheduler after {@code humanMillis} at the simulator's speed. */
    void later(long humanMillis, Runnable task) {
        scheduler.schedule(safely(task), options.scale(humanMillis), TimeUnit.MILLISECONDS);
    }

    /** Any thread: queues {@code task} on the scheduler without waiting; false when the simulator is closing. */
    boolean onSchedulerLater(Runnable task) {
        try {
            scheduler.execute(safely(task));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
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

    void endSession(String callId, String reason) {
        SimSocket socket = sockets.get(callId);
        if (socket != null) {
            socket.end(reason);
        } else {
            calls.get(callId).setState(SimCall.State.ENDED);
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

    <T> T callOnScheduler(Callable<T> task) {
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
