package dev.switchboard.app;

import dev.switchboard.config.SavedSettings;

import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigException;
import dev.switchboard.config.DataDirectory;
import dev.switchboard.setup.CheckCommand;
import dev.switchboard.setup.SetupChecklist;
import dev.switchboard.config.SetupFile;
import dev.switchboard.config.SetupStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;

/**
 * What {@code --check} checks: the command line and environment as for the window, plus what the window saved
 * (the connection in settings.properties, the tunnel URL and project id in setup.properties), so the command
 * line and the Setup checklist screen check the same thing.
 */
final class CheckSettings {

    private CheckSettings() {
    }

    static SetupChecklist.Settings load(String[] args, Map<String, String> env, Path workingDir, AppConfig plain)
            throws ConfigException {
        AppConfig config = SavedSettings.load(args, env, workingDir, new ArrayList<>()).config();
        SetupStore.Fields setup = new SetupFile(DataDirectory.forConfig(plain).resolve(SetupFile.FILE_NAME),
                new SetupStore.Fields(config.publicUrl().orElse(""), config.projectId().orElse(""))).load();
        return new SetupChecklist.Settings(config.apiKey().orElse(null), config.baseUrl(),
                config.webhookSecret().orElse(null), config.bind(), config.port(), blankToNull(setup.publicUrl()),
                blankToNull(setup.projectId()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** For the launcher: the loader with this process's command line and environment. */
    static CheckCommand.SettingsLoader forProcess(String[] args) {
        return plain -> load(args, System.getenv(), Path.of("").toAbsolutePath(), plain);
    }
}
