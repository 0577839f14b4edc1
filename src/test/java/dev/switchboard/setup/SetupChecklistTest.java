package dev.switchboard.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.setup.CheckResult.Status;
import dev.switchboard.webhook.WebhookListener;
import dev.switchboard.webhook.WebhookSecret;
import dev.switchboard.webhook.WebhookSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SetupChecklistTest {

    static final String KEY = "sk-test-abcdefghijklmnop0123";
    static final String SECRET = WebhookSecret.generate();
    static final String PROJECT = "proj_Ab12Cd34Ef56";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final MockWebServer openAi = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        openAi.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws IOException {
        openAi.shutdown();
    }

    private String baseUrl() {
        return openAi.url("/v1").toString();
    }

    private SetupChecklist checklist(String key, String secret, int port, String publicUrl, String projectId) {
        return new SetupChecklist(new SetupChecklist.Settings(key, baseUrl(), secret, "127.0.0.1", port, publicUrl,
                projectId), null, TIMEOUT);
    }

    @Test
    void happyPathEverythingPassesAndTheSelfTestArrivesThroughThePublicUrl() throws Exception {
        openAi.enqueue(new MockResponse().setResponseCode(200).setBody("{\"object\":\"list\",\"data\":[]}"));
        int port = freePort();
        try (SetupChecklist checklist = checklist(KEY, SECRET, port, "http://127.0.0.1:" + port + "/webhook", PROJECT)) {
            List<CheckResult> results = checklist.run();

            assertTrue(SetupChecklist.allPassed(results), results.toString());
            assertEquals(List.of(SetupChecklist.API_KEY, SetupChecklist.WEBHOOK_SECRET, SetupChecklist.LISTENER,
                    SetupChecklist.PUBLIC_URL, SetupChecklist.SIP_URI), results.stream().map(CheckResult::name).toList());
            results.forEach(r -> assertEquals(Status.PASS, r.status(), r.toString()));
            assertTrue(results.get(3).detail().contains("arrived"), results.get(3).detail());
            assertEquals("sip:" + PROJECT + "@sip.api.openai.com;transport=tls", results.get(4).detail());
            results.forEach(r -> assertFalse(r.detail().contains(KEY) || r.detail().contains(SECRET), r.detail()));
        }
        RecordedRequest models = openAi.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("GET", models.getMethod());
        assertEquals("/v1/models", models.getPath());
        assertEquals("Bearer " + KEY, models.getHeader("Authorization"));
        // the checklist's own listener is closed again: the port is free
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void aRunningListenerIsProbedAndReceivesTheSelfTest() throws Exception {
        try (WebhookListener running = new WebhookListener("127.0.0.1", 0,
                new WebhookSignature(WebhookSecret.parse(SECRET)), Clock.systemUTC(), call -> { })) {
            running.start();
            try (SetupChecklist checklist = new SetupChecklist(new SetupChecklist.Settings(KEY, baseUrl(), SECRET,
                    "127.0.0.1", running.port(), running.url(), PROJECT), running, TIMEOUT)) {
                CheckResult listening = checklist.checkListener();
                assertEquals(Status.PASS, listening.status(), listening.toString());
                assertTrue(listening.detail().contains(running.url()), listening.detail());
                CheckResult publicUrl = checklist.checkPublicUrl(true, true);
                assertEquals(Status.PASS, publicUrl.status(), publicUrl.toString());
            }
            assertEquals(0, running.rejected());
        }
    }

    @Test
    void missingKeyFailsWithoutAnyRequest() {
        try (SetupChecklist checklist = checklist(null, SECRET, 0, null, PROJECT)) {
            CheckResult result = checklist.checkApiKey();
            assertEquals(Status.FAIL, result.status());
            assertTrue(result.detail().contains("OPENAI_API_KEY is not set"), result.detail());
            assertTrue(result.fix().contains("platform.openai.com/api-keys"), result.fix());
        }
        assertEquals(0, openAi.getRequestCount());
    }

    @Test
    void keyRefusedWith401IsABadKey() throws Exception {
        openAi.enqueue(new MockResponse().setResponseCode(401).setBody(
                "{\"error\":{\"message\":\"Incorrect API key provided: sk-test-***0123.\",\"type\":\"invalid_request_error\","
                        + "\"code\":\"invalid_api_key\"}}"));
        try (SetupChecklist checklist = checklist(KEY, SECRET, 0, null, PROJECT)) {
            CheckResult result = checklist.checkApiKey();
            assertEquals(Status.FAIL, result.status());
            assertTrue(result.detail().contains("refused the key") && result.detail().contains("401"), result.detail());
            assertTrue(result.fix().contains("create a new one"), result.fix());
            assertFalse(result.detail().contains(KEY));
        }
        assertEquals(1, openAi.getRequestCount(), "a 401 is not retried");
    }

    @Test
    void unreachableApiIsNotCalledABadKey() throws Exception {
        int closed = freePort();
        try (SetupChecklist checklist = new SetupChecklist(new SetupChecklist.Settings(KEY,
                "http://127.0.0.1:" + closed + "/v1", SECRET, "127.0.0.1", 0, null, PROJECT), null, TIMEOUT)) {
            CheckResult result = checklist.checkApiKey();
            assertEquals(Status.FAIL, result.status());
            assertTrue(result.detail().startsWith("Could not reach"), result.detail());
            assertTrue(result.fix().contains("OPENAI_BASE_URL"), result.fix());
        }
    }

    @Test
    void missingOrMalformedSecretsFailWithTheFix() {
        for (String bad : new String[] {null, "  ", "whsec_!!!not-base64!!!", "whsec_", "sk-proj-abcdefghijklmnop", "plain"}) {
            try (SetupChecklist checklist = checklist(KEY, bad, 0, null, PROJECT)) {
                CheckResult result = checklist.checkWebhookSecret();
                assertEquals(Status.FAIL, result.status(), "secret " + bad + ": " + result);
                assertFalse(result.fix().isBlank());
                assertTrue(result.detail().contains("OPENAI_WEBHOOK_SECRET"), result.detail());
            }
        }
    }

    @Test
    void portInUseFails() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             SetupChecklist checklist = checklist(KEY, SECRET, taken.getLocalPort(),
                     "http://127.0.0.1:" + taken.getLocalPort() + "/webhook", PROJECT)) {
            CheckResult result = checklist.checkListener();
            assertEquals(Status.FAIL, result.status(), result.toString());
            assertTrue(result.detail().contains("is in use"), result.detail());
            assertTrue(result.fix().contains("--port"), result.fix());
            CheckResult publicUrl = checklist.checkPublicUrl(true, false);
            assertEquals(Status.SKIPPED, publicUrl.status());
        }
    }

    @Test
    void unreachablePublicUrlFails() throws Exception {
        int closed = freePort();
        try (SetupChecklist checklist = checklist(KEY, SECRET, 0, "http://127.0.0.1:" + closed + "/webhook", PROJECT)) {
            assertEquals(Status.PASS, checklist.checkListener().status());
            CheckResult result = checklist.checkPublicUrl(true, true);
            assertEquals(Status.FAIL, result.status(), result.toString());
            assertTrue(result.detail().startsWith("Could not reach http://127.0.0.1:" + closed), result.detail());
            assertTrue(result.fix().contains("tunnel running"), result.fix());
        }
    }

    @Test
    void publicUrlThatLeadsElsewhereFailsEvenWhenItAnswers200() throws Exception {
        openAi.enqueue(new MockResponse().setResponseCode(200));
        try (SetupChecklist checklist = new SetupChecklist(new SetupChecklist.Settings(KEY, baseUrl(), SECRET,
                "127.0.0.1", 0, openAi.url("/webhook").toString(), PROJECT), null, Duration.ofMillis(300))) {
            assertEquals(Status.PASS, checklist.checkListener().status());
            CheckResult result = checklist.checkPublicUrl(true, true);
            assertEquals(Status.FAIL, result.status(), result.toString());
            assertTrue(result.detail().contains("never reached"), result.detail());
        }
        RecordedRequest selfTest = openAi.takeRequest(1, TimeUnit.SECONDS);
        assertTrue(selfTest.getBody().readUtf8().contains(SetupChecklist.SELF_TEST_TYPE));
        assertTrue(selfTest.getHeader("webhook-signature").startsWith("v1,"));
    }

    @Test
    void tunnelWithNothingBehindItSays502Fix() throws Exception {
        openAi.enqueue(new MockResponse().setResponseCode(502));
        try (SetupChecklist checklist = checklist(KEY, SECRET, 0, openAi.url("/webhook").toString(), PROJECT)) {
            assertEquals(Status.PASS, checklist.checkListener().status());
            CheckResult result = checklist.checkPublicUrl(true, true);
            assertEquals(Status.FAIL, result.status());
            assertTrue(result.fix().contains("nothing answers behind it"), result.fix());
        }
    }

    @Test
    void missingAndMalformedPublicUrlsFail() {
        try (SetupChecklist checklist = checklist(KEY, SECRET, 0, null, PROJECT)) {
            CheckResult result = checklist.checkPublicUrl(true, true);
            assertEquals(Status.FAIL, result.status());
            assertTrue(result.fix().contains("ngrok http"), result.fix());
        }
        try (SetupChecklist checklist = checklist(KEY, SECRET, 0, "xyz.ngrok.app/webhook", PROJECT)) {
            assertEquals(Status.FAIL, checklist.checkPublicUrl(true, true).status());
        }
    }

    @Test
    void sipUriNeedsAProjectId() {
        try (SetupChecklist checklist = checklist(KEY, SECRET, 0, null, null)) {
            assertEquals(Status.FAIL, checklist.checkSipUri().status());
        }
        for (String bad : new String[] {"org-AbCdEf123456", "proj_", "proj_abc def", "my project"}) {
            try (SetupChecklist checklist = checklist(KEY, SECRET, 0, null, bad)) {
                CheckResult result = checklist.checkSipUri();
                assertEquals(Status.FAIL, result.status(), bad);
                assertTrue(result.fix().contains("proj_"), result.fix());
            }
        }
        assertEquals("sip:proj_Ab12Cd34Ef56@sip.api.openai.com;transport=tls", SetupChecklist.sipUri(" " + PROJECT + " "));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
