package dev.switchboard.ui.about;

import atlantafx.base.theme.Styles;
import dev.switchboard.ui.Widgets;
import dev.switchboard.ui.PresenterControls;
import dev.switchboard.ui.PresenterMode;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help → About Switchboard: icon, name, version, Java and JavaFX, what it is, and the log folder. */
public final class AboutDialog {

    private AboutDialog() {
    }

    /** @param openLogFolder opens {@link AboutViewModel#logFolder()} (off the FX thread, with a fallback) */
    public static Dialog<Void> create(Window owner, AboutViewModel about, PresenterMode presenter, Runnable openLogFolder) {
        ImageView icon = new ImageView(new Image(AboutDialog.class.getResource(
                "/dev/switchboard/icons/switchboard-128.png").toExternalForm()));
        icon.setFitWidth(96);
        icon.setFitHeight(96);
        icon.setPreserveRatio(true);
        icon.setSmooth(true);

        Label name = Widgets.label(about.name(), Styles.TITLE_2);
        Label version = Widgets.label(about.versionText(), Styles.TEXT_BOLD);
        version.setId("aboutVersion");
        Label runtime = Widgets.label(about.runtimeText(), Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        runtime.setId("aboutRuntime");
        Label description = Widgets.label(about.description());
        description.setWrapText(true);
        Label logsCaption = Widgets.label("Logs", "field-label");
        Hyperlink logs = new Hyperlink(about.logFolder().toString(), Widgets.icon("fth-folder"));
        logs.setId("aboutLogFolder");
        logs.setTooltip(new Tooltip("Open the folder with switchboard.log"));
        logs.setOnAction(e -> {
            openLogFolder.run();
            logs.setVisited(false);
        });
        logs.setWrapText(true);

        VBox text = new VBox(4, name, version, runtime);
        HBox top = new HBox(20, icon, text);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(16, top, description, new VBox(2, logsCaption, logs));
        content.setPrefWidth(520);

        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("About Switchboard");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setId("aboutDialog");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        PresenterControls.style(dialog.getDialogPane(), owner == null ? null : owner.getScene(), presenter);
        return dialog;
    }
}
