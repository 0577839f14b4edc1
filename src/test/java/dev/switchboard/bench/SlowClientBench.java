package dev.switchboard.bench;

import dev.switchboard.webhook.IncomingCallJournal;
import dev.switchboard.webhook.SlowClients;
import dev.switchboard.webhook.WebhookListener;
import dev.switchboard.webhook.WebhookSecret;
import dev.switchboard.webhook.WebhookSignature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * 200 slow clients (headers trickled one byte every 500 ms, each from its own loopback address) hold connections
 * while signed webhooks arrive: the webhooks' round trip p50/p99, and how long each slow connection was kept before
 * the listener cut it off (its deadline is 5 s).
 *
 * <p>Run: {@code bench/run.sh SlowClientBench [slowClients] [webhooks]}
 */
public final class SlowClientBench {

    public static void main(String[] args) throws Exception {
        int slow = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int webhooks = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        WebhookSignature signature = new WebhookSignature(WebhookSecret.parse(WebhookSecret.generate()));
        WebhookListener listener = new WebhookListener("127.0.0.1", 0, signature, Clock.systemUTC(),
                IncomingCallJournal.NONE, call -> { });
        listener.start();
        ExecutorService trickling = Executors.newFixedThreadPool(slow);
        List<Future<long[]>> slowOnes = new ArrayList<>();
        for (int i = 0; i < slow; i++) {
            String from = "127.0." + (2 + i / 250) + "." + (1 + i % 250);
            slowOnes.add(trickling.submit(() -> {
                long t0 = System.nanoTime();
                String answer = SlowClients.trickleHeaders(listener.port(), from, 500, 400);
                return new long[] {(System.nanoTime() - t0) / 1_000_000, answer.startsWith("HTTP/1.1 408") ? 1 : 0};
            }));
        }
        Thread.sleep(500); // the slow ones are all connected and trickling
        long[] rtt = new long[webhooks];
        for (int i = 0; i < webhooks; i++) {
            long now = System.currentTimeMillis() / 1000;
            long t0 = System.nanoTime();
            int status = SlowClients.postSigned(listener.port(), signature, now, "wh_slowbench_" + i, "127.0.0.1");
            rtt[i] = System.nanoTime() - t0;
            if (status != 200) {
                throw new IllegalStateException("webhook " + i + " answered " + status);
            }
            Thread.sleep(10);
        }
        long[] held = new long[slow];
        int answered408 = 0;
        for (int i = 0; i < slow; i++) {
            long[] r = slowOnes.get(i).get(60, TimeUnit.SECONDS);
            held[i] = r[0];
            answered408 += (int) r[1];
        }
        trickling.shutdownNow();
        Arrays.sort(rtt);
        Arrays.sort(held);
        System.out.printf("%d signed webhooks beside %d slow clients (deadline %d ms):%n", webhooks, slow,
                listener.limits().requestDeadline().toMillis());
        System.out.printf("  webhook round trip: p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                DurableWebhookBench.ms(rtt, 0.5), DurableWebhookBench.ms(rtt, 0.99), rtt[rtt.length - 1] / 1e6);
        System.out.printf("  slow connections: %d answered 408 and closed; held %d..%d ms (median %d ms); "
                + "listener counted %d cut off%n", answered408, held[0], held[held.length - 1], held[held.length / 2],
                listener.closedForSlowness());
        listener.stop();
        System.exit(0);
    }
}
