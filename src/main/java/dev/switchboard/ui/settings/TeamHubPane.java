package dev.switchboard.ui.settings;

import atlantafx.base.theme.Styles;
import dev.switchboard.ui.Widgets;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Settings → Team hub: the hub URL (its password only ever masked) and the desk name, with Save and Clear; a saved
 * hub takes effect at the next start, and the section says so. Folded away unless a hub is saved.
 */
final class TeamHubPane extends TitledPane {

    TeamHubPane(TeamHubViewModel model) {
        setText("Team hub");
        setId("teamHubPane");
        setExpanded(model.hasSavedProperty().get());

        Label now = Widgets.label(model.now(), Styles.TEXT_SMALL);
        now.setId("teamHubNow");
        now.setWrapText(true);

        TextField url = new TextField();
        url.setId("teamHubUrlField");
        url.setPromptText("redis://host:6379 or rediss://user:password@host:6380/0");
        url.textProperty().bindBidirectional(model.urlProperty());
        // a pasted or typed password is taken aside and masked, after the field has taken the text
        url.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                model.maskTypedPassword();
            }
        });
        url.textProperty().addListener((obs, before, after) -> {
            if (after != null && (before == null || after.length() > before.length() + 1)) {
                Platform.runLater(model::maskTypedPassword);
            }
        });
        url.setOnAction(e -> model.maskTypedPassword());
        TextField desk = new TextField();
        desk.setId("teamDeskField");
        desk.setPromptText("the name other desks see");
        desk.textProperty().bindBidirectional(model.deskProperty());
        GridPane grid = Widgets.formGrid();
        grid.addRow(0, caption("Hub URL"), url);
        grid.addRow(1, caption("Desk name"), desk);

        Label saved = Widgets.label("", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        saved.setId("teamHubSaved");
        saved.setWrapText(true);
        saved.textProperty().bind(model.savedLineProperty());

        Label problem = Widgets.label("", "problem-text");
        problem.setId("teamHubProblem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty().and(url.textProperty().isNotEmpty()));
        problem.managedProperty().bind(problem.visibleProperty());

        Button save = Widgets.button("Save team hub", "fth-save", Styles.BUTTON_OUTLINED);
        save.setId("saveTeamHubButton");
        save.disableProperty().bind(model.problemProperty().isNotEmpty().or(model.savingProperty()));
        save.setOnAction(e -> {
            model.maskTypedPassword();
            model.save();
        });
        Button clear = Widgets.button("Clear", "fth-x", Styles.BUTTON_OUTLINED);
        clear.setId("clearTeamHubButton");
        clear.disableProperty().bind(model.hasSavedProperty().not().or(model.savingProperty()));
        clear.setOnAction(e -> model.clear());
        Label result = Widgets.resultLabel("teamHubResult", model.resultProperty(), model.failedProperty());
        HBox actions = new HBox(8, save, clear, result);
        actions.setAlignment(Pos.CENTER_LEFT);
        save.setMinWidth(Button.USE_PREF_SIZE);
        clear.setMinWidth(Button.USE_PREF_SIZE);

        Label note = Widgets.label(model.note(), Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setId("teamHubNote");
        note.setWrapText(true);
        setContent(new VBox(8, now, grid, saved, problem, actions, note));
    }

    private static Label caption(String text) {
        Label label = Widgets.label(text, "field-label");
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }
}
