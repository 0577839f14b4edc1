package dev.switchboard.bench;

import dev.switchboard.webhook.WebhookSecret;
import dev.switchboard.webhook.WebhookSignature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Resident memory of {@code switchboard --headless} over many calls. The real app runs in a child JVM (with the
 * JVM options under test) against a loopback OpenAI peer (MockWebServer): each call is a signed webhook, an
 * auto-accept, a sideband socket carrying an agent line, a caller line and a response.done with usage, then a
 * normal close. The child's RSS is read from /proc at each quarter and at the end.
 *
 * <p>Run: {@code bench/run.sh HeadlessMemoryBench [calls] [jvm options…]}; without options it uses the desktop
 * set from jpackage.cfg (and the launcher's two malloc arenas). {@code -Dswitchboard.endedRetention=10} keeps ended calls 10 s in the registry (2 min by
 * default), so the run shows whether memory stays bounded.
 */
public final class HeadlessMemoryBench {

    static final List<String> DESKTOP_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmx256m",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:ReservedCodeCacheSize=64m",
            "-XX:+UnlockExperimentalVMOptions", "-XX:+IgnoreUnrecognizedVMOptions", "-XX:TrimNativeHeapInterval=5000");

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<String> jvm = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : DESKTOP_OPTIONS;
        String secret = WebhookSecret.generate();
        WebhookSignature signature = new WebhookSignature(WebhookSecret.parse(secret));

        MockWebServer peer = new MockWebServer();
        peer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getPath().startsWith("/v1/realtime?call_id=")) {
                    return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
                        @Override
                        public void onOpen(WebSocket ws, Response response) {
                            ws.send("{\"type\":\"response.output_audio_transcript.done\",\"event_id\":\"e1\","
                                    + "\"response_id\":\"resp_1\",\"item_id\":\"item_a\",\"output_index\":0,"
                                    + "\"content_index\":0,\"transcript\":\"Thank you for calling, how can I help?\"}");
                            ws.send("{\"type\":\"conversation.item.input_audio_transcription.completed\","
                                    + "\"event_id\":\"e2\",\"item_id\":\"item_u\",\"content_index\":0,"
                                    + "\"transcript\":\"I would like to check my order please.\"}");
                            ws.send("{\"type\":\"response.done\",\"event_id\":\"e3\",\"response\":{\"id\":\"resp_1\","
                                    + "\"status\":\"completed\",\"usage\":{\"total_tokens\":120,\"input_tokens\":80,"
                                    + "\"output_tokens\":40}}}");
                            ws.close(1000, "call ended");
                        }
                    });
                }
                return new MockResponse().setResponseCode(200);
            }
        });
        peer.start();

        Path dataDir = Files.createTempDirectory("switchboard-rss-");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.add("-Dswitchboard.endedRetention=" + Long.getLong("switchboard.endedRetention", 10));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.switchboard.app.Launcher",
                "--headless", "--data-dir", dataDir.toString(), "--port", Integer.toString(port),
                "--base-url", peer.url("/v1").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OPENAI_API_KEY", "sk-bench-0123456789abcdef");
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2"); // as packaging/switchboard sets it
        builder.environment().put("OPENAI_WEBHOOK_SECRET", secret);
        Process child = builder.start();

        AtomicInteger ended = new AtomicInteger();
        Semaphore inFlight = new Semaphore(40);
        Object started = new Object();
        boolean[] listening = {false};
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("switchboard: listening on")) {
                        synchronized (started) {
                            listening[0] = true;
                            started.notifyAll();
                        }
                    } else if (line.contains("] state: ended") || line.contains("] state: failed")
                            || line.contains("] state: missed")) {
                        ended.incrementAndGet();
                        inFlight.release();
                    }
                }
            } catch (IOException e) {
                // the child is gone
            }
        }, "bench-child-stdout");
        reader.setDaemon(true);
        reader.start();
        synchronized (started) {
            long until = System.currentTimeMillis() + 60_000;
            while (!listening[0] && System.currentTimeMillis() < until) {
                started.wait(1000);
            }
        }
        if (!listening[0]) {
            child.destroyForcibly();
            throw new IllegalStateException("the headless app did not start");
        }
        System.out.printf("headless RSS with %s%n  start: %d MB%n", String.join(" ", jvm), rssMb(child.pid()));

        OkHttpClient sender = new OkHttpClient();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        String url = "http://127.0.0.1:" + port + "/webhook";
        long t0 = System.nanoTime();
        long peak = 0;
        for (int i = 0; i < calls; i++) {
            inFlight.acquire(); // at most 40 calls live at once: a steady stream, not a flood
            int n = i;
            senders.execute(() -> post(sender, url, signature, n));
            if ((i + 1) % (calls / 4) == 0) {
                long rss = rssMb(child.pid());
                peak = Math.max(peak, rss);
                System.out.printf("  after %d calls sent (%d ended): %d MB%n", i + 1, ended.get(), rss);
            }
            if (i % 200 == 0) {
                peak = Math.max(peak, rssMb(child.pid()));
            }
        }
        long until = System.currentTimeMillis() + 120_000;
        while (ended.get() < calls && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(Long.getLong("switchboard.endedRetention", 10) * 1000 + 3000); // ended calls leave the registry
        long end = rssMb(child.pid());
        System.out.printf("  %d of %d calls ended in %.0f s; RSS peak %d MB, after the retention %d MB%n",
                ended.get(), calls, seconds, Math.max(peak, end), end);
        if (Boolean.getBoolean("bench.hold")) {
            System.out.println("  child pid " + child.pid() + " held 60 s for jcmd");
            Thread.sleep(60_000);
        }
        senders.shutdownNow();
        child.destroy();
        child.waitFor(20, TimeUnit.SECONDS);
        peer.shutdown();
        System.exit(0);
    }

    private static void post(OkHttpClient sender, String url, WebhookSignature signature, int i) {
        String id = "rss_" + i;
        byte[] body = ("{\"object\":\"event\",\"id\":\"evt_" + id + "\",\"type\":\"realtime.call.incoming\","
                + "\"created_at\":1,\"data\":{\"call_id\":\"rtc_" + id + "\",\"sip_headers\":["
                + "{\"name\":\"From\",\"value\":\"\\\"Bench\\\" <sip:+15551230001@pstn.twilio.com>;tag=1\"},"
                + "{\"name\":\"To\",\"value\":\"<sip:+15559870000@sip.api.openai.com>\"}]}}")
                .getBytes(StandardCharsets.UTF_8);
        long ts = System.currentTimeMillis() / 1000;
        Request request = new Request.Builder().url(url)
                .header("webhook-id", "wh_" + id)
                .header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", signature.sign("wh_" + id, ts, body))
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response response = sender.newCall(request).execute()) {
            if (response.code() != 200) {
                System.err.println("webhook " + id + " answered " + response.code());
            }
        } catch (IOException e) {
            System.err.println("webhook " + id + " failed: " + e);
        }
    }

    /** VmRSS of a process, from /proc (Linux). */
    static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
