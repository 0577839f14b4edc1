package dev.switchboard.app;

import java.util.Arrays;
import java.util.List;

/**
 * Plain main class of the fat jar. A main class that extends {@code Application} refuses to start from the
 * classpath; this one does not, and the headless mode never loads JavaFX at all.
 */
public final class Launcher {

    private static final List<String> HEADLESS_FLAGS = List.of("--headless", "--help", "-h");

    private Launcher() {
    }

    public static void main(String[] args) {
        if (Arrays.stream(args).anyMatch(HEADLESS_FLAGS::contains)) {
            HeadlessMain.main(args);
        } else {
            SwitchboardApp.main(args);
        }
    }
}
