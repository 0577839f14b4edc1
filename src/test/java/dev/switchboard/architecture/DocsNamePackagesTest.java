package dev.switchboard.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's architecture section and docs/architecture.md name every package there is (they stay current). */
class DocsNamePackagesTest {

    private static final Path ROOT = Path.of("src", "main", "java", "dev", "switchboard");

    @Test
    void everyPackageIsNamedInTheReadmeAndTheArchitectureDoc() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String architecture = Files.readString(Path.of("docs", "architecture.md"));
        List<String> packages;
        try (Stream<Path> dirs = Files.walk(ROOT)) {
            packages = dirs.filter(Files::isDirectory).filter(d -> !d.equals(ROOT))
                    .map(d -> ROOT.relativize(d).toString().replace('/', '.').replace('\\', '.')).sorted().toList();
        }
        List<String> missing = packages.stream()
                .filter(p -> !readme.contains("`" + p + "`") || !architecture.contains("`" + p + "`")).toList();
        assertEquals(List.of(), missing, "packages not named in README.md's Architecture section or docs/architecture.md");
    }
}
