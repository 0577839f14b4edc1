package dev.switchboard.ui;

import atlantafx.base.theme.Styles;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.history.ProfileRef;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/** What the history, replay and profiles windows share: stylesheets, a stage, a status line, a settings sheet. */
public final class Windows {

    private Windows() {
    }

    /**
     * A window next to the main one: same stylesheets (the theme is application-wide), Ctrl+W / Esc close it,
     * {@code onClose} runs when it is hidden.
     */
    public static Stage stage(Window owner, String title, Parent root, double width, double height, Runnable onClose) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(title);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().addAll(Stylesheets.ALL);
        if (owner != null && owner.getScene() != null) {
            followPresenterText(owner.getScene().getRoot(), root);
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::hide);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::hide);
        stage.setScene(scene);
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> onClose.run());
        return stage;
    }

    /** A side window's text grows with its owner's presenter mode, as the owner's does. */
    private static void followPresenterText(Parent ownerRoot, Parent root) {
        if (root.getScene() != null && !root.getScene().getStylesheets().contains(PresenterControls.STYLESHEET)) {
            root.getScene().getStylesheets().add(PresenterControls.STYLESHEET);
        }
        Runnable apply = () -> {
            boolean on = ownerRoot.getStyleClass().contains(PresenterMode.STYLE_CLASS);
            if (on != root.getStyleClass().contains(PresenterMode.STYLE_CLASS)) {
                if (on) {
                    root.getStyleClass().add(PresenterMode.STYLE_CLASS);
                } else {
                    root.getStyleClass().remove(PresenterMode.STYLE_CLASS);
                }
            }
        };
        ownerRoot.getStyleClass().addListener((javafx.collections.ListChangeListener<String>) c -> apply.run());
        apply.run();
    }

    /** The bottom line showing a view model's last message. */
    public static Node statusBar(ObservableValue<String> status, String id) {
        Label label = Widgets.label("");
        label.setId(id);
        label.textProperty().bind(status);
        HBox bar = new HBox(label);
        bar.getStyleClass().add("window-status");
        return bar;
    }

    /** Read-only accept settings, as a call was answered with them (or a profile version holds them). */
    public static GridPane settingsSheet(AcceptSettings s, ProfileRef profile) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("settings-view");
        int row = 0;
        if (s == null) {
            grid.addRow(row, Widgets.label("This call was never accepted, so it has no settings.", Styles.TEXT_MUTED));
            return grid;
        }
        row = add(grid, row, "Profile", profile == null ? "—" : profile.describe());
        row = add(grid, row, "Voice", s.voice());
        row = add(grid, row, "Model", s.model());
        row = add(grid, row, "Greeting", s.greeting().isEmpty() ? "(waits for the caller)" : s.greeting());
        row = add(grid, row, "Caller transcription", s.transcribesCaller() ? s.transcriptionModel() : "off");
        row = add(grid, row, "Turn detection", s.turnDetection().toString());
        Label caption = Widgets.label("Instructions", "field-label");
        Label instructions = Widgets.label(s.instructions(), "monospace", "value");
        instructions.setWrapText(true);
        grid.add(caption, 0, row);
        grid.add(instructions, 1, row);
        return grid;
    }

    private static int add(GridPane grid, int row, String name, String value) {
        Label v = Widgets.label(value, "value");
        v.setWrapText(true);
        grid.addRow(row, Widgets.label(name, "field-label"), v);
        return row + 1;
    }

    /** Brings an already open window of this kind to the front instead of opening another. */
    public static boolean focusExisting(Window owner, Object key, Consumer<Stage> whenOpen) {
        if (owner == null) {
            return false;
        }
        Object existing = owner.getProperties().get(key);
        if (existing instanceof Stage stage && stage.isShowing()) {
            whenOpen.accept(stage);
            stage.toFront();
            stage.requestFocus();
            return true;
        }
        return false;
    }
}
