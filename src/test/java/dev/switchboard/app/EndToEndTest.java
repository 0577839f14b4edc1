package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.TranscriptEntry;
import dev.switchboard.config.AppConfig;
import dev.switchboard.sim.Scenario;
import dev.switchboard.sim.SimCall;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.Simulator;
import dev.switchboard.history.CallSummary;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.history.ProfileRef;
import dev.switchboard.history.StoredCall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path: simulator → signed webhook → listener → auto-accept → sideband → transcript. */
class EndToEndTest {

    @TempDir
    Path workingDir;

    @Test
    void headlessDemoPrintsFullCallsOfBothSpeakers() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HeadlessMain.run(new String[] {"--headless", "--demo", "--port", "0", "--voice", "cedar",
                        "--data-dir", dataDir()}, Map.of(),
                workingDir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), 0);

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed + err);
        assertTrue(printed.contains("agent: Thank you for calling, how can I help?"), printed);
        assertTrue(printed.contains("caller: Hi, I think I was charged twice"), printed);
        assertTrue(printed.contains("keypad: 2"), printed);
        assertTrue(printed.contains("state: ended"), printed);
        assertTrue(printed.contains("demo finished"), printed);
        assertEquals(HeadlessMain.DEMO_SEQUENCE.size(), printed.lines().filter(l -> l.contains("state: active")).count());
        List<String> summaries = printed.lines().filter(l -> l.contains("] summary: ")).toList();
        assertEquals(HeadlessMain.DEMO_SEQUENCE.size(), summaries.size(), printed);
        for (String line : summaries) {
            assertTrue(line.matches("\\[rtc_\\w+] summary: turns=\\d+ greeting_ms=-?\\d+ turn_p50_ms=-?\\d+ turn_max_ms=-?\\d+"
                    + " interruptions=\\d+ cost_usd=\\d+\\.\\d{4}"), "priced gpt-realtime: " + line);
        }
        assertTrue(summaries.stream().anyMatch(l -> !l.contains("turns=0 ")), printed);
    }

    @Test
    void badConfigurationIsOneLineNotAStackTrace() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HeadlessMain.run(new String[] {"--headless", "--port", "http", "--data-dir", dataDir()},
                Map.of("OPENAI_API_KEY", "sk-live-abcdefghijklmnop"), workingDir,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), 0);
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("port"), message);
        assertFalse(message.contains("sk-live-abcdefghijklmnop"));
    }

    /**
     * Live mode, pointed by OPENAI_BASE_URL at a peer that speaks the protocol: the simulator, with webhooks
     * signed here by the Standard Webhooks reference library.
     */
    @Test
    void liveModeAgainstAProtocolPeerAcceptsGreetsAndTranscribes() throws Exception {
        try (Simulator peer = new Simulator(SimOptions.fast())) {
            peer.start();
            AppConfig config = AppConfig.load(new String[] {"--port", "0", "--greeting", "Hello from live mode.",
                            "--data-dir", dataDir()},
                    Map.of("OPENAI_API_KEY", peer.apiKey(), "OPENAI_WEBHOOK_SECRET", peer.webhookSecret(),
                            "OPENAI_BASE_URL", peer.baseUrl()), workingDir);
            try (SwitchboardRuntime runtime = SwitchboardRuntime.start(config, 0)) {
                assertFalse(runtime.isDemo());
                runtime.service().setAutoAccept(true, config.acceptSettings());
                peer.setWebhookTarget(java.net.URI.create(runtime.listenerUrl()));

                // a tampered webhook, signed by the reference library then altered, is refused
                Webhook reference = new Webhook(peer.webhookSecret());
                String body = "{\"object\":\"event\",\"id\":\"evt_1\",\"type\":\"realtime.call.incoming\",\"created_at\":1,"
                        + "\"data\":{\"call_id\":\"rtc_tampered\",\"sip_headers\":[]}}";
                long ts = System.currentTimeMillis() / 1000;
                String signature = reference.sign("wh_t1", ts, body);
                try (Response r = post(runtime.listenerUrl(), "wh_t1", ts, signature, body.replace("rtc_tampered", "rtc_evil"))) {
                    String answer = r.body().string();
                    assertEquals(400, r.code());
                    assertFalse(answer.contains(peer.apiKey()));
                    assertFalse(answer.contains(peer.webhookSecret()));
                }
                // the untampered one, signed by the reference library, is taken (and the peer does not know the call)
                try (Response r = post(runtime.listenerUrl(), "wh_t2", ts, reference.sign("wh_t2", ts, body), body)) {
                    assertEquals(200, r.code());
                    assertEquals("", r.body().string());
                }

                String callId = peer.ring(Scenario.SUPPORT_CALL);
                Call call = runtime.calls().whenAdded(callId).get(10, TimeUnit.SECONDS);
                CountDownLatch ended = new CountDownLatch(1);
                call.addListener((c, change) -> {
                    if (c.state() == CallState.ENDED) {
                        ended.countDown();
                    }
                });
                if (call.state() == CallState.ENDED) {
                    ended.countDown();
                }
                assertTrue(ended.await(30, TimeUnit.SECONDS), "call state " + call.state());

                SimCall seen = peer.call(callId).orElseThrow();
                assertTrue(seen.clientMessages().get(0).contains("Say to the user: Hello from live mode."));
                List<TranscriptEntry> lines = call.transcript().stream().filter(TranscriptEntry::isUtterance).toList();
                assertEquals("Hello from live mode.", lines.get(0).text());
                assertTrue(lines.stream().filter(l -> l.speaker() == Speaker.CALLER).count() >= 3);
                assertTrue(lines.stream().allMatch(l -> l.status() == TranscriptEntry.Status.DONE), lines.toString());
                assertTrue(call.totalUsage().totalTokens() > 0);
                assertEquals(1, runtime.service().webhooksRejected());
                assertEquals(3, runtime.service().webhooksReceived());
            }
        }
    }

    /** Tests never write into the real user data directory. */
    private String dataDir() {
        return workingDir.resolve("data").toString();
    }

    @Test
    void headlessDemoWritesHistory() {
        int exit = HeadlessMain.run(new String[] {"--headless", "--demo", "--port", "0", "--data-dir", dataDir()},
                Map.of(), workingDir, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), 0);
        assertEquals(0, exit);
        try (HistoryStore store = HistoryStore.openIn(workingDir.resolve("data"))) {
            List<CallSummary> calls = store.listCalls(null, null, 0);
            assertEquals(HeadlessMain.DEMO_SEQUENCE.size(), calls.size());
            assertTrue(calls.stream().allMatch(c -> c.state() == CallState.ENDED), calls.toString());
            assertTrue(calls.stream().allMatch(c -> c.profile() == null));
            StoredCall first = store.load(calls.get(calls.size() - 1).id()).orElseThrow();
            assertTrue(first.transcript().stream().anyMatch(e -> e.text().contains("charged twice")), first.transcript().toString());
            assertFalse(first.events().isEmpty());
            assertEquals("marin", first.settings().voice());
            assertFalse(store.search("charged", 5).isEmpty());
        }
    }

    @Test
    void headlessAcceptsWithASavedProfileAndRecordsItsVersion() {
        try (HistoryStore store = HistoryStore.openIn(workingDir.resolve("data"))) {
            store.profiles().create("Support EN", AcceptSettings.defaults());
            store.profiles().save("Support EN", AcceptSettings.defaults().withVoice("sage")
                    .withGreeting("Welcome to the profile line."));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HeadlessMain.run(new String[] {"--headless", "--demo", "--port", "0", "--profile", "support en",
                        "--data-dir", dataDir()}, Map.of(), workingDir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), 0);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed + err);
        assertTrue(printed.contains("accepting with profile Support EN v2"), printed);
        assertTrue(printed.contains("agent: Welcome to the profile line."), printed);
        try (HistoryStore store = HistoryStore.openIn(workingDir.resolve("data"))) {
            List<CallSummary> calls = store.listCalls(null, null, 0);
            assertEquals(HeadlessMain.DEMO_SEQUENCE.size(), calls.size());
            for (CallSummary c : calls) {
                assertEquals(new ProfileRef("Support EN", 2), c.profile(), c.toString());
                assertEquals("sage", store.load(c.id()).orElseThrow().settings().voice());
            }
        }
    }

    @Test
    void anUnknownProfileIsOneLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HeadlessMain.run(new String[] {"--headless", "--demo", "--port", "0", "--profile", "Nope",
                        "--data-dir", dataDir()}, Map.of(), workingDir, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), 0);
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("no profile named 'Nope'"), message);
    }

    private static Response post(String url, String id, long ts, String signature, String body) throws Exception {
        Request request = new Request.Builder().url(url)
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", signature)
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        return new OkHttpClient().newCall(request).execute();
    }
}
