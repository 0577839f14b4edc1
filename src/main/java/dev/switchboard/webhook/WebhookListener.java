package dev.switchboard.webhook;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.call.SipHeader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded HTTP endpoint OpenAI posts webhooks to. It verifies each request on its raw bytes, answers
 * at once, and only then hands verified {@code realtime.call.incoming} events to the sink on a separate
 * thread: the call rings until someone accepts it, so the sender must never wait on our call handling.
 *
 * <p>Every request that reaches the listener counts as received, and every answer that is not 2xx as
 * rejected, including requests to a wrong path: a misconfigured webhook URL then shows up as rejections
 * in the status bar instead of as silence.
 */
public final class WebhookListener implements AutoCloseable {

    static {
        // Without TCP_NODELAY every small response waits ~40 ms on Nagle + delayed ACK. The JDK server reads
        // this once, when its configuration class loads, so it must be set before any HttpServer exists.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public static final String PATH = "/webhook";
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    public static final Duration REPLAY_WINDOW = Duration.ofMinutes(10);
    public static final String INCOMING_CALL_TYPE = "realtime.call.incoming";

    private static final Logger log = LoggerFactory.getLogger(WebhookListener.class);
    private static final int HTTP_THREADS = 4;
    private static final int MAX_REMEMBERED_IDS = 10_000;

    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final String host;
    private final int requestedPort;
    private final WebhookSignature signature;
    private final Clock clock;
    private final Consumer<IncomingCall> sink;
    private final ReplayGuard replayGuard;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final List<Runnable> counterListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, String>> observers = new CopyOnWriteArrayList<>();

    private HttpServer server;
    private ExecutorService httpExecutor;
    private ExecutorService sinkExecutor;
    private int boundPort = -1;

    /**
     * @param host      address to bind, usually {@code 127.0.0.1} (a tunnel forwards to it)
     * @param port      port to bind; 0 picks a free one (see {@link #port()})
     * @param clock     "now" for the timestamp tolerance and the replay window
     * @param sink      receives each verified incoming call once, on a dedicated thread, after the
     *                  response was sent
     */
    public WebhookListener(String host, int port, WebhookSignature signature, Clock clock,
                           Consumer<IncomingCall> sink) {
        this(host, port, signature, clock, sink, MAX_REMEMBERED_IDS);
    }

    WebhookListener(String host, int port, WebhookSignature signature, Clock clock, Consumer<IncomingCall> sink,
                    int maxRememberedIds) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        this.host = Objects.requireNonNull(host, "host");
        this.requestedPort = port;
        this.signature = Objects.requireNonNull(signature, "signature");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.replayGuard = new ReplayGuard(clock, REPLAY_WINDOW, maxRememberedIds);
    }

    /** Binds and starts serving. @throws IOException when the address cannot be bound (e.g. port in use) */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("webhook listener already started");
        }
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer created = HttpServer.create(new InetSocketAddress(host, requestedPort), 0);
        httpExecutor = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads("webhook-http-"));
        sinkExecutor = Executors.newSingleThreadExecutor(daemonThreads("webhook-sink-"));
        created.setExecutor(httpExecutor);
        // HttpServer contexts match by prefix; the handler insists on the exact paths.
        created.createContext("/", this::handle);
        created.createContext(PATH, this::handle);
        created.start();
        server = created;
        boundPort = created.getAddress().getPort();
        log.info("webhook listener on {}", url());
    }

    /** Stops serving; calls already handed to the sink still run. Safe to call twice. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        httpExecutor.shutdown();
        sinkExecutor.shutdown();
        server = null;
        log.info("webhook listener stopped");
    }

    @Override
    public void close() {
        stop();
    }

    /** The bound port (the real one when 0 was asked for). */
    public synchronized int port() {
        if (boundPort < 0) {
            throw new IllegalStateException("webhook listener not started");
        }
        return boundPort;
    }

    /** The local webhook URL, e.g. {@code http://127.0.0.1:8000/webhook}. */
    public synchronized String url() {
        InetAddress address = server != null ? server.getAddress().getAddress() : null;
        String shownHost;
        if (address == null || address.isAnyLocalAddress()) {
            shownHost = address instanceof Inet6Address || host.contains(":") ? "[::1]" : "127.0.0.1";
        } else if (address instanceof Inet6Address) {
            shownHost = "[" + address.getHostAddress() + "]";
        } else {
            shownHost = address.getHostAddress();
        }
        return "http://" + shownHost + ":" + port() + PATH;
    }

    public long received() {
        return received.get();
    }

    public long rejected() {
        return rejected.get();
    }

    /** Runs on an HTTP thread after every change of {@link #received()} or {@link #rejected()}. */
    public void addCounterListener(Runnable listener) {
        counterListeners.add(Objects.requireNonNull(listener));
    }

    /**
     * Sees every webhook that verified and parsed, of any type, as {@code (type, event id)}, on an HTTP thread
     * after the answer was sent. The setup checklist watches for its signed self-test event with it.
     */
    public void addObserver(BiConsumer<String, String> observer) {
        observers.add(Objects.requireNonNull(observer));
    }

    public void removeObserver(BiConsumer<String, String> observer) {
        observers.remove(observer);
    }

    private void handle(HttpExchange exchange) {
        long arrivedNanos = System.nanoTime();
        IncomingCall call = null;
        String[] typeAndId = new String[2]; // type and event id, once the signature checked out
        boolean acknowledged = false;
        try {
            count(received);
            call = process(exchange, arrivedNanos, typeAndId);
            exchange.sendResponseHeaders(200, -1);
            acknowledged = true;
        } catch (WebhookRejection rejection) {
            reject(exchange, rejection.status(), rejection.getMessage());
        } catch (IOException e) {
            // The client went away or stopped sending mid-body: nothing useful can be answered.
            count(rejected);
            log.warn("webhook request failed: {} from {}", e.getClass().getSimpleName(), remote(exchange));
        } catch (RuntimeException e) {
            // Never 5xx for bad input, and never echo exception text (it may quote the body).
            log.debug("unexpected error handling webhook", e);
            reject(exchange, 400, "bad request");
        } finally {
            exchange.close();
        }
        if (acknowledged && typeAndId[0] != null) {
            notifyObservers(typeAndId[0], typeAndId[1]);
        }
        if (call != null) {
            IncomingCall verified = call;
            try {
                sinkExecutor.execute(() -> deliver(verified));
            } catch (RuntimeException e) {
                log.warn("webhook listener stopped before call {} could be handled", verified.callId());
            }
        }
    }

    /** @return the call to hand to the sink, or null when the request is acknowledged and ignored */
    private IncomingCall process(HttpExchange exchange, long arrivedNanos, String[] typeAndId) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!"/".equals(path) && !PATH.equals(path)) {
            throw new WebhookRejection(404, "not found");
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            throw new WebhookRejection(405, "method not allowed");
        }
        byte[] body = readBody(exchange);

        String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
        signature.verify(webhookId,
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"),
                body, clock.instant().getEpochSecond());

        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (JacksonException e) {
            throw new WebhookRejection("malformed JSON");
        }
        if (event == null || !event.isObject() || !event.path("type").isTextual()) {
            throw new WebhookRejection("unknown shape");
        }
        String type = event.get("type").asText();
        typeAndId[0] = type;
        typeAndId[1] = event.path("id").asText("");
        if (!INCOMING_CALL_TYPE.equals(type)) {
            log.debug("ignored webhook event type {}", type);
            return null;
        }
        IncomingCall call = toIncomingCall(webhookId, event, arrivedNanos);
        if (!replayGuard.firstSighting(webhookId)) {
            log.info("webhook {} already received, not handled again", webhookId);
            return null;
        }
        return call;
    }

    private byte[] readBody(HttpExchange exchange) throws IOException {
        String declaredLength = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declaredLength != null) {
            try {
                if (Long.parseLong(declaredLength.trim()) > MAX_BODY_BYTES) {
                    throw new WebhookRejection(413, "body too large");
                }
            } catch (NumberFormatException e) {
                throw new WebhookRejection("bad content-length");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new WebhookRejection(413, "body too large");
            }
            return body;
        }
    }

    private static IncomingCall toIncomingCall(String webhookId, JsonNode event, long arrivedNanos) {
        JsonNode data = event.path("data");
        JsonNode callId = data.path("call_id");
        if (!callId.isTextual() || callId.asText().isBlank()) {
            throw new WebhookRejection("missing data.call_id");
        }
        JsonNode headerNodes = data.path("sip_headers");
        List<SipHeader> headers = new ArrayList<>();
        if (!headerNodes.isMissingNode() && !headerNodes.isNull()) {
            if (!headerNodes.isArray()) {
                throw new WebhookRejection("data.sip_headers is not a list");
            }
            for (JsonNode header : headerNodes) {
                // The event is signed by OpenAI: an odd header entry should not make the call ring unanswered.
                if (header.path("name").isTextual()) {
                    JsonNode value = header.path("value");
                    headers.add(new SipHeader(header.get("name").asText(), value.isValueNode() ? value.asText() : ""));
                }
            }
        }
        return new IncomingCall(webhookId, event.path("id").asText(""), callId.asText(), headers, arrivedNanos);
    }

    private void reject(HttpExchange exchange, int status, String reason) {
        count(rejected);
        log.warn("webhook rejected with {}: {} (from {})", status, reason, remote(exchange));
        byte[] body = json.createObjectNode().put("error", reason).toString().getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("could not send webhook rejection", e);
        }
    }

    private void deliver(IncomingCall call) {
        try {
            sink.accept(call);
        } catch (RuntimeException e) {
            log.error("handling incoming call {} failed", call.callId(), e);
        }
    }

    private void notifyObservers(String type, String eventId) {
        for (BiConsumer<String, String> observer : observers) {
            try {
                observer.accept(type, eventId);
            } catch (RuntimeException e) {
                log.warn("webhook observer failed", e);
            }
        }
    }

    private void count(AtomicLong counter) {
        counter.incrementAndGet();
        for (Runnable listener : counterListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("webhook counter listener failed", e);
            }
        }
    }

    private static String remote(HttpExchange exchange) {
        InetSocketAddress address = exchange.getRemoteAddress();
        return address == null ? "unknown" : address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
