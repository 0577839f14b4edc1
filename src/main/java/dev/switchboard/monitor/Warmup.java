package dev.switchboard.monitor;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.config.PriceFile;
import dev.switchboard.openai.CallsClient;
import dev.switchboard.openai.OpenAiEndpoints;
import dev.switchboard.openai.RetryPolicy;
import dev.switchboard.util.ElasticPool;
import dev.switchboard.util.Threads;
import dev.switchboard.webhook.IncomingCall;
import dev.switchboard.webhook.IncomingCallJournal;
import dev.switchboard.webhook.WebhookListener;
import dev.switchboard.webhook.WebhookSecret;
import dev.switchboard.webhook.WebhookSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the webhook → accept path on synthetic calls right after start, so the JIT has compiled it before the first
 * real call: a signed webhook posted to a private loopback {@link WebhookListener} (same classes, own port and
 * secret; the real journal is only rehearsed, each insert rolled back), verification and parsing there, a
 * {@link Call} built outside any registry, and the accept sent by a {@link CallsClient} to a loopback stub over the
 * shared client's dispatcher with a pool of its own (the API's warm connection is left alone). Nothing is kept in
 * history, and nothing reaches the registry, the window or the log but one summary line. It runs once per process on a daemon thread for a few seconds at most, and ends when a real
 * webhook arrives, so it holds up a real call for no longer than the one synthetic call in flight.
 */
public final class Warmup {

    private static final Logger log = LoggerFactory.getLogger(Warmup.class);
    /** Synthetic calls at most: {@code -Dswitchboard.warmupCalls} (0 turns the warm-up off). */
    static final int CALLS = Integer.getInteger("switchboard.warmupCalls", 1500);
    static final long BUDGET_MILLIS = 8000;
    private static final AtomicBoolean ranInThisProcess = new AtomicBoolean();
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final AcceptSettings settings;
    private final LongSupplier realWebhooks;
    private final IncomingCallJournal journal;

    /**
     * @param realWebhooks how many real webhooks the listener has seen; a change ends the warm-up
     * @param journal      the real journal, only ever {@linkplain IncomingCallJournal#rehearse rehearsed}
     */
    private Warmup(OkHttpClient http, AcceptSettings settings, LongSupplier realWebhooks, IncomingCallJournal journal) {
        // same dispatcher and classes, but its own connections (the pool keeps the API's): one kept to the private
        // listener and one to the stub, reused as the real path reuses its own
        this.http = http.newBuilder().connectionPool(new ConnectionPool(2, 5, TimeUnit.SECONDS)).build();
        this.settings = settings != null && settings.isValid() ? settings : AcceptSettings.defaults();
        this.realWebhooks = realWebhooks;
        this.journal = journal;
    }

    /** Starts the warm-up in the background, the first time in this process only. */
    static void startOnce(OkHttpClient http, AcceptSettings settings, LongSupplier realWebhooks,
                          IncomingCallJournal journal) {
        if (CALLS <= 0 || !ranInThisProcess.compareAndSet(false, true)) {
            return;
        }
        Thread thread = Threads.startDaemon("switchboard-warmup", () -> {
            try {
                new Warmup(http, settings, realWebhooks, journal).run(CALLS);
            } catch (IOException | RuntimeException e) {
                log.debug("warm-up stopped early", e);
            }
        });
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    /** Runs up to {@code maxCalls} synthetic calls now, on this thread; how many went through. */
    static int runNow(OkHttpClient http, AcceptSettings settings, LongSupplier realWebhooks, int maxCalls,
                      IncomingCallJournal journal) throws IOException {
        return new Warmup(http, settings, realWebhooks, journal).run(maxCalls);
    }

    private int run(int maxCalls) throws IOException {
        long seenAtStart = realWebhooks.getAsLong();
        String secret = WebhookSecret.generate();
        WebhookSignature signature = new WebhookSignature(WebhookSecret.parse(secret));
        HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        stub.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        ExecutorService stubThreads = Executors.newSingleThreadExecutor(Threads.daemon("switchboard-warmup-stub"));
        stub.setExecutor(stubThreads);
        stub.start();
        CallsClient client = new CallsClient(http, new OpenAiEndpoints("http://127.0.0.1:"
                + stub.getAddress().getPort() + "/v1"), "sk-warmup", RetryPolicy.DEFAULT);
        // like the monitor's: the accept leaves the webhook thread for a REST thread of the same kind of pool
        ExecutorService rest = ElasticPool.create("switchboard-warmup-io", 1, java.time.Duration.ofSeconds(5));
        SynchronousQueue<Boolean> done = new SynchronousQueue<>();
        // the real journal's statements and pages, rolled back: nothing is kept
        IncomingCallJournal rehearsal = journal::rehearse;
        WebhookListener listener = new WebhookListener("127.0.0.1", 0, signature, Clock.systemUTC(), rehearsal,
                incoming -> rest.execute(() -> offer(done, acceptLikeTheMonitor(client, incoming))));
        long started = System.nanoTime();
        int calls = 0;
        try {
            listener.start();
            String url = listener.url();
            // a real call ends it: from then on real calls warm the path, and nothing competes with them
            while (calls < maxCalls && realWebhooks.getAsLong() == seenAtStart
                    && System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(BUDGET_MILLIS)) {
                post(url, signature, calls);
                if (done.poll(2, TimeUnit.SECONDS) == null) {
                    break;
                }
                calls++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            listener.stop();
            rest.shutdownNow();
            stub.stop(0);
            stubThreads.shutdownNow();
            http.connectionPool().evictAll();
        }
        log.info("warm-up: {} synthetic calls through a private listener in {} ms{}", calls,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                realWebhooks.getAsLong() != seenAtStart ? " (a real call arrived)" : "");
        return calls;
    }

    /** What {@link CallMonitor} does for an auto-accepted call up to the accept's answer, minus registry and log. */
    private boolean acceptLikeTheMonitor(CallsClient client, IncomingCall incoming) {
        Call call = new Call(incoming.callId(), incoming.sipHeaders(), Clock.systemUTC());
        call.turns().usePrices(PriceFile.bundled());
        call.moveTo(CallState.ACCEPTING, "");
        call.useSettings(settings);
        call.mark(Milestone.ACCEPT_SENT);
        try {
            client.accept(call.id(), settings, () -> false, null);
            call.mark(Milestone.ACCEPT_ANSWERED);
            call.moveTo(CallState.ACTIVE, "");
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void offer(SynchronousQueue<Boolean> done, boolean result) {
        try {
            done.offer(result, 2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void post(String url, WebhookSignature signature, int n) throws IOException {
        String id = "warmup_" + n;
        byte[] body = ("{\"object\":\"event\",\"id\":\"evt_" + id + "\",\"type\":\"realtime.call.incoming\","
                + "\"created_at\":" + System.currentTimeMillis() / 1000 + ",\"data\":{\"call_id\":\"rtc_" + id
                + "\",\"sip_headers\":[{\"name\":\"From\",\"value\":\"\\\"Warm Up\\\" <sip:+15550000000@example.invalid>;tag=1\"},"
                + "{\"name\":\"To\",\"value\":\"<sip:+15550000001@sip.api.openai.com>\"}]}}").getBytes(StandardCharsets.UTF_8);
        long ts = System.currentTimeMillis() / 1000;
        Request request = new Request.Builder().url(url)
                .header("webhook-id", "wh_" + id)
                .header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", signature.sign("wh_" + id, ts, body))
                .post(RequestBody.create(body, JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            response.body().bytes();
        }
    }
}
