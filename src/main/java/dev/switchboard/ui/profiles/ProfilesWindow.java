package dev.switchboard.ui.profiles;

import dev.switchboard.monitor.ProfileService;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.UiTasks;
import dev.switchboard.ui.Windows;
import java.io.File;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The profiles editor window (Ctrl+P): one per main window. */
public final class ProfilesWindow {

    private final Stage stage;
    private final ProfilesViewModel model;

    private ProfilesWindow(Window owner, ProfileService store,
                           java.util.Optional<dev.switchboard.monitor.ExperimentService> experiments, UiTasks tasks,
                           Runnable onChanged) {
        model = new ProfilesViewModel(store, experiments, tasks, onChanged);
        ProfilesView view = new ProfilesView(model, new ProfilesView.Actions() {
            @Override
            public void importProfiles() {
                FileChooser chooser = chooser("Import profiles");
                File file = chooser.showOpenDialog(stage);
                if (file != null) {
                    model.importFrom(file.toPath());
                }
            }

            @Override
            public void exportProfiles() {
                FileChooser chooser = chooser("Export profiles");
                var selected = model.selectedProperty().get();
                chooser.setInitialFileName((selected == null ? "profiles" : selected.name().replaceAll("[^A-Za-z0-9_-]+", "-"))
                        + ".json");
                File file = chooser.showSaveDialog(stage);
                if (file != null) {
                    model.exportTo(file.toPath());
                }
            }

            @Override
            public void duplicate() {
                var selected = model.selectedProperty().get();
                TextInputDialog dialog = new TextInputDialog(selected.name() + " copy");
                dialog.initOwner(stage);
                dialog.setTitle("Duplicate profile");
                dialog.setHeaderText("Duplicate " + selected.name() + " (its latest version)");
                dialog.setContentText("New name:");
                dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(model::duplicate);
            }

            @Override
            public void delete() {
                var selected = model.selectedProperty().get();
                Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                        "Delete " + selected.name() + " and all its " + selected.latestVersion() + " versions? Calls "
                                + "recorded with it keep its name. Routing rules naming it stop matching.",
                        ButtonType.CANCEL, ButtonType.OK);
                confirm.initOwner(stage);
                confirm.setHeaderText("Delete profile " + selected.name() + "?");
                confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.delete());
            }
        });
        stage = Windows.stage(owner, "Profiles — Switchboard", view, 1120, 760, () -> { });
        stage.getScene().getProperties().put(ProfilesWindow.class, this);
        model.reload();
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Switchboard profiles (JSON)", "*.json"));
        return chooser;
    }

    /** Opens the editor, or brings the open one to the front. */
    public static ProfilesWindow open(Window owner, ProfileService store, UiTasks tasks, Runnable onChanged) {
        return open(owner, store, java.util.Optional.empty(), tasks, onChanged);
    }

    /** @param experiments shows each version's calls and metrics next to the diff */
    public static ProfilesWindow open(Window owner, ProfileService store,
                                      java.util.Optional<dev.switchboard.monitor.ExperimentService> experiments,
                                      UiTasks tasks, Runnable onChanged) {
        if (Windows.focusExisting(owner, ProfilesWindow.class, s -> { })) {
            return (ProfilesWindow) ((Stage) owner.getProperties().get(ProfilesWindow.class)).getScene()
                    .getProperties().get(ProfilesWindow.class);
        }
        ProfilesWindow window = new ProfilesWindow(owner, store, experiments, tasks, onChanged);
        if (owner != null) {
            owner.getProperties().put(ProfilesWindow.class, window.stage);
        }
        window.stage.show();
        return window;
    }

    public Stage stage() {
        return stage;
    }

    public ProfilesViewModel viewModel() {
        return model;
    }
}
