package dev.switchboard.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.switchboard.call.AcceptSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class ConnectionWarmerTest {

    @Test
    void connectsAtStartWithTheKeyAndTheAcceptThenNeedsNoNewConnection() throws Exception {
        try (MockWebServer api = new MockWebServer()) {
            api.enqueue(new MockResponse().setBody("{\"object\":\"list\",\"data\":[]}"));
            api.enqueue(new MockResponse().setResponseCode(200));
            api.start();
            OkHttpClient http = OpenAiHttp.newClient();
            OpenAiEndpoints endpoints = new OpenAiEndpoints(api.url("/v1").toString());
            try (ConnectionWarmer warmer = new ConnectionWarmer(http, endpoints, "sk-test-warm", Duration.ofHours(1))
                    .start()) {
                RecordedRequest warm = api.takeRequest(10, TimeUnit.SECONDS);
                assertNotNull(warm, "the warmer connects at start");
                assertEquals("GET", warm.getMethod());
                assertEquals("/v1/models", warm.getPath());
                assertEquals("Bearer sk-test-warm", warm.getHeader("Authorization"));
                // the server has the request; the warmer may still be reading the answer
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (http.connectionPool().idleConnectionCount() == 0 && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                assertEquals(1, http.connectionPool().idleConnectionCount(), "the warm connection is pooled");

                new CallsClient(http, endpoints, "sk-test-warm", RetryPolicy.DEFAULT)
                        .accept("rtc_1", AcceptSettings.defaults(), () -> true);
                RecordedRequest accept = api.takeRequest(10, TimeUnit.SECONDS);
                assertEquals("/v1/realtime/calls/rtc_1/accept", accept.getPath());
                // the second request on the warmer's connection: no new connect, no handshake
                assertEquals(1, accept.getSequenceNumber());
            }
        }
    }

    @Test
    void aDownApiIsQuietAndTriedAgainAtTheNextTick() throws Exception {
        MockWebServer api = new MockWebServer();
        api.start();
        String url = api.url("/v1").toString();
        api.shutdown(); // nobody listens there now
        ConnectionWarmer warmer = new ConnectionWarmer(OpenAiHttp.newClient(), new OpenAiEndpoints(url), "sk-x",
                Duration.ofHours(1));
        warmer.warm(); // no exception: the next tick tries again
        warmer.warm();
        warmer.close();
    }
}
