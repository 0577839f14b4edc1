package dev.switchboard.ui.history;

import dev.switchboard.ui.WindowHarness;
import dev.switchboard.ui.Screenshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.ui.FakeBackend;
import dev.switchboard.ui.main.SwitchboardWindow;
import dev.switchboard.ui.TestClock;
import dev.switchboard.ui.UiDispatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The history window and the accept panel's profile picker on a real store, driven headless (Monocle). */
@ExtendWith(WindowHarness.class)
class HistoryWindowTest {

    @TempDir
    static Path dir;

    private FakeBackend backend;
    private HistoryStore store;
    private Stage main;

    @Start
    void start(Stage stage) throws IOException {
        Path db = Files.createTempDirectory(dir, "db").resolve("switchboard.db");
        store = HistoryStore.open(db);
        HistoryFixtures.recordTwoCalls(store);
        store.analyses().save(new dev.switchboard.history.CallAnalysis("rtc_dana",
                dev.switchboard.history.CallAnalysis.Status.DONE, "gpt-4.1-mini", "Dana was helped with a broken desk.",
                "resolved", java.util.List.of(new dev.switchboard.history.RubricScore("Empathy", 4, "Kind.")), "",
                java.time.Instant.EPOCH));
        backend = new FakeBackend(new TestClock(), true);
        backend.history = store;
        main = stage;
        SwitchboardWindow.show(stage, backend.backend(), UiDispatcher.fx());
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window w : Window.getWindows().toArray(Window[]::new)) {
                if (w != main) {
                    w.hide();
                }
            }
        }).get();
        backend.shutdown();
        store.close();
    }

    @Test
    void searchHighlightsAMatchAndOpeningItShowsTheTranscript(FxRobot robot) throws Exception {
        robot.clickOn("#mainView").press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        WindowHarness.waitUntil(() -> robot.lookup("#historyTable").tryQuery().isPresent()
                && robot.lookup("Marcus Oyelaran  +15551230002").tryQuery().isPresent());

        robot.clickOn("#historySearch").write("refund");
        WindowHarness.waitUntil(() -> robot.lookup(".hit-match").queryAllAs(Text.class).stream()
                .anyMatch(t -> t.getText().equals("refund") && t.isVisible()));
        Text match = robot.lookup(".hit-match").queryAllAs(Text.class).iterator().next();
        robot.clickOn(match);

        WindowHarness.waitUntil(() -> robot.lookup(".bubble.caller").tryQuery().isPresent()
                && robot.lookup("Hi, I want a refund for order 4471, the desk arrived broken.").tryQuery().isPresent());
        assertTrue(robot.lookup(".bubble.agent").tryQuery().isPresent());
        assertEquals("Support EN v1", robot.lookup(".profile-badge").queryLabeled().getText());

        Screenshots.save(robot.lookup("#historyView").query().getScene(), "history-window.png");
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#historyTabs").queryAs(TabPane.class);
            tabs.getSelectionModel().selectLast();
        });
        WindowHarness.waitUntil(() -> robot.lookup("#analysisHeadline").tryQuery()
                .map(n -> "Score 4.0 · resolved".equals(((javafx.scene.control.Label) n).getText())).orElse(false));
    }

    @Test
    void pickingAProfileAndAcceptingRecordsTheProfile(FxRobot robot) throws Exception {
        backend.ring();
        WindowHarness.waitUntil(() -> robot.lookup("#profileChoice").tryQuery().map(Node::isVisible).orElse(false)
                && robot.lookup("#profileChoice").queryAs(ComboBox.class).getItems().size() == 2);
        robot.clickOn("#profileChoice").clickOn("Support EN v1");
        WindowHarness.waitUntil(() -> robot.lookup("#profilePickerHint").queryLabeled().getText().startsWith("Calls accepted now record"));
        Screenshots.save(main.getScene(), "accept-with-profile.png");
        robot.clickOn("#acceptButton");

        WindowHarness.waitUntil(() -> !backend.acceptedProfiles.isEmpty());
        assertEquals("Support EN v1", backend.acceptedProfiles.get(0).ref().describe());
        assertEquals(AcceptSettings.defaults(), backend.accepted.get(0));
        WindowHarness.waitUntil(() -> robot.lookup("Accepted with profile Support EN v1.").tryQuery().isPresent());
    }

    @Test
    void profilesEditorShowsVersionsSideBySide(FxRobot robot) throws Exception {
        store.profiles().save("Support EN", AcceptSettings.defaults().withInstructions(AcceptSettings.DEFAULT_INSTRUCTIONS
                + "\nAlways confirm the order number.\nOffer a callback when the line is busy."));
        store.profiles().create("Billing", AcceptSettings.defaults().withVoice("cedar"));
        store.routing().add("+1555987", "Support EN");
        robot.clickOn("#mainView").press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        WindowHarness.waitUntil(() -> robot.lookup("#profileList").tryQuery().isPresent()
                && robot.lookup("Support EN").tryQuery().isPresent());
        robot.clickOn("Support EN");
        WindowHarness.waitUntil(() -> robot.lookup("Save as version 3").tryQuery().isPresent());
        Screenshots.save(robot.lookup("#profilesView").query().getScene(), "profiles-window.png");
        // an alert rule that is not a regular expression says why and cannot be saved
        robot.interact(() -> robot.lookup("#profileAlertRules").queryAs(javafx.scene.control.TextArea.class)
                .setText("refund\n(unclosed"));
        WindowHarness.waitUntil(() -> robot.lookup("#profileAlertProblems").queryLabeled().isVisible());
        assertTrue(robot.lookup("#profileAlertProblems").queryLabeled().getText().startsWith("Alert line 2 is not a valid"));
        assertTrue(robot.lookup("#saveProfile").queryButton().isDisabled());
        robot.interact(() -> robot.lookup("#profileAlertRules").queryAs(javafx.scene.control.TextArea.class)
                .setText("refund"));
        WindowHarness.waitUntil(() -> !robot.lookup("#saveProfile").queryButton().isDisabled()
                && !robot.lookup("#profileAlertProblems").queryLabeled().isVisible());

        robot.interact(() -> robot.lookup("#profileTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        WindowHarness.waitUntil(() -> robot.lookup(".diff-cell.added").tryQuery().isPresent());
        Screenshots.save(robot.lookup("#profilesView").query().getScene(), "profiles-diff.png");
        robot.interact(() -> robot.lookup("#profileTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        WindowHarness.waitUntil(() -> robot.lookup("+1555987").tryQuery().isPresent());
        Screenshots.save(robot.lookup("#profilesView").query().getScene(), "profiles-rules.png");
    }

    // ---- helpers ----

}
