package dev.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.TurnDetection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {

    private static final String KEY = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789wxyz";
    private static final String SECRET = "whsec_c3dpdGNoYm9hcmQtdGVzdC1zZWNyZXQtMzItYnl0ZXM=";

    @TempDir
    Path dir;

    @Test
    void defaultsWithNothingConfigured() throws ConfigException {
        AppConfig config = load(Map.of());

        assertEquals(Optional.empty(), config.apiKey());
        assertEquals(Optional.empty(), config.webhookSecret());
        assertEquals(Optional.empty(), config.signingSecret());
        assertEquals("https://api.openai.com/v1", config.baseUrl());
        assertEquals(8000, config.port());
        assertEquals("127.0.0.1", config.bind());
        assertFalse(config.headless());
        assertTrue(config.demo(), "no API key means demo mode");
        assertEquals(AcceptSettings.defaults(), config.acceptSettings());
        assertEquals(Optional.empty(), config.dataDir());
        assertFalse(config.helpRequested());
        assertEquals("(not set)", config.maskedApiKey());
    }

    @Test
    void environmentProvidesCredentials() throws ConfigException {
        AppConfig config = load(Map.of("OPENAI_API_KEY", KEY, "OPENAI_WEBHOOK_SECRET", SECRET,
                "OPENAI_BASE_URL", "http://127.0.0.1:9000/v1/", "PORT", "0"));

        assertEquals(Optional.of(KEY), config.apiKey());
        assertEquals(Optional.of(SECRET), config.webhookSecret());
        assertTrue(config.signingSecret().isPresent());
        assertEquals("http://127.0.0.1:9000/v1", config.baseUrl(), "trailing slash stripped");
        assertEquals(0, config.port());
        assertFalse(config.demo());
    }

    @Test
    void dotEnvIsReadAndTheEnvironmentWins() throws Exception {
        writeDotEnv("# local settings",
                "export OPENAI_API_KEY=\"sk-from-dotenv-0000000000\"",
                "OPENAI_WEBHOOK_SECRET='" + SECRET + "'",
                "",
                "PORT=9001   # the tunnel forwards here",
                "OPENAI_BASE_URL=https://proxy.example/v1");

        AppConfig fromFile = load(Map.of());
        assertEquals(Optional.of("sk-from-dotenv-0000000000"), fromFile.apiKey());
        assertEquals(Optional.of(SECRET), fromFile.webhookSecret());
        assertEquals(9001, fromFile.port());
        assertEquals("https://proxy.example/v1", fromFile.baseUrl());

        AppConfig envWins = load(Map.of("OPENAI_API_KEY", KEY, "PORT", "8123"));
        assertEquals(Optional.of(KEY), envWins.apiKey());
        assertEquals(8123, envWins.port());
        assertEquals("https://proxy.example/v1", envWins.baseUrl(), "unset in env, so .env applies");
    }

    @Test
    void flagsBeatTheEnvironmentInBothForms() throws ConfigException {
        Map<String, String> env = Map.of("PORT", "8000", "OPENAI_BASE_URL", "https://api.openai.com/v1");

        AppConfig spaced = load(env, "--port", "9100", "--bind", "0.0.0.0", "--base-url", "http://localhost:1234/v1");
        AppConfig joined = load(env, "--port=9100", "--bind=0.0.0.0", "--base-url=http://localhost:1234/v1");

        for (AppConfig config : new AppConfig[] {spaced, joined}) {
            assertEquals(9100, config.port());
            assertEquals("0.0.0.0", config.bind());
            assertEquals("http://localhost:1234/v1", config.baseUrl());
        }
    }

    @Test
    void flagOverridesAMalformedEnvironmentValue() throws ConfigException {
        assertEquals(9000, load(Map.of("PORT", "abc"), "--port", "9000").port());
    }

    @Test
    void headlessFlagsBuildAcceptSettings() throws Exception {
        Path prompt = dir.resolve("prompt.txt");
        Files.writeString(prompt, "\uFEFFYou answer for the bakery. Be brief.\n", StandardCharsets.UTF_8);

        AppConfig config = load(Map.of("OPENAI_API_KEY", KEY), "--headless", "--demo",
                "--instructions-file", "prompt.txt", "--voice=cedar", "--model", "gpt-realtime-mini",
                "--greeting", "", "--transcription", "off", "--turn-detection=server_vad", "--data-dir", "data");

        assertTrue(config.headless());
        assertTrue(config.demo(), "--demo forces demo mode even with a key");
        AcceptSettings settings = config.acceptSettings();
        assertEquals("You answer for the bakery. Be brief.", settings.instructions());
        assertEquals("cedar", settings.voice());
        assertEquals("gpt-realtime-mini", settings.model());
        assertEquals("", settings.greeting());
        assertFalse(settings.transcribesCaller());
        assertEquals(TurnDetection.SERVER_VAD, settings.turnDetection());
        assertEquals(Optional.of(dir.resolve("data")), config.dataDir());
    }

    @Test
    void inlineInstructionsAndTranscriptionModel() throws ConfigException {
        AcceptSettings settings = load(Map.of(), "--instructions", "Say hi.",
                "--transcription=gpt-4o-transcribe").acceptSettings();
        assertEquals("Say hi.", settings.instructions());
        assertEquals("gpt-4o-transcribe", settings.transcriptionModel());
    }

    @Test
    void malformedPortIsRefusedInPlainWords() {
        assertEquals("PORT must be a number between 0 and 65535, got 'abc'", failure(Map.of("PORT", "abc")));
        assertEquals("PORT must be a number between 0 and 65535, got '70000'", failure(Map.of("PORT", "70000")));
        assertEquals("--port must be a number between 0 and 65535, got '-1'", failure(Map.of(), "--port=-1"));
    }

    @Test
    void malformedSecretIsRefusedWithoutEchoingIt() {
        String message = failure(Map.of("OPENAI_WEBHOOK_SECRET", "whsec_!!not-base64!!"));
        assertEquals("OPENAI_WEBHOOK_SECRET is not 'whsec_' followed by base64", message);
    }

    @Test
    void badBaseUrlIsRefused() {
        assertEquals("OPENAI_BASE_URL must be an http or https URL, got 'ftp://files.example/v1'",
                failure(Map.of("OPENAI_BASE_URL", "ftp://files.example/v1")));
        assertEquals("--base-url must be an http or https URL, got 'not a url'",
                failure(Map.of(), "--base-url", "not a url"));
    }

    @Test
    void missingInstructionsFileIsNamed() {
        String message = failure(Map.of(), "--instructions-file", "nope.txt");
        assertEquals("--instructions-file not found: " + dir.resolve("nope.txt"), message);
    }

    @Test
    void unknownFlagPointsToHelp() {
        assertEquals("unknown option --colour (see --help)", failure(Map.of(), "--colour", "blue"));
        assertEquals("unknown option --x (see --help)", failure(Map.of(), "--x=1"));
    }

    @Test
    void flagWithoutItsValueIsRefused() {
        assertEquals("--voice needs a value", failure(Map.of(), "--voice"));
        assertEquals("--voice needs a value", failure(Map.of(), "--voice", "--headless"));
        assertEquals("--headless takes no value", failure(Map.of(), "--headless=yes"));
    }

    @Test
    void invalidVoiceMessageNamesTheVoice() {
        String message = failure(Map.of(), "--voice", "robot");
        assertTrue(message.startsWith("Voice 'robot' is not one of alloy"), message);
    }

    @Test
    void invalidTurnDetectionIsRefused() {
        assertEquals("--turn-detection must be semantic_vad, server_vad or none, got 'loud'",
                failure(Map.of(), "--turn-detection", "loud"));
    }

    @Test
    void helpWinsEvenOverBrokenSettings() throws ConfigException {
        AppConfig config = load(Map.of("PORT", "abc"), "--port", "x", "--help");
        assertTrue(config.helpRequested());
        String usage = AppConfig.usage();
        for (String item : new String[] {"--headless", "--demo", "--port", "--bind", "--base-url", "--instructions",
                "--instructions-file", "--voice", "--model", "--greeting", "--transcription", "--turn-detection",
                "--data-dir", "--help", "--check", "--public-url", "--project-id", "--presenter", "OPENAI_PROJECT_ID",
                "SWITCHBOARD_PUBLIC_URL", "OPENAI_API_KEY", "OPENAI_WEBHOOK_SECRET", "OPENAI_BASE_URL", "PORT"}) {
            assertTrue(usage.contains(item), "usage mentions " + item);
        }
    }

    @Test
    void maskedKeyAndToStringNeverShowTheKeyOrSecret() throws ConfigException {
        AppConfig config = load(Map.of("OPENAI_API_KEY", KEY, "OPENAI_WEBHOOK_SECRET", SECRET));

        assertEquals("sk-…wxyz", config.maskedApiKey());
        String text = config.toString();
        assertFalse(text.contains(KEY), text);
        assertFalse(text.contains("abcdefghijkl"), text);
        assertFalse(text.contains(SECRET.substring(6)), text);
        assertTrue(text.contains("sk-…wxyz"), text);
    }

    @Test
    void checklistAndPresenterFlags() throws ConfigException {
        AppConfig none = load(Map.of());
        assertFalse(none.check());
        assertFalse(none.presenter());
        assertEquals(Optional.empty(), none.publicUrl());
        assertEquals(Optional.empty(), none.projectId());

        AppConfig config = load(Map.of(), "--check", "--presenter", "--public-url", " https://xyz.ngrok.app/webhook ",
                "--project-id=proj_abc123def");
        assertTrue(config.check());
        assertTrue(config.presenter());
        assertEquals(Optional.of("https://xyz.ngrok.app/webhook"), config.publicUrl());
        assertEquals(Optional.of("proj_abc123def"), config.projectId());
        assertThrows(ConfigException.class, () -> load(Map.of(), "--presenter=yes"));
        assertThrows(ConfigException.class, () -> load(Map.of(), "--public-url"));
    }

    @Test
    void projectIdAndPublicUrlComeFromTheEnvironmentOrDotEnvToo() throws Exception {
        writeDotEnv("OPENAI_PROJECT_ID=proj_fromdotenv1", "SWITCHBOARD_PUBLIC_URL=https://a.ngrok.app/webhook");
        AppConfig config = load(Map.of("OPENAI_PROJECT_ID", "proj_fromenv1"));
        assertEquals(Optional.of("proj_fromenv1"), config.projectId());
        assertEquals(Optional.of("https://a.ngrok.app/webhook"), config.publicUrl());
        assertEquals(Optional.of("proj_flag1"), load(Map.of(), "--project-id", "proj_flag1").projectId());
    }

    @Test
    void malformedDotEnvLineIsReportedByNumberOnly() throws IOException {
        writeDotEnv("PORT=8000", "OPENAI_API_KEY sk-secret-value");
        String message = failure(Map.of());
        assertEquals(".env line 2 is not KEY=value", message);
    }

    private void writeDotEnv(String... lines) throws IOException {
        Files.writeString(dir.resolve(".env"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private AppConfig load(Map<String, String> env, String... args) throws ConfigException {
        return AppConfig.load(args, env, dir);
    }

    private String failure(Map<String, String> env, String... args) {
        return assertThrows(ConfigException.class, () -> load(env, args)).getMessage();
    }
}
