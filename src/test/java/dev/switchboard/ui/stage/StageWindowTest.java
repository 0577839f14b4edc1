package dev.switchboard.ui.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.ui.FakeBackend;
import dev.switchboard.ui.Screenshots;
import dev.switchboard.ui.TestClock;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.WindowHarness;
import dev.switchboard.ui.audience.AudienceWindow;
import dev.switchboard.ui.history.HistoryFixtures;
import dev.switchboard.ui.main.SwitchboardWindow;
import dev.switchboard.ui.main.WindowOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
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
 * The stage on the real windows (headless Monocle): every window at 1280×720 and 1920×1080, light and dark, normal
 * and presenter text, with no text cut and nothing past the window's edges; and the audience window following the
 * operator's selection without a key, secret, whole number or control on it. One shared main stage; windows are
 * resized in place rather than rebuilt, so the matrix stays a few seconds.
 */
@ExtendWith(WindowHarness.class)
class StageWindowTest {

    private static final double[][] SIZES = {{1280, 720}, {1920, 1080}};
    private static final String DANA = FakeBackend.SCENARIO_CALLERS.get(0).number();

    @TempDir
    static Path dir;

    private final TestClock clock = new TestClock();
    private FakeBackend backend;
    private HistoryStore store;
    private SwitchboardWindow window;
    private Stage main;

    @Start
    void start(Stage stage) throws Exception {
        store = HistoryStore.open(Files.createTempDirectory(dir, "db").resolve("switchboard.db"));
        HistoryFixtures.recordTwoCalls(store);
        backend = new FakeBackend(clock, true);
        backend.history = store;
        main = stage;
        window = SwitchboardWindow.show(stage, backend.backend(), UiDispatcher.fx(), WindowOptions.defaults()
                .withSetup((url, id) -> dev.switchboard.ui.setup.SetupViewModelTest.MIXED,
                        dev.switchboard.config.SetupStore.inMemory(
                                new dev.switchboard.config.SetupStore.Fields("https://xyz.ngrok.app/webhook", "")), false));
        window.viewModel().animateTranscriptProperty().set(false);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window w : Window.getWindows().toArray(Window[]::new)) {
                if (w != main) {
                    w.hide();
                }
            }
            window.darkThemeProperty().set(false);
        }).get();
        backend.shutdown();
        store.close();
    }

    /** A live call streaming (with turns and cost) and a second one ringing behind it. */
    private Call liveCallAndARingingOne(FxRobot robot) throws Exception {
        Call live = backend.ring();
        WindowHarness.waitUntil(() -> robot.lookup("#acceptButton").tryQuery().isPresent());
        robot.clickOn("#acceptButton");
        WindowHarness.waitUntil(() -> live.state() == CallState.ACTIVE && robot.lookup(".bubble.agent").tryQuery().isPresent());
        WindowHarness.waitUntil(() -> live.transcript().size() >= 4);
        StageFixtures.instrument(live, clock);
        backend.ring(FakeBackend.SCENARIO_CALLERS.get(1));
        WindowHarness.waitUntil(() -> window.viewModel().callList().rows().size() == 2);
        return live;
    }

    @Test
    void mainWindowFitsAtEverySizeThemeAndTextSize(FxRobot robot) throws Exception {
        liveCallAndARingingOne(robot);
        WindowHarness.waitUntil(() -> !robot.lookup("#greetingBadge").queryAs(Label.class).getText().endsWith("—"));
        List<String> problems = matrix(main, "main", true);
        assertEquals(List.of(), problems);
    }

    @Test
    void sideWindowsFit(FxRobot robot) throws Exception {
        robot.clickOn("#mainView").press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        WindowHarness.waitUntil(() -> robot.lookup("#historyTable").tryQuery().isPresent()
                && robot.lookup("Marcus Oyelaran  +15551230002").tryQuery().isPresent());
        Stage history = (Stage) robot.lookup("#historyView").query().getScene().getWindow();
        List<String> problems = new ArrayList<>(matrix(history, "history", true));
        robot.interact(history::hide);

        robot.clickOn("#mainView").press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        WindowHarness.waitUntil(() -> robot.lookup("#profileList").tryQuery().isPresent()
                && robot.lookup("Support EN").tryQuery().isPresent());
        robot.clickOn("Support EN");
        WindowHarness.waitUntil(() -> robot.lookup("Save as version 2").tryQuery().isPresent());
        Stage profiles = (Stage) robot.lookup("#profilesView").query().getScene().getWindow();
        problems.addAll(matrix(profiles, "profiles", true));
        robot.interact(profiles::hide);

        robot.clickOn("#settingsButton");
        WindowHarness.waitUntil(() -> robot.lookup("#settingsPane").tryQuery().isPresent());
        Stage settings = (Stage) robot.lookup("#settingsPane").query().getScene().getWindow();
        problems.addAll(matrix(settings, "settings", false));
        robot.interact(settings::hide);

        robot.interact(() -> ((dev.switchboard.ui.main.MainView) main.getScene().getRoot()).help().showSetup(
                dev.switchboard.ui.setup.SetupViewModelTest.MIXED));
        WindowHarness.waitUntil(() -> robot.lookup("#setupPane").tryQuery().isPresent()
                && robot.lookup("#sipUri").tryQuery().isPresent());
        Stage setup = (Stage) robot.lookup("#setupPane").query().getScene().getWindow();
        problems.addAll(matrix(setup, "setup", true));
        robot.interact(setup::hide);

        robot.interact(() -> dev.switchboard.ui.replay.ReplayWindow.open(main, store.load("rtc_dana").orElseThrow(),
                window.viewModel().tasks()));
        WindowHarness.waitUntil(() -> robot.lookup("#replayView").tryQuery().isPresent());
        Stage replay = (Stage) robot.lookup("#replayView").query().getScene().getWindow();
        problems.addAll(matrix(replay, "replay", true));
        robot.interact(replay::hide);
        assertEquals(List.of(), problems);
    }

    @Test
    void audienceFollowsTheSelectionShowsNoSecretsOrControlsAndFits(FxRobot robot) throws Exception {
        Call live = liveCallAndARingingOne(robot);
        AudienceWindow audience = WaitForAsyncUtils.asyncFx(() -> window.openAudience()).get();
        Scene scene = audience.scene();
        WindowHarness.waitUntil(() -> audience.viewModel().shownProperty().get() != null
                && audience.viewModel().shownProperty().get().call() == live
                && robot.from(scene.getRoot()).lookup(".bubble.agent").tryQuery().isPresent());
        assertEquals("Dana Whitfield", text(scene, "#audienceCaller"));
        assertTrue(text(scene, "#audienceNumber").endsWith(DANA.substring(DANA.length() - 4)));
        WindowHarness.waitUntil(() -> text(scene, "#greetingBadge").equals("Greeting 0.84 s"));
        assertEquals("Reply 0.62 s", text(scene, "#turnLatencyBadge"));
        assertTrue(text(scene, "#costBadge").startsWith("Cost $"), text(scene, "#costBadge"));
        assertNothingSecretOrControl(scene);
        Screenshots.save(main.getScene(), "stage/operator-with-audience.png");

        // the operator picks the ringing call: the audience follows
        robot.interact(() -> window.viewModel().callList().selectedProperty().set(window.viewModel().callList().rows()
                .stream().filter(r -> r.call() != live).findFirst().orElseThrow()));
        WindowHarness.waitUntil(() -> text(scene, "#audienceCaller").equals(FakeBackend.SCENARIO_CALLERS.get(1).displayName()));
        assertNothingSecretOrControl(scene);

        // pinned, it keeps its call while the operator looks at another
        robot.interact(() -> {
            window.viewModel().callList().selectedProperty().set(window.viewModel().callList().rows().stream()
                    .filter(r -> r.call() == live).findFirst().orElseThrow());
            audience.viewModel().pinnedProperty().set(true);
            window.viewModel().callList().selectedProperty().set(window.viewModel().callList().rows().stream()
                    .filter(r -> r.call() != live).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Dana Whitfield", text(scene, "#audienceCaller"));
        robot.interact(() -> audience.viewModel().pinnedProperty().set(false));
        WindowHarness.waitUntil(() -> text(scene, "#audienceCaller").equals(FakeBackend.SCENARIO_CALLERS.get(1).displayName()));
        robot.interact(() -> window.viewModel().callList().selectedProperty().set(window.viewModel().callList().rows()
                .stream().filter(r -> r.call() == live).findFirst().orElseThrow()));
        WindowHarness.waitUntil(() -> text(scene, "#audienceCaller").equals("Dana Whitfield"));

        List<String> problems = matrix(audience.stage(), "audience", false);
        assertEquals(List.of(), problems);
        robot.interact(() -> audience.stage().setFullScreen(false));
        robot.interact(() -> window.viewModel().presenter().setActive(true));
        for (Node node : robot.lookup("#presenterToggle").queryAll()) {
            assertTrue(node.getScene() == main.getScene(), "the presenter toggle lives in the operator's window only");
        }
    }

    // ---- the matrix ----

    /**
     * Walks {@code window} at both sizes, both themes and (when {@code textSizes}) normal and presenter text, saving a
     * screenshot of each; returns every problem found, prefixed by where.
     */
    private List<String> matrix(Stage stage, String name, boolean textSizes) throws Exception {
        List<String> problems = new ArrayList<>();
        for (double[] size : SIZES) {
            for (boolean dark : new boolean[]{false, true}) {
                for (boolean presenter : textSizes ? new boolean[]{false, true} : new boolean[]{false}) {
                    String where = name + "-" + (int) size[0] + "x" + (int) size[1] + "-" + (dark ? "dark" : "light")
                            + (textSizes ? (presenter ? "-presenter" : "-normal") : "");
                    WaitForAsyncUtils.asyncFx(() -> {
                        window.darkThemeProperty().set(dark);
                        window.viewModel().presenter().setActive(presenter);
                        stage.setX(0);
                        stage.setY(0);
                        stage.setWidth(size[0]);
                        stage.setHeight(size[1]);
                    }).get();
                    WaitForAsyncUtils.waitForFxEvents();
                    List<String> found = WaitForAsyncUtils.asyncFx(() -> {
                        stage.getScene().getRoot().applyCss();
                        stage.getScene().getRoot().layout();
                        return LayoutProbe.problems(stage.getScene());
                    }).get();
                    found.forEach(p -> problems.add(where + ": " + p));
                    Screenshots.save(stage.getScene(), "stage/" + where + ".png");
                }
            }
        }
        return problems;
    }

    // ---- helpers ----

    private static String text(Scene scene, String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((Label) scene.lookup(id)).getText()).get();
    }

    private static void assertNothingSecretOrControl(Scene scene) throws Exception {
        List<String> texts = new ArrayList<>();
        List<String> controls = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            WindowHarness.collectTexts(scene.getRoot(), texts);
            collectControls(scene.getRoot(), controls);
        }).get();
        for (String t : texts) {
            String digits = t.replaceAll("[^0-9]", "");
            for (FakeBackend.Caller caller : FakeBackend.SCENARIO_CALLERS) {
                assertFalse(digits.contains(caller.number().substring(1)), "a whole number: " + t);
            }
            assertFalse(digits.contains("15559870000"), "the called number: " + t);
            assertFalse(t.contains(FakeBackend.MASKED_API_KEY) || t.contains(FakeBackend.FULL_API_KEY)
                    || t.contains(FakeBackend.MASKED_SECRET) || t.contains("sk-") || t.contains("whsec_"), "a key: " + t);
        }
        assertEquals(List.of(), controls, "no controls on the audience screen");
    }

    private static void collectControls(Node node, List<String> out) {
        if (node instanceof ButtonBase || node instanceof TextInputControl || node instanceof ComboBoxBase<?>) {
            out.add(node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()));
        }
        if (node.getOnMouseClicked() != null || (node instanceof javafx.scene.control.Control c && c.getContextMenu() != null)) {
            out.add("clickable " + node.getClass().getSimpleName());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectControls(child, out));
        }
    }
}
