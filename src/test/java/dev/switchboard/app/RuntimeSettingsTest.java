package dev.switchboard.app;

import dev.switchboard.config.SavedSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.config.AppConfig;
import dev.switchboard.monitor.ActionFailedException;
import dev.switchboard.monitor.ConnectionInfo;
import dev.switchboard.monitor.ConnectionSettings;
import dev.switchboard.sim.Scenario;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.Simulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings saved from the window: the file, the restart on a new port, live ↔ demo, Test connection. */
class RuntimeSettingsTest {

    private static final String LIVE_KEY = "sk-test-0123456789abcdefWXYZ";

    @TempDir
    Path dir;

    private SwitchboardRuntime demoRuntime() throws Exception {
        AppConfig config = AppConfig.load(new String[] {"--port", "0", "--data-dir", dir.toString()}, Map.of(), dir);
        return SwitchboardRuntime.start(config, 0, SavedSettings.fileFor(config), Set.of());
    }

    @Test
    void applySettingsRestartsTheListenerOnTheNewPortAndKeepsTheCalls() throws Exception {
        try (SwitchboardRuntime runtime = demoRuntime()) {
            String before = runtime.listenerUrl();
            String first = runtime.service().ringDemoCall(Scenario.HANGS_UP_WHILE_RINGING.ordinal()).get(10, TimeUnit.SECONDS);
            int port = freePort();

            runtime.service().applySettings(new ConnectionSettings(null, null, port, "127.0.0.1", AppConfig.DEFAULT_BASE_URL))
                    .get(10, TimeUnit.SECONDS);

            assertNotEquals(before, runtime.listenerUrl());
            assertEquals("http://127.0.0.1:" + port + "/webhook", runtime.listenerUrl());
            assertTrue(runtime.isDemo(), "no key and no secret: still demo");
            assertTrue(runtime.calls().find(first).isPresent(), "calls of the old listener stay listed");
            assertFalse(accepts(before), "the old listener is stopped");
            // the new listener takes the demo's webhooks
            String second = runtime.service().ringDemoCall(Scenario.SUPPORT_CALL.ordinal()).get(10, TimeUnit.SECONDS);
            assertTrue(runtime.calls().find(second).isPresent());
            assertEquals(2, runtime.service().webhooksReceived(), "counters carry over the restart");

            Path file = dir.resolve(SavedSettings.FILE_NAME);
            assertEquals(Integer.toString(port), SavedSettings.read(file).get(ConnectionInfo.PORT));
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }
    }

    @Test
    void aKeyAndSecretSwitchToLiveModeAndRemovingTheKeyBackToDemo() throws Exception {
        try (Simulator peer = new Simulator(SimOptions.fast()); SwitchboardRuntime runtime = demoRuntime()) {
            peer.start();
            runtime.service().applySettings(new ConnectionSettings(peer.apiKey(), peer.webhookSecret(), 0, "127.0.0.1",
                    peer.baseUrl())).get(10, TimeUnit.SECONDS);
            assertFalse(runtime.isDemo());
            assertEquals(ConnectionSettings.maskKey(peer.apiKey()), runtime.service().maskedApiKey());
            assertFalse(runtime.service().connectionInfo().toString().contains(peer.apiKey()), "info never holds the key");

            peer.setWebhookTarget(URI.create(runtime.listenerUrl()));
            String id = peer.ring(Scenario.SUPPORT_CALL);
            var call = runtime.calls().whenAdded(id).get(10, TimeUnit.SECONDS);
            runtime.backend().actions().accept(call, dev.switchboard.call.AcceptSettings.defaults()).get(10, TimeUnit.SECONDS);
            assertTrue(peer.call(id).orElseThrow().acceptBody().isPresent(), "accepted through the peer with the new key");

            Map<String, String> saved = SavedSettings.read(dir.resolve(SavedSettings.FILE_NAME));
            assertEquals(peer.apiKey(), saved.get(ConnectionInfo.API_KEY));
            assertEquals(peer.baseUrl(), saved.get(ConnectionInfo.BASE_URL));

            runtime.service().applySettings(new ConnectionSettings("", null, 0, "127.0.0.1", AppConfig.DEFAULT_BASE_URL))
                    .get(10, TimeUnit.SECONDS);
            assertTrue(runtime.isDemo(), "without a key: demo mode again");
            assertFalse(SavedSettings.read(dir.resolve(SavedSettings.FILE_NAME)).containsKey(ConnectionInfo.API_KEY));
            assertTrue(runtime.calls().find(id).isPresent());
        }
    }

    @Test
    void aBadSecretIsRefusedAndTheListenerKeepsRunning() throws Exception {
        try (SwitchboardRuntime runtime = demoRuntime()) {
            String before = runtime.listenerUrl();
            ExecutionException e = assertThrows(ExecutionException.class, () -> runtime.service().applySettings(
                    new ConnectionSettings(LIVE_KEY, "whsec_!!not base64!!", 0, "127.0.0.1", AppConfig.DEFAULT_BASE_URL))
                    .get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof ActionFailedException, e.toString());
            assertEquals(before, runtime.listenerUrl());
            assertTrue(accepts(before));
        }
    }

    @Test
    void testConnectionReportsOkRefusedAndUnreachableInPlainWords() throws Exception {
        try (MockWebServer openai = new MockWebServer(); SwitchboardRuntime runtime = demoRuntime()) {
            openai.enqueue(new MockResponse().setResponseCode(401).setBody(
                    "{\"error\":{\"message\":\"Incorrect API key provided: sk-test***WXYZ\",\"type\":\"invalid_request_error\","
                            + "\"code\":\"invalid_api_key\"}}"));
            openai.enqueue(new MockResponse().setBody("{\"object\":\"list\",\"data\":[]}"));
            openai.start();
            String base = openai.url("/v1").toString();

            String refused = runtime.service().testConnection(LIVE_KEY, base).get(10, TimeUnit.SECONDS);
            assertTrue(refused.startsWith("Key refused (401)"), refused);
            RecordedRequest request = openai.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("/v1/models", request.getPath());
            assertEquals("Bearer " + LIVE_KEY, request.getHeader("Authorization"));

            String ok = runtime.service().testConnection(LIVE_KEY, base).get(10, TimeUnit.SECONDS);
            assertTrue(ok.startsWith("OK"), ok);
            assertFalse(ok.contains(LIVE_KEY));

            String unreachable = runtime.service().testConnection(LIVE_KEY, "http://127.0.0.1:" + freePort() + "/v1")
                    .get(20, TimeUnit.SECONDS);
            assertTrue(unreachable.startsWith("Could not reach"), unreachable);

            assertTrue(runtime.service().testConnection(null, base).get(10, TimeUnit.SECONDS).startsWith("No API key"),
                    "demo mode without a saved key has nothing to test");
        }
    }

    @Test
    void savedSettingsLoadUnderTheEnvironment() throws Exception {
        Path file = dir.resolve(SavedSettings.FILE_NAME);
        SavedSettings.save(file, LIVE_KEY, "whsec_" + "A".repeat(43) + "=", 8123, "0.0.0.0", "https://example.test/v1", Set.of());
        String[] args = {"--data-dir", dir.toString()};
        List<String> problems = new ArrayList<>();

        SavedSettings.Loaded fromFile = SavedSettings.load(args, Map.of(), dir, problems);
        assertEquals(LIVE_KEY, fromFile.config().apiKey().orElseThrow());
        assertEquals(8123, fromFile.config().port());
        assertEquals("0.0.0.0", fromFile.config().bind());
        assertEquals("https://example.test/v1", fromFile.config().baseUrl());
        assertEquals(Set.of(), fromFile.fromEnvironment());

        SavedSettings.Loaded envWins = SavedSettings.load(new String[] {"--data-dir", dir.toString(), "--bind", "::1"},
                Map.of("OPENAI_API_KEY", "sk-from-env-0123456789", "PORT", "9000"), dir, problems);
        assertEquals("sk-from-env-0123456789", envWins.config().apiKey().orElseThrow());
        assertEquals(9000, envWins.config().port());
        assertEquals("::1", envWins.config().bind(), "a flag wins too");
        assertEquals("https://example.test/v1", envWins.config().baseUrl(), "what the environment leaves unset comes from the file");
        assertEquals(Set.of(ConnectionInfo.API_KEY, ConnectionInfo.PORT, ConnectionInfo.BIND), envWins.fromEnvironment());
        assertEquals(List.of(), problems);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(String url) {
        URI uri = URI.create(url);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
