package dev.switchboard.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.util.Threads;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded HTTP endpoint OpenAI posts webhooks to (Jetty 12 core, see docs/decisions/0006). It verifies each
 * request on its raw bytes, makes a verified incoming call durable through the {@link IncomingCallJournal}, answers,
 * and only then hands the call to the sink on a separate thread: the call rings until someone accepts it, so the
 * sender must never wait on our call handling.
 *
 * <p>No client can starve it: connections are served by a small selector (a slow client holds a connection, not a
 * thread), every request must arrive whole (headers and body) within {@link Limits#requestDeadline()} — a total, so
 * trickling a byte at a time does not help — and open connections are capped per remote address and in all.
 *
 * <p>Every request that reaches the listener counts as received, and every answer that is not 2xx as rejected,
 * including requests to a wrong path: a misconfigured webhook URL then shows up as rejections in the status bar
 * instead of as silence.
 */
public final class WebhookListener implements AutoCloseable {

    public static final String PATH = "/webhook";
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    public static final Duration REPLAY_WINDOW = Duration.ofMinutes(10);
    public static final String INCOMING_CALL_TYPE = "realtime.call.incoming";

    /**
     * What one client may take.
     *
     * @param requestDeadline  a request's headers and body must have arrived within this, counted from the
     *                         connection's open (or a kept-alive connection's first new byte); then 408 and close
     * @param idleTimeout      a connection with nothing in flight is closed after this
     * @param maxConnections   open connections in all; more wait in the accept queue
     * @param maxPerAddress    open connections from one remote address; more are closed at once
     * @param maxHeaderBytes   request line plus headers; more is answered 431
     * @param maxThreads       request threads (blocking handler work: verify, one small transaction)
     */
    public record Limits(Duration requestDeadline, Duration idleTimeout, int maxConnections, int maxPerAddress,
                         int maxHeaderBytes, int maxThreads) {
        // OpenAI sends one small POST per event; a tunnel (ngrok) makes every request come from loopback, so the
        // per-address cap must leave room for a burst of calls arriving through it.
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(5), Duration.ofSeconds(30), 256, 128,
                16 * 1024, 16);

        public Limits {
            if (requestDeadline.isNegative() || requestDeadline.isZero() || idleTimeout.isNegative()
                    || idleTimeout.isZero() || maxConnections < 1 || maxPerAddress < 1 || maxHeaderBytes < 1024
                    || maxThreads < 4) {
                throw new IllegalArgumentException("unusable webhook listener limits: " + Limits.this);
            }
        }

        public Limits withRequestDeadline(Duration deadline) {
            return new Limits(deadline, idleTimeout, maxConnections, maxPerAddress, maxHeaderBytes, maxThreads);
        }

        public Limits withConnections(int all, int perAddress) {
            return new Limits(requestDeadline, idleTimeout, all, perAddress, maxHeaderBytes, maxThreads);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(WebhookListener.class);
    private static final int MAX_REMEMBERED_IDS = 10_000;
    private static final int MAX_QUEUED_CALLS = 10_000;
    private static final long SWEEP_MILLIS = 100;

    private final ObjectMapper json = new ObjectMapper();
    private final String host;
    private final int requestedPort;
    private final WebhookSignature signature;
    private final Clock clock;
    private final IncomingCallJournal journal;
    private final Consumer<IncomingCall> sink;
    private final Limits limits;
    private final ReplayGuard replayGuard;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong closedSlow = new AtomicLong();
    private final List<Runnable> counterListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, String>> observers = new CopyOnWriteArrayList<>();
    private final Map<Connection, ClientState> clients = new ConcurrentHashMap<>();
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    private Server server;
    private ServerConnector connector;
    private ExecutorService sinkExecutor;
    private ScheduledExecutorService sweeper;
    private int boundPort = -1;

    /**
     * A listener that keeps nothing before answering (no {@link IncomingCallJournal}); see the full constructor.
     */
    public WebhookListener(String host, int port, WebhookSignature signature, Clock clock,
                           Consumer<IncomingCall> sink) {
        this(host, port, signature, clock, IncomingCallJournal.NONE, sink);
    }

    /**
     * @param host      address to bind, usually {@code 127.0.0.1} (a tunnel forwards to it)
     * @param port      port to bind; 0 picks a free one (see {@link #port()})
     * @param clock     "now" for the timestamp tolerance and the replay window
     * @param journal   makes each verified incoming call durable before the answer
     * @param sink      receives each verified incoming call once, on a dedicated thread, after the
     *                  response was sent
     */
    public WebhookListener(String host, int port, WebhookSignature signature, Clock clock,
                           IncomingCallJournal journal, Consumer<IncomingCall> sink) {
        this(host, port, signature, clock, journal, sink, Limits.DEFAULT, MAX_REMEMBERED_IDS);
    }

    public WebhookListener(String host, int port, WebhookSignature signature, Clock clock,
                           IncomingCallJournal journal, Consumer<IncomingCall> sink, Limits limits) {
        this(host, port, signature, clock, journal, sink, limits, MAX_REMEMBERED_IDS);
    }

    WebhookListener(String host, int port, WebhookSignature signature, Clock clock, Consumer<IncomingCall> sink,
                    int maxRememberedIds) {
        this(host, port, signature, clock, IncomingCallJournal.NONE, sink, Limits.DEFAULT, maxRememberedIds);
    }

    private WebhookListener(String host, int port, WebhookSignature signature, Clock clock,
                            IncomingCallJournal journal, Consumer<IncomingCall> sink, Limits limits,
                            int maxRememberedIds) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        this.host = Objects.requireNonNull(host, "host");
        this.requestedPort = port;
        this.signature = Objects.requireNonNull(signature, "signature");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.replayGuard = new ReplayGuard(clock, REPLAY_WINDOW, maxRememberedIds);
    }

    /** Binds and starts serving. @throws IOException when the address cannot be bound (e.g. port in use) */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("webhook listener already started");
        }
        // Bounded in threads; the job queue is Jetty's default (it warns about a bounded one). Connections are
        // capped below, so the queue cannot grow past a few jobs per connection.
        QueuedThreadPool pool = new QueuedThreadPool(limits.maxThreads(), 2, 60_000, 0, null, null,
                Threads.daemon("webhook-http"));
        pool.setName("webhook-http");
        pool.setDaemon(true);
        Server created = new Server(pool);
        created.setStopTimeout(0);

        HttpConfiguration config = new HttpConfiguration();
        config.setRequestHeaderSize(limits.maxHeaderBytes());
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setSendDateHeader(false);
        // one acceptor and one selector: every connection is multiplexed there; threads only run the handler
        ServerConnector jettyConnector = new ServerConnector(created, 1, 1, new HttpConnectionFactory(config));
        jettyConnector.setHost(host);
        jettyConnector.setPort(requestedPort);
        jettyConnector.setIdleTimeout(limits.idleTimeout().toMillis());
        jettyConnector.setAcceptedTcpNoDelay(true); // Jetty's default; without it every small answer waits ~40 ms
        jettyConnector.addBean(new ClientTracker());
        created.addConnector(jettyConnector);
        created.addBean(new NetworkConnectionLimit(limits.maxConnections(), jettyConnector));
        created.setErrorHandler(new BadRequestAnswer());
        created.setHandler(new WebhookHandler());

        ThreadPoolExecutor sinkPool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(MAX_QUEUED_CALLS), Threads.daemon("webhook-sink"));
        ScheduledThreadPoolExecutor sweep = new ScheduledThreadPoolExecutor(1, Threads.daemon("webhook-deadline"));
        try {
            created.start();
        } catch (Exception e) {
            stopQuietly(created);
            sinkPool.shutdown();
            sweep.shutdown();
            BindException bind = findCause(e, BindException.class);
            if (bind != null) {
                BindException clean = new BindException("cannot bind " + host + ":" + requestedPort + ": "
                        + bind.getMessage());
                clean.initCause(e);
                throw clean;
            }
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("webhook listener could not start: " + e.getMessage(), e);
        }
        sweep.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        server = created;
        connector = jettyConnector;
        sinkExecutor = sinkPool;
        sweeper = sweep;
        boundPort = jettyConnector.getLocalPort();
        log.info("webhook listener on {}", url());
    }

    /** Stops serving; calls already handed to the sink still run. Safe to call twice. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        sweeper.shutdownNow();
        stopQuietly(server);
        sinkExecutor.shutdown();
        server = null;
        connector = null;
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
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            address = null;
        }
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

    public Limits limits() {
        return limits;
    }

    public long received() {
        return received.get();
    }

    public long rejected() {
        return rejected.get();
    }

    /** Connections closed because their request did not arrive whole within the deadline. */
    public long closedForSlowness() {
        return closedSlow.get();
    }

    /** Connections open right now. */
    public int openConnections() {
        return clients.size();
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

    // ---- per-connection bookkeeping: the deadline and the caps ----

    /** One open connection. The phase decides, atomically, whether the handler or the deadline got it first. */
    private static final class ClientState {
        static final int WAITING = 0;
        static final int HANDLING = 1;
        static final int CUT_OFF = 2;

        final AtomicInteger phase = new AtomicInteger(WAITING);
        final InetAddress address;
        /** When the request now in flight started arriving; 0 when nothing has arrived since the last answer. */
        volatile long requestStartNanos;
        volatile long bytesAtLastAnswer;

        ClientState(InetAddress address, long openedNanos) {
            this.address = address;
            this.requestStartNanos = openedNanos;
        }
    }

    private final class ClientTracker implements Connection.Listener {
        @Override
        public void onOpened(Connection connection) {
            InetAddress address = addressOf(connection.getEndPoint().getRemoteSocketAddress());
            ClientState state = new ClientState(address, System.nanoTime());
            clients.put(connection, state);
            int fromThere = perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
            if (fromThere > limits.maxPerAddress()) {
                state.phase.set(ClientState.CUT_OFF);
                log.warn("webhook client {} has {} connections open (at most {}): connection closed",
                        describe(address), fromThere - 1, limits.maxPerAddress());
                connection.getEndPoint().close();
            } else if (clients.size() >= limits.maxConnections()) {
                log.warn("webhook listener at its limit of {} open connections: new ones wait",
                        limits.maxConnections());
            }
        }

        @Override
        public void onClosed(Connection connection) {
            ClientState state = clients.remove(connection);
            if (state != null) {
                perAddress.computeIfPresent(state.address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
            }
        }
    }

    /** Cuts off every connection whose request has been arriving for longer than the deadline. */
    private void sweep() {
        long now = System.nanoTime();
        long deadline = limits.requestDeadline().toNanos();
        for (Map.Entry<Connection, ClientState> entry : clients.entrySet()) {
            Connection connection = entry.getKey();
            ClientState state = entry.getValue();
            if (state.phase.get() != ClientState.WAITING) {
                continue; // the handler owns it now and enforces the rest of the deadline itself
            }
            if (state.requestStartNanos == 0) {
                if (connection.getBytesIn() <= state.bytesAtLastAnswer) {
                    continue; // idle keep-alive: the idle timeout looks after it
                }
                state.requestStartNanos = now;
            }
            if (now - state.requestStartNanos > deadline && state.phase.compareAndSet(ClientState.WAITING,
                    ClientState.CUT_OFF)) {
                cutOff(connection, state);
            }
        }
    }

    private void cutOff(Connection connection, ClientState state) {
        closedSlow.incrementAndGet();
        count(received);
        count(rejected);
        log.warn("webhook rejected with 408: request not complete within {} ms (from {})",
                limits.requestDeadline().toMillis(), describe(state.address));
        // no handler runs for this connection, so it is ours to write on: a plain 408, then close
        byte[] body = "{\"error\":\"request too slow\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] head = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        EndPoint endPoint = connection.getEndPoint();
        try {
            endPoint.write(Callback.from(endPoint::close, failure -> endPoint.close()),
                    ByteBuffer.wrap(head), ByteBuffer.wrap(body));
        } catch (RuntimeException e) {
            endPoint.close();
        }
    }

    // ---- requests ----

    private final class WebhookHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            ClientState state = clients.get(request.getConnectionMetaData().getConnection());
            if (state != null && !state.phase.compareAndSet(ClientState.WAITING, ClientState.HANDLING)) {
                callback.failed(new IOException("connection cut off"));
                return true;
            }
            try {
                serve(request, response, callback, state);
            } finally {
                if (state != null) {
                    state.bytesAtLastAnswer = request.getConnectionMetaData().getConnection().getBytesIn();
                    state.requestStartNanos = 0;
                    state.phase.compareAndSet(ClientState.HANDLING, ClientState.WAITING);
                }
            }
            return true;
        }
    }

    private void serve(Request request, Response response, Callback callback, ClientState state) {
        long arrivedNanos = System.nanoTime();
        Instant arrivedAt = clock.instant();
        long startedNanos = state == null || state.requestStartNanos == 0 ? arrivedNanos : state.requestStartNanos;
        IncomingCall call = null;
        String[] typeAndId = new String[2]; // type and event id, once the signature checked out
        try {
            count(received);
            call = process(request, arrivedNanos, arrivedAt, startedNanos, typeAndId);
            response.setStatus(200);
        } catch (WebhookRejection rejection) {
            reject(request, response, callback, rejection.status(), rejection.getMessage());
            return;
        } catch (IOException e) {
            // The client went away or stopped sending mid-body: nothing useful can be answered.
            count(rejected);
            log.warn("webhook request failed: {} from {}", e.getClass().getSimpleName(), remote(request));
            callback.failed(e);
            return;
        } catch (RuntimeException e) {
            // Never 5xx for bad input, and never echo exception text (it may quote the body).
            log.debug("unexpected error handling webhook", e);
            reject(request, response, callback, 400, "bad request");
            return;
        }
        IncomingCall verified = call;
        // The sink and observers run once the answer is out: the sender must never wait on our call handling.
        response.write(true, null, Callback.from(() -> {
            callback.succeeded();
            afterAnswer(verified, typeAndId);
        }, failure -> {
            callback.failed(failure);
            afterAnswer(verified, typeAndId); // recorded already: it still rings and deserves an answer
        }));
    }

    private void afterAnswer(IncomingCall call, String[] typeAndId) {
        if (typeAndId[0] != null) {
            notifyObservers(typeAndId[0], typeAndId[1]);
        }
        if (call != null) {
            try {
                sinkExecutor.execute(() -> deliver(call));
            } catch (RejectedExecutionException e) {
                log.warn("webhook listener stopped (or overloaded) before call {} could be handled", call.callId());
            }
        }
    }

    /** @return the call to hand to the sink, or null when the request is acknowledged and ignored */
    private IncomingCall process(Request request, long arrivedNanos, Instant arrivedAt, long startedNanos,
                                 String[] typeAndId) throws IOException {
        String path = request.getHttpURI().getPath();
        if (!"/".equals(path) && !PATH.equals(path)) {
            throw new WebhookRejection(404, "not found");
        }
        if (!"POST".equals(request.getMethod())) {
            throw new WebhookRejection(405, "method not allowed");
        }
        byte[] body = readBody(request, startedNanos);

        String webhookId = request.getHeaders().get("webhook-id");
        signature.verify(webhookId,
                request.getHeaders().get("webhook-timestamp"),
                request.getHeaders().get("webhook-signature"),
                body, clock.instant().getEpochSecond());

        WebhookEvent event = WebhookEvent.parse(body, webhookId, arrivedNanos);
        typeAndId[0] = event.type();
        typeAndId[1] = event.eventId();
        if (event.call() == null) {
            log.debug("ignored webhook event type {}", event.type());
            return null;
        }
        // the signature check above proved the timestamp is a number
        IncomingCall call = event.call().withDeliveryLag(Instant.ofEpochSecond(Long.parseLong(
                request.getHeaders().get("webhook-timestamp").trim())), arrivedAt);
        if (!replayGuard.firstSighting(webhookId)) {
            log.info("webhook {} already received, not handled again", webhookId);
            return null;
        }
        try {
            journal.record(call, arrivedAt);
        } catch (Exception e) {
            // not acknowledged, so not handled: a redelivery must find the id unseen
            replayGuard.forget(webhookId);
            typeAndId[0] = null;
            log.error("could not record incoming call {}: {}", call.callId(), e.toString());
            throw new WebhookRejection(503, "could not record the call");
        }
        return call;
    }

    private byte[] readBody(Request request, long startedNanos) throws IOException {
        long declaredLength = request.getLength();
        if (declaredLength > MAX_BODY_BYTES) {
            throw new WebhookRejection(413, "body too large");
        }
        long left = limits.requestDeadline().toNanos() - (System.nanoTime() - startedNanos);
        CompletableFuture<byte[]> reading = Content.Source.asByteArrayAsync(request, MAX_BODY_BYTES);
        try {
            return reading.get(Math.max(left, 1), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            throw new WebhookRejection(408, "request too slow");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the body", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
                throw new WebhookRejection(413, "body too large"); // Jetty's word for "more than maxSize"
            }
            throw new IOException("reading the body failed", cause);
        }
    }

    private void reject(Request request, Response response, Callback callback, int status, String reason) {
        count(rejected);
        log.warn("webhook rejected with {}: {} (from {})", status, reason, remote(request));
        answerError(response, callback, status, reason);
    }

    private void answerError(Response response, Callback callback, int status, String reason) {
        byte[] body = json.createObjectNode().put("error", reason).toString().getBytes(StandardCharsets.UTF_8);
        try {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            if (status == 405) {
                response.getHeaders().put(HttpHeader.ALLOW, "POST");
            }
            if (status == 408 || status == 413 || status == 431) {
                // the rest of the request may still be on its way: do not read it, close instead
                response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            }
            response.write(true, ByteBuffer.wrap(body), callback);
        } catch (RuntimeException e) {
            log.debug("could not send webhook rejection", e);
            callback.failed(e);
        }
    }

    /** Answers what Jetty refuses before any handler runs (headers too large, broken HTTP) in our JSON shape. */
    private final class BadRequestAnswer extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            ClientState state = clients.get(request.getConnectionMetaData().getConnection());
            if (state != null && state.phase.get() == ClientState.CUT_OFF) {
                callback.succeeded(); // the deadline already answered 408 and counted it; this is the close echoing
                return true;
            }
            int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
            String reason = switch (status) {
                case 431 -> "headers too large";
                case 413 -> "body too large";
                case 408 -> "request too slow";
                default -> "bad request";
            };
            count(received);
            count(rejected);
            log.warn("webhook rejected with {}: {} (from {})", status, reason, remote(request));
            answerError(response, callback, status >= 400 && status < 500 ? status : 400, reason);
            return true;
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

    private static String remote(Request request) {
        SocketAddress address = request.getConnectionMetaData().getRemoteSocketAddress();
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return "unknown";
    }

    private static InetAddress addressOf(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress();
        }
        return InetAddress.getLoopbackAddress();
    }

    private static String describe(InetAddress address) {
        return address == null ? "unknown" : address.getHostAddress();
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            log.debug("stopping the webhook listener", e);
        }
    }

    private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
