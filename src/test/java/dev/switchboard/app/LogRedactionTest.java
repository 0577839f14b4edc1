package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import dev.switchboard.logging.LogFiles;
import dev.switchboard.logging.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The shipped logback.xml (not the test one) with a full headless demo call: the log file appears in the data
 * directory, and neither the API key nor the webhook secret is in it, though both were logged.
 */
class LogRedactionTest {

    @TempDir
    Path dataDir;

    private String previousLogDir;

    @BeforeEach
    void useTheShippedConfigurationInATempDataDir() throws Exception {
        previousLogDir = System.getProperty(LogFiles.LOG_DIR_PROPERTY);
        System.setProperty(LogFiles.LOG_DIR_PROPERTY, dataDir.resolve("logs").toString());
        configure(LogRedactionTest.class.getResource("/logback.xml"));
    }

    @AfterEach
    void restoreTheTestConfiguration() throws Exception {
        if (previousLogDir == null) {
            System.clearProperty(LogFiles.LOG_DIR_PROPERTY);
        } else {
            System.setProperty(LogFiles.LOG_DIR_PROPERTY, previousLogDir);
        }
        configure(LogRedactionTest.class.getResource("/logback-test.xml"));
    }

    @Test
    void keyAndSecretNeverReachTheLogFileAfterAFullDemoCall() throws Exception {
        // A key OpenAI could have issued, and a secret in the raw (non-whsec_) form, which only registration catches.
        String apiKey = "sk-proj-" + UUID.randomUUID().toString().replace("-", "");
        String secret = "raw-signing-secret-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = HeadlessMain.run(new String[] {"--headless", "--demo", "--port", "0", "--data-dir", dataDir.toString()},
                Map.of("OPENAI_API_KEY", apiKey, "OPENAI_WEBHOOK_SECRET", secret), dataDir,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), 0);
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));

        // The runtime registered both at startup; log them the ways code tends to.
        var log = LoggerFactory.getLogger(LogRedactionTest.class);
        log.info("configured key {} and secret {}", apiKey, secret);
        log.warn("request failed", new IllegalStateException("Authorization: Bearer " + apiKey + " rejected"));
        log.info("a different key seen in a proxy answer: sk-abcdefghijklmnopqrstuvwx");
        stopLogging(); // flush and close the file

        Path file = dataDir.resolve("logs").resolve(LogFiles.FILE_NAME);
        assertTrue(Files.isRegularFile(file), "no log file at " + file);
        String logged = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(logged.contains("webhook listener on http://127.0.0.1:"), "the demo call's logging is missing:\n" + logged);
        assertTrue(logged.contains("configured key [redacted] and secret [redacted]"), logged);
        assertTrue(logged.contains("IllegalStateException: Authorization: Bearer [redacted] rejected"), logged);
        assertFalse(logged.contains(apiKey), "the API key is in the log file");
        assertFalse(logged.contains(secret), "the webhook secret is in the log file");
        assertFalse(logged.contains("sk-abcdefghijklmnopqrstuvwx"), "a key-shaped word is in the log file");
        assertEquals(Redactor.REDACTED, Redactor.redact(secret), "HeadlessMain registered the configured secret");
    }

    private static void configure(URL configuration) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(configuration);
    }

    private static void stopLogging() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE").stop();
    }
}
