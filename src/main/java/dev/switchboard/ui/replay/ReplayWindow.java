package dev.switchboard.ui.replay;

import dev.switchboard.history.HistoryJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.switchboard.ui.UiTasks;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.stage.FileChooser;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.switchboard.history.Replayer;
import dev.switchboard.history.StoredCall;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.Widgets;
import dev.switchboard.ui.Windows;
import dev.switchboard.ui.inspector.InspectorTabs;
import dev.switchboard.ui.transcript.TranscriptView;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A replay: the stored call played into the live transcript view at 1×, 4× or instantly. Closing it stops the replay. */
public final class ReplayWindow {

    private final ReplayViewModel model;
    private final Stage stage;

    private ReplayWindow(Window owner, StoredCall call, UiTasks tasks) {
        model = new ReplayViewModel(call, replayer(tasks), tasks.dispatcher());
        BorderPane root = new BorderPane();
        root.setId("replayView");
        root.setTop(toolbar(call));
        TabPane tabs = new TabPane();
        tabs.getTabs().add(Widgets.tab("Conversation", "fth-message-circle", new TranscriptView(model.transcript())));
        tabs.getTabs().addAll(InspectorTabs.create(model.inspector()));
        root.setCenter(tabs);
        root.setBottom(Windows.statusBar(model.statusProperty(), "replayStatus"));
        String who = call.caller().displayName() == null || call.caller().displayName().isBlank()
                ? call.caller().number() : call.caller().displayName();
        stage = Windows.stage(owner, "Replay — " + who + " — Switchboard", root, 900, 720, model::close);
        stage.getScene().getProperties().put(ReplayWindow.class, this);
    }

    /** A replayer on the window's timer (at instant speed it is not used). */
    public static Replayer replayer(UiTasks tasks) {
        return new Replayer(tasks.timer());
    }

    public static ReplayWindow open(Window owner, StoredCall call, UiTasks tasks) {
        ReplayWindow window = new ReplayWindow(owner, call, tasks);
        window.stage.show();
        return window;
    }

    private Node toolbar(StoredCall call) {
        Label icon = new Label(null, Widgets.icon("fth-film"));
        icon.getGraphic().getStyleClass().add("title-icon");
        Label title = Widgets.label("Replay", "window-title");
        Label who = Widgets.label(call.caller().describe() + "  ·  " + call.id(), Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox titles = new VBox(0, title, who);

        ToggleGroup speeds = new ToggleGroup();
        HBox speedGroup = new HBox();
        for (int i = 0; i < ReplayViewModel.SPEEDS.size(); i++) {
            double speed = ReplayViewModel.SPEEDS.get(i);
            ToggleButton b = new ToggleButton(speed == Replayer.INSTANT ? "Instant" : ReplayViewModel.label(speed));
            b.setId("speed" + (speed == Replayer.INSTANT ? "Instant" : (int) speed + "x"));
            b.setToggleGroup(speeds);
            b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == ReplayViewModel.SPEEDS.size() - 1
                    ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            b.setSelected(speed == model.speedProperty().get());
            b.setOnAction(e -> {
                model.speedProperty().set(speed);
                b.setSelected(true);
            });
            speedGroup.getChildren().add(b);
        }

        Button play = Widgets.button("Play", "fth-play", Styles.ACCENT);
        play.setId("replayPlay");
        play.setTooltip(new Tooltip("Play from the start at the chosen speed"));
        play.setOnAction(e -> model.play());
        Button stop = Widgets.button("Stop", "fth-square", Styles.BUTTON_OUTLINED);
        stop.setId("replayStop");
        stop.disableProperty().bind(model.playingProperty().not());
        stop.setOnAction(e -> model.stop());

        HBox bar = new HBox(icon, titles, new Spacer(), Widgets.label("Speed", Styles.TEXT_MUTED), speedGroup,
                new Separator(Orientation.VERTICAL), play, stop);
        bar.getStyleClass().add("window-toolbar");
        return bar;
    }

    /** "Open recording…": a call exported as JSON, read off the FX thread, then replayed in its own window. */
    public static void openRecording(Window owner, UiTasks tasks) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a recorded call");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Switchboard call (JSON)", "*.json"));
        File file = chooser.showOpenDialog(owner);
        if (file == null) {
            return;
        }
        tasks.run(() -> readRecording(file.toPath()), call -> open(owner, call, tasks),
                message -> showError(owner, "Could not open " + file.getName(), message));
    }

    /** A call exported as JSON ({@link dev.switchboard.history.Exporter#json}). */
    public static StoredCall readRecording(Path file) {
        try {
            return HistoryJson.readCall(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    public static void showError(Window owner, String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(owner);
        alert.setHeaderText(header);
        alert.show();
    }

    public ReplayViewModel viewModel() {
        return model;
    }

    public Stage stage() {
        return stage;
    }
}
