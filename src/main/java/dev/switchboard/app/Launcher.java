package dev.switchboard.app;

import dev.switchboard.logging.LogFiles;
import dev.switchboard.setup.CheckCommand;
import java.util.Arrays;
import java.util.List;

/**
 * Plain main class of the fat jar. A main class that extends {@code Application} refuses to start from the
 * classpath; this one does not, and the headless mode never loads JavaFX at all.
 */
public final class Launcher {

    private static final List<String> HEADLESS_FLAGS = List.of("--headless", "--help", "-h", "--tail", "--say");

    private Launcher() {
    }

    public static void main(String[] args) {
        // Before anything creates a logger: logback reads the log directory once, when it configures itself.
        LogFiles.install(args);
        List<String> arguments = Arrays.asList(args);
        boolean help = arguments.contains("--help") || arguments.contains("-h");
        if (arguments.contains("--check") && !help) {
            CheckCommand.main(args, CheckSettings.forProcess(args));
        } else if (arguments.stream().anyMatch(a -> HEADLESS_FLAGS.contains(a) || a.startsWith("--import-profiles"))) {
            HeadlessMain.main(args);
        } else {
            SwitchboardApp.main(args);
        }
    }
}
