package dev.switchboard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.switchboard.ui.main.MainView;
import dev.switchboard.ui.main.StartingView;
import dev.switchboard.ui.main.SwitchboardWindow;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The window is on screen with its starting view before the back end is up, and the monitor then fills the same
 * stage: same size, still showing, every icon size, the views of a working window.
 */
@ExtendWith(WindowHarness.class)
class StartingViewWindowTest {

    private Stage stage;
    private FakeBackend backend;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        StartingView.show(stage);
    }

    @AfterEach
    void stopBackend() {
        if (backend != null) {
            backend.shutdown();
        }
    }

    @Test
    void startingViewShowsAtOnceAndTheMonitorReplacesItInTheSameStage(FxRobot robot) throws Exception {
        WindowHarness.waitUntil(() -> stage.isShowing() && stage.getScene().getRoot() instanceof StartingView);
        assertEquals(SwitchboardWindow.WIDTH, stage.getScene().getWidth());
        assertEquals(SwitchboardWindow.HEIGHT, stage.getScene().getHeight());
        assertEquals("Switchboard", stage.getTitle());
        assertEquals(1, stage.getIcons().size(), "one icon while starting");
        assertTrue(WindowHarness.texts().contains(StartingView.STARTING_TEXT), "says what it waits for");
        String theme = new PrimerLight().getUserAgentStylesheet();
        assertNotEquals(theme, Application.getUserAgentStylesheet(), "the theme is not loaded for the starting view");
        Paint startingStatusBar = statusBarFill(robot);

        AtomicReference<SwitchboardWindow> shown = new AtomicReference<>();
        robot.interact(() -> {
            backend = new FakeBackend(new TestClock(), true);
            shown.set(SwitchboardWindow.show(stage, backend.backend(), UiDispatcher.fx()));
        });
        WindowHarness.waitUntil(() -> stage.getScene().getRoot() instanceof MainView);
        assertSame(shown.get().scene(), stage.getScene());
        assertTrue(stage.isShowing());
        assertEquals(SwitchboardWindow.WIDTH, stage.getScene().getWidth(), "the window keeps its size");
        assertEquals(SwitchboardWindow.HEIGHT, stage.getScene().getHeight());
        assertEquals(7, stage.getIcons().size(), "every icon size once the window is built");
        WindowHarness.waitUntil(() -> robot.lookup("No calls yet").tryQuery().isPresent());
        assertFalse(WindowHarness.texts().contains(StartingView.STARTING_TEXT));
        assertEquals(theme, Application.getUserAgentStylesheet(), "the monitor brings the theme");
        assertEquals(statusBarFill(robot), startingStatusBar, "the starting view has the theme's colours");
    }

    @Test
    void startingViewKeepsItsLookWhenAnErrorDialogBringsTheTheme(FxRobot robot) throws Exception {
        WindowHarness.waitUntil(() -> stage.isShowing() && stage.getScene().getRoot() instanceof StartingView);
        Paint before = statusBarFill(robot);
        robot.interact(() -> ((StartingView) stage.getScene().getRoot()).showCannotStart());
        robot.interact(() -> stage.getScene().getRoot().applyCss());
        assertEquals(new PrimerLight().getUserAgentStylesheet(), Application.getUserAgentStylesheet(),
                "the error dialog gets the theme");
        assertEquals(before, statusBarFill(robot));
        Region appBar = robot.lookup(".app-bar").queryAs(Region.class);
        assertEquals(14, appBar.getPadding().getLeft(), "the top bar keeps its padding");
        assertTrue(WindowHarness.texts().contains("Switchboard cannot start."));
    }

    private static Paint statusBarFill(FxRobot robot) {
        Region bar = robot.lookup(".status-bar").queryAs(Region.class);
        return bar.getBackground().getFills().get(0).getFill();
    }
}
