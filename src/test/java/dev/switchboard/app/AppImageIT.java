package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installer's runtime has every module the app needs: builds the app image exactly as the README says
 * ({@code jpackage @jpackage.cfg} after {@code mvn package}) and runs the bundled launcher headless.
 * Runs in {@code mvn verify} (failsafe); skipped only where the JDK has no jpackage.
 */
class AppImageIT {

    private static final Path PROJECT = Path.of(System.getProperty("switchboard.project.dir", ".")).toAbsolutePath();
    private static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    private static final Path IMAGE = PROJECT.resolve(MAC ? "target/dist/Switchboard.app" : "target/dist/Switchboard");

    @TempDir
    static Path work;

    private static Path launcher;

    @BeforeAll
    static void buildTheAppImage() throws Exception {
        Optional<Path> jpackage = findJpackage();
        Assumptions.assumeTrue(jpackage.isPresent(),
                "jpackage not found in java.home/bin or on the PATH: the app-image test is skipped (needs a full JDK 17+)");
        assertTrue(Files.isRegularFile(PROJECT.resolve("target/jpackage-input/switchboard.jar")),
                "mvn package should have put the fat jar into target/jpackage-input");
        deleteRecursively(IMAGE); // jpackage refuses to overwrite an existing image
        Path output = work.resolve("jpackage.out");
        Process process = new ProcessBuilder(jpackage.get().toString(), "@jpackage.cfg")
                .directory(PROJECT.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("jpackage took more than 5 minutes");
        }
        assertEquals(0, process.exitValue(), "jpackage @jpackage.cfg failed:\n" + Files.readString(output));
        launcher = launcherIn(IMAGE);
        assertTrue(Files.isExecutable(launcher), "no launcher at " + launcher);
    }

    @Test
    void bundledRuntimeRunsTheHeadlessDemoAndWritesTheLogFile() throws Exception {
        Path dataDir = work.resolve("data-demo");
        Result result = run(List.of("--headless", "--demo", "--port", "0", "--data-dir", dataDir.toString()), 3);

        assertEquals(0, result.exit, result.output);
        assertTrue(result.output.contains("switchboard: demo finished"), result.output);
        assertTrue(result.output.contains("state: active"), result.output);
        Path log = dataDir.resolve("logs/switchboard.log");
        assertTrue(Files.isRegularFile(log), "the packaged app wrote no log file at " + log + "\n" + result.output);
        assertTrue(Files.readString(log, StandardCharsets.UTF_8).contains("webhook listener on"));
    }

    @Test
    void bundledRuntimeRunsTheSetupChecklist() throws Exception {
        Result result = run(List.of("--check", "--port", "0", "--data-dir", work.resolve("data-check").toString()), 1);

        assertEquals(1, result.exit, result.output);
        assertTrue(result.output.contains("API key: OPENAI_API_KEY is not set."), result.output);
        assertTrue(result.output.contains("Listener port: Port is free"), result.output);
    }

    /** The Redis client and its pool load in the trimmed runtime: a desk asks a real redis-server about a call. */
    @Test
    void bundledRuntimeReachesATeamHub() throws Exception {
        try (dev.switchboard.team.RedisServer redis = dev.switchboard.team.RedisServer.start(work.resolve("redis"))) {
            Result result = run(List.of("--attach", redis.url(), "--say", "rtc_nosuchcall", "Hello?",
                    "--data-dir", work.resolve("data-desk").toString()), 1);

            assertEquals(1, result.exit, result.output);
            assertTrue(result.output.contains("switchboard: unknown call rtc_nosuchcall"), result.output);
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> args, int minutes) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(args);
        Path output = Files.createTempFile(work, "run", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("OPENAI_") || name.equals("PORT"));
        Process process = builder.start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("the packaged app did not exit within " + minutes + " min:\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static Path launcherIn(Path image) {
        return WINDOWS ? image.resolve("Switchboard.exe")
                : MAC ? image.resolve("Contents/MacOS/Switchboard") : image.resolve("bin/Switchboard");
    }

    private static Optional<Path> findJpackage() {
        String exe = WINDOWS ? "jpackage.exe" : "jpackage";
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home"), "bin", exe));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, exe));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
