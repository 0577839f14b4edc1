package dev.switchboard.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Classes stay small enough to read: none over 450 lines, and the wiring in {@code app} under 250 each. */
class SourceSizeTest {

    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Path APP = MAIN.resolve(Path.of("dev", "switchboard", "app"));

    @Test
    void noClassIsOver450LinesAndNoAppFileReaches250() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(MAIN)) {
            tooLong = files.filter(p -> p.toString().endsWith(".java")).filter(SourceSizeTest::tooLong)
                    .map(p -> MAIN.relativize(p) + " (" + lines(p) + " lines)").sorted().toList();
        }
        assertEquals(List.of(), tooLong, "split these: over 450 lines, or 250 or more in app/");
    }

    private static boolean tooLong(Path file) {
        long lines = lines(file);
        return lines > 450 || (file.startsWith(APP) && lines >= 250);
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
