package dev.switchboard.app;

import dev.switchboard.config.ConfigException;
import dev.switchboard.config.SavedSettings;
import dev.switchboard.monitor.TeamHubSettings;
import dev.switchboard.team.TeamWatcher;
import dev.switchboard.util.Threads;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the window's back end (settings, history, the listener, the simulator in demo mode; or a team desk's
 * watcher) on a thread of its own while JavaFX starts its toolkit and shows the window's starting view: each takes
 * a few hundred milliseconds, and the window needs the back end only once it builds its views.
 */
final class WindowStart {

    /** What the window runs on: a desk's watcher or the runtime (exactly one of the two), and Settings → Team hub. */
    record Started(SavedSettings.Loaded loaded, TeamWatcher desk, SwitchboardRuntime runtime, TeamHubSettings teamHub) {
    }

    private static CompletableFuture<Started> pending;

    private WindowStart() {
    }

    /** Begins starting the back end in the background; {@link #started} takes the result. */
    static synchronized void begin(String[] args, double simSpeed) {
        pending = new CompletableFuture<>();
        CompletableFuture<Started> result = pending;
        Threads.startDaemon("switchboard-start", () -> {
            try {
                result.complete(startNow(args, simSpeed));
            } catch (Throwable e) { // whatever it is, the window says so instead of waiting for ever
                result.completeExceptionally(e);
            }
        });
    }

    /** The back end {@link #begin} started, or one starting now in the background when nothing was begun. */
    static CompletableFuture<Started> started(String[] args, double simSpeed) {
        synchronized (WindowStart.class) {
            if (pending == null) {
                begin(args, simSpeed);
            }
            CompletableFuture<Started> begun = pending;
            pending = null;
            return begun;
        }
    }

    private static Started startNow(String[] args, double simSpeed) throws ConfigException, IOException {
        List<String> problems = new ArrayList<>();
        SavedSettings.Loaded loaded = SavedSettings.load(args, System.getenv(), Path.of("").toAbsolutePath(), problems);
        TeamWatcher desk = TeamMain.windowDesk(loaded.config(), loaded.file(), problems);
        Logger log = LoggerFactory.getLogger(WindowStart.class); // on this thread: see SwitchboardApp.log()
        problems.forEach(log::warn);
        TeamHubSettings teamHub = loaded.file() == null ? null
                : TeamMain.teamHubSettings(loaded.config(), loaded.file(), desk);
        if (desk != null) { // a team desk: no listener, no key, no secret; the hubs own the calls
            return new Started(loaded, desk, null, teamHub);
        }
        SwitchboardRuntime runtime = SwitchboardRuntime.start(loaded.config(), simSpeed, loaded.file(),
                loaded.fromEnvironment());
        runtime.service().useTeamHub(teamHub);
        return new Started(loaded, null, runtime, teamHub);
    }
}
