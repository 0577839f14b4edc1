package dev.switchboard.app;

import dev.switchboard.config.SavedSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.config.AppConfig;
import dev.switchboard.setup.SetupChecklist;
import dev.switchboard.config.SetupFile;
import dev.switchboard.config.SetupStore;
import dev.switchboard.webhook.WebhookSecret;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `--check` checks what the window saved, and the command line still wins. */
class CheckSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void theCheckSeesWhatTheWindowSaved() throws Exception {
        String secret = WebhookSecret.generate();
        SavedSettings.save(dataDir.resolve(SavedSettings.FILE_NAME), "sk-saved-in-the-window-0000", secret, 8123,
                "127.0.0.1", "http://127.0.0.1:9/v1", Set.of());
        new SetupFile(dataDir.resolve(SetupFile.FILE_NAME), new SetupStore.Fields("", ""))
                .save(new SetupStore.Fields("https://saved.ngrok.app/webhook", "proj_saved"));
        String[] args = {"--check", "--data-dir", dataDir.toString()};

        SetupChecklist.Settings settings = CheckSettings.load(args, Map.of(), dataDir,
                AppConfig.load(args, Map.of(), dataDir));

        assertEquals("sk-saved-in-the-window-0000", settings.apiKey());
        assertEquals(secret, settings.webhookSecret());
        assertEquals(8123, settings.port());
        assertEquals("http://127.0.0.1:9/v1", settings.baseUrl());
        assertEquals("https://saved.ngrok.app/webhook", settings.publicUrl());
        assertEquals("proj_saved", settings.projectId());
    }

    @Test
    void flagsAndEnvironmentWinOverTheSavedValues() throws Exception {
        new SetupFile(dataDir.resolve(SetupFile.FILE_NAME), new SetupStore.Fields("", ""))
                .save(new SetupStore.Fields("https://saved.ngrok.app/webhook", "proj_saved"));
        String[] args = {"--check", "--data-dir", dataDir.toString(), "--project-id", "proj_flag", "--port", "8200"};
        Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-from-the-environment-1111");

        SetupChecklist.Settings settings = CheckSettings.load(args, env, dataDir, AppConfig.load(args, env, dataDir));

        assertEquals("proj_flag", settings.projectId());
        assertEquals("https://saved.ngrok.app/webhook", settings.publicUrl());
        assertEquals("sk-from-the-environment-1111", settings.apiKey());
        assertEquals(8200, settings.port());
    }
}
