package dev.switchboard.ui.history;

import dev.switchboard.monitor.Backend;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.store.StoreJson;
import dev.switchboard.store.StoredCall;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.presenter.PresenterMode;
import dev.switchboard.ui.replay.ReplayWindow;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The history window (Ctrl+H): one per main window; opening it again brings it to the front. */
public final class HistoryWindow {

    public static final Duration SEARCH_DELAY = Duration.ofMillis(200);

    private final Stage stage;
    private final HistoryViewModel model;

    private HistoryWindow(Window owner, HistoryStore store, Backend backend, UiDispatcher dispatcher,
                          PresenterMode presenter) {
        Debouncer debouncer = Debouncer.after(SEARCH_DELAY);
        model = new HistoryViewModel(store, StoreTasks.background(dispatcher), ReplayWindow.replayer(),
                backend::secretsToRedact, ZoneId.systemDefault(), debouncer);
        model.usePresenterMode(presenter);
        HistoryView view = new HistoryView(model, new HistoryView.Actions() {
            @Override
            public void exportMarkdown() {
                save("Export call as Markdown", "md", "Markdown", model::exportMarkdown);
            }

            @Override
            public void exportJson() {
                save("Export call as JSON", "json", "JSON", model::exportJson);
            }

            @Override
            public void exportCsv() {
                save("Export calls as CSV", "csv", "CSV", model::exportCsv);
            }

            @Override
            public void replay(StoredCall call) {
                if (call != null) {
                    ReplayWindow.open(stage, call, dispatcher);
                }
            }

            @Override
            public void openRecording() {
                HistoryWindow.openRecording(stage, dispatcher);
            }
        });
        stage = Windows.stage(owner, "Call history — Switchboard", view, 1220, 780, debouncer::close);
        stage.getScene().getProperties().put(HistoryWindow.class, this);
        model.refresh();
    }

    /** Opens the history on the backend's store, or brings the open one to the front. */
    public static HistoryWindow open(Window owner, Backend backend, UiDispatcher dispatcher) {
        return open(owner, backend, dispatcher, new PresenterMode());
    }

    /** Like {@link #open(Window, Backend, UiDispatcher)}, masking caller numbers while presenter mode is on. */
    public static HistoryWindow open(Window owner, Backend backend, UiDispatcher dispatcher, PresenterMode presenter) {
        if (Windows.focusExisting(owner, HistoryWindow.class, s -> { })) {
            return (HistoryWindow) ((Stage) owner.getProperties().get(HistoryWindow.class)).getScene()
                    .getProperties().get(HistoryWindow.class);
        }
        HistoryStore store = backend.historyStore().orElseThrow(() ->
                new IllegalStateException("this backend keeps no history"));
        HistoryWindow window = new HistoryWindow(owner, store, backend, dispatcher, presenter);
        if (owner != null) {
            owner.getProperties().put(HistoryWindow.class, window.stage);
        }
        window.stage.show();
        return window;
    }

    private void save(String title, String extension, String kind, Function<Path, ?> export) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(extension.equals("csv") ? "calls.csv" : model.suggestedName(extension));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, "*." + extension));
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            export.apply(file.toPath());
        }
    }

    /** "Open recording…": a call exported as JSON, read off the FX thread, then replayed in its own window. */
    public static void openRecording(Window owner, UiDispatcher dispatcher) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a recorded call");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Switchboard call (JSON)", "*.json"));
        File file = chooser.showOpenDialog(owner);
        if (file == null) {
            return;
        }
        StoreTasks.background(dispatcher).run(() -> readRecording(file.toPath()),
                call -> ReplayWindow.open(owner, call, dispatcher),
                message -> ReplayWindow.showError(owner, "Could not open " + file.getName(), message));
    }

    /** A call exported as JSON ({@link dev.switchboard.store.Exporter#json}). */
    public static StoredCall readRecording(Path file) {
        try {
            return StoreJson.readCall(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    public Stage stage() {
        return stage;
    }

    public HistoryViewModel viewModel() {
        return model;
    }
}
