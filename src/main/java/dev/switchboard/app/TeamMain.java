package dev.switchboard.app;

import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigException;
import dev.switchboard.team.RedisBus;
import dev.switchboard.team.TeamDesk;
import dev.switchboard.team.TeamHub;
import dev.switchboard.team.TeamOptions;
import dev.switchboard.team.TeamWatcher;
import java.io.PrintStream;
import java.time.Clock;
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

    /** A window desk's watcher ({@code --attach URL} without --tail/--say), or null when not attached. */
    static TeamWatcher windowDesk(AppConfig config) throws ConfigException {
        TeamOptions team = options(config);
        if (team.hub().isPresent()) {
            throw new ConfigException("--hub runs without a window: add --headless (a window attaches with --attach)");
        }
        return team.attach().map(url -> TeamDesk.watch(url, team.desk(), config.prices())).orElse(null);
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
