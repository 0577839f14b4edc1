package dev.switchboard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.ui.main.SwitchboardWindow;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Answer panel's Advanced expander: every caption in full when open, and a bad value disables Accept. */
@ExtendWith(WindowHarness.class)
class AdvancedSettingsLayoutTest {

    private FakeBackend backend;
    private Scene scene;

    @Start
    void start(Stage stage) {
        backend = new FakeBackend(new TestClock(), true);
        backend.streamAfterAccept = false;
        SwitchboardWindow.show(stage, backend.backend(), UiDispatcher.fx());
        scene = stage.getScene();
    }

    @AfterEach
    void stopBackend() {
        backend.shutdown();
    }

    @Test
    void openAdvancedFieldsShowInFullAndAnUnreadableSpeedDisablesAccept(FxRobot robot) throws Exception {
        backend.ring();
        WindowHarness.waitUntil(() -> robot.lookup("#acceptButton").tryQuery().map(Node::isVisible).orElse(false)
                && !robot.lookup("#acceptButton").query().isDisabled());
        robot.clickOn("#advancedExpander");
        WindowHarness.waitUntil(() -> robot.lookup("#sessionSpeed").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> truncated = WaitForAsyncUtils.asyncFx(() -> {
            List<String> cut = new ArrayList<>();
            WindowKeysAndLayoutTest.collectTruncated(scene.lookup("#acceptPane"), cut);
            return cut;
        }).get();
        assertEquals(List.of(), truncated, "captions shown in full with Advanced open");

        robot.interact(() -> robot.lookup("#sessionSpeed").queryAs(TextField.class).setText("fast"));
        WindowHarness.waitUntil(() -> robot.lookup("#acceptButton").query().isDisabled());
        assertEquals("Speed 'fast' is not a number.", robot.lookup("#acceptProblems").queryAs(Label.class).getText());
        robot.interact(() -> robot.lookup("#sessionSpeed").queryAs(TextField.class).setText("1.25"));
        WindowHarness.waitUntil(() -> !robot.lookup("#acceptButton").query().isDisabled());
        assertTrue(robot.lookup("#advancedTitle").queryAs(Label.class).getText()
                .endsWith("1 field set"));
        robot.clickOn("#advancedTitle"); // closed again: Accept is back in view (open, the panel scrolls)
        robot.clickOn("#acceptButton");
        WindowHarness.waitUntil(() -> !backend.accepted.isEmpty());
        assertEquals(1.25, backend.accepted.get(0).session().speed(), "the advanced field goes out with Accept");
    }
}
