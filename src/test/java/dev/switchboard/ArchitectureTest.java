package dev.switchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** JavaFX stays in the window: the core (call model, webhook, REST, socket, simulator) must run headless. */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path PACKAGES = SOURCES.resolve(Path.of("dev", "switchboard"));
    private static final List<Path> MAY_USE_JAVAFX = List.of(PACKAGES.resolve("ui"), PACKAGES.resolve("app"));
    private static final Pattern JAVAFX_IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?javafx\\.", Pattern.MULTILINE);

    @Test
    void onlyTheUiAndTheAppImportJavaFx() throws IOException {
        assertTrue(Files.isDirectory(PACKAGES), "run from the project root: " + PACKAGES.toAbsolutePath());
        List<String> offenders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            offenders = files
                    .filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> MAY_USE_JAVAFX.stream().noneMatch(p::startsWith))
                    .filter(ArchitectureTest::importsJavaFx)
                    .map(p -> SOURCES.relativize(p).toString())
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), offenders, "these files import javafx.* outside dev/switchboard/ui and dev/switchboard/app");
    }

    private static boolean importsJavaFx(Path file) {
        try {
            return JAVAFX_IMPORT.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
