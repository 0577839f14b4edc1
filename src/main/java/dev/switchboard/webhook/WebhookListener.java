package dev.switchboard.webhook;

import dev.switchboard.util.Threads;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded HTTP endpoint OpenAI posts webhooks to (Jetty 12 core, see docs/decisions/0006). It verifies each
 * request on its raw bytes, makes a verified incoming call durable through the {@link IncomingCallJournal}, answers,
 * and only then hands the call to the sink, on the same thread (one thread hop less before the accept, which is what
 * a caller waits for): the sender never waits on our call handling, and the sink must only hand the call on, not
 * block.
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
    private static final long SWEEP_MILLIS = 100;

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
    private final List<Runnable> counterListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, String>> observers = new CopyOnWriteArrayList<>();
    private final ConnectionGuard guard;

    private Server server;
    private ServerConnector connector;
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
     * @param sink      receives each verified incoming call once, on the request's thread after the response
     *                  was sent; it must return quickly (hand blocking work to a thread of its own)
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
        this.guard = new ConnectionGuard(limits, () -> {
            count(received);
            count(rejected);
        });
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
        jettyConnector.addBean(guard);
        created.addConnector(jettyConnector);
        created.addBean(new NetworkConnectionLimit(limits.maxConnections(), jettyConnector));
        WebhookHandler handler = new WebhookHandler(this, signature, clock, journal, replayGuard, limits, guard);
        created.setErrorHandler(handler.errorAnswer());
        created.setHandler(handler);

        ScheduledThreadPoolExecutor sweep = new ScheduledThreadPoolExecutor(1, Threads.daemon("webhook-deadline"));
        try {
            created.start();
        } catch (Exception e) {
            stopQuietly(created);
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
        sweep.scheduleWithFixedDelay(guard::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        server = created;
        connector = jettyConnector;
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
        return guard.closedForSlowness();
    }

    /** Connections open right now. */
    public int openConnections() {
        return guard.openConnections();
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

    void countReceived() {
        count(received);
    }

    void countRejected() {
        count(rejected);
    }

    /**
     * Hands a verified call to the sink once its webhook was answered, on the same thread: one thread hop less
     * before the accept, which is what the caller waits for. The sink only hands the call on; it never blocks.
     */
    void handOver(IncomingCall call) {
        deliver(call);
    }

    private void deliver(IncomingCall call) {
        try {
            sink.accept(call);
        } catch (RuntimeException e) {
            log.error("handling incoming call {} failed", call.callId(), e);
        }
    }

    void notifyObservers(String type, String eventId) {
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
