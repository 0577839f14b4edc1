package dev.switchboard.openai;

import dev.switchboard.util.Threads;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a connection to the API open in the shared client's pool, so a call's accept goes out on it instead of
 * paying DNS, TCP and TLS first: on start, and then at every interval, it resolves the API's host and sends one
 * cheap authenticated request ({@code GET /models}), well inside the keep-alive of the pool (5 minutes) and of
 * the servers in front of the API (about a minute). Failures are quiet: the next tick tries again, and a call's
 * accept opens its own connection if it has to.
 */
public final class ConnectionWarmer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectionWarmer.class);
    /** Between two keep-warm requests: {@code -Dswitchboard.keepWarmSeconds} (45 by default). */
    public static final Duration DEFAULT_INTERVAL =
            Duration.ofSeconds(Math.max(1, Long.getLong("switchboard.keepWarmSeconds", 45)));

    private final OkHttpClient http;
    private final HttpUrl target;
    private final String apiKey;
    private final Duration interval;
    private final ScheduledExecutorService timer =
            new ScheduledThreadPoolExecutor(1, Threads.daemon("switchboard-keepwarm"));
    private volatile boolean failedLastTime;

    public ConnectionWarmer(OkHttpClient http, OpenAiEndpoints endpoints, String apiKey, Duration interval) {
        this.http = http;
        this.target = endpoints.models();
        this.apiKey = apiKey;
        this.interval = interval;
    }

    /** Whether keep-warm is on ({@code -Dswitchboard.keepWarm=false} turns it off, for benchmarks). */
    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty("switchboard.keepWarm"));
    }

    /** Connects now (in the background) and then once per interval. */
    public ConnectionWarmer start() {
        timer.scheduleWithFixedDelay(this::warm, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One tick: the DNS answer into the resolver's cache, and a request that leaves the connection pooled. */
    void warm() {
        try {
            InetAddress.getAllByName(target.host());
            Request request = new Request.Builder().url(target).header("Authorization", "Bearer " + apiKey).get().build();
            try (Response response = http.newCall(request).execute()) {
                // the body is read to its end, so the connection goes back to the pool
                response.body().bytes();
                if (response.code() == 401 && !failedLastTime) {
                    log.info("keep-warm request to {} answered 401: the API key is not accepted", target.host());
                }
                // any answer keeps the connection warm (the simulator has no /models, and that is fine)
                failedLastTime = response.code() == 401;
            }
        } catch (IOException | RuntimeException e) {
            if (!failedLastTime) {
                // the message of a failed connect names the host, never the request's headers
                log.info("keep-warm connection to {} failed: {}", target.host(), e.getMessage());
            }
            failedLastTime = true;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
