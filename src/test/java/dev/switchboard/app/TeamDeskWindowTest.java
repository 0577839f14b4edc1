package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.Call;
import dev.switchboard.call.TranscriptEntry;
import dev.switchboard.config.AppConfig;
import dev.switchboard.sim.Scenario;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.Simulator;
import dev.switchboard.team.RedisBus;
import dev.switchboard.team.RedisServer;
import dev.switchboard.team.TeamDesk;
import dev.switchboard.team.TeamHub;
import dev.switchboard.team.TeamWatcher;
import dev.switchboard.team.WatcherBackend;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.WindowHarness;
import dev.switchboard.ui.main.SwitchboardWindow;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The window of a team desk ({@code --attach}): no listener, no key; a call a hub answered before the desk opened
 * shows with its transcript so far, the seats row says who watches, and the desk takes over and hands back.
 */
@ExtendWith(WindowHarness.class)
class TeamDeskWindowTest {

    @TempDir
    static Path dir;

    private RedisServer redis;
    private Simulator sim;
    private SwitchboardRuntime hubRuntime;
    private TeamHub hub;
    private TeamWatcher desk;
    private Scene scene;
    private Call onHub;

    @Start
    void start(Stage stage) throws Exception {
        redis = RedisServer.start(dir.resolve("redis"));
        sim = new Simulator(SimOptions.demo().withSpeed(1.5));
        sim.start();
        AppConfig config = AppConfig.load(new String[] {"--port", "0", "--data-dir", dir.resolve("hub").toString()},
                Map.of("OPENAI_API_KEY", sim.apiKey(), "OPENAI_WEBHOOK_SECRET", sim.webhookSecret(),
                        "OPENAI_BASE_URL", sim.baseUrl()), dir);
        hubRuntime = SwitchboardRuntime.start(config, 0);
        hubRuntime.service().setAutoAccept(true, config.acceptSettings());
        hub = new TeamHub(new RedisBus(redis.hubUrl(), "hub", RedisBus.DEFAULT_TRIM), "hub", 2000,
                hubRuntime.calls(), hubRuntime.monitor(), hubRuntime.backend().actions(), Clock.systemUTC()).start();
        sim.setWebhookTarget(URI.create(hubRuntime.listenerUrl()));
        String id = sim.ring(Scenario.SUPPORT_CALL);
        onHub = hubRuntime.calls().whenAdded(id).get(10, TimeUnit.SECONDS);
        WindowHarness.waitUntil(() -> onHub.transcript().stream()
                .anyMatch(e -> e.isUtterance() && e.status() == TranscriptEntry.Status.DONE));
        desk = TeamDesk.watch(redis.hubUrl(), "desk-1", null);
        SwitchboardWindow.show(stage, WatcherBackend.of(desk), UiDispatcher.fx());
        scene = stage.getScene();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {desk, hub, hubRuntime, sim, redis}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void aDeskSeesTheCallSoFarAndTakesTheWheel(FxRobot robot) throws Exception {
        WindowHarness.waitUntil(() -> scene.lookup(".bubble.agent") != null);
        WindowHarness.waitUntil(() -> text("#teamWatching").contains("desk-1"));
        WindowHarness.waitUntil(() -> text("#teamDriver").equals("Nobody steers: any desk may"));
        robot.clickOn("#takeOverButton");
        WindowHarness.waitUntil(() -> text("#teamDriver").equals("You steer this call"));
        WindowHarness.waitUntil(() -> onHub.transcript().stream().anyMatch(e -> e.text().equals("desk-1 took over steering")));
        robot.clickOn("#handBackButton");
        WindowHarness.waitUntil(() -> text("#teamDriver").equals("Nobody steers: any desk may"));
        assertTrue(onHub.transcript().stream().anyMatch(e -> e.text().equals("desk-1 handed back steering")));
        WindowHarness.waitUntil(() -> desk.calls().find(onHub.id())
                .map(c -> c.transcript().stream().anyMatch(e -> e.text().equals("desk-1 handed back steering")))
                .orElse(false));
    }

    private String text(String id) {
        Label label = (Label) scene.lookup(id);
        return label == null ? "" : label.getText();
    }
}
