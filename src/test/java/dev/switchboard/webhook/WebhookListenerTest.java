package dev.switchboard.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.ManualClock;
import dev.switchboard.call.SipHeader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookListenerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebhookVector vector = WebhookVector.load();
    private final ManualClock clock = new ManualClock(Instant.ofEpochSecond(vector.timestamp()));
    private final BlockingQueue<IncomingCall> calls = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private Consumer<IncomingCall> sinkBehaviour = calls::add;
    private WebhookListener listener;

    @BeforeEach
    void start() throws IOException {
        listener = new WebhookListener("127.0.0.1", 0, vector.signer(), clock, call -> sinkBehaviour.accept(call));
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.stop();
    }

    @Test
    void sharedVectorIsAcceptedWithAnEmptyBodyAndReachesTheSink() throws Exception {
        long before = System.nanoTime();
        HttpResponse<String> response = post(vectorHeaders(), vector.body());
        long after = System.nanoTime();

        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
        IncomingCall call = nextCall();
        assertEquals(vector.msgId(), call.webhookId());
        assertEquals("evt_685343a1381c819085d44c354e1b330e", call.eventId());
        assertEquals("rtc_0123456789abcdef", call.callId());
        assertEquals(List.of(
                new SipHeader("From", "\"Caller\" <sip:+15551230001@pstn.twilio.com>;tag=64a1b2c3"),
                new SipHeader("To", "<sip:+15559870000@sip.api.openai.com>"),
                new SipHeader("Call-ID", "a1b2c3d4e5f6@0.0.0.0")), call.sipHeaders());
        assertTrue(call.receivedNanos() >= before && call.receivedNanos() <= after,
                "receivedNanos is taken while the request is handled");
    }

    @Test
    void rootPathIsAWebhookPathToo() throws Exception {
        assertEquals(200, send(request("/").POST(HttpRequest.BodyPublishers.ofString(vector.body())),
                vectorHeaders()).statusCode());
        assertEquals("rtc_0123456789abcdef", nextCall().callId());
    }

    @Test
    void urlAndPortNameTheBoundEndpoint() {
        assertTrue(listener.port() > 0);
        assertEquals("http://127.0.0.1:" + listener.port() + "/webhook", listener.url());
    }

    @Test
    void timestampWithinFiveMinutesIsAccepted() throws Exception {
        clock.set(Instant.ofEpochSecond(vector.timestamp() + 299));
        assertEquals(200, post(vectorHeaders(), vector.body()).statusCode());
    }

    @Test
    void timestampMoreThanFiveMinutesOldIsRejected() throws Exception {
        clock.set(Instant.ofEpochSecond(vector.timestamp() + 301));
        assertRejected(400, "webhook-timestamp too old", post(vectorHeaders(), vector.body()));
    }

    @Test
    void timestampMoreThanFiveMinutesAheadIsRejected() throws Exception {
        clock.set(Instant.ofEpochSecond(vector.timestamp() - 301));
        assertRejected(400, "webhook-timestamp in the future", post(vectorHeaders(), vector.body()));
    }

    @Test
    void tamperedBodyIsRejected() throws Exception {
        String tampered = vector.body().replace("rtc_0123456789abcdef", "rtc_0123456789abcdeF");
        assertRejected(400, "no matching signature", post(vectorHeaders(), tampered));
        assertNoCallBefore(markerCall());
    }

    @ParameterizedTest
    @ValueSource(strings = {"webhook-id", "webhook-timestamp", "webhook-signature"})
    void missingHeaderIsRejected(String header) throws Exception {
        Map<String, String> headers = new java.util.HashMap<>(vectorHeaders());
        headers.remove(header);
        assertRejected(400, "missing " + header + " header", post(headers, vector.body()));
    }

    @Test
    void anyMatchingV1EntryAmongSeveralIsEnough() throws Exception {
        String wrong = "v1," + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        Map<String, String> headers = headers(vector.msgId(), vector.timestamp(), wrong + " " + vector.signature());
        assertEquals(200, post(headers, vector.body()).statusCode());
        assertEquals(vector.msgId(), nextCall().webhookId());
    }

    @Test
    void onlyV1EntriesCount() throws Exception {
        String v2 = "v2," + vector.signature().substring("v1,".length());
        assertRejected(400, "no matching signature",
                post(headers(vector.msgId(), vector.timestamp(), v2), vector.body()));
    }

    @Test
    void malformedJsonIsRejectedEvenWhenSigned() throws Exception {
        assertRejected(400, "malformed JSON", postSigned("wh_bad_json", "{\"type\": \"realtime.call.incoming\""));
        assertRejected(400, "malformed JSON", postSigned("wh_trailing", "{\"type\":\"x\"} trailing"));
    }

    @Test
    void eventWithoutTypeIsAnUnknownShape() throws Exception {
        assertRejected(400, "unknown shape", postSigned("wh_no_type", "{\"object\":\"event\",\"data\":{}}"));
        assertRejected(400, "unknown shape", postSigned("wh_array", "[1,2]"));
    }

    @Test
    void incomingCallWithoutCallIdIsRejected() throws Exception {
        assertRejected(400, "missing data.call_id", postSigned("wh_no_call",
                "{\"id\":\"evt_1\",\"type\":\"realtime.call.incoming\",\"data\":{\"sip_headers\":[]}}"));
        assertRejected(400, "missing data.call_id", postSigned("wh_empty_call",
                "{\"id\":\"evt_1\",\"type\":\"realtime.call.incoming\",\"data\":{\"call_id\":\"\"}}"));
    }

    @Test
    void sipHeadersThatAreNotAListAreRejected() throws Exception {
        assertRejected(400, "data.sip_headers is not a list", postSigned("wh_headers",
                "{\"type\":\"realtime.call.incoming\",\"data\":{\"call_id\":\"rtc_1\",\"sip_headers\":{}}}"));
    }

    @Test
    void absentSipHeadersMeanNoHeaders() throws Exception {
        assertEquals(200, postSigned("wh_no_headers",
                "{\"id\":\"evt_2\",\"type\":\"realtime.call.incoming\",\"data\":{\"call_id\":\"rtc_2\"}}").statusCode());
        IncomingCall call = nextCall();
        assertEquals("rtc_2", call.callId());
        assertEquals(List.of(), call.sipHeaders());
    }

    @Test
    void otherEventTypesAreAcknowledgedButNotHandedOn() throws Exception {
        HttpResponse<String> response = postSigned("wh_other",
                "{\"id\":\"evt_3\",\"type\":\"response.completed\",\"data\":{\"call_id\":\"rtc_3\"}}");
        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
        assertNoCallBefore(markerCall());
        assertEquals(0, listener.rejected());
    }

    @Test
    void observersSeeVerifiedEventsOfEveryTypeButNotRejectedOnes() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        listener.addObserver((type, id) -> seen.add(type + " " + id));

        post(headers("wh_forged", clock.instant().getEpochSecond(), "v1,AAAA"),
                "{\"id\":\"evt_forged\",\"type\":\"switchboard.self_test\"}");
        assertEquals(200, postSigned("wh_self", "{\"id\":\"evt_self\",\"type\":\"switchboard.self_test\"}").statusCode());
        assertEquals("switchboard.self_test evt_self", seen.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        assertNoCallBefore(markerCall());
        assertEquals(INCOMING, seen.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).split(" ")[0]);
        assertTrue(seen.isEmpty(), "the forged event must not be observed: " + seen);
        assertEquals(1, listener.rejected());
    }

    private static final String INCOMING = WebhookListener.INCOMING_CALL_TYPE;

    @Test
    void declaredBodyOverOneMebibyteIsRefusedBeforeReading() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (WebhookListener.MAX_BODY_BYTES + 1) + "\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", answer);
        }
        assertEquals(1, listener.rejected());
    }

    @Test
    void streamedBodyOverOneMebibyteIsRefused() throws Exception {
        // No length up front (chunked), so the limit is enforced while reading.
        byte[] big = new byte[WebhookListener.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpRequest.Builder builder = request("/webhook")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        assertRejected(413, "body too large", send(builder, vectorHeaders()));
    }

    @Test
    void bodyOfExactlyOneMebibyteIsRead() throws Exception {
        String padded = vector.body() + " ".repeat(WebhookListener.MAX_BODY_BYTES - vector.bodyBytes().length);
        assertEquals(200, postSigned("wh_full", padded).statusCode());
    }

    @Test
    void onlyPostIsAllowed() throws Exception {
        HttpResponse<String> response = send(request("/webhook").GET(), Map.of());
        assertRejected(405, "method not allowed", response);
        assertEquals("POST", response.headers().firstValue("Allow").orElse(null));
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        assertRejected(404, "not found",
                send(request("/webhook/x").POST(HttpRequest.BodyPublishers.ofString(vector.body())), vectorHeaders()));
        assertRejected(404, "not found",
                send(request("/hooks").POST(HttpRequest.BodyPublishers.ofString(vector.body())), vectorHeaders()));
    }

    @Test
    void replayedWebhookIdIsAcknowledgedButHandledOnce() throws Exception {
        assertEquals(200, post(vectorHeaders(), vector.body()).statusCode());
        assertEquals(200, post(vectorHeaders(), vector.body()).statusCode());
        assertEquals(vector.msgId(), nextCall().webhookId());
        assertNoCallBefore(markerCall());
    }

    @Test
    void webhookIdIsForgottenAfterTheReplayWindow() throws Exception {
        assertEquals(200, post(vectorHeaders(), vector.body()).statusCode());
        assertEquals(vector.msgId(), nextCall().webhookId());

        clock.advance(WebhookListener.REPLAY_WINDOW.plusSeconds(1));
        assertEquals(200, postSigned(vector.msgId(), vector.body()).statusCode());
        assertEquals(vector.msgId(), nextCall().webhookId());
    }

    @Test
    void responseIsSentBeforeTheSinkRuns() throws Exception {
        CountDownLatch sinkEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sinkBehaviour = call -> {
            sinkEntered.countDown();
            try {
                release.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            calls.add(call);
        };

        // The client times out if the sink ran inline, because the sink waits for this response.
        HttpResponse<String> response = post(vectorHeaders(), vector.body());
        assertEquals(200, response.statusCode());
        assertTrue(sinkEntered.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "sink runs after the answer");
        release.countDown();
        assertEquals(vector.msgId(), nextCall().webhookId());
    }

    @Test
    void aFailingSinkDoesNotStopLaterCalls() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        sinkBehaviour = call -> {
            if (attempts.getAndIncrement() == 0) {
                throw new IllegalStateException("boom");
            }
            calls.add(call);
        };
        assertEquals(200, post(vectorHeaders(), vector.body()).statusCode());
        assertEquals("wh_marker", markerCall().webhookId());
    }

    @Test
    void countersTrackReceivedAndRejectedAndNotifyListeners() throws Exception {
        AtomicInteger notifications = new AtomicInteger();
        listener.addCounterListener(notifications::incrementAndGet);

        post(vectorHeaders(), vector.body());
        post(Map.of(), vector.body());
        send(request("/webhook").GET(), Map.of());

        assertEquals(3, listener.received());
        assertEquals(2, listener.rejected());
        assertEquals(5, notifications.get());
    }

    @Test
    void sharedVectorCopyMatchesTheSharedFolder() throws IOException {
        Path shared = Path.of("..", "shared", "vectors", "webhook-incoming.json");
        Assumptions.assumeTrue(Files.isRegularFile(shared), "../shared is not checked out beside the project");
        try (InputStream copy = getClass().getResourceAsStream(WebhookVector.RESOURCE)) {
            assertEquals(Files.readString(shared), new String(copy.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    // --- helpers ---

    /** Posts a freshly signed event whose call the sink must see next; proves nothing else reached it. */
    private IncomingCall markerCall() throws Exception {
        String body = "{\"id\":\"evt_marker\",\"type\":\"realtime.call.incoming\",\"data\":{\"call_id\":\"rtc_marker\"}}";
        assertEquals(200, postSigned("wh_marker", body).statusCode());
        return nextCall();
    }

    private void assertNoCallBefore(IncomingCall marker) {
        assertEquals("rtc_marker", marker.callId(), "the sink saw a call it should not have");
        assertNull(calls.poll(), "no further calls");
    }

    private IncomingCall nextCall() throws InterruptedException {
        IncomingCall call = calls.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(call != null, "the sink received no call");
        return call;
    }

    private Map<String, String> vectorHeaders() {
        return headers(vector.msgId(), vector.timestamp(), vector.signature());
    }

    private static Map<String, String> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp), "webhook-signature", signature);
    }

    private HttpResponse<String> postSigned(String webhookId, String body) throws Exception {
        long now = clock.instant().getEpochSecond();
        String signature = vector.signer().sign(webhookId, now, body.getBytes(StandardCharsets.UTF_8));
        return post(headers(webhookId, now, signature), body);
    }

    private HttpResponse<String> post(Map<String, String> headers, String body) throws Exception {
        return send(request("/webhook").POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path))
                .timeout(TIMEOUT).header("Content-Type", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, Map<String, String> headers) throws Exception {
        headers.forEach(builder::header);
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        String secretKeyPart = vector.secret().substring(WebhookSecret.PREFIX.length());
        assertFalse(response.body().contains(secretKeyPart), "a response must never carry the secret");
        assertFalse(response.headers().map().toString().contains(secretKeyPart), "nor its headers");
        return response;
    }

    private static void assertRejected(int status, String reason, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("{\"error\":\"" + reason + "\"}", response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }
}
