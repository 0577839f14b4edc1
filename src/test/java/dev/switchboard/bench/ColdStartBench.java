package dev.switchboard.bench;

import dev.switchboard.webhook.WebhookSecret;
import dev.switchboard.webhook.WebhookSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * First call after a cold start, Switchboard against the tutorial's Node server, side by side in one run. Each run
 * starts a fresh process of each (alternating which goes first), waits until its port answers, leaves it idle for a
 * second, then sends signed {@code realtime.call.incoming} webhooks one at a time and measures webhook sent →
 * accept request at the loopback peer (one MockWebServer for both; it upgrades Switchboard's sideband socket and
 * closes it at once, so every call ends).
 *
 * <p>Run: {@code bench/cold-start.sh [runs] [calls] [name=JVM options…]} (defaults 10 and 30; needs
 * {@code target/switchboard.jar} and {@code bench/node/node_modules}, the script sees to both). Switchboard runs
 * through {@code packaging/switchboard}, so with the launcher's JVM options and class-data archive; each
 * {@code name=options} argument adds a Switchboard variant measured in the same run (e.g.
 * {@code "no-warmup=-Dswitchboard.warmupCalls=0"}), to tell what each measure pays, and {@code name=node:script.js}
 * another Node server (e.g. {@code "floor=node:bench/node/floor.js"}: the least a server can do, the benchmark's own
 * floor). {@code -Dbench.idleMs} (on the
 * bench's JVM, {@code BENCH_JAVA_OPTS}) changes the idle second, e.g. to see a fully warmed process.
 */
public final class ColdStartBench {

    private static final Map<String, CompletableFuture<Long>> accepts = new ConcurrentHashMap<>();
    private static final OkHttpClient sender = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

    /** A variant "name=node:script.js" runs that Node server instead of Switchboard (e.g. bench/node/floor.js). */
    private static final String NODE = "node:";
    private static final String TUTORIAL = "bench/node/server.js";

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        // each further argument is a Switchboard variant, "name=JVM options", all measured in the same run
        List<String[]> variants = new ArrayList<>();
        for (String arg : args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.<String>of()) {
            int eq = arg.indexOf('=');
            variants.add(eq < 0 ? new String[] {arg, arg} : new String[] {arg.substring(0, eq), arg.substring(eq + 1)});
        }
        if (variants.isEmpty()) {
            variants.add(new String[] {"Switchboard", ""});
        }
        Path root = Path.of("").toAbsolutePath();
        String secret = WebhookSecret.generate();
        WebhookSignature signature = new WebhookSignature(WebhookSecret.parse(secret));
        MockWebServer peer = startPeer();

        warmTheBench(peer, signature);
        int sides = variants.size() + 1; // the tutorial is side 0
        List<List<Long>> first = new ArrayList<>();
        List<List<Long>> later = new ArrayList<>();
        for (int i = 0; i < sides; i++) {
            first.add(new ArrayList<>());
            later.add(new ArrayList<>());
        }
        System.out.printf("cold start, webhook sent -> accept at the peer: %d runs x %d calls, %s%n", runs, calls,
                System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        for (int run = 1; run <= runs; run++) {
            for (int k = 0; k < sides; k++) {
                int side = (k + run) % sides; // a different one goes first in each run
                String name = side == 0 ? "tutorial" : variants.get(side - 1)[0];
                String options = side == 0 ? NODE + TUTORIAL : variants.get(side - 1)[1].trim();
                boolean node = options.startsWith(NODE); // another Node server beside the tutorial's
                List<String> command = node ? nodeCommand(root, options.substring(NODE.length()))
                        : javaCommand(root, peer, List.of(options.split("\\s+")));
                List<Long> latencies = runOnce(command, secret, peer, signature, node ? "/" : "/webhook",
                        calls, run);
                first.get(side).add(latencies.get(0));
                later.get(side).addAll(latencies.subList(1, latencies.size()));
                System.out.printf("  run %2d %-14s first %7.1f ms, calls 2-%d p50 %5.2f ms%n", run, name,
                        ms(latencies.get(0)), calls, ms(percentile(latencies.subList(1, latencies.size()), 50)));
            }
        }
        System.out.println();
        System.out.println("| | first call, median | first call, max | calls 2-" + calls
                + " p50 | p90 | ratio first (median) | ratio calls 2-" + calls + " p50 |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int side = 0; side < sides; side++) {
            String name = side == 0 ? "tutorial (Node)" : variants.get(side - 1)[0]
                    + (variants.get(side - 1)[1].isBlank() ? "" : " `" + variants.get(side - 1)[1].trim() + "`");
            System.out.printf("| %s | %.1f ms | %.1f ms | %.2f ms | %.2f ms | %.2f | %.2f |%n", name,
                    ms(percentile(first.get(side), 50)), ms(percentile(first.get(side), 100)),
                    ms(percentile(later.get(side), 50)), ms(percentile(later.get(side), 90)),
                    (double) percentile(first.get(side), 50) / percentile(first.get(0), 50),
                    (double) percentile(later.get(side), 50) / percentile(later.get(0), 50));
        }
        peer.shutdown();
        System.exit(0);
    }

    /** The peer: records when each accept arrives; answers the sideband upgrade and closes it as a call's end. */
    static MockWebServer startPeer() throws IOException {
        MockWebServer peer = new MockWebServer();
        peer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                long now = System.nanoTime();
                String path = request.getPath();
                if (path.startsWith("/v1/realtime/calls/") && path.endsWith("/accept")) {
                    String callId = path.substring("/v1/realtime/calls/".length(), path.length() - "/accept".length());
                    accepts.computeIfAbsent(callId, id -> new CompletableFuture<>()).complete(now);
                    return new MockResponse().setResponseCode(200);
                }
                if (path.startsWith("/v1/realtime?call_id=")) {
                    return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
                        @Override
                        public void onOpen(WebSocket ws, Response response) {
                            ws.close(1000, "call ended");
                        }
                    });
                }
                if (path.startsWith("/v1/models")) {
                    return new MockResponse().setResponseCode(200).setBody("{\"object\":\"list\",\"data\":[]}");
                }
                return new MockResponse().setResponseCode(200);
            }
        });
        peer.start(InetAddress.getLoopbackAddress(), 0);
        return peer;
    }

    /** The bench's own sender and peer are warm before the first measured call, so only the server under test is cold. */
    private static void warmTheBench(MockWebServer peer, WebhookSignature signature) {
        String url = "http://127.0.0.1:" + peer.getPort() + "/v1/realtime/calls/warm_%d/accept";
        for (int i = 0; i < 2000; i++) {
            byte[] body = webhookBody("warm_" + i);
            long ts = System.currentTimeMillis() / 1000;
            Request request = new Request.Builder().url(String.format(url, i))
                    .header("webhook-id", "wh_warm_" + i)
                    .header("webhook-timestamp", Long.toString(ts))
                    .header("webhook-signature", signature.sign("wh_warm_" + i, ts, body))
                    .post(RequestBody.create(body, MediaType.get("application/json"))).build();
            try (Response response = sender.newCall(request).execute()) {
                response.body().string();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        accepts.clear();
    }

    static List<String> javaCommand(Path root, MockWebServer peer, List<String> javaOptions) {
        List<String> command = new ArrayList<>(List.of("sh", root.resolve("packaging/switchboard").toString(),
                "--headless", "--base-url", "http://127.0.0.1:" + peer.getPort() + "/v1"));
        command.add("JAVA_OPTS=" + String.join(" ", javaOptions).trim()); // marker, moved into the environment below
        return command;
    }

    private static List<String> nodeCommand(Path root, String script) {
        return new ArrayList<>(List.of("node", root.resolve(script).toString()));
    }

    private static List<Long> runOnce(List<String> template, String secret, MockWebServer peer,
                                      WebhookSignature signature, String path, int calls, int run) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(template);
        String javaOpts = null;
        if (command.get(command.size() - 1).startsWith("JAVA_OPTS=")) {
            javaOpts = command.remove(command.size() - 1).substring("JAVA_OPTS=".length());
            Path dataDir = Files.createTempDirectory("switchboard-cold-");
            command.addAll(List.of("--port", Integer.toString(port), "--data-dir", dataDir.toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(System.getProperty("bench.childErr") == null ? ProcessBuilder.Redirect.DISCARD
                        : ProcessBuilder.Redirect.appendTo(new java.io.File(System.getProperty("bench.childErr"))));
        Map<String, String> env = builder.environment();
        env.put("OPENAI_API_KEY", "sk-bench-0123456789abcdef");
        env.put("OPENAI_WEBHOOK_SECRET", secret);
        env.put("OPENAI_BASE_URL", "http://127.0.0.1:" + peer.getPort() + "/v1");
        env.put("PORT", Integer.toString(port));
        if (javaOpts != null) {
            env.put("JAVA_OPTS", javaOpts);
        }
        Process child = builder.start();
        try {
            awaitPort(port, child);
            Thread.sleep(Long.getLong("bench.idleMs", 1000)); // both idle for a second after start, as a real app waits for its first call
            List<Long> latencies = new ArrayList<>();
            String url = "http://127.0.0.1:" + port + path;
            for (int i = 0; i < calls; i++) {
                String callId = "rtc_cold" + run + "_" + port + "_" + i; // unique to this process
                latencies.add(call(url, signature, callId));
                Thread.sleep(50);
            }
            if (Boolean.getBoolean("bench.verbose")) {
                System.out.println("    " + latencies.stream().map(n -> String.format("%.1f", ms(n))).toList());
            }
            return latencies;
        } finally {
            child.destroy();
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    /** Sends one signed webhook and waits for its accept at the peer; nanoseconds from sending to the accept. */
    private static long call(String url, WebhookSignature signature, String callId) throws Exception {
        CompletableFuture<Long> accepted = accepts.computeIfAbsent(callId, id -> new CompletableFuture<>());
        byte[] body = webhookBody(callId);
        long ts = System.currentTimeMillis() / 1000;
        Request request = new Request.Builder().url(url)
                .header("webhook-id", "wh_" + callId)
                .header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", signature.sign("wh_" + callId, ts, body))
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        long sent = System.nanoTime();
        try (Response response = sender.newCall(request).execute()) {
            if (response.code() != 200) {
                throw new IllegalStateException("webhook " + callId + " answered " + response.code());
            }
        }
        return accepted.get(30, TimeUnit.SECONDS) - sent;
    }

    static byte[] webhookBody(String callId) {
        return ("{\"object\":\"event\",\"id\":\"evt_" + callId + "\",\"type\":\"realtime.call.incoming\","
                + "\"created_at\":" + System.currentTimeMillis() / 1000 + ",\"data\":{\"call_id\":\"" + callId
                + "\",\"sip_headers\":[{\"name\":\"From\",\"value\":\"\\\"Bench\\\" <sip:+15551230001@pstn.twilio.com>;tag=1\"},"
                + "{\"name\":\"To\",\"value\":\"<sip:+15559870000@sip.api.openai.com>\"}]}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void awaitPort(int port, Process child) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            if (!child.isAlive()) {
                throw new IllegalStateException("the server exited with " + child.exitValue() + " before listening");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("the server did not listen on " + port + " within 60 s");
    }

    static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
