package dev.switchboard.ui.settings;

import atlantafx.base.theme.Styles;
import dev.switchboard.monitor.ConnectionInfo;
import dev.switchboard.ui.Widgets;
import javafx.event.ActionEvent;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The Settings dialog's form: API key and webhook secret (only ever shown masked; typing replaces them), port,
 * bind address and base URL; Test connection; where it is saved and what wins over it.
 */
public final class SettingsPane extends VBox {

    public static final ButtonType SAVE = new ButtonType("Save and restart listener", ButtonBar.ButtonData.OK_DONE);

    public SettingsPane(SettingsViewModel model, boolean demo) {
        this(model, demo, false);
    }

    /** @param presenter presenter mode: the key and secret rows are left out entirely (not even masked) */
    public SettingsPane(SettingsViewModel model, boolean demo, boolean presenter) {
        super(12);
        setId("settingsPane");
        setPrefWidth(560);

        GridPane grid = Widgets.formGrid();

        if (presenter) {
            Label hidden = Widgets.label("The API key and webhook secret are hidden in presenter mode. "
                    + "Turn it off (Ctrl+Shift+P) to see or change them.", Styles.TEXT_MUTED);
            hidden.setId("secretsHiddenNote");
            hidden.setGraphic(Widgets.icon("fth-eye-off"));
            hidden.setWrapText(true);
            grid.add(hidden, 0, 0, 2, 1);
            GridPane.setHalignment(hidden, HPos.LEFT);
        } else {
            Label key = Widgets.label(model.maskedApiKey(), "monospace");
            key.setId("maskedApiKey");
            PasswordField keyField = new PasswordField();
            keyField.setId("apiKeyField");
            keyField.setPromptText("Paste a new key to replace the saved one");
            keyField.textProperty().bindBidirectional(model.apiKeyProperty());
            CheckBox removeKey = new CheckBox("Remove");
            removeKey.setId("removeApiKey");
            removeKey.selectedProperty().bindBidirectional(model.removeApiKeyProperty());
            keyField.disableProperty().bind(removeKey.selectedProperty());
            grid.addRow(0, caption("OpenAI API key"), secretRow(key, keyField, removeKey,
                    model.fromEnvironment(ConnectionInfo.API_KEY), ConnectionInfo.API_KEY));

            Label secret = Widgets.label(model.maskedWebhookSecret(), "monospace");
            secret.setId("maskedWebhookSecret");
            PasswordField secretField = new PasswordField();
            secretField.setId("webhookSecretField");
            secretField.setPromptText("whsec_… from the webhook's page at OpenAI");
            secretField.textProperty().bindBidirectional(model.webhookSecretProperty());
            CheckBox removeSecret = new CheckBox("Remove");
            removeSecret.setId("removeWebhookSecret");
            removeSecret.selectedProperty().bindBidirectional(model.removeWebhookSecretProperty());
            secretField.disableProperty().bind(removeSecret.selectedProperty());
            grid.addRow(1, caption("Webhook secret"), secretRow(secret, secretField, removeSecret,
                    model.fromEnvironment(ConnectionInfo.WEBHOOK_SECRET), ConnectionInfo.WEBHOOK_SECRET));
        }

        TextField port = field("portField", model.portProperty(), ConnectionInfo.PORT, model);
        port.setPrefColumnCount(6);
        TextField bind = field("bindField", model.bindProperty(), ConnectionInfo.BIND, model);
        Label at = Widgets.label("on", Styles.TEXT_MUTED);
        at.setMinWidth(Label.USE_PREF_SIZE);
        HBox listen = new HBox(8, port, at, bind);
        listen.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(bind, Priority.ALWAYS);
        grid.addRow(2, caption("Listener port"), listen);

        TextField baseUrl = field("baseUrlField", model.baseUrlProperty(), ConnectionInfo.BASE_URL, model);
        grid.addRow(3, caption("API base URL"), baseUrl);

        Button test = Widgets.button("Test connection", "fth-activity", Styles.BUTTON_OUTLINED);
        test.setId("testConnectionButton");
        test.disableProperty().bind(model.testingProperty());
        test.setOnAction(e -> model.testConnection());
        test.setMinWidth(Button.USE_PREF_SIZE);
        Label testResult = Widgets.label("", Styles.TEXT_SMALL);
        testResult.setId("testResult");
        testResult.setWrapText(true);
        testResult.textProperty().bind(model.testResultProperty());
        HBox testRow = new HBox(10, test, testResult);
        testRow.setAlignment(Pos.CENTER_LEFT);
        grid.add(testRow, 1, 4);

        Label mode = Widgets.label(demo
                ? "Now in demo mode. With an API key and a webhook secret saved, Switchboard switches to live mode."
                : "Now live. Remove the key or the secret to switch to demo mode.", Styles.TEXT_SMALL);
        mode.setWrapText(true);

        Label problem = Widgets.label("", "problem-text");
        problem.setId("settingsProblem");
        problem.setGraphic(Widgets.icon("fth-alert-circle"));
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Label saveResult = Widgets.resultLabel("saveResult", model.saveResultProperty(), model.saveFailedProperty());
        saveResult.visibleProperty().bind(model.saveResultProperty().isNotEmpty());
        saveResult.managedProperty().bind(saveResult.visibleProperty());

        Label note = Widgets.label(model.storageNote(), Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setId("settingsNote");
        note.setWrapText(true);
        getChildren().addAll(grid, mode, problem, saveResult, note);
        model.prices().ifPresent(prices -> getChildren().add(new PricesPane(prices)));
        model.teamHub().ifPresent(teamHub -> getChildren().add(new TeamHubPane(teamHub)));
    }

    /** A modal Settings dialog on {@code model}: Save applies and closes once the backend restarted. */
    public static Dialog<ButtonType> dialog(Window owner, SettingsViewModel model, boolean demo) {
        return dialog(owner, model, demo, false);
    }

    /** Like {@link #dialog(Window, SettingsViewModel, boolean)}; in presenter mode without the key and secret rows. */
    public static Dialog<ButtonType> dialog(Window owner, SettingsViewModel model, boolean demo, boolean presenter) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Settings");
        dialog.setHeaderText("Connection settings");
        dialog.initOwner(owner);
        dialog.getDialogPane().setContent(new SettingsPane(model, demo, presenter));
        dialog.getDialogPane().getButtonTypes().addAll(SAVE, ButtonType.CANCEL);
        Button save = (Button) dialog.getDialogPane().lookupButton(SAVE);
        save.setId("saveSettingsButton");
        save.disableProperty().bind(model.saveDisabledProperty());
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // stays open until the listener restarted, to show a failure
            // save() completes through the dispatcher, so this runs on the FX thread
            model.save().whenComplete((ok, error) -> {
                if (error == null) {
                    dialog.setResult(SAVE);
                    dialog.close();
                }
            });
        });
        return dialog;
    }

    private static Label caption(String text) {
        Label label = Widgets.label(text, "field-label");
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    private static Node secretRow(Label masked, PasswordField field, CheckBox remove, boolean fromEnv, String name) {
        Label saved = Widgets.label(fromEnv ? "from " + name + ":" : "saved:", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        saved.setMinWidth(Label.USE_PREF_SIZE);
        masked.setMinWidth(Label.USE_PREF_SIZE);
        HBox top = new HBox(6, saved, masked);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox edit = new HBox(8, field, remove);
        edit.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(field, Priority.ALWAYS);
        remove.setMinWidth(CheckBox.USE_PREF_SIZE);
        if (fromEnv) {
            disableForEnv(field, name);
            remove.setDisable(true);
        }
        return new VBox(4, top, edit);
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value, String name,
                                   SettingsViewModel model) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        if (model.fromEnvironment(name)) {
            disableForEnv(field, name);
        }
        return field;
    }

    private static void disableForEnv(TextInputControl field, String name) {
        field.disableProperty().unbind();
        field.setDisable(true);
        field.setPromptText("set by " + name + " (the environment wins)");
    }
}
