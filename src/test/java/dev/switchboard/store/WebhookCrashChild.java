package dev.switchboard.store;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.monitor.CallMonitor;
import dev.switchboard.openai.CallsClient;
import dev.switchboard.openai.OpenAiEndpoints;
import dev.switchboard.openai.OpenAiHttp;
import dev.switchboard.openai.RetryPolicy;
import dev.switchboard.webhook.WebhookListener;
import dev.switchboard.webhook.WebhookSecret;
import dev.switchboard.webhook.WebhookSignature;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The process {@link WebhookCrashTest} kills: the app's webhook path as the runtime wires it (listener with the
 * store's journal, monitor auto-accepting against a loopback peer, recorder) on a data directory reused across
 * runs. Prints {@code PORT <n>} once listening, then serves until killed.
 *
 * <p>Arguments: data directory, webhook secret.
 */
public final class WebhookCrashChild {

    private WebhookCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        HistoryStore store = HistoryStore.openIn(Path.of(args[0]));
        store.closeUnfinished("outcome unknown: Switchboard stopped before the call ended"); // as on every start
        CallRegistry registry = new CallRegistry();
        new CallRecorder(store, Clock.systemUTC()).attach(registry);

        MockWebServer peer = new MockWebServer();
        peer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                // accept answers after a little while, like the real API; the socket says the call is over
                return request.getPath().endsWith("/accept")
                        ? new MockResponse().setResponseCode(200).setHeadersDelay(5, TimeUnit.MILLISECONDS)
                        : new MockResponse().setResponseCode(404);
            }
        });
        peer.start();
        OkHttpClient http = OpenAiHttp.newClient();
        CallsClient client = new CallsClient(http, new OpenAiEndpoints(peer.url("/v1").toString()), "sk-crash",
                RetryPolicy.DEFAULT);
        CallMonitor monitor = new CallMonitor(registry, client, http, "sk-crash", Clock.systemUTC(),
                new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10)), Duration.ofSeconds(60));
        monitor.setAutoAccept(AcceptSettings.defaults().withGreeting(""));
        WebhookListener listener = new WebhookListener("127.0.0.1", 0,
                new WebhookSignature(WebhookSecret.parse(args[1])), Clock.systemUTC(), (c, at) -> store.incomingCalls().record(c.callId(), c.sipHeaders(), at),
                monitor::onIncoming);
        listener.start();
        System.out.println("PORT " + listener.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
