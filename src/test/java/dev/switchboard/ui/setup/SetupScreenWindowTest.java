package dev.switchboard.ui.setup;

import dev.switchboard.ui.WindowHarness;
import dev.switchboard.config.SetupStore;

import dev.switchboard.ui.Screenshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.ui.FakeBackend;
import dev.switchboard.ui.main.SwitchboardWindow;
import dev.switchboard.ui.TestClock;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.main.WindowOptions;
import dev.switchboard.ui.main.MainView;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Help → Setup checklist on the real window with a fake checklist: rows, fixes, the SIP URI and its Copy button. */
@ExtendWith(WindowHarness.class)
class SetupScreenWindowTest {

    private FakeBackend backend;
    private Scene scene;

    @Start
    void start(Stage stage) {
        backend = new FakeBackend(new TestClock(), true);
        WindowOptions options = WindowOptions.defaults().withSetup((url, id) -> SetupViewModelTest.MIXED,
                SetupStore.inMemory(new SetupStore.Fields("https://xyz.ngrok.app/webhook", "")), false);
        SwitchboardWindow.show(stage, backend.backend(), UiDispatcher.fx(), options);
        scene = stage.getScene();
    }

    @AfterEach
    void stopBackend() {
        backend.shutdown();
    }

    @Test
    void runChecksShowsEveryResultWithItsFix(FxRobot robot) throws Exception {
        robot.interact(() -> ((MainView) scene.getRoot()).help().showSetup(null));
        WindowHarness.waitUntil(() -> robot.lookup("#runChecksButton").tryQuery().isPresent());
        assertTrue(robot.lookup("#copySipUriButton").queryAs(Button.class).isDisabled(), "no project id yet");
        robot.clickOn("#projectIdField").write("proj_abc123");
        assertEquals("sip:proj_abc123@sip.api.openai.com;transport=tls",
                robot.lookup("#sipUri").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#copySipUriButton").queryAs(Button.class).isDisabled());

        robot.clickOn("#runChecksButton");
        WindowHarness.waitUntil(() -> robot.lookup(".check-row").queryAll().size() == 5);
        assertTrue(robot.lookup("OpenAI accepted the key sk-...abcd.").tryQuery().isPresent());
        assertTrue(robot.lookup("Fix: Copy the signing secret again from Settings > Webhooks.").tryQuery().isPresent());
        assertEquals(1, robot.lookup(".check-row.check-fail").queryAll().size());
        assertEquals(1, robot.lookup(".check-row.check-skipped").queryAll().size());
        assertTrue(robot.lookup("#setupSummary").queryAs(Label.class).getText().startsWith("1 of 5 checks failed"));

        Node pane = robot.lookup("#setupDialog").query();
        Screenshots.save(pane.getScene(), "setup-checklist.png");
        robot.interact(() -> ((SwitchboardWindow) scene.getProperties().get(SwitchboardWindow.class))
                .viewModel().presenter().setActive(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.getStyleClass().contains("presenter"), "the open dialog follows presenter mode");
        assertTrue(robot.lookup("OpenAI accepted the key.").tryQuery().isPresent(), "not even the masked key");
        Screenshots.save(pane.getScene(), "setup-checklist-presenter.png");
    }

}
