package dev.switchboard.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallChange;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.SipHeader;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.TranscriptEntry;
import dev.switchboard.openai.CallsClient;
import dev.switchboard.openai.OpenAiEndpoints;
import dev.switchboard.openai.OpenAiHttp;
import dev.switchboard.openai.RetryPolicy;
import dev.switchboard.openai.SessionJson;
import dev.switchboard.webhook.IncomingCall;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The monitor against a scripted peer: accept, greeting, events into the model, reconnect. */
class CallMonitorTest {

    private static final String KEY = "sk-monitor-test-key-123456";
    private MockWebServer server;
    private CallMonitor monitor;
    private final CallRegistry registry = new CallRegistry();
    private final BlockingQueue<String> clientFrames = new LinkedBlockingQueue<>();
    private final AtomicInteger socketConnections = new AtomicInteger();
    private volatile Script script = (ws, n) -> { };
    private volatile MockResponse acceptResponse = new MockResponse().setResponseCode(200);
    /** Answers for the next accepts, in order, before {@link #acceptResponse} applies again. */
    private final java.util.Queue<MockResponse> acceptResponses = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** When each socket handshake reached the peer (System.nanoTime). */
    private final List<Long> handshakeNanos = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Socket handshakes answered with this status before the peer lets one through. */
    private final AtomicInteger refusedHandshakes = new AtomicInteger();
    private volatile int refusedStatus = 404;

    /** What the peer does when socket connection number {@code n} (1-based) opens. */
    interface Script {
        void play(WebSocket ws, int n);
    }

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                if (path.startsWith("/v1/realtime?call_id=")) {
                    handshakeNanos.add(System.nanoTime());
                    if (!("Bearer " + KEY).equals(request.getHeader("Authorization"))) {
                        return new MockResponse().setResponseCode(401);
                    }
                    if (refusedHandshakes.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        return new MockResponse().setResponseCode(refusedStatus);
                    }
                    return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
                        @Override
                        public void onOpen(WebSocket ws, Response response) {
                            script.play(ws, socketConnections.incrementAndGet());
                        }

                        @Override
                        public void onMessage(WebSocket ws, String text) {
                            clientFrames.add(text);
                        }

                        @Override
                        public void onClosing(WebSocket ws, int code, String reason) {
                            ws.close(1000, null);
                        }
                    });
                }
                if (path.endsWith("/accept")) {
                    MockResponse next = acceptResponses.poll();
                    return next != null ? next : acceptResponse;
                }
                return new MockResponse().setResponseCode(200);
            }
        });
        server.start();
        CallsClient client = new CallsClient(OpenAiHttp.newClient(), new OpenAiEndpoints(server.url("/v1").toString()),
                KEY, new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40)));
        monitor = new CallMonitor(registry, client, OpenAiHttp.newClient(), KEY, Clock.systemUTC(),
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40)), Duration.ofSeconds(60));
    }

    @AfterEach
    void stop() throws Exception {
        monitor.close();
        server.shutdown();
    }

    private Call ring(String id) {
        monitor.onIncoming(new IncomingCall("wh_" + id, "evt_" + id, id, List.of(
                new SipHeader("From", "\"Dana\" <sip:+15551230001@pstn.twilio.com>;tag=1"),
                new SipHeader("To", "<sip:+15559870000@sip.api.openai.com>")), System.nanoTime()));
        return registry.find(id).orElseThrow();
    }

    private static CountDownLatch when(Call call, Predicate<Call> condition) {
        CountDownLatch latch = new CountDownLatch(1);
        call.addListener((c, change) -> {
            if (condition.test(c)) {
                latch.countDown();
            }
        });
        if (condition.test(call)) {
            latch.countDown();
        }
        return latch;
    }

    private static String event(String id, String type, String fields) {
        return "{\"type\":\"" + type + "\",\"event_id\":\"" + id + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    private static String agentDelta(String id, String item, String delta) {
        return event(id, "response.output_audio_transcript.delta",
                "\"response_id\":\"resp_1\",\"item_id\":\"" + item + "\",\"output_index\":0,\"content_index\":0,\"delta\":\"" + delta + "\"");
    }

    @Test
    void acceptOpensTheSocketGreetsAndPlacesLateCallerTextByItem() throws Exception {
        script = (ws, n) -> {
            ws.send(event("e1", "session.created", "\"session\":{\"type\":\"realtime\"}"));
            ws.send(event("e2", "input_audio_buffer.speech_started", "\"audio_start_ms\":100,\"item_id\":\"item_u1\""));
            ws.send(event("e3", "input_audio_buffer.speech_stopped", "\"item_id\":\"item_u1\""));
            ws.send(event("e4", "response.created", "\"response\":{\"id\":\"resp_1\"}"));
            ws.send(agentDelta("e5", "item_a1", "Sure, "));
            ws.send(agentDelta("e6", "item_a1", "I can help."));
            // the caller's words finish transcribing after the agent already answered
            ws.send(event("e7", "conversation.item.input_audio_transcription.completed",
                    "\"item_id\":\"item_u1\",\"content_index\":0,\"transcript\":\"I have a billing question.\""));
            ws.send(event("e8", "input_audio_buffer.dtmf_event_received", "\"event\":\"5\",\"received_at\":1"));
            ws.send(event("e9", "response.done", "\"response\":{\"id\":\"resp_1\",\"status\":\"completed\",\"usage\":{\"total_tokens\":30,\"input_tokens\":20,\"output_tokens\":10}}"));
            ws.send(event("e10", "brand.new_event", "\"x\":1"));
            ws.close(1000, "call ended");
        };
        Call call = ring("rtc_a");
        CountDownLatch ended = when(call, c -> c.state() == CallState.ENDED);

        monitor.accept(call, AcceptSettings.defaults().withGreeting("Hello from the test.")).join();

        assertTrue(ended.await(10, TimeUnit.SECONDS), "call should end when the peer closes");
        JsonNode greeting = SessionJson.MAPPER.readTree(clientFrames.poll(5, TimeUnit.SECONDS));
        assertEquals("response.create", greeting.path("type").asText());
        assertEquals("Say to the user: Hello from the test.", greeting.at("/response/instructions").asText());

        List<TranscriptEntry> utterances = call.transcript().stream().filter(TranscriptEntry::isUtterance).toList();
        assertEquals(2, utterances.size());
        assertEquals(Speaker.CALLER, utterances.get(0).speaker());
        assertEquals("I have a billing question.", utterances.get(0).text());
        assertEquals(Speaker.AGENT, utterances.get(1).speaker());
        assertEquals("Sure, I can help.", utterances.get(1).text());
        assertEquals(List.of("5"), call.dtmfKeys());
        assertEquals(30, call.totalUsage().totalTokens());
        assertTrue(call.events().stream().anyMatch(e -> e.type().equals("brand.new_event")), "unknown events are kept");
        assertTrue(call.timeline().keySet().containsAll(List.of(Milestone.ACCEPT_SENT, Milestone.ACCEPT_ANSWERED,
                Milestone.SOCKET_OPEN, Milestone.FIRST_AGENT_WORD, Milestone.FIRST_CALLER_WORD, Milestone.ENDED)));
        assertEquals(1, socketConnections.get(), "a normal close means the call ended: no reconnect");
    }

    @Test
    void reconnectsAfterADropWithoutDuplicatingText() throws Exception {
        script = (ws, n) -> {
            if (n == 1) {
                ws.send(agentDelta("e1", "item_a1", "Your order "));
                ws.send(agentDelta("e2", "item_a1", "ships "));
                ws.close(1011, "internal error"); // not a normal end: the client must come back
            } else {
                // the peer repeats what the client may have missed, then goes on
                ws.send(agentDelta("e2", "item_a1", "ships "));
                ws.send(agentDelta("e3", "item_a1", "today."));
                ws.close(1000, "bye");
            }
        };
        Call call = ring("rtc_b");
        CountDownLatch ended = when(call, c -> c.state() == CallState.ENDED);
        monitor.accept(call, AcceptSettings.defaults().withGreeting("")).join();

        assertTrue(ended.await(10, TimeUnit.SECONDS));
        assertEquals(2, socketConnections.get());
        assertEquals("Your order ships today.", call.utteranceText("item_a1"));
        assertTrue(call.transcript().stream().anyMatch(e -> e.text().equals("socket reconnected")));
    }

    @Test
    void aSocketNotReadyRightAfterAcceptIsRetriedNotTakenForTheEnd() throws Exception {
        refusedHandshakes.set(2); // "not found" twice: the call's socket is not there yet
        CountDownLatch greeted = new CountDownLatch(1);
        script = (ws, n) -> ws.send(agentDelta("e1", "item_a1", "Hello."));
        Call call = ring("rtc_slow_socket");
        call.addListener((c, change) -> {
            if ("Hello.".equals(c.utteranceText("item_a1"))) {
                greeted.countDown();
            }
        });

        monitor.accept(call, AcceptSettings.defaults()).join();

        assertTrue(greeted.await(10, TimeUnit.SECONDS), "state " + call.state() + ", " + call.transcript());
        assertEquals(CallState.ACTIVE, call.state());
        assertEquals(1, socketConnections.get());
        assertEquals("response.create", SessionJson.MAPPER.readTree(clientFrames.poll(5, TimeUnit.SECONDS))
                .path("type").asText(), "the greeting waited for the socket");
    }

    @Test
    void afterHangingUpTheLastTranscriptEventsStillLand() throws Exception {
        java.util.concurrent.CompletableFuture<WebSocket> peerSocket = new java.util.concurrent.CompletableFuture<>();
        script = (ws, n) -> {
            ws.send(agentDelta("e1", "item_a1", "Goodbye and "));
            peerSocket.complete(ws);
        };
        Call call = ring("rtc_hangup_tail");
        CountDownLatch streaming = when(call, c -> "Goodbye and ".equals(c.utteranceText("item_a1")));
        monitor.accept(call, AcceptSettings.defaults().withGreeting("")).join();
        assertTrue(streaming.await(10, TimeUnit.SECONDS));

        monitor.hangup(call).join();
        assertEquals(CallState.ENDED, call.state());
        CountDownLatch finalText = when(call, c -> "Goodbye and thank you.".equals(c.utteranceText("item_a1")));
        peerSocket.get(5, TimeUnit.SECONDS).send(event("e2", "response.output_audio_transcript.done",
                "\"response_id\":\"resp_1\",\"item_id\":\"item_a1\",\"transcript\":\"Goodbye and thank you.\""));

        assertTrue(finalText.await(5, TimeUnit.SECONDS), "text after hang-up: " + call.utteranceText("item_a1"));
        peerSocket.get().close(1000, "call ended");
    }

    @Test
    void aCallStillBeingAcceptedAtItsRingDeadlineIsMissedIfTheAcceptThenFails() throws Exception {
        acceptResponse = new MockResponse().setResponseCode(500).setHeadersDelay(400, TimeUnit.MILLISECONDS)
                .setBody("{\"error\":{\"message\":\"server error\",\"type\":\"server_error\"}}");
        CallsClient oneTry = new CallsClient(OpenAiHttp.newClient(), new OpenAiEndpoints(server.url("/v1").toString()),
                KEY, new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10)));
        try (CallMonitor quick = new CallMonitor(registry, oneTry, OpenAiHttp.newClient(), KEY, Clock.systemUTC(),
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40)), Duration.ofMillis(100))) {
            quick.onIncoming(new IncomingCall("wh_late", "evt_late", "rtc_late", List.of(), System.nanoTime()));
            Call call = registry.find("rtc_late").orElseThrow();
            CountDownLatch missed = when(call, c -> c.state() == CallState.MISSED);

            assertThrows(CompletionException.class, () -> quick.accept(call, AcceptSettings.defaults()).join());

            assertTrue(missed.await(5, TimeUnit.SECONDS), "state " + call.state());
        }
    }

    @Test
    void withCallerTranscriptionOffNoEmptyCallerLinesAppear() throws Exception {
        script = (ws, n) -> {
            ws.send(event("e1", "input_audio_buffer.speech_started", "\"audio_start_ms\":100,\"item_id\":\"item_u1\""));
            ws.send(event("e2", "conversation.item.added",
                    "\"previous_item_id\":null,\"item\":{\"id\":\"item_u1\",\"type\":\"message\",\"role\":\"user\"}"));
            ws.send(agentDelta("e3", "item_a1", "Sure."));
            ws.close(1000, "bye");
        };
        Call call = ring("rtc_no_transcription");
        CountDownLatch ended = when(call, c -> c.state() == CallState.ENDED);
        monitor.accept(call, AcceptSettings.defaults().withTranscriptionModel("").withGreeting("")).join();

        assertTrue(ended.await(10, TimeUnit.SECONDS));
        List<TranscriptEntry> utterances = call.transcript().stream().filter(TranscriptEntry::isUtterance).toList();
        assertEquals(List.of("Sure."), utterances.stream().map(TranscriptEntry::text).toList());
    }

    @Test
    void failedAcceptReturnsToRingingSoItCanBeRetried() throws Exception {
        acceptResponse = new MockResponse().setResponseCode(400)
                .setBody("{\"error\":{\"message\":\"Invalid model\",\"type\":\"invalid_request_error\"}}");
        Call call = ring("rtc_c");
        CompletionException e = assertThrows(CompletionException.class,
                () -> monitor.accept(call, AcceptSettings.defaults()).join());
        assertTrue(e.getCause().getMessage().contains("Invalid model"));
        assertEquals(CallState.RINGING, call.state());
        assertTrue(call.lastActionResult().contains("Invalid model"));

        acceptResponse = new MockResponse().setResponseCode(200);
        script = (ws, n) -> ws.close(1000, "done");
        CountDownLatch ended = when(call, c -> c.state() == CallState.ENDED);
        monitor.accept(call, AcceptSettings.defaults()).join();
        assertTrue(ended.await(10, TimeUnit.SECONDS));
    }

    @Test
    void acceptOfACallThatHungUpMarksItMissed() {
        acceptResponse = new MockResponse().setResponseCode(404)
                .setBody("{\"error\":{\"message\":\"Call not found\",\"type\":\"invalid_request_error\"}}");
        Call call = ring("rtc_d");
        assertThrows(CompletionException.class, () -> monitor.accept(call, AcceptSettings.defaults()).join());
        assertEquals(CallState.MISSED, call.state());
        assertEquals(1, server.getRequestCount(), "4xx is never retried");
    }

    @Test
    void midCallSteeringSendsEventsAndMarksTheTranscript() throws Exception {
        CountDownLatch socketOpen = new CountDownLatch(1);
        script = (ws, n) -> socketOpen.countDown();
        Call call = ring("rtc_e");
        monitor.accept(call, AcceptSettings.defaults().withGreeting("")).join();
        // steering goes over the open socket, not into the queue kept while it connects
        assertTrue(socketOpen.await(10, TimeUnit.SECONDS), "the peer saw the socket open");

        monitor.updateInstructions(call, "Speak only French.").join();
        monitor.say(call, "One moment please.").join();

        JsonNode update = SessionJson.MAPPER.readTree(clientFrames.poll(5, TimeUnit.SECONDS));
        assertEquals("session.update", update.path("type").asText());
        assertEquals("Speak only French.", update.at("/session/instructions").asText());
        JsonNode say = SessionJson.MAPPER.readTree(clientFrames.poll(5, TimeUnit.SECONDS));
        assertEquals("Say to the user: One moment please.", say.at("/response/instructions").asText());
        assertTrue(call.transcript().stream().anyMatch(e -> e.kind() == TranscriptEntry.Kind.NOTE
                && e.text().equals("instructions changed")));
        assertEquals("Speak only French.", call.settings().orElseThrow().instructions());

        assertThrows(CompletionException.class, () -> monitor.refer(call, "not a uri").join());
        monitor.hangup(call).join();
        assertEquals(CallState.ENDED, call.state());
        java.util.concurrent.CompletableFuture<Void> late = monitor.say(call, "late");
        assertTrue(late.isCompletedExceptionally(), "saying something after the hang-up fails at once");
        CompletionException refused = assertThrows(CompletionException.class, late::join);
        assertEquals("The call is not live.", refused.getCause().getMessage());
    }

    @Test
    void autoAcceptAnswersEveryNewCall() throws Exception {
        script = (ws, n) -> { };
        monitor.setAutoAccept(AcceptSettings.defaults());
        Call first = ring("rtc_f");
        Call second = ring("rtc_f2");
        CountDownLatch active = when(first, c -> c.state() == CallState.ACTIVE);
        CountDownLatch secondActive = when(second, c -> c.state() == CallState.ACTIVE);
        assertTrue(active.await(10, TimeUnit.SECONDS), "first call " + first.state());
        assertTrue(secondActive.await(10, TimeUnit.SECONDS), "second call " + second.state());

        CountDownLatch ended = when(first, c -> c.state() == CallState.ENDED);
        monitor.hangup(first).join();
        assertTrue(ended.await(5, TimeUnit.SECONDS), "state after hang-up: " + first.state());
        assertEquals(CallState.ENDED, first.state());
        assertEquals("hung up from Switchboard", first.stateReason());
        assertEquals(CallState.ACTIVE, second.state(), "the other call goes on");
    }

    @Test
    void anAutoAcceptIsOnTheWireBeforeTheRegistrysListenersRunAndTheStatesStillComeInOrder() throws Exception {
        script = (ws, n) -> { };
        monitor.setAutoAccept(AcceptSettings.defaults());
        List<CallState> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicReference<RecordedRequest> atThePeer = new java.util.concurrent.atomic.AtomicReference<>();
        registry.onAdded(added -> {
            seen.add(added.state());
            added.addListener((c, change) -> {
                if (change == dev.switchboard.call.CallChange.STATE) {
                    seen.add(c.state());
                }
            });
            try {
                // a slow listener (history, a view, the printer) must not hold the accept back
                atThePeer.set(server.takeRequest(5, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Call call = ring("rtc_first_on_wire");
        assertNotNull(atThePeer.get(), "the accept reached the peer while the registry's listener still ran");
        assertTrue(atThePeer.get().getPath().endsWith("/rtc_first_on_wire/accept"), atThePeer.get().getPath());
        assertTrue(when(call, c -> c.state() == CallState.ACTIVE).await(5, TimeUnit.SECONDS), "state " + call.state());
        assertEquals(List.of(CallState.RINGING, CallState.ACCEPTING, CallState.ACTIVE), seen.subList(0, 3));
        assertTrue(call.timeline().containsKey(Milestone.ACCEPT_SENT));
        assertTrue(call.timeline().containsKey(Milestone.ACCEPT_ANSWERED));
    }

    @Test
    void anUnattendedAcceptRefusedWith400FailsTheCallWithOpenAisMessage() throws Exception {
        acceptResponse = new MockResponse().setResponseCode(400)
                .setBody("{\"error\":{\"message\":\"Invalid model\",\"type\":\"invalid_request_error\"}}");
        monitor.setAutoAccept(AcceptSettings.defaults());
        long t0 = System.nanoTime();
        Call call = ring("rtc_auto_400");
        CountDownLatch failed = when(call, c -> c.state() == CallState.FAILED);
        assertTrue(failed.await(5, TimeUnit.SECONDS), "state " + call.state());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 3000, "failed at once, not at the ring deadline");
        assertTrue(call.stateReason().contains("Invalid model"), call.stateReason());
        assertEquals(1, server.getRequestCount(), "a 400 is never retried");
    }

    @Test
    void aManualAcceptRefusedWith400KeepsTheCallRingingWithTheMessage() throws Exception {
        acceptResponse = new MockResponse().setResponseCode(400)
                .setBody("{\"error\":{\"message\":\"Invalid voice\",\"type\":\"invalid_request_error\"}}");
        Call call = ring("rtc_manual_400");
        assertThrows(CompletionException.class, () -> monitor.accept(call, AcceptSettings.defaults()).join());
        assertEquals(CallState.RINGING, call.state());
        assertTrue(call.stateReason().contains("Invalid voice"), call.stateReason());
    }

    @Test
    void aRefusedManualAcceptThatRingsOutSaysWhyInTheMissedReason() throws Exception {
        acceptResponse = new MockResponse().setResponseCode(400)
                .setBody("{\"error\":{\"message\":\"Invalid model\",\"type\":\"invalid_request_error\"}}");
        CallsClient client = new CallsClient(OpenAiHttp.newClient(), new OpenAiEndpoints(server.url("/v1").toString()),
                KEY, new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40)));
        try (CallMonitor quick = new CallMonitor(registry, client, OpenAiHttp.newClient(), KEY, Clock.systemUTC(),
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40)), Duration.ofMillis(500))) {
            quick.onIncoming(new IncomingCall("wh_m", "evt_m", "rtc_missed_400", List.of(), System.nanoTime()));
            Call call = registry.find("rtc_missed_400").orElseThrow();
            CountDownLatch missed = when(call, c -> c.state() == CallState.MISSED);
            assertThrows(CompletionException.class, () -> quick.accept(call, AcceptSettings.defaults()).join());
            assertTrue(missed.await(5, TimeUnit.SECONDS), "state " + call.state());
            assertTrue(call.stateReason().startsWith("nobody answered"), call.stateReason());
            assertTrue(call.stateReason().contains("Invalid model"), call.stateReason());
        }
    }

    @Test
    void serverErrorsTwiceThenSuccessIsAccepted() throws Exception {
        acceptResponses.add(new MockResponse().setResponseCode(500));
        acceptResponses.add(new MockResponse().setResponseCode(500));
        acceptResponses.add(new MockResponse().setResponseCode(200));
        script = (ws, n) -> ws.close(1000, "done");
        monitor.setAutoAccept(AcceptSettings.defaults());
        Call call = ring("rtc_500_500_200");
        CountDownLatch active = when(call, c -> c.state() == CallState.ACTIVE || c.state() == CallState.ENDED);
        assertTrue(active.await(10, TimeUnit.SECONDS), "state " + call.state() + " " + call.stateReason());
        assertTrue(call.timeline().containsKey(Milestone.ACCEPT_ANSWERED));
    }

    @Test
    void endedCallsLeaveTheRegistryAfterTheRetentionAndListenersAreTold() throws Exception {
        monitor.setEndedRetention(Duration.ofMillis(200));
        BlockingQueue<String> removed = new LinkedBlockingQueue<>();
        registry.onRemoved(c -> removed.add(c.id()));
        script = (ws, n) -> ws.close(1000, "bye");
        Call call = ring("rtc_short_lived");
        CountDownLatch ended = when(call, c -> c.state() == CallState.ENDED);
        monitor.accept(call, AcceptSettings.defaults().withGreeting("")).join();
        assertTrue(ended.await(10, TimeUnit.SECONDS));
        assertEquals("rtc_short_lived", removed.poll(5, TimeUnit.SECONDS));
        assertTrue(registry.find("rtc_short_lived").isEmpty());
        Call live = ring("rtc_still_ringing");
        assertEquals(null, removed.poll(500, TimeUnit.MILLISECONDS), "a live call stays");
        assertTrue(registry.find(live.id()).isPresent());
    }

    @Test
    void aBurstOfCallsUsesABoundedNumberOfThreads() throws Exception {
        acceptResponse = new MockResponse().setResponseCode(200).setHeadersDelay(100, TimeUnit.MILLISECONDS);
        script = (ws, n) -> ws.close(1000, "bye");
        monitor.setAutoAccept(AcceptSettings.defaults().withGreeting(""));
        List<CountDownLatch> ended = new java.util.ArrayList<>();
        int peak = 0;
        for (int i = 0; i < 50; i++) {
            Call call = ring("rtc_burst_" + i);
            ended.add(when(call, c -> c.state() == CallState.ENDED));
        }
        for (CountDownLatch latch : ended) {
            peak = Math.max(peak, ioThreads());
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        }
        assertTrue(peak <= CallMonitor.IO_THREADS, peak + " io threads for 50 calls");
    }

    private static int ioThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("switchboard-io-")).count();
    }

    @Test
    void refusedHandshakesAreRetriedAfterTheBackoffNotSecondsLater() throws Exception {
        refusedStatus = 503;
        refusedHandshakes.set(2);
        CountDownLatch open = new CountDownLatch(1);
        script = (ws, n) -> open.countDown();
        CallsClient client = new CallsClient(OpenAiHttp.newClient(), new OpenAiEndpoints(server.url("/v1").toString()),
                KEY, RetryPolicy.DEFAULT);
        RetryPolicy backoff = new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(5));
        try (CallMonitor paced = new CallMonitor(registry, client, OpenAiHttp.newClient(), KEY, Clock.systemUTC(),
                backoff, Duration.ofSeconds(60))) {
            paced.onIncoming(new IncomingCall("wh_hs", "evt_hs", "rtc_handshake", List.of(), System.nanoTime()));
            Call call = registry.find("rtc_handshake").orElseThrow();
            paced.accept(call, AcceptSettings.defaults().withGreeting("")).join();
            assertTrue(open.await(10, TimeUnit.SECONDS), "the third handshake opens");
            assertEquals(3, handshakeNanos.size());
            long firstGap = (handshakeNanos.get(1) - handshakeNanos.get(0)) / 1_000_000;
            long secondGap = (handshakeNanos.get(2) - handshakeNanos.get(1)) / 1_000_000;
            // the backoff asks 250 ms then 500 ms; generous slack for a loaded box, far below seconds
            assertTrue(firstGap >= 200 && firstGap < 1000, "first retry after " + firstGap + " ms");
            assertTrue(secondGap >= 450 && secondGap < 1300, "second retry after " + secondGap + " ms");
        }
    }
}
