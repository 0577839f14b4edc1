package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.config.AppConfig;
import dev.switchboard.config.HubAddress;
import dev.switchboard.config.SavedSettings;
import dev.switchboard.config.SavedTeamHub;
import dev.switchboard.monitor.TeamHubSettings;
import dev.switchboard.team.RedisServer;
import dev.switchboard.team.TeamWatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's start with Settings → Team hub saved: it becomes a watcher desk on the saved hub as with
 * {@code --attach}; {@code --attach} and {@code --demo} on the command line win; a broken saved hub starts a single desk.
 */
class TeamHubStartTest {

    @TempDir
    Path dir;

    private AppConfig config(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--data-dir", dir.resolve("data").toString()));
        args.addAll(List.of(extra));
        return AppConfig.load(args.toArray(String[]::new), Map.of(), dir);
    }

    @Test
    void theSavedHubMakesTheWindowAWatcherDeskUnlessAFlagWins() throws Exception {
        try (RedisServer redis = RedisServer.start(dir.resolve("redis"))) {
            AppConfig plain = config();
            Path file = SavedSettings.fileFor(plain);
            List<String> problems = new ArrayList<>();
            assertNull(TeamMain.windowDesk(plain, file, problems), "nothing saved: a single desk");
            assertTrue(TeamMain.teamHubSettings(plain, file, null).now().contains("single desk"));

            SavedTeamHub.save(file, new SavedTeamHub(HubAddress.parse(redis.url()), "front desk"));
            try (TeamWatcher desk = TeamMain.windowDesk(plain, file, problems)) {
                assertEquals("front desk", desk.desk());
                assertEquals(redis.hubUrl(), desk.bus().url());
                TeamHubSettings settings = TeamMain.teamHubSettings(plain, file, desk);
                assertEquals("This window is a watcher desk on " + redis.hubUrl() + " as front desk (saved here).",
                        settings.now());
                assertEquals(Optional.empty(), settings.overriddenBy());
                assertEquals(Optional.of(new TeamHubSettings.Shown(redis.hubUrl().toString(), "front desk")),
                        settings.saved());
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!desk.connected() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(desk.connected(), "the desk reached the saved hub");
            }
            try (TeamWatcher named = TeamMain.windowDesk(config("--desk", "night shift"), file, problems)) {
                assertEquals("night shift", named.desk(), "--desk names the saved hub's desk");
            }

            AppConfig attach = config("--attach", "redis://127.0.0.1:1", "--desk", "elsewhere");
            try (TeamWatcher flagged = TeamMain.windowDesk(attach, file, problems)) {
                assertEquals("redis://127.0.0.1:1", flagged.bus().url().toString(), "--attach wins over the saved hub");
                assertEquals("elsewhere", flagged.desk());
                TeamHubSettings settings = TeamMain.teamHubSettings(attach, file, flagged);
                assertEquals(Optional.of("--attach"), settings.overriddenBy());
                assertTrue(settings.now().endsWith("(from --attach)."), settings.now());
            }
            AppConfig demo = config("--demo");
            assertNull(TeamMain.windowDesk(demo, file, problems), "--demo runs the simulator, not the saved hub");
            assertEquals(Optional.of("--demo"), TeamMain.teamHubSettings(demo, file, null).overriddenBy());
            assertEquals(List.of(), problems);

            Files.writeString(file, "TEAM_HUB=ftp\\://nope\n");
            assertNull(TeamMain.windowDesk(plain, file, problems));
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).endsWith("starting as a single desk"), problems.get(0));
        }
    }
}
