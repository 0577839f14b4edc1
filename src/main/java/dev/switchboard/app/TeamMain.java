package dev.switchboard.app;

import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigException;
import dev.switchboard.config.SavedTeamHub;
import dev.switchboard.monitor.SavedTeamHubSettings;
import dev.switchboard.monitor.TeamHubSettings;
import dev.switchboard.team.HubUrl;
import dev.switchboard.team.RedisBus;
import dev.switchboard.team.TeamDesk;
import dev.switchboard.team.TeamHub;
import dev.switchboard.team.TeamOptions;
import dev.switchboard.team.TeamWatcher;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** Team mode's entry points: a hub beside the headless runtime, a headless desk ({@code --tail}, {@code --say}). */
final class TeamMain {

    private TeamMain() {
    }

    static TeamOptions options(AppConfig config) throws ConfigException {
        return TeamOptions.from(config.commandLine());
    }

    /** {@code --attach URL --tail} or {@code --say}: runs until killed (tail) or returns the exit code (say). */
    static int headlessDesk(TeamOptions team, AppConfig config, PrintStream out, PrintStream err) {
        if (team.say().isPresent()) {
            return TeamDesk.say(team.attach().orElseThrow(), team.desk(), team.say().get(), out, err);
        }
        TeamWatcher watcher = TeamDesk.watch(team.attach().orElseThrow(), team.desk(), config.prices());
        HeadlessPrinter printer = new HeadlessPrinter(out);
        watcher.calls().onAdded(printer::follow);
        Thread hook = new Thread(watcher::close, "switchboard-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            new CountDownLatch(1).await(); // until killed (or, in a test, interrupted)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watcher.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway; close is idempotent
            }
        }
        return 0;
    }

    /**
     * A window desk's watcher: {@code --attach URL}, else the hub saved in Settings → Team hub (unless {@code --demo}
     * is given); null for a single desk. A saved hub that cannot be read is a problem, not a failure to start.
     */
    static TeamWatcher windowDesk(AppConfig config, Path settingsFile, List<String> problems) throws ConfigException {
        TeamOptions team = options(config);
        if (team.hub().isPresent()) {
            throw new ConfigException("--hub runs without a window: add --headless (a window attaches with --attach)");
        }
        if (team.attach().isPresent()) {
            return TeamDesk.watch(team.attach().get(), team.desk(), config.prices());
        }
        if (settingsFile == null || config.commandLine().has("demo")) {
            return null;
        }
        try {
            Optional<SavedTeamHub> saved = SavedTeamHub.read(settingsFile);
            String desk = config.commandLine().has("desk") ? team.desk() : saved.map(SavedTeamHub::desk).orElse("");
            return saved.map(hub -> TeamDesk.watch(HubUrl.of(hub.url()), desk, config.prices())).orElse(null);
        } catch (IOException e) {
            problems.add(e.getMessage() + "; starting as a single desk");
            return null;
        }
    }

    /** Settings → Team hub for the window: what it is now and which flag wins over the saved hub. */
    static TeamHubSettings teamHubSettings(AppConfig config, Path settingsFile, TeamWatcher desk) {
        boolean attachFlag = config.commandLine().has("attach");
        String now = desk == null ? "This window is a single desk: it answers calls itself."
                : "This window is a watcher desk on " + desk.bus().url() + " as " + desk.desk()
                + (attachFlag ? " (from --attach)." : " (saved here).");
        String flag = attachFlag ? "--attach" : config.commandLine().has("demo") ? "--demo" : null;
        return new SavedTeamHubSettings(settingsFile, now, flag);
    }

    /** {@code --hub URL}: publishes the runtime's calls and owns them in Redis; null without --hub. */
    static TeamHub hub(TeamOptions team, SwitchboardRuntime runtime) {
        if (team.hub().isEmpty()) {
            return null;
        }
        RedisBus bus = new RedisBus(team.hub().get(), "switchboard-hub-" + team.desk(), RedisBus.DEFAULT_TRIM);
        return new TeamHub(bus, team.desk(), team.leaseMs(), runtime.calls(), runtime.monitor(),
                runtime.backend().actions(), Clock.systemUTC()).start();
    }
}
