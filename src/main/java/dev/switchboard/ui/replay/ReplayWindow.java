package dev.switchboard.ui.replay;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.switchboard.store.Replayer;
import dev.switchboard.store.StoredCall;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.Widgets;
import dev.switchboard.ui.history.Windows;
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

    private static final class Shared {
        static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchboard-replay");
            t.setDaemon(true);
            return t;
        });
    }

    private final ReplayViewModel model;
    private final Stage stage;

    private ReplayWindow(Window owner, StoredCall call, UiDispatcher dispatcher) {
        model = new ReplayViewModel(call, replayer(), dispatcher);
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

    /** The replayer every window shares (one timer thread; at instant speed it is not used). */
    public static Replayer replayer() {
        return new Replayer(Shared.SCHEDULER);
    }

    public static ReplayWindow open(Window owner, StoredCall call, UiDispatcher dispatcher) {
        ReplayWindow window = new ReplayWindow(owner, call, dispatcher);
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
