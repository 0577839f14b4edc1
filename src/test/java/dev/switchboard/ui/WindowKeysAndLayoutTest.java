package dev.switchboard.ui;

import dev.switchboard.ui.main.SwitchboardWindow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.Call;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The accept panel's layout at the default size, window-wide keys, and the shortcuts dialog. */
@ExtendWith(WindowHarness.class)
class WindowKeysAndLayoutTest {

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
    void acceptPanelShowsEveryLabelInFullAt1280x800(FxRobot robot) throws Exception {
        backend.ring();
        WindowHarness.waitUntil(() -> robot.lookup("#acceptButton").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();

        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        Path out = Path.of("target", "accept-panel.png");
        Files.createDirectories(out.getParent());
        Screenshots.writePng(image, out);

        List<String> truncated = WaitForAsyncUtils.asyncFx(() -> {
            List<String> cut = new ArrayList<>();
            collectTruncated(scene.lookup("#acceptPane"), cut);
            return cut;
        }).get();
        assertEquals(List.of(), truncated, "labels shown in full in the accept panel");

        double[] widths = WaitForAsyncUtils.asyncFx(() -> new double[] {
                scene.lookup("#acceptButton").getLayoutBounds().getWidth(),
                scene.lookup("#acceptInstructions").getLayoutBounds().getWidth()}).get();
        assertTrue(widths[0] > widths[1] * 0.8, "Accept spans the panel: " + widths[0] + " of " + widths[1]);

    }

    @Test
    void aAcceptsFromAnywhereButTypesInTextFields(FxRobot robot) throws Exception {
        backend.ring();
        WindowHarness.waitUntil(() -> robot.lookup("#acceptInstructions").tryQuery().isPresent());

        // typing in the instructions: A and R are letters, not actions
        robot.clickOn("#acceptInstructions").push(KeyCode.CONTROL, KeyCode.END).write(" Always say AR");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#acceptInstructions").queryAs(TextArea.class).getText().endsWith(" Always say AR"));
        assertTrue(backend.accepted.isEmpty() && backend.rejectStatuses.isEmpty(), "no action while typing");

        // the focus on a non-text control (the workspace tabs), then A accepts the selected call
        robot.clickOn("#callerName");
        robot.interact(() -> scene.lookup("#workspaceTabs").requestFocus());
        robot.type(KeyCode.A);
        WindowHarness.waitUntil(() -> !backend.accepted.isEmpty());
        assertTrue(backend.accepted.get(0).instructions().endsWith(" Always say AR"), "the panel's edits go out");
        WindowHarness.waitUntil(() -> robot.lookup("#sayField").tryQuery().map(Node::isVisible).orElse(false));

        // H in the "Say this" field types; H elsewhere hangs up
        robot.clickOn("#sayField").write("Hh");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Hh", robot.lookup("#sayField").queryAs(TextField.class).getText());
        assertTrue(backend.hungUp.isEmpty());
        robot.interact(() -> scene.lookup("#workspaceTabs").requestFocus());
        robot.type(KeyCode.H);
        WindowHarness.waitUntil(() -> backend.hungUp.size() == 1);
    }

    @Test
    void rRejectsWhileAButtonHasFocus(FxRobot robot) throws Exception {
        backend.ring();
        WindowHarness.waitUntil(() -> robot.lookup("#rejectButton").tryQuery().isPresent());
        robot.interact(() -> scene.lookup("#themeToggle").requestFocus());
        robot.type(KeyCode.R);
        WindowHarness.waitUntil(() -> !backend.rejectStatuses.isEmpty());
        assertEquals(List.of(486), backend.rejectStatuses);
    }

    @Test
    void ctrlDRingsADemoCall(FxRobot robot) throws Exception {
        robot.interact(() -> scene.lookup("#callList").requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        WindowHarness.waitUntil(() -> backend.calls().size() == 1);
        Call call = backend.calls().newestFirst().get(0);
        assertEquals("Dana Whitfield", call.caller().displayName());
    }

    @Test
    void f1ListsEveryShortcut(FxRobot robot) throws Exception {
        robot.interact(() -> scene.lookup("#callList").requestFocus());
        robot.type(KeyCode.F1);
        WindowHarness.waitUntil(() -> robot.lookup("#shortcutsTable").tryQuery().isPresent());
        List<String> texts = WaitForAsyncUtils.asyncFx(() -> {
            List<String> all = new ArrayList<>();
            for (Window window : Window.getWindows()) {
                if (window.getScene() != null && window.getScene().lookup("#shortcutsTable") != null) {
                    collectLabels(window.getScene().getRoot(), all);
                }
            }
            return all;
        }).get();
        for (String keys : List.of("A", "R", "H", "Ctrl+D", "Enter", "F1")) {
            assertTrue(texts.contains(keys), keys + " listed in " + texts);
        }
        robot.type(KeyCode.ESCAPE);
    }

    // ---- helpers ----

    /** Labeled nodes whose displayed text (the skin's Text) differs from their text: clipped with an ellipsis. */
    static void collectTruncated(Node node, List<String> out) {
        if (node == null || !node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            Node shown = labeled.lookup(".text");
            if (shown instanceof Text text && !labeled.isWrapText() && !text.getText().equals(labeled.getText())) {
                out.add(labeled.getText() + " → " + text.getText());
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectTruncated(child, out);
            }
        }
    }

    private static void collectLabels(Node node, List<String> out) {
        if (node instanceof Label label && label.getText() != null) {
            out.add(label.getText());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectLabels(child, out);
            }
        }
    }

}
