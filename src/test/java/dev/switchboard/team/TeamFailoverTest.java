package dev.switchboard.team;

import static dev.switchboard.team.TeamFixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.Call;
import dev.switchboard.sim.Scenario;
import dev.switchboard.sim.SimCall;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.Simulator;
import dev.switchboard.webhook.WebhookSecret;
import dev.switchboard.webhook.WebhookSignature;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Two hubs, each a child JVM running the real headless app ({@code --headless --hub …}) in live mode against the
 * simulator, behind "one webhook URL": the owner takes the call, a second delivery to the other hub is acknowledged
 * and ignored. The owner is SIGKILLed mid-call: the other hub owns the call within lease + 1 s, reattaches the
 * sideband socket (no second accept, no second greeting) and the rest of the conversation reaches the desk, once.
 */
class TeamFailoverTest {

    private static final long LEASE_MS = 2000;

    @TempDir
    Path dir;

    @Test
    void theOtherHubTakesOverWhenTheOwnerIsKilled() throws Exception {
        try (RedisServer redis = RedisServer.start(dir.resolve("redis"));
             Simulator sim = new Simulator(SimOptions.demo().withSpeed(3))) {
            sim.start();
            CompletableFuture<Hub> startingA = CompletableFuture.supplyAsync(() -> Hub.start("hub-a", redis, sim, dir));
            CompletableFuture<Hub> startingB = CompletableFuture.supplyAsync(() -> Hub.start("hub-b", redis, sim, dir));
            try (Hub a = startingA.get(60, TimeUnit.SECONDS); Hub b = startingB.get(60, TimeUnit.SECONDS);
                 TeamWatcher desk = TeamDesk.watch(redis.hubUrl(), "desk", null);
                 Jedis j = redis.client()) {
                sim.setWebhookTarget(URI.create(a.url));
                String id = sim.ring(Scenario.SUPPORT_CALL);
                // hub-a claims the call just after its 200; a copy delivered to the other hub after that is
                // acknowledged and ignored (one delivered before it would simply make hub-b the owner)
                await("hub-a holds the call's lease", 10_000, () -> j.get(TeamKeys.lease(id)) != null);
                assertEquals(200, redeliver(b.url, sim, id));
                await("the desk hears the agent", 30_000, () -> desk.calls().find(id)
                        .map(c -> !TeamFixtures.utterances(c).isEmpty()).orElse(false));
                assertTrue(j.get(TeamKeys.lease(id)).startsWith("hub-a#"), "hub-a owns the call");

                long killedAt = System.nanoTime();
                a.process.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye
                a.process.waitFor(10, TimeUnit.SECONDS);
                await("hub-b owns the call", LEASE_MS + 5_000, () -> {
                    String owner = j.get(TeamKeys.lease(id));
                    return owner != null && owner.startsWith("hub-b#");
                });
                long takeoverMs = (System.nanoTime() - killedAt) / 1_000_000;
                assertTrue(takeoverMs <= LEASE_MS + 1000, "took over after " + takeoverMs + " ms");

                Call seen = desk.calls().find(id).orElseThrow();
                int linesBefore = TeamFixtures.utterances(seen).size();
                await("the call ends", 90_000, () -> seen.state().isTerminal());
                List<String> lines = TeamFixtures.utterances(seen);
                assertTrue(lines.size() > linesBefore, "the rest of the conversation reached the desk: " + lines);
                assertEquals(lines.size(), new HashSet<>(lines).size(), "an utterance was written twice: " + lines);
                assertTrue(TeamFixtures.transcript(seen).contains("took over from hub-a#"), TeamFixtures.transcript(seen));

                SimCall simCall = sim.call(id).orElseThrow();
                assertEquals(1, sim.restLog().stream().filter(l -> l.contains("/" + id + "/accept")).count(),
                        "accepted once: " + sim.restLog());
                assertEquals(1, simCall.clientMessages().stream().filter(m -> m.contains("\"response.create\"")).count(),
                        "greeted once: " + simCall.clientMessages());
                assertTrue(simCall.socketConnections() >= 2, "the socket was reattached");
                System.out.println("failover: hub-b owned the call " + takeoverMs + " ms after the kill (lease "
                        + LEASE_MS + " ms); " + lines.size() + " utterances, none twice");
            }
        }
    }

    private static int redeliver(String url, Simulator sim, String callId) throws Exception {
        WebhookSignature signer = new WebhookSignature(WebhookSecret.parse(sim.webhookSecret()));
        byte[] body = ("{\"id\":\"evt_dup\",\"object\":\"event\",\"type\":\"realtime.call.incoming\",\"created_at\":"
                + System.currentTimeMillis() / 1000 + ",\"data\":{\"call_id\":\"" + callId + "\",\"sip_headers\":"
                + "[{\"name\":\"From\",\"value\":\"<sip:+15551230001@pstn.example>\"}]}}").getBytes(StandardCharsets.UTF_8);
        long now = System.currentTimeMillis() / 1000;
        OkHttpClient http = new OkHttpClient();
        Request request = new Request.Builder().url(url).header("webhook-id", "wh_dup")
                .header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", signer.sign("wh_dup", now, body))
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response response = http.newCall(request).execute()) {
            return response.code();
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** A hub in a child JVM: the runnable app's own main class and flags. */
    private static final class Hub implements AutoCloseable {
        final Process process;
        final String url;

        private Hub(Process process, String url) {
            this.process = process;
            this.url = url;
        }

        static Hub start(String name, RedisServer redis, Simulator sim, Path dir) {
            try {
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                // no start-up warm-up: two hubs warming up at once on two cores only slow the lease renewals down
                ProcessBuilder builder = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Dswitchboard.warmupCalls=0", "-cp", System.getProperty("java.class.path"), "dev.switchboard.app.Launcher",
                        "--headless", "--hub", redis.url(), "--lease-ms", Long.toString(LEASE_MS), "--desk", name,
                        "--port", "0", "--data-dir", dir.resolve(name).toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD);
                builder.environment().put("OPENAI_API_KEY", sim.apiKey());
                builder.environment().put("OPENAI_WEBHOOK_SECRET", sim.webhookSecret());
                builder.environment().put("OPENAI_BASE_URL", sim.baseUrl());
                Process process = builder.start();
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("switchboard: listening on ")) {
                        String url = line.substring("switchboard: listening on ".length()).trim();
                        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), name + "-stdout");
                        drain.setDaemon(true);
                        drain.start();
                        return new Hub(process, url);
                    }
                }
                throw new IllegalStateException(name + " exited before listening (code " + process.waitFor() + ")");
            } catch (Exception e) {
                throw new IllegalStateException(name + " did not start: " + e, e);
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

}
