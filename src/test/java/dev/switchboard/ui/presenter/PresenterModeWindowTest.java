package dev.switchboard.ui.presenter;

import dev.switchboard.ui.WindowHarness;
import dev.switchboard.ui.PresenterMode;

import dev.switchboard.ui.Screenshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.PrivacyMask;
import dev.switchboard.ui.FakeBackend;
import dev.switchboard.ui.main.SwitchboardWindow;
import dev.switchboard.ui.TestClock;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.main.WindowOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TableView;
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

/** Presenter mode on the real window (headless Monocle): numbers masked, secrets and the event inspector hidden. */
@ExtendWith(WindowHarness.class)
class PresenterModeWindowTest {

    private static final String DANA = FakeBackend.SCENARIO_CALLERS.get(0).number();    // +15551230001
    private static final String ANONYMOUS = "+15557654321";                              // no display name
    private static final String CALLEE = "+15559870000";

    private final TestClock clock = new TestClock();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private FakeBackend backend;
    private Scene scene;

    @Start
    void start(Stage stage) {
        backend = new FakeBackend(clock, true);
        WindowOptions options = WindowOptions.defaults().withOpener(uri -> {
            opened.add(uri);
            throw new UnsupportedOperationException("no file manager in this test");
        });
        SwitchboardWindow.show(stage, backend.backend(), UiDispatcher.fx(), options);
        scene = stage.getScene();
    }

    @AfterEach
    void stopBackend() {
        backend.shutdown();
    }

    @Test
    void presenterModeMasksNumbersAndHidesTheInspectorUntilToggledBack(FxRobot robot) throws Exception {
        backend.ring(new FakeBackend.Caller("", ANONYMOUS));
        backend.ring();
        WindowHarness.waitUntil(() -> robot.lookup("#callerName").tryQuery().map(n -> ((Label) n).getText().equals("Dana Whitfield"))
                .orElse(false));
        // the list's cells are laid out by the next pulse, after the header already shows the selected call
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WindowHarness.texts().stream().anyMatch(t -> t.contains(ANONYMOUS)));
        List<String> before = WindowHarness.texts();
        assertTrue(before.stream().anyMatch(t -> t.contains(DANA)), "the number shows normally");
        assertTrue(before.stream().anyMatch(t -> t.contains(ANONYMOUS)), "a caller without a name shows as the number");
        assertEquals(List.of("Conversation", "Events", "Timeline", "Usage", "SIP headers"), tabTitles(robot));
        double normalFont = robot.lookup("#callerName").queryAs(Label.class).getFont().getSize();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        WindowHarness.waitUntil(() -> scene.getRoot().getStyleClass().contains(PresenterMode.STYLE_CLASS));

        List<String> shown = WindowHarness.texts();
        for (String number : List.of(DANA, ANONYMOUS, CALLEE)) {
            String digits = number.substring(1);
            assertTrue(shown.stream().noneMatch(t -> t.replaceAll("[^0-9]", "").contains(digits)),
                    number + " appears nowhere: " + shown);
        }
        Node list = robot.lookup("#callList").query();
        assertTrue(robot.from(list).lookup(PrivacyMask.maskNumber(DANA)).tryQuery().isPresent(), "masked in the list");
        assertTrue(robot.from(list).lookup(PrivacyMask.maskNumber(ANONYMOUS)).tryQuery().isPresent(),
                "a name that is the number is masked too");
        assertTrue(shown.stream().anyMatch(t -> t.startsWith(PrivacyMask.maskNumber(DANA) + "  →  "
                + PrivacyMask.maskNumber(CALLEE))), "masked in the header: " + shown);
        assertEquals(List.of("Conversation", "Timeline"), tabTitles(robot), "event inspector hidden");
        assertTrue(robot.lookup("#presenterBadge").query().isVisible(), "badge in the status bar");
        assertTrue(shown.stream().noneMatch(t -> t.contains(FakeBackend.MASKED_API_KEY)), "no key in the status bar");
        assertTrue(robot.lookup("#callerName").queryAs(Label.class).getFont().getSize() > normalFont * 1.3,
                "larger text");
        Screenshots.save(scene, "presenter-mode.png");

        robot.clickOn("#presenterToggle");
        WindowHarness.waitUntil(() -> !scene.getRoot().getStyleClass().contains(PresenterMode.STYLE_CLASS));
        assertEquals(List.of("Conversation", "Events", "Timeline", "Usage", "SIP headers"), tabTitles(robot));
        assertTrue(WindowHarness.texts().stream().anyMatch(t -> t.contains(DANA)), "numbers back");
        assertFalse(robot.lookup("#presenterBadge").query().isVisible());
        assertEquals(normalFont, robot.lookup("#callerName").queryAs(Label.class).getFont().getSize(), 0.01);
    }

    @Test
    void sipHeadersAreMaskedToo(FxRobot robot) throws Exception {
        backend.ring();
        WindowHarness.waitUntil(() -> robot.lookup("#workspaceTabs").tryQuery().isPresent());
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#workspaceTabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> "sipHeadersTab".equals(t.getId())).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#sipHeadersTable").queryAs(TableView.class);
        assertTrue(cellText(table, 0).contains(DANA));
        robot.interact(() -> presenter().setActive(true));
        assertFalse(cellText(table, 0).contains(DANA), "the From header's number is masked");
        assertTrue(cellText(table, 0).contains(PrivacyMask.maskNumber(DANA)), cellText(table, 0));
        assertEquals("Conversation", robot.lookup("#workspaceTabs").queryAs(TabPane.class)
                .getSelectionModel().getSelectedItem().getText(), "a hidden tab leaves the conversation selected");
    }

    @Test
    void settingsShowNoKeyOrSecretInPresenterMode(FxRobot robot) throws Exception {
        robot.interact(() -> presenter().setActive(true));
        robot.clickOn("#settingsButton");
        WindowHarness.waitUntil(() -> robot.lookup("#secretsHiddenNote").tryQuery().isPresent());
        assertTrue(robot.lookup("#maskedApiKey").tryQuery().isEmpty());
        assertTrue(robot.lookup("#apiKeyField").tryQuery().isEmpty());
        assertTrue(robot.lookup("#maskedWebhookSecret").tryQuery().isEmpty());
        List<String> all = WindowHarness.texts();
        assertTrue(all.stream().noneMatch(t -> t.contains(FakeBackend.MASKED_API_KEY) || t.contains(FakeBackend.MASKED_SECRET)),
                "not even masked: " + all);
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void aboutShowsTheVersionAndAFailingLogFolderShowsItsPath(FxRobot robot) throws Exception {
        robot.interact(() -> ((dev.switchboard.ui.main.MainView) scene.getRoot()).help().showAbout());
        WindowHarness.waitUntil(() -> robot.lookup("#aboutVersion").tryQuery().isPresent());
        assertTrue(robot.lookup("#aboutRuntime").queryAs(Label.class).getText().contains("JavaFX"));
        robot.clickOn("#aboutLogFolder");
        WindowHarness.waitUntil(() -> robot.lookup("#folderPath").tryQuery().isPresent());
        assertEquals(1, opened.size());
        assertTrue(opened.get(0).startsWith("file:"));
        assertEquals(dev.switchboard.logging.LogFiles.currentDirectory().toString(),
                robot.lookup("#folderPath").queryAs(TextInputControl.class).getText());
        assertTrue(robot.lookup("#copyFolderPathButton").tryQuery().isPresent());
    }

    // ---- helpers ----

    private PresenterMode presenter() {
        return ((SwitchboardWindow) scene.getProperties().get(SwitchboardWindow.class)).viewModel().presenter();
    }

    private static String cellText(TableView<?> table, int row) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> String.valueOf(table.getColumns().get(1).getCellData(row))).get();
    }

    private static List<String> tabTitles(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#workspaceTabs").queryAs(TabPane.class).getTabs()
                .stream().map(Tab::getText).toList()).get();
    }

}
