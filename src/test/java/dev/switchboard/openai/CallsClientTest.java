package dev.switchboard.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.TurnDetection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallsClientTest {

    private static final String KEY = "sk-test-0123456789abcdef";
    private MockWebServer server;
    private CallsClient client;
    private final List<Long> sleeps = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new CallsClient(OpenAiHttp.newClient(), new OpenAiEndpoints(server.url("/v1").toString()), KEY,
                new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(400)), sleeps::add);
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private static MockResponse error(int status, String message) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\",\"code\":\"x\",\"param\":null}}");
    }

    @Test
    void acceptSendsTheSessionConfigOfTheProtocol() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));
        AcceptSettings settings = AcceptSettings.defaults().withVoice("cedar").withInstructions("Be brief.");

        client.accept("rtc_1", settings, () -> true);

        RecordedRequest request = server.takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("/v1/realtime/calls/rtc_1/accept", request.getPath());
        assertEquals("Bearer " + KEY, request.getHeader("Authorization"));
        assertTrue(request.getHeader("Content-Type").startsWith("application/json"));
        JsonNode body = SessionJson.MAPPER.readTree(request.getBody().readUtf8());
        assertEquals("realtime", body.path("type").asText());
        assertEquals("gpt-realtime", body.path("model").asText());
        assertEquals("Be brief.", body.path("instructions").asText());
        assertEquals("cedar", body.at("/audio/output/voice").asText());
        assertEquals("gpt-4o-mini-transcribe", body.at("/audio/input/transcription/model").asText());
        assertEquals("semantic_vad", body.at("/audio/input/turn_detection/type").asText());
        // fields nobody set are not sent: the API's defaults (no tools, tool_choice auto, inf tokens) apply
        assertTrue(body.path("tools").isMissingNode());
        assertTrue(body.path("tool_choice").isMissingNode());
        assertTrue(body.path("max_output_tokens").isMissingNode());
    }

    @Test
    void transcriptionOffLeavesTheTranscriptionOut() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));
        client.accept("rtc_1", AcceptSettings.defaults().withTranscriptionModel("").withTurnDetection(TurnDetection.SERVER_VAD), () -> true);
        JsonNode body = SessionJson.MAPPER.readTree(server.takeRequest().getBody().readUtf8());
        assertTrue(body.at("/audio/input/transcription").isMissingNode());
        assertEquals("server_vad", body.at("/audio/input/turn_detection/type").asText());
    }

    @Test
    void invalidSettingsAreRefusedBeforeAnyRequest() {
        OpenAiApiException e = assertThrows(OpenAiApiException.class,
                () -> client.accept("rtc_1", AcceptSettings.defaults().withVoice("robot"), () -> true));
        assertTrue(e.getMessage().contains("robot"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void retries429And5xxWithGrowingBackoffThenSucceeds() throws Exception {
        server.enqueue(error(429, "slow down"));
        server.enqueue(error(500, "oops"));
        server.enqueue(error(503, "busy"));
        server.enqueue(new MockResponse().setResponseCode(200));

        client.accept("rtc_1", AcceptSettings.defaults(), () -> true);

        assertEquals(4, server.getRequestCount());
        assertEquals(List.of(100L, 200L, 400L), sleeps);
    }

    @Test
    void retriesANetworkFailure() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        server.enqueue(new MockResponse().setResponseCode(200));
        client.hangup("rtc_1");
        assertEquals(2, server.getRequestCount());
        assertEquals(1, sleeps.size());
    }

    @Test
    void neverRetriesA4xxAndParsesOpenAisMessage() {
        server.enqueue(error(404, "Call not found"));
        OpenAiApiException e = assertThrows(OpenAiApiException.class,
                () -> client.accept("rtc_gone", AcceptSettings.defaults(), () -> true));
        assertEquals(404, e.status());
        assertEquals("Call not found", e.apiMessage());
        assertEquals("invalid_request_error", e.type());
        assertTrue(e.callIsGone());
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains("Call not found"));
        assertEquals(1, server.getRequestCount());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void stopsRetryingOnceTheCallCanNoLongerBeAnswered() {
        server.enqueue(error(503, "busy"));
        server.enqueue(error(503, "busy"));
        int[] asked = {0};
        OpenAiApiException e = assertThrows(OpenAiApiException.class,
                () -> client.accept("rtc_1", AcceptSettings.defaults(), () -> ++asked[0] < 2));
        assertEquals(503, e.status());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void anAcceptRetriedAfterALostAnswerTakesA409AsAccepted() throws Exception {
        server.enqueue(error(503, "busy"));
        server.enqueue(error(409, "Call already accepted"));
        client.accept("rtc_1", AcceptSettings.defaults(), () -> true);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aFirstAttempt409IsStillAnError() {
        server.enqueue(error(409, "Call already accepted"));
        OpenAiApiException e = assertThrows(OpenAiApiException.class,
                () -> client.accept("rtc_1", AcceptSettings.defaults(), () -> true));
        assertEquals(409, e.status());
    }

    @Test
    void aTransferIsNeverSentTwice() {
        server.enqueue(error(503, "busy"));
        server.enqueue(new MockResponse().setResponseCode(200));
        assertThrows(OpenAiApiException.class, () -> client.refer("rtc_1", "tel:+14155550123"));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void givesUpAfterMaxAttempts() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(error(502, "bad gateway"));
        }
        assertThrows(OpenAiApiException.class, () -> client.hangup("rtc_1"));
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void errorWithoutOpenAiJsonStillHasAReadableMessage() {
        server.enqueue(new MockResponse().setResponseCode(401).setBody("<html>nope</html>"));
        OpenAiApiException e = assertThrows(OpenAiApiException.class, () -> client.hangup("rtc_1"));
        assertEquals(401, e.status());
        assertNull(e.apiMessage());
        assertTrue(e.getMessage().contains("API key"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY));
    }

    @Test
    void rejectSendsTheStatusCode() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));
        client.reject("rtc_1", 486, () -> true);
        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("/v1/realtime/calls/rtc_1/reject", r.getPath());
        assertEquals(486, SessionJson.MAPPER.readTree(r.getBody().readUtf8()).path("status_code").asInt());
    }

    @Test
    void referValidatesTheTargetBeforeSending() throws Exception {
        assertThrows(OpenAiApiException.class, () -> client.refer("rtc_1", "+14155550123"));
        assertThrows(OpenAiApiException.class, () -> client.refer("rtc_1", "http://example.com"));
        assertEquals(0, server.getRequestCount());

        server.enqueue(new MockResponse().setResponseCode(200));
        client.refer("rtc_1", "tel:+14155550123");
        RecordedRequest r = server.takeRequest();
        assertEquals("/v1/realtime/calls/rtc_1/refer", r.getPath());
        assertEquals("tel:+14155550123", SessionJson.MAPPER.readTree(r.getBody().readUtf8()).path("target_uri").asText());
        assertNull(CallsClient.transferTargetProblem("sip:agent@example.com"));
        assertNotNull(CallsClient.transferTargetProblem("sip:nobody"));
    }

    @Test
    void hangupPostsWithoutABody() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));
        client.hangup("rtc_9");
        RecordedRequest r = server.takeRequest();
        assertEquals("/v1/realtime/calls/rtc_9/hangup", r.getPath());
        assertEquals(0, r.getBodySize());
    }

    @Test
    void socketUrlFollowsTheBaseUrl() {
        assertEquals("wss://api.openai.com/v1/realtime?call_id=rtc_1",
                new OpenAiEndpoints("https://api.openai.com/v1").socketUrl("rtc_1"));
        assertEquals("ws://127.0.0.1:9/v1/realtime?call_id=rtc_1",
                new OpenAiEndpoints("http://127.0.0.1:9/v1/").socketUrl("rtc_1"));
    }

    // ---- Retry-After and the ring deadline ----

    private final dev.switchboard.call.ManualClock manual =
            new dev.switchboard.call.ManualClock(java.time.Instant.parse("2026-12-01T10:00:00Z"));

    /** A client whose sleeps move the manual clock on, so deadlines pass without waiting. */
    private CallsClient timedClient() {
        return new CallsClient(OpenAiHttp.newClient(), new OpenAiEndpoints(server.url("/v1").toString()), KEY,
                new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(400)), ms -> {
                    sleeps.add(ms);
                    manual.advanceMillis(ms);
                }, manual);
    }

    @Test
    void retryAfterInSecondsIsWaitedOut() throws Exception {
        server.enqueue(error(429, "slow down").setHeader("Retry-After", "3"));
        server.enqueue(new MockResponse().setResponseCode(200));
        timedClient().accept("rtc_1", AcceptSettings.defaults(), () -> true, manual.instant().plusSeconds(60));
        assertEquals(List.of(3000L), sleeps);
    }

    @Test
    void retryAfterAsAnHttpDateIsWaitedOut() throws Exception {
        String in2s = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                manual.instant().plusSeconds(2).atZone(java.time.ZoneOffset.UTC));
        server.enqueue(error(503, "busy").setHeader("Retry-After", in2s));
        server.enqueue(new MockResponse().setResponseCode(200));
        timedClient().accept("rtc_1", AcceptSettings.defaults(), () -> true, manual.instant().plusSeconds(60));
        assertEquals(List.of(2000L), sleeps);
    }

    @Test
    void aRetryAfterPastTheRingDeadlineEndsTheRetriesAtOnce() {
        server.enqueue(error(429, "slow down").setHeader("Retry-After", "120"));
        OpenAiApiException e = assertThrows(OpenAiApiException.class, () -> timedClient()
                .accept("rtc_1", AcceptSettings.defaults(), () -> true, manual.instant().plusSeconds(60)));
        assertEquals(429, e.status());
        assertEquals(java.util.Optional.of(Duration.ofSeconds(120)), e.retryAfter());
        assertEquals(1, server.getRequestCount());
        assertTrue(sleeps.isEmpty(), "never sleeps past the deadline: " + sleeps);
    }

    @Test
    void withARingDeadlineRetriesGoOnPastThePolicyCountUntilTheCallStopsRinging() throws Exception {
        for (int i = 0; i < 6; i++) {
            server.enqueue(error(500, "oops"));
        }
        server.enqueue(new MockResponse().setResponseCode(200));
        // the policy allows 2 attempts; the call rings for 10 s, which is room for 7
        timedClient().accept("rtc_1", AcceptSettings.defaults(), () -> true, manual.instant().plusSeconds(10));
        assertEquals(7, server.getRequestCount());
    }

    @Test
    void retriesStopWhenTheRingDeadlineIsNear() {
        for (int i = 0; i < 50; i++) {
            server.enqueue(error(503, "busy"));
        }
        assertThrows(OpenAiApiException.class, () -> timedClient()
                .accept("rtc_1", AcceptSettings.defaults(), () -> true, manual.instant().plusSeconds(2)));
        long slept = sleeps.stream().mapToLong(Long::longValue).sum();
        assertTrue(slept < 2000, "slept " + slept + " ms of a 2 s ring window");
        assertTrue(server.getRequestCount() >= 5, "kept trying while it rang: " + server.getRequestCount());
    }

    @Test
    void unreadableRetryAfterIsIgnored() {
        assertEquals(null, CallsClient.retryAfter("soon", manual));
        assertEquals(null, CallsClient.retryAfter("-5", manual));
        assertEquals(Duration.ZERO, CallsClient.retryAfter("Tue, 01 Dec 2026 09:00:00 GMT", manual));
    }
}
