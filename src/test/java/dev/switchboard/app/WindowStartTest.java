package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.config.ConfigException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window waits for its back end without blocking: a back end that cannot start says why instead of hanging. */
class WindowStartTest {

    @TempDir
    Path dir;

    @Test
    void aBackEndThatCannotStartCompletesWithItsReason() {
        CompletableFuture<WindowStart.Started> started = WindowStart.started(
                new String[] {"--port", "not-a-port", "--data-dir", dir.toString()}, 1);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> started.get(20, TimeUnit.SECONDS));
        assertInstanceOf(ConfigException.class, failed.getCause());
    }
}
