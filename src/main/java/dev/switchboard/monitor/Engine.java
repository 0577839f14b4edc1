package dev.switchboard.monitor;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.config.ConfigException;
import dev.switchboard.openai.CallsClient;
import dev.switchboard.openai.ConnectionWarmer;
import dev.switchboard.openai.OpenAiEndpoints;
import dev.switchboard.openai.RetryPolicy;
import dev.switchboard.webhook.IncomingCall;
import dev.switchboard.webhook.IncomingCallJournal;
import dev.switchboard.webhook.WebhookListener;
import dev.switchboard.webhook.WebhookSecret;
import dev.switchboard.webhook.WebhookSignature;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One generation of webhook listener + call monitor (+ the demo peer in demo mode). New settings build a new
 * engine; calls keep going to the engine that took their webhook.
 */
final class Engine {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final DemoPeer demo;
    private final CallMonitor monitor;
    private final Consumer<IncomingCall> onIncoming;
    private final IncomingCallJournal journal;
    private final OkHttpClient http;
    /** The API connection kept open between calls; null when keep-warm is off. */
    private final ConnectionWarmer warmer;
    /** Replaced only while starting, when demo mode falls back to a free port. */
    private volatile WebhookListener listener;

    /**
     * @param demo       the demo peer to run on (already built, not started), or null for live mode
     * @param onIncoming sees every verified webhook before this engine's monitor takes the call
     */
    Engine(Connection c, DemoPeer demo, CallRegistry registry, OkHttpClient http, AcceptSettings autoAccept,
           IncomingCallJournal journal, Consumer<IncomingCall> onIncoming) throws IOException {
        this.demo = demo;
        this.journal = journal;
        this.onIncoming = onIncoming;
        String key;
        String base;
        String secret;
        if (demo != null) {
            demo.start();
            key = demo.apiKey();
            base = demo.baseUrl();
            secret = demo.webhookSecret();
        } else {
            key = c.apiKey();
            base = c.baseUrl();
            secret = c.webhookSecret();
        }
        CallsClient client = new CallsClient(http, new OpenAiEndpoints(base), key, RetryPolicy.DEFAULT);
        monitor = new CallMonitor(registry, client, http, key, Clock.systemUTC(), RetryPolicy.SOCKET,
                CallMonitor.DEFAULT_RING_TIMEOUT);
        monitor.setAutoAccept(autoAccept);
        this.http = http;
        this.warmer = ConnectionWarmer.enabled() && key != null && !key.isBlank()
                ? new ConnectionWarmer(http, client.endpoints(), key, ConnectionWarmer.DEFAULT_INTERVAL) : null;
        listener = newListener(c.port(), c.bind(), secret);
    }

    private WebhookListener newListener(int port, String bind, String secret) {
        // the journal commits each call before the 200: an acknowledged call survives a crash
        return new WebhookListener(bind, port, new WebhookSignature(WebhookSecret.parse(secret)),
                Clock.systemUTC(), journal, this::incoming);
    }

    private void incoming(IncomingCall incoming) {
        onIncoming.accept(incoming);
        monitor.onIncoming(incoming);
    }

    /**
     * Starts the listener; in demo mode a busy port is no reason to fail: it takes a free one.
     *
     * @param warmNow run the start-up warm-up at once (else {@link #startWarmup} does, later)
     */
    void start(Connection c, Runnable onCounters, boolean warmNow) throws IOException, ConfigException {
        WebhookListener candidate = listener;
        try {
            candidate.start();
        } catch (BindException e) {
            if (demo == null) {
                throw new ConfigException("port " + c.port() + " on " + c.bind()
                        + " is in use: stop the other program or choose another port");
            }
            log.warn("port {} is in use; the demo listener takes a free port instead", c.port());
            candidate = newListener(0, c.bind(), demo.webhookSecret());
            candidate.start();
        }
        candidate.addCounterListener(onCounters);
        listener = candidate;
        pointDemoAtListener();
        // both off the caller's thread: the first real call finds the path compiled and the connection open
        if (warmer != null) {
            warmer.start();
        }
        if (warmNow) {
            startWarmup();
        }
    }

    /** The start-up warm-up on this engine's listener (once per process; later calls do nothing). */
    void startWarmup() {
        WebhookListener started = listener;
        Warmup.startOnce(http, monitor.autoAcceptSettings(), started::received, journal);
    }

    /** Restarts a stopped listener (when the engine meant to replace this one could not start). */
    void restart() throws IOException {
        listener.start();
        pointDemoAtListener();
    }

    private void pointDemoAtListener() {
        if (demo != null) {
            demo.setWebhookTarget(URI.create(listener.url()));
        }
    }

    WebhookListener listener() {
        return listener;
    }

    CallMonitor monitor() {
        return monitor;
    }

    Optional<DemoPeer> demo() {
        return Optional.ofNullable(demo);
    }

    void close() {
        if (warmer != null) {
            warmer.close();
        }
        listener.stop();
        monitor.close();
        if (demo != null) {
            demo.close();
        }
    }
}
