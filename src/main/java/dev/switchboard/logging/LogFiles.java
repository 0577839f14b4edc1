package dev.switchboard.logging;

import dev.switchboard.config.DataDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the log file goes: {@code <data dir>/logs/switchboard.log}. {@link #install} must run before the first
 * logger is created (the Launcher does it first thing), because logback reads {@value #LOG_DIR_PROPERTY} once, when
 * it configures itself.
 */
public final class LogFiles {

    /** The system property logback.xml takes the log directory from. */
    public static final String LOG_DIR_PROPERTY = "switchboard.logDir";
    public static final String FILE_NAME = "switchboard.log";

    private LogFiles() {
    }

    /**
     * Sets {@value #LOG_DIR_PROPERTY} from {@code --data-dir} in the arguments (else the OS's data directory),
     * unless it is already set (tests set it). Does not touch logging itself.
     */
    public static Path install(String[] args) {
        String preset = System.getProperty(LOG_DIR_PROPERTY);
        if (preset != null && !preset.isBlank()) {
            return Path.of(preset);
        }
        Path dir = directoryFor(args, System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", ".")), Path.of("").toAbsolutePath());
        System.setProperty(LOG_DIR_PROPERTY, dir.toString());
        return dir;
    }

    /** {@code <data dir>/logs}, the data directory being {@code --data-dir} (relative to workingDir) or the OS default. */
    public static Path directoryFor(String[] args, Map<String, String> env, String osName, Path home, Path workingDir) {
        Optional<Path> override = dataDirFlag(args == null ? List.of() : List.of(args)).map(workingDir::resolve);
        return DataDirectory.resolve(override, env, osName, home).resolve("logs").toAbsolutePath().normalize();
    }

    /** The log directory of this process (for "Open log folder"): the property, else the OS default. */
    public static Path currentDirectory() {
        String dir = System.getProperty(LOG_DIR_PROPERTY);
        return dir != null && !dir.isBlank() ? Path.of(dir)
                : directoryFor(new String[0], System.getenv(), System.getProperty("os.name", ""),
                        Path.of(System.getProperty("user.home", ".")), Path.of("").toAbsolutePath());
    }

    /** The file being written now: {@code <log dir>/switchboard.log} (older ones sit next to it). */
    public static Path currentFile() {
        return currentDirectory().resolve(FILE_NAME);
    }

    private static Optional<Path> dataDirFlag(List<String> args) {
        Optional<Path> found = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            try {
                if (arg.equals("--data-dir") && i + 1 < args.size() && !args.get(i + 1).isBlank()) {
                    found = Optional.of(Path.of(args.get(++i).trim()));
                } else if (arg.startsWith("--data-dir=") && arg.length() > "--data-dir=".length()) {
                    found = Optional.of(Path.of(arg.substring("--data-dir=".length()).trim()));
                }
            } catch (java.nio.file.InvalidPathException e) {
                // AppConfig reports the bad flag in words; the log goes to the default place meanwhile
            }
        }
        return found;
    }
}
