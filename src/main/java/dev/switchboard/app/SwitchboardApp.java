package dev.switchboard.app;

import dev.switchboard.config.SavedSettings;

import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigException;
import dev.switchboard.config.DataDirectory;
import dev.switchboard.logging.Redactor;
import dev.switchboard.store.StoreException;
import dev.switchboard.team.TeamWatcher;
import dev.switchboard.team.WatcherBackend;
import dev.switchboard.setup.SetupChecklist;
import dev.switchboard.ui.main.WindowOptions;
import dev.switchboard.ui.about.FolderOpener;
import dev.switchboard.config.SetupFile;
import dev.switchboard.config.SetupStore;
import dev.switchboard.config.ScreenPlacementFile;
import dev.switchboard.ui.main.StartingView;
import dev.switchboard.ui.main.SwitchboardWindow;
import dev.switchboard.ui.UiDispatcher;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: the monitor window on a {@link SwitchboardRuntime}. */
public final class SwitchboardApp extends Application {

    /**
     * Not a static field: the first logger configures logback (~0.1 s), and this class initialises on the main
     * thread ahead of the toolkit; the back-end thread configures it beside the toolkit instead.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(SwitchboardApp.class);
    }

    /** A demo on a projector should read like a person talking, not scroll by. */
    static final double DEMO_SPEED = 1.0;

    private SwitchboardRuntime runtime;
    private TeamWatcher desk;
    private CompletableFuture<WindowStart.Started> backEnd;
    /** Set by whichever opens or closes the started back end first: the window, or stop() when it closed early. */
    private final AtomicBoolean taken = new AtomicBoolean();

    public static void main(String[] args) {
        WindowStart.begin(args, DEMO_SPEED); // beside the toolkit's own start-up
        launch(SwitchboardApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        String[] args = getParameters().getRaw().toArray(new String[0]);
        // the window is on screen while the back end finishes starting and the views are built
        StartingView starting = StartingView.show(stage);
        CompletableFuture<Void> shown = new CompletableFuture<>();
        afterFirstFrame(stage.getScene(), () -> {
            log().info("first frame shown");
            shown.complete(null);
        });
        backEnd = WindowStart.started(args, DEMO_SPEED);
        // the monitor's build holds the FX thread for a second: begun earlier, the starting view never shows
        backEnd.thenCombine(shown, (started, frame) -> started)
                .whenComplete((started, error) -> Platform.runLater(() -> {
            if (error != null) {
                starting.showCannotStart();
                failed(error instanceof CompletionException ? error.getCause() : error);
            } else if (taken.compareAndSet(false, true)) {
                if (stage.isShowing()) {
                    open(stage, started);
                } else {
                    close(started);
                }
            }
        }));
    }

    private void open(Stage stage, WindowStart.Started started) {
        SavedSettings.Loaded loaded = started.loaded();
        desk = started.desk();
        if (desk != null) { // a team desk: no listener, no key, no secret; the hubs own the calls
            log().info("window on the team hub {} as desk {}", desk.bus().url(), desk.desk());
            SwitchboardWindow.show(stage, WatcherBackend.of(desk, started.teamHub()), UiDispatcher.fx(),
                    WindowOptions.defaults().withPresenter(loaded.config().presenter()));
            afterFirstFrame(stage.getScene(), () -> log().info("window ready"));
            return;
        }
        runtime = started.runtime();
        log().info("window on {} ({} mode)", runtime.listenerUrl(), runtime.isDemo() ? "demo" : "live");
        AppConfig config = loaded.config();
        SetupFile setup = new SetupFile(DataDirectory.forConfig(config).resolve(SetupFile.FILE_NAME),
                new SetupStore.Fields(config.publicUrl().orElse(""), config.projectId().orElse("")));
        WindowOptions options = WindowOptions.defaults()
                .withPresenter(config.presenter())
                .withAudience(config.commandLine().has("audience"), new ScreenPlacementFile(
                        DataDirectory.forConfig(config).resolve(ScreenPlacementFile.FILE_NAME)))
                .withOpener(FolderOpener.desktopOr(getHostServices()::showDocument))
                // first run in live mode: check at once, open the setup screen if anything fails
                .withSetup(new AppSetupRunner(runtime, SetupChecklist.DEFAULT_TIMEOUT), setup,
                        !runtime.isDemo() && !setup.exists());
        SwitchboardWindow.show(stage, runtime.backend(), UiDispatcher.fx(), options);
        SwitchboardRuntime opened = runtime;
        afterFirstFrame(stage.getScene(), () -> {
            log().info("window ready");
            opened.service().releaseWarmup();
        });
    }

    private static void close(WindowStart.Started started) {
        if (started.runtime() != null) {
            started.runtime().close();
        }
        if (started.desk() != null) {
            started.desk().close();
        }
    }

    private static void failed(Throwable error) {
        String problem;
        if (error instanceof ConfigException) {
            problem = error.getMessage();
        } else if (error instanceof IOException) {
            problem = "The webhook listener could not start: " + error.getMessage();
        } else if (error instanceof StoreException) {
            problem = "The call history could not be opened: " + error.getMessage();
        } else {
            log().error("Switchboard cannot start", error);
            problem = String.valueOf(error.getMessage());
        }
        fail("Switchboard cannot start", problem);
    }

    /**
     * Runs {@code then} once the first frame of {@code scene} has been rendered (bench/window-startup.sh times
     * start-up up to the log lines written there, and reads the screen for the pixels). Not at the first pulse: that
     * only lays the frame out; the render thread then paints it, and the software pipeline hands the pixels to the
     * window in an event on this thread. The next pulse waits for that rendering, so an event queued from it comes
     * after the frame's.
     */
    private static void afterFirstFrame(Scene scene, Runnable then) {
        int[] pulses = {0};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            pulses[0]++;
            if (pulses[0] == 1) {
                Platform.requestNextPulse();
            } else if (pulses[0] == 2) {
                Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    then.run();
                });
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    private static void fail(String title, String problem) {
        // the message may quote what was typed, a pasted key among it
        String message = Redactor.redact(problem);
        log().error("{}: {}", title, message);
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(title);
        alert.showAndWait();
        Platform.exit();
    }

    @Override
    public void stop() {
        // the window closed before the back end was up: close it once it is, so nothing is left running
        if (backEnd != null) {
            backEnd.thenAccept(started -> {
                if (taken.compareAndSet(false, true)) {
                    close(started);
                }
            });
        }
        if (runtime != null) {
            runtime.close();
        }
        if (desk != null) {
            desk.close();
        }
    }
}
