package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar ships the app, not its test tools: no JUnit and no OkHttp MockWebServer, which only tests use as
 * a protocol peer (the simulator behind demo mode runs on Jetty). Runs in {@code mvn verify} (failsafe), after the
 * shade plugin built {@code target/switchboard.jar}.
 */
class RunnableJarIT {

    private static final Path PROJECT = Path.of(System.getProperty("switchboard.project.dir", ".")).toAbsolutePath();
    private static final Path JAR = PROJECT.resolve("target/switchboard.jar");

    @Test
    void holdsNoTestLibraries() throws IOException {
        List<String> entries = entries();
        List<String> testOnly = entries.stream()
                .filter(name -> name.startsWith("org/junit/") || name.startsWith("junit/")
                        || name.contains("okhttp3/mockwebserver") || name.contains("/mockwebserver/"))
                .sorted().toList();

        assertEquals(List.of(), testOnly.stream().limit(20).toList(),
                testOnly.size() + " test-only entries in " + JAR + " (first 20 shown)");
    }

    @Test
    void holdsTheAppAndTheSimulatorsServer() throws IOException {
        // a wrong or empty jar must not pass the check above
        Set<String> entries = Set.copyOf(entries());
        Set<String> needed = Set.of("dev/switchboard/app/Launcher.class", "dev/switchboard/sim/Simulator.class",
                "org/eclipse/jetty/server/Server.class",
                "org/eclipse/jetty/websocket/server/WebSocketUpgradeHandler.class");
        Set<String> missing = needed.stream().filter(name -> !entries.contains(name)).collect(Collectors.toSet());
        assertTrue(missing.isEmpty(), "missing from " + JAR + ": " + missing);
    }

    private static List<String> entries() throws IOException {
        assertTrue(Files.isRegularFile(JAR), "mvn package should have built " + JAR);
        try (JarFile jar = new JarFile(JAR.toFile())) {
            return Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
        }
    }
}
