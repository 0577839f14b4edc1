package dev.switchboard.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --check} as a person runs it: environment in, one line per check out, exit code 0 or 1. */
class CheckCommandTest {

    @TempDir
    Path workingDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int check(Map<String, String> env, String... args) {
        return CheckCommand.run(args, env, workingDir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Duration.ofSeconds(5), true);
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void allGreenExitsZero() throws Exception {
        try (MockWebServer openAi = new MockWebServer()) {
            openAi.start(InetAddress.getLoopbackAddress(), 0);
            openAi.enqueue(new MockResponse().setResponseCode(200).setBody("{\"data\":[]}"));
            int port = SetupChecklistTest.freePort();
            int exit = check(Map.of("OPENAI_API_KEY", SetupChecklistTest.KEY,
                            "OPENAI_WEBHOOK_SECRET", SetupChecklistTest.SECRET, "OPENAI_BASE_URL", openAi.url("/v1").toString()),
                    "--check", "--port", Integer.toString(port), "--public-url", "http://127.0.0.1:" + port + "/webhook",
                    "--project-id", SetupChecklistTest.PROJECT);

            assertEquals(0, exit, String.join("\n", lines()));
            assertEquals(5, lines().size(), String.join("\n", lines()));
            lines().forEach(line -> assertTrue(line.startsWith("\u2714 "), line));
            assertTrue(lines().get(4).contains("sip:proj_Ab12Cd34Ef56@sip.api.openai.com;transport=tls"));
        }
    }

    @Test
    void badKeyFromA401PeerExitsOneAndSaysSo() throws Exception {
        try (MockWebServer openAi = new MockWebServer()) {
            openAi.start(InetAddress.getLoopbackAddress(), 0);
            openAi.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\":{\"message\":\"bad key\"}}"));
            int exit = check(Map.of("OPENAI_API_KEY", SetupChecklistTest.KEY,
                            "OPENAI_WEBHOOK_SECRET", SetupChecklistTest.SECRET, "OPENAI_BASE_URL", openAi.url("/v1").toString()),
                    "--check", "--port", "0", "--project-id", SetupChecklistTest.PROJECT);

            assertEquals(1, exit);
            String first = lines().get(0);
            assertTrue(first.startsWith("\u2718 API key: OpenAI refused the key") && first.contains("Fix: "), first);
            assertFalse(out.toString(StandardCharsets.UTF_8).contains(SetupChecklistTest.KEY));
        }
    }

    @Test
    void nothingConfiguredExitsOneWithEveryLine() {
        int exit = check(Map.of(), "--check", "--port", "0");
        assertEquals(1, exit);
        assertEquals(5, lines().size(), String.join("\n", lines()));
        assertTrue(lines().get(0).startsWith("\u2718 API key: OPENAI_API_KEY is not set."), lines().get(0));
        assertTrue(lines().get(2).startsWith("\u2714 Listener port"), lines().get(2));
        assertTrue(lines().get(3).startsWith("\u2718 Public URL"), lines().get(3));
    }

    @Test
    void unreadableConfigurationIsOneFailedLine() {
        int exit = check(Map.of("OPENAI_WEBHOOK_SECRET", "whsec_???"), "--check");
        assertEquals(1, exit);
        assertEquals(1, lines().size());
        assertTrue(lines().get(0).startsWith("\u2718 Configuration: OPENAI_WEBHOOK_SECRET"), lines().get(0));
    }

    @Test
    void asciiMarksWhenTheConsoleCannotShowSymbols() {
        assertEquals("[FAIL] SIP URI for the trunk: No OpenAI project id given. Fix: do it",
                CheckCommand.line(CheckResult.fail("SIP URI for the trunk", "No OpenAI project id given.", "do it"), false));
        assertEquals("[ok] API key: fine.", CheckCommand.line(CheckResult.pass("API key", "fine."), false));
    }
}
