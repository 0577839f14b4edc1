package dev.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.CallState;
import dev.switchboard.webhook.SlowClients;
import dev.switchboard.webhook.WebhookSecret;
import dev.switchboard.webhook.WebhookSignature;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of 50 signed webhooks against the app's webhook path in a child JVM, SIGKILLed at a random moment, many
 * times over on the same data directory: every call that got its 200 must be in the store afterwards, the database
 * must pass {@code PRAGMA integrity_check}, and the next start must open the same directory.
 *
 * <p>{@code -Dswitchboard.crashRuns=N} sets the number of runs (default 12, which keeps {@code mvn verify} short;
 * {@code bench/crash-runs.sh} runs 25).
 */
class WebhookCrashTest {

    private static final int BURST = 50;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedCallSurvivesAKill() throws Exception {
        int runs = Integer.getInteger("switchboard.crashRuns", 12);
        String secret = WebhookSecret.generate();
        WebhookSignature signer = new WebhookSignature(WebhookSecret.parse(secret));
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        List<String> summary = new ArrayList<>();
        int totalAcked = 0;
        for (int run = 1; run <= runs; run++) {
            Set<String> acked = ConcurrentHashMap.newKeySet();
            String how = burstAndKill(run, secret, signer, random, acked);
            totalAcked += acked.size();
            try (HistoryStore store = HistoryStore.openIn(dataDir)) {
                assertEquals("ok", integrity(store), "integrity after run " + run);
                for (String id : acked) {
                    assertTrue(store.load(id).isPresent(), "run " + run + " (seed " + seed + ", " + how
                            + "): acknowledged call " + id + " is missing");
                }
            }
            summary.add(run + ": " + acked.size() + "/" + BURST + " acknowledged, " + how);
            assertTrue(acked.size() > 0, "run " + run + " tested nothing: " + how);
        }
        // the next start closes what the kills left open, on the same directory
        try (HistoryStore store = HistoryStore.openIn(dataDir)) {
            store.closeUnfinished("outcome unknown: Switchboard stopped before the call ended");
            assertEquals("ok", integrity(store));
            assertEquals(0, store.listCalls(null, null, 100_000).stream()
                    .filter(c -> c.state() == CallState.RINGING || c.state() == CallState.ACCEPTING
                            || c.state() == CallState.ACTIVE).count());
        }
        System.out.println("crash runs (seed " + seed + "): " + runs + " runs, " + totalAcked
                + " acknowledged calls, all in the store, integrity ok\n  " + String.join("\n  ", summary));
    }

    /** Starts the child, fires the burst, kills it after a random number of 200s or a random time. */
    private String burstAndKill(int run, String secret, WebhookSignature signer, Random random, Set<String> acked)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), WebhookCrashChild.class.getName(),
                dataDir.toString(), secret)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("PORT "), "child did not start: " + line);
            int port = Integer.parseInt(line.substring(5).trim());

            boolean byCount = random.nextBoolean();
            int killAfterAcks = 1 + random.nextInt(BURST - 1);
            long killAfterMs = random.nextInt(150);
            AtomicInteger acks = new AtomicInteger();
            java.util.concurrent.CountDownLatch firstAck = new java.util.concurrent.CountDownLatch(1);
            long start = System.nanoTime();
            for (int i = 0; i < BURST; i++) {
                String webhookId = "r" + run + "_" + i;
                senders.execute(() -> {
                    try {
                        long now = System.currentTimeMillis() / 1000;
                        if (SlowClients.postSigned(port, signer, now, webhookId, "127.0.0.1") == 200) {
                            acked.add("rtc_" + webhookId);
                            firstAck.countDown();
                            if (byCount && acks.incrementAndGet() == killAfterAcks) {
                                child.destroyForcibly(); // SIGKILL: no shutdown hooks, no final commit
                            }
                        }
                    } catch (Exception e) {
                        // the child died under this request: it never got its 200
                    }
                });
            }
            if (!byCount) {
                // from the first 200 on, so the kill lands inside the burst rather than during the warm-up
                assertTrue(firstAck.await(30, TimeUnit.SECONDS), "no webhook was ever answered");
                Thread.sleep(killAfterMs);
                child.destroyForcibly();
            }
            senders.shutdown();
            assertTrue(senders.awaitTermination(60, TimeUnit.SECONDS));
            if (child.isAlive()) {
                child.destroyForcibly(); // the burst finished before the planned moment
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            long ms = (System.nanoTime() - start) / 1_000_000;
            return byCount ? "killed at the " + killAfterAcks + "th 200"
                    : "killed " + killAfterMs + " ms after the first 200 (" + ms + " ms in all)";
        } finally {
            senders.shutdownNow();
            child.destroyForcibly();
        }
    }

    private static String integrity(HistoryStore store) throws Exception {
        try (Connection c = HistoryStore.connect(store.file()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
