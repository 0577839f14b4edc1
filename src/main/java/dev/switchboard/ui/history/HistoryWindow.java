package dev.switchboard.ui.history;

import dev.switchboard.history.Replayer;
import dev.switchboard.history.StoredCall;
import dev.switchboard.monitor.HistoryService;
import dev.switchboard.ui.PresenterMode;
import dev.switchboard.ui.UiTasks;
import dev.switchboard.ui.Windows;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The history window (Ctrl+H): one per main window; opening it again brings it to the front. */
public final class HistoryWindow {

    public static final Duration SEARCH_DELAY = Duration.ofMillis(200);

    /**
     * What the history window hands to other windows: how a stored call is replayed, and "Open recording…".
     *
     * @param replayer      plays a stored call into a call model (instant speed for the opened call)
     * @param replay        opens a replay of a call, next to the given window
     * @param openRecording asks for an exported call and replays it
     */
    public record Links(Replayer replayer, BiConsumer<Window, StoredCall> replay, Consumer<Window> openRecording) {
    }

    private final Stage stage;
    private final HistoryViewModel model;

    private HistoryWindow(Window owner, HistoryService history, UiTasks tasks, PresenterMode presenter,
                          Links links) {
        Debouncer debouncer = Debouncer.after(SEARCH_DELAY);
        model = new HistoryViewModel(history, tasks, links.replayer(),
                history::secretsToRedact, ZoneId.systemDefault(), debouncer);
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
                    links.replay().accept(stage, call);
                }
            }

            @Override
            public void openRecording() {
                links.openRecording().accept(stage);
            }
        });
        stage = Windows.stage(owner, "Call history — Switchboard", view, 1220, 780, debouncer::close);
        stage.getScene().getProperties().put(HistoryWindow.class, this);
        model.refresh();
    }

    /** Opens the history, masking caller numbers while presenter mode is on, or brings the open one to the front. */
    public static HistoryWindow open(Window owner, HistoryService history, UiTasks tasks,
                                     PresenterMode presenter, Links links) {
        if (Windows.focusExisting(owner, HistoryWindow.class, s -> { })) {
            return (HistoryWindow) ((Stage) owner.getProperties().get(HistoryWindow.class)).getScene()
                    .getProperties().get(HistoryWindow.class);
        }
        HistoryWindow window = new HistoryWindow(owner, history, tasks, presenter, links);
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

    public Stage stage() {
        return stage;
    }

    public HistoryViewModel viewModel() {
        return model;
    }
}
