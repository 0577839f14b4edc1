package dev.switchboard.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Where Switchboard keeps its history, profiles, settings and logs: {@code --data-dir}, else the OS's place. */
public final class DataDirectory {

    private DataDirectory() {
    }

    public static Path resolve(Optional<Path> override, Map<String, String> env, String osName, Path home) {
        if (override.isPresent()) {
            return override.get();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank() ? Path.of(appData, "Switchboard")
                    : home.resolve("AppData").resolve("Roaming").resolve("Switchboard");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Switchboard");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "switchboard")
                : home.resolve(".local").resolve("share").resolve("switchboard");
    }

    /** For this process: the flag, else the OS default for the current user. */
    public static Path forConfig(AppConfig config) {
        return resolve(config.dataDir(), System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", ".")));
    }
}
