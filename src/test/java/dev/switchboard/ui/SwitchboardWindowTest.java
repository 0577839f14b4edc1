package dev.switchboard.ui;

import dev.switchboard.ui.main.SwitchboardWindow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window (headless Monocle) against a FakeBackend whose actions run on a background thread. */
@ExtendWith(WindowHarness.class)
class SwitchboardWindowTest {

    private final TestClock clock = new TestClock();
    private FakeBackend backend;
    private Scene scene;

    @Start
    void start(Stage stage) {
        backend = new FakeBackend(clock, true);
        SwitchboardWindow.show(stage, backend.backend(), UiDispatcher.fx());
        scene = stage.getScene();
    }

    @AfterEach
    void stopBackend() {
        backend.shutdown();
    }

    @Test
    void ringEditAcceptWatchHangUp(FxRobot robot) throws Exception {
        backend.ring();
        WindowHarness.waitUntil(() -> robot.lookup("Dana Whitfield").tryQuery().isPresent());

        robot.clickOn("#acceptInstructions").push(KeyCode.CONTROL, KeyCode.A).write("You are a pirate. Say arr.");
        robot.clickOn("#voiceChoice").clickOn("coral");
        robot.clickOn("#acceptButton");

        WindowHarness.waitUntil(() -> !backend.accepted.isEmpty());
        AcceptSettings sent = backend.accepted.get(0);
        assertEquals("You are a pirate. Say arr.", sent.instructions());
        assertEquals("coral", sent.voice());

        WindowHarness.waitUntil(() -> robot.lookup(".bubble.agent").tryQuery().isPresent()
                && robot.lookup(".bubble.caller").tryQuery().isPresent());
        assertTrue(robot.lookup("Hi, I ordered a standing desk last week and it still hasn't shipped. Can you check order 4471?")
                .tryQuery().isPresent(), "caller's words on screen");
        WindowHarness.waitUntil(() -> badgeText(robot).startsWith("Active"));

        robot.clickOn("#hangupButton");
        WindowHarness.waitUntil(() -> badgeText(robot).startsWith("Ended"));
        assertEquals(1, backend.hungUp.size());
    }

    @Test
    void rejectFromTheKeyboardSendsTheChosenStatus(FxRobot robot) throws Exception {
        backend.ring();
        WindowHarness.waitUntil(() -> inCallList(robot, "Dana Whitfield"));
        robot.clickOn(callListRow(robot, "Dana Whitfield")).type(KeyCode.R);
        WindowHarness.waitUntil(() -> !backend.rejectStatuses.isEmpty());
        assertEquals(List.of(486), backend.rejectStatuses);
        WindowHarness.waitUntil(() -> badgeText(robot).startsWith("Rejected"));
    }

    @Test
    void keyboardAcceptsAndHangsUpTheSelectedCall(FxRobot robot) throws Exception {
        backend.streamAfterAccept = false;
        backend.ring();
        backend.ring(FakeBackend.SCENARIO_CALLERS.get(1));
        WindowHarness.waitUntil(() -> inCallList(robot, "Marcus Oyelaran") && inCallList(robot, "Dana Whitfield"));
        robot.clickOn(callListRow(robot, "Marcus Oyelaran")).type(KeyCode.DOWN);
        WindowHarness.waitUntil(() -> robot.lookup("#callerName").queryAs(Label.class).getText().equals("Dana Whitfield"));
        robot.type(KeyCode.A);
        WindowHarness.waitUntil(() -> badgeText(robot).startsWith("Active"));
        assertEquals(AcceptSettings.defaults(), backend.accepted.get(0), "A accepts with the panel's settings");
        robot.type(KeyCode.H);
        WindowHarness.waitUntil(() -> badgeText(robot).startsWith("Ended"));
        assertEquals("Dana Whitfield", backend.hungUp.get(0).caller().displayName());
    }

    @Test
    void instructionChangeMidCallIsMarkedOnTheTranscript(FxRobot robot) throws Exception {
        backend.ring();
        WindowHarness.waitUntil(() -> robot.lookup("#acceptButton").tryQuery().isPresent());
        robot.clickOn("#acceptButton");
        WindowHarness.waitUntil(() -> robot.lookup("#steeringInstructions").tryQuery().map(Node::isVisible).orElse(false));

        robot.clickOn("#steeringInstructions").push(KeyCode.CONTROL, KeyCode.END).write(" Offer a discount.");
        robot.clickOn("#updateInstructionsButton");

        WindowHarness.waitUntil(() -> robot.lookup(".marker.note").tryQuery()
                .map(n -> ((Label) n).getText().startsWith("instructions changed")).orElse(false));
        assertTrue(backend.instructionUpdates.get(0).instructions().endsWith("Offer a discount."));
        WindowHarness.waitUntil(() -> robot.lookup("Instructions updated.").tryQuery().isPresent());
    }

    @Test
    void emptyInstructionsDisableAcceptAndSayWhy(FxRobot robot) throws Exception {
        backend.ring();
        WindowHarness.waitUntil(() -> robot.lookup("#acceptInstructions").tryQuery().isPresent());
        robot.clickOn("#acceptInstructions").push(KeyCode.CONTROL, KeyCode.A).type(KeyCode.BACK_SPACE);

        WindowHarness.waitUntil(() -> robot.lookup("#acceptButton").queryAs(Button.class).isDisabled());
        Label reason = robot.lookup("#acceptProblems").queryAs(Label.class);
        assertTrue(reason.isVisible());
        assertEquals("Instructions are empty.", reason.getText());

        robot.write("Be kind.");
        WindowHarness.waitUntil(() -> !robot.lookup("#acceptButton").queryAs(Button.class).isDisabled());
        assertFalse(reason.isVisible());
    }

    @Test
    void theApiKeyIsOnlyEverShownMasked(FxRobot robot) throws Exception {
        backend.ring();
        robot.clickOn("#settingsButton");
        WindowHarness.waitUntil(() -> robot.lookup("#maskedApiKey").tryQuery().isPresent());
        assertEquals(FakeBackend.MASKED_API_KEY, robot.lookup("#maskedApiKey").queryAs(Label.class).getText());

        List<String> texts = WaitForAsyncUtils.asyncFx(() -> {
            List<String> all = new ArrayList<>();
            for (Window window : Window.getWindows()) {
                if (window.getScene() != null) {
                    WindowHarness.collectTexts(window.getScene().getRoot(), all);
                }
            }
            return all;
        }).get();
        assertTrue(texts.stream().anyMatch(t -> t.contains(FakeBackend.MASKED_API_KEY)), "masked key shown");
        assertTrue(texts.stream().noneMatch(t -> t.contains(FakeBackend.FULL_API_KEY)), "full key never shown");
        robot.type(KeyCode.ESCAPE);
    }

    /**
     * Renders the window mid-call for the README: one live call streaming, one ringing, one rejected.
     */
    @Test
    void screenshotOfALiveCall(FxRobot robot) throws Exception {
        Call earlier = backend.ring(FakeBackend.SCENARIO_CALLERS.get(2));
        backend.reject(earlier, 603).get();
        clock.advance(java.time.Duration.ofMinutes(3));
        Call dana = backend.ring();
        clock.advance(java.time.Duration.ofSeconds(4));
        backend.pause = clock::advance;
        // Dana's panel, not the rejected call's (its panel can still show until the rejection is drawn)
        WindowHarness.waitUntil(() -> robot.lookup("#acceptButton").tryQuery().isPresent()
                && !robot.lookup("#acceptButton").queryAs(Button.class).isDisabled()
                && ((SwitchboardWindow) scene.getProperties().get(SwitchboardWindow.class)).viewModel().callList()
                        .selected().call() == dana);
        robot.clickOn("#acceptButton");
        WindowHarness.waitUntil(() -> robot.lookup(".bubble.caller").tryQuery().isPresent() && dana.transcript().size() >= 5);
        backend.ring(FakeBackend.SCENARIO_CALLERS.get(1));
        WindowHarness.waitUntil(() -> robot.lookup("Marcus Oyelaran").tryQuery().isPresent());
        WindowHarness.waitUntil(() -> badgeText(robot).startsWith("Active"));
        clock.advance(java.time.Duration.ofSeconds(5));
        robot.interact(() -> ((SwitchboardWindow) scene.getProperties().get(SwitchboardWindow.class)).viewModel().tick());
        WaitForAsyncUtils.waitForFxEvents();

        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        assertEquals(SwitchboardWindow.WIDTH, image.getWidth());
        // Rendered on every run into target/; the committed docs/screenshot.png is refreshed only on request
        // (-Dscreenshot.update=true), so a test run never dirties the work tree with a re-encoded PNG.
        Path out = Path.of("target", "screenshots", "screenshot.png");
        Files.createDirectories(out.getParent());
        Screenshots.writePng(image, out);
        assertTrue(Files.size(out) > 10_000);
        if (Boolean.getBoolean("screenshot.update")) {
            Files.copy(out, Path.of("docs", "screenshot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // ---- helpers ----

    private static boolean inCallList(FxRobot robot, String name) {
        return robot.from(robot.lookup("#callList").queryAs(Node.class)).lookup(name).tryQuery().isPresent();
    }

    /** The caller's name in the call list (the workspace header shows it too). */
    private static Node callListRow(FxRobot robot, String name) {
        return robot.from(robot.lookup("#callList").queryAs(Node.class)).lookup(name).query();
    }

    private static String badgeText(FxRobot robot) {
        return robot.lookup("#stateBadge").queryAs(Label.class).getText();
    }

}
