package dev.switchboard.app;

import dev.switchboard.ui.WindowHarness;
import dev.switchboard.config.SavedSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.config.AppConfig;
import dev.switchboard.monitor.ConnectionSettings;
import dev.switchboard.sim.SimCall;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.Simulator;
import dev.switchboard.ui.main.SwitchboardWindow;
import dev.switchboard.ui.UiDispatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on the REAL backend: SwitchboardRuntime in demo mode, its listener on a free port, the embedded
 * simulator ringing through the signed webhook path and answering on a real sideband socket.
 */
@ExtendWith(WindowHarness.class)
class RealBackendWindowTest {

    /** Fast enough for a test, slow enough that the call is still live when the test hangs up. */
    private static final double SIM_SPEED = 4;

    @TempDir
    Path dataDir;

    private SwitchboardRuntime runtime;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        AppConfig config = AppConfig.load(new String[] {"--port", "0", "--data-dir", dataDir.toString()}, Map.of(),
                dataDir);
        runtime = SwitchboardRuntime.start(config, SIM_SPEED, SavedSettings.fileFor(config), Set.of());
        SwitchboardWindow.show(stage, runtime.backend(), UiDispatcher.fx());
        scene = stage.getScene();
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void ringEditAcceptWatchHangUpOnTheSimulator(FxRobot robot) throws Exception {
        robot.clickOn("#ringDemoButton");
        WindowHarness.waitUntil(() -> runtime.calls().size() == 1 && scene.lookup("#acceptButton") != null
                && scene.lookup("#acceptButton").isVisible() && !scene.lookup("#acceptButton").isDisabled());
        String callId = runtime.calls().newestFirst().get(0).id();

        robot.clickOn("#acceptInstructions").push(KeyCode.CONTROL, KeyCode.A).write("You are a pirate. Say arr.");
        robot.clickOn("#voiceChoice").clickOn("coral");
        robot.clickOn("#acceptButton");

        Simulator simulator = runtime.simulator().orElseThrow();
        WindowHarness.waitUntil(() -> simulator.call(callId).flatMap(SimCall::acceptBody).isPresent());
        JsonNode body = new ObjectMapper().readTree(simulator.call(callId).get().acceptBody().get());
        assertEquals("You are a pirate. Say arr.", body.path("instructions").asText(), body.toString());
        assertEquals("coral", body.path("audio").path("output").path("voice").asText(body.path("voice").asText()),
                body.toString());

        WindowHarness.waitUntil(() -> scene.lookup(".bubble.agent") != null && scene.lookup(".bubble.caller") != null);
        WindowHarness.waitUntil(() -> badge().startsWith("Active"));

        robot.clickOn("#hangupButton");
        WindowHarness.waitUntil(() -> badge().startsWith("Ended"));
        assertTrue(simulator.call(callId).get().isOver());
    }

    @Test
    void savedKeyIsOnlyEverShownMasked(FxRobot robot) throws Exception {
        try (Simulator peer = new Simulator(SimOptions.fast())) {
            peer.start();
            runtime.service().applySettings(new ConnectionSettings(peer.apiKey(), peer.webhookSecret(), 0, "127.0.0.1",
                    peer.baseUrl())).get(10, TimeUnit.SECONDS);
            WindowHarness.waitUntil(() -> ((Label) scene.lookup("#modeBadge")).getText().equals("LIVE"));

            robot.clickOn("#settingsButton");
            WindowHarness.waitUntil(() -> robot.lookup("#maskedApiKey").tryQuery().isPresent());
            robot.clickOn("#testConnectionButton");
            // the simulator does not serve GET /models, so the answer is not OK; what matters here is what is on screen
            WindowHarness.waitUntil(() -> {
                String result = robot.lookup("#testResult").queryAs(Label.class).getText();
                return !result.isEmpty() && !result.equals("Testing…");
            });
            System.out.println("test connection against the simulator: "
                    + robot.lookup("#testResult").queryAs(Label.class).getText());

            List<String> texts = WaitForAsyncUtils.asyncFx(() -> {
                List<String> all = new ArrayList<>();
                for (Window window : Window.getWindows()) {
                    if (window.getScene() != null) {
                        WindowHarness.collectTexts(window.getScene().getRoot(), all);
                    }
                }
                return all;
            }).get();
            String masked = ConnectionSettings.maskKey(peer.apiKey());
            assertEquals(masked, robot.lookup("#maskedApiKey").queryAs(Label.class).getText());
            assertTrue(texts.stream().anyMatch(t -> t.contains(masked)), "masked key shown");
            assertFalse(texts.stream().anyMatch(t -> t.contains(peer.apiKey())), "full key nowhere in the scene");
            assertFalse(texts.stream().anyMatch(t -> t.contains(peer.webhookSecret())), "secret nowhere in the scene");
            assertFalse(texts.stream().anyMatch(t -> t.contains(peer.apiKey().substring(3, peer.apiKey().length() - 4))),
                    "not even the middle of the key");
            robot.type(KeyCode.ESCAPE);
        }
    }

    private String badge() {
        return ((Label) scene.lookup("#stateBadge")).getText();
    }

}
