package dev.switchboard.bench;

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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Webhook received → accept request sent, warm. A signed webhook is posted to the real listener; the call
 * monitor auto-accepts; a loopback peer notes when the accept request reaches it. Latency is from the
 * listener's arrival timestamp to the peer's receipt (both {@link System#nanoTime()} in this JVM).
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.switchboard.bench.WebhookToAcceptBench}
 */
public final class WebhookToAcceptBench {

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        String secret = WebhookSecret.generate();
        WebhookSignature signature = new WebhookSignature(WebhookSecret.parse(secret));
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        Map<String, Long> acceptSeen = new ConcurrentHashMap<>();
        Map<String, CountDownLatch> done = new ConcurrentHashMap<>();

        MockWebServer peer = new MockWebServer();
        peer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                long now = System.nanoTime();
                String path = request.getPath();
                if (path.endsWith("/accept")) {
                    String id = path.split("/")[4];
                    acceptSeen.put(id, now);
                    done.get(id).countDown();
                    return new MockResponse().setResponseCode(200);
                }
                // the sideband handshake: the call is over, so the session ends at once
                return new MockResponse().setResponseCode(404);
            }
        });
        peer.start();
        OkHttpClient http = OpenAiHttp.newClient();
        CallsClient client = new CallsClient(http, new OpenAiEndpoints(peer.url("/v1").toString()), "sk-bench",
                RetryPolicy.DEFAULT);
        CallMonitor monitor = new CallMonitor(new CallRegistry(), client, http, "sk-bench", Clock.systemUTC(),
                RetryPolicy.DEFAULT, Duration.ofMinutes(5));
        monitor.setAutoAccept(AcceptSettings.defaults());
        WebhookListener listener = new WebhookListener("127.0.0.1", 0, signature, Clock.systemUTC(), incoming -> {
            arrived.put(incoming.callId(), incoming.receivedNanos());
            monitor.onIncoming(incoming);
        });
        listener.start();

        OkHttpClient sender = new OkHttpClient();
        long[] samples = new long[measured];
        for (int i = 0; i < warmup + measured; i++) {
            String callId = "rtc_bench_" + i;
            done.put(callId, new CountDownLatch(1));
            byte[] body = ("{\"object\":\"event\",\"id\":\"evt_" + i + "\",\"type\":\"realtime.call.incoming\","
                    + "\"created_at\":1,\"data\":{\"call_id\":\"" + callId + "\",\"sip_headers\":["
                    + "{\"name\":\"From\",\"value\":\"\\\"Bench\\\" <sip:+15551230001@pstn.twilio.com>;tag=1\"},"
                    + "{\"name\":\"To\",\"value\":\"<sip:+15559870000@sip.api.openai.com>\"}]}}")
                    .getBytes(StandardCharsets.UTF_8);
            long ts = System.currentTimeMillis() / 1000;
            String msgId = "wh_bench_" + i;
            Request request = new Request.Builder().url(listener.url())
                    .header("webhook-id", msgId)
                    .header("webhook-timestamp", Long.toString(ts))
                    .header("webhook-signature", signature.sign(msgId, ts, body))
                    .post(RequestBody.create(body, MediaType.get("application/json"))).build();
            try (Response response = sender.newCall(request).execute()) {
                if (response.code() != 200) {
                    throw new IllegalStateException("webhook answered " + response.code());
                }
            }
            if (!done.get(callId).await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no accept for " + callId);
            }
            if (i >= warmup) {
                samples[i - warmup] = acceptSeen.get(callId) - arrived.get(callId);
            }
        }
        Arrays.sort(samples);
        System.out.printf("webhook received -> accept request at the peer, %d calls after %d warm-up:%n", measured, warmup);
        System.out.printf("  p50 %.3f ms   p90 %.3f ms   p99 %.3f ms   max %.3f ms%n",
                ms(samples, 0.50), ms(samples, 0.90), ms(samples, 0.99), samples[samples.length - 1] / 1e6);
        listener.stop();
        monitor.close();
        peer.shutdown();
        System.exit(0);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] / 1e6;
    }
}
