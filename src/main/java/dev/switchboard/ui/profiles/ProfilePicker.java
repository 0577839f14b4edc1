package dev.switchboard.ui.profiles;

import atlantafx.base.theme.Styles;
import dev.switchboard.ui.Widgets;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** "Profile: Support EN v3 ▾ [Save ▾]" at the top of the accept form, with a one-line hint under it. */
public final class ProfilePicker extends VBox {

    public ProfilePicker(ProfilePickerViewModel model) {
        super(4);
        setId("profilePicker");
        setVisible(model.isAvailable());
        setManaged(model.isAvailable());

        Label caption = Widgets.label("Profile", "field-label");
        caption.setMinWidth(Label.USE_PREF_SIZE);
        ComboBox<ProfilePickerViewModel.Choice> choice = new ComboBox<>(model.choices());
        choice.setId("profileChoice");
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.setTooltip(new Tooltip("Fill the form from a saved profile's latest version"));
        HBox.setHgrow(choice, Priority.ALWAYS);
        choice.valueProperty().bindBidirectional(model.selectedProperty());
        // the list is replaced on reload: keep showing the model's choice
        model.choices().addListener((ListChangeListener<ProfilePickerViewModel.Choice>) c ->
                choice.setValue(model.selectedProperty().get()));

        MenuItem newVersion = new MenuItem("Save as new version", Widgets.icon("fth-save"));
        newVersion.setId("saveProfileVersion");
        newVersion.disableProperty().bind(model.editedProperty().not());
        newVersion.setOnAction(e -> model.saveAsNewVersion());
        MenuItem asProfile = new MenuItem("Save as profile…", Widgets.icon("fth-plus"));
        asProfile.setId("saveAsProfile");
        asProfile.setOnAction(e -> askName().ifPresent(model::saveAsProfile));
        MenuButton save = new MenuButton("Save", Widgets.icon("fth-save"), newVersion, asProfile);
        save.setId("profileSaveMenu");
        save.getStyleClass().addAll(Styles.BUTTON_OUTLINED);
        save.setMinWidth(MenuButton.USE_PREF_SIZE);

        HBox row = new HBox(caption, choice, save);
        row.getStyleClass().add("profile-picker");

        Label hint = Widgets.label("", "profile-picker-hint");
        hint.setId("profilePickerHint");
        hint.setWrapText(true);
        hint.textProperty().bind(model.statusProperty());
        hint.visibleProperty().bind(model.statusProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        model.editedProperty().addListener((obs, was, edited) -> {
            hint.getStyleClass().remove("edited");
            if (edited) {
                hint.getStyleClass().add("edited");
            }
        });
        getChildren().addAll(row, hint);
        model.reload();
    }

    private java.util.Optional<String> askName() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle("Save as profile");
        dialog.setHeaderText("Save these settings as a new profile");
        dialog.setContentText("Name:");
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }
}
