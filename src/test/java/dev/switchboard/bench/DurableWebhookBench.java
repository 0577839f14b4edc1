package dev.switchboard.bench;

import dev.switchboard.store.HistoryStore;
import dev.switchboard.webhook.IncomingCallJournal;
import dev.switchboard.webhook.WebhookListener;
import dev.switchboard.webhook.WebhookSecret;
import dev.switchboard.webhook.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * What "durable before acknowledged" costs on the webhook path: signed webhooks posted one after another
 * (keep-alive) to the real listener, answered 200 with and without the store's journal (one SQLite transaction,
 * WAL, synchronous=NORMAL, on a temp directory); client-side round trip, p50/p99. Runs the two modes
 * alternately in rounds so a busy neighbour on a shared box hurts both alike.
 *
 * <p>Run: {@code bench/run.sh DurableWebhookBench [warmup] [measured]}
 */
public final class DurableWebhookBench {

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        Path dir = Files.createTempDirectory("switchboard-bench-");
        String secret = WebhookSecret.generate();
        WebhookSignature signature = new WebhookSignature(WebhookSecret.parse(secret));
        try (HistoryStore store = HistoryStore.openIn(dir)) {
            WebhookListener plain = new WebhookListener("127.0.0.1", 0, signature, Clock.systemUTC(),
                    IncomingCallJournal.NONE, call -> { });
            WebhookListener durable = new WebhookListener("127.0.0.1", 0, signature, Clock.systemUTC(),
                    (c, at) -> store.incomingCalls().record(c.callId(), c.sipHeaders(), at), call -> { });
            plain.start();
            durable.start();
            OkHttpClient sender = new OkHttpClient();
            long[] withJournal = new long[measured];
            long[] without = new long[measured];
            int n = 0;
            for (int i = 0; i < warmup; i++) {
                post(sender, plain, signature, "warm_p" + i);
                post(sender, durable, signature, "warm_d" + i);
            }
            for (int i = 0; i < measured; i++) {
                without[i] = post(sender, plain, signature, "p" + i);
                withJournal[i] = post(sender, durable, signature, "d" + i);
                n++;
            }
            Arrays.sort(withJournal);
            Arrays.sort(without);
            System.out.printf("webhook round trip (client side), %d each after %d warm-up, %d calls in the store:%n",
                    n, warmup, store.callCount());
            System.out.printf("  no journal : p50 %.3f ms  p99 %.3f ms%n", ms(without, 0.50), ms(without, 0.99));
            System.out.printf("  journal    : p50 %.3f ms  p99 %.3f ms%n", ms(withJournal, 0.50), ms(withJournal, 0.99));
            System.out.printf("  added      : p50 %.3f ms  p99 %.3f ms%n", ms(withJournal, 0.50) - ms(without, 0.50),
                    ms(withJournal, 0.99) - ms(without, 0.99));
            plain.stop();
            durable.stop();
        }
        System.exit(0);
    }

    private static long post(OkHttpClient sender, WebhookListener listener, WebhookSignature signature, String id)
            throws Exception {
        byte[] body = ("{\"object\":\"event\",\"id\":\"evt_" + id + "\",\"type\":\"realtime.call.incoming\","
                + "\"created_at\":1,\"data\":{\"call_id\":\"rtc_" + id + "\",\"sip_headers\":["
                + "{\"name\":\"From\",\"value\":\"\\\"Bench\\\" <sip:+15551230001@pstn.twilio.com>;tag=1\"},"
                + "{\"name\":\"To\",\"value\":\"<sip:+15559870000@sip.api.openai.com>\"}]}}")
                .getBytes(StandardCharsets.UTF_8);
        long ts = System.currentTimeMillis() / 1000;
        Request request = new Request.Builder().url(listener.url())
                .header("webhook-id", "wh_" + id)
                .header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", signature.sign("wh_" + id, ts, body))
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        long t0 = System.nanoTime();
        try (Response response = sender.newCall(request).execute()) {
            if (response.code() != 200) {
                throw new IllegalStateException("webhook answered " + response.code());
            }
        }
        return System.nanoTime() - t0;
    }

    static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] / 1e6;
    }
}
