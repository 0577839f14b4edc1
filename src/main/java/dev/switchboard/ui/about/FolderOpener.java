package dev.switchboard.ui.about;

import dev.switchboard.util.Threads;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.Widgets;
import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Opens a folder in the desktop's file manager, off the FX thread; when that fails, shows the path with a Copy
 * button instead. The opener itself is injected ({@code Consumer<String>} of a URI) so tests can make it fail.
 */
public final class FolderOpener {

    private FolderOpener() {
    }

    /**
     * java.awt.Desktop when it can open files here, else {@code fallback} (the app passes
     * {@code HostServices::showDocument}). Throws when the folder cannot be opened.
     */
    public static Consumer<String> desktopOr(Consumer<String> fallback) {
        return uri -> {
            if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                try {
                    Desktop.getDesktop().open(new File(URI.create(uri)));
                    return;
                } catch (IOException | RuntimeException e) {
                    if (fallback == null) {
                        throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
                    }
                }
            }
            if (fallback == null) {
                throw new UnsupportedOperationException("this desktop cannot open folders");
            }
            fallback.accept(uri);
        };
    }

    /**
     * Creates {@code folder} if needed and opens it with {@code opener} on a background thread; on failure shows
     * the path (with Copy) in a dialog over {@code owner}, on the FX thread.
     */
    public static void open(Path folder, Consumer<String> opener, UiDispatcher dispatcher, Window owner, String what) {
        Threads.startDaemon("switchboard-open-folder", () -> {
            try {
                Files.createDirectories(folder);
                opener.accept(folder.toUri().toString());
            } catch (IOException | RuntimeException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                dispatcher.run(() -> pathDialog(owner, what, folder, reason).show());
            }
        });
    }

    /** "Could not open the log folder": the path, selectable, with a Copy button. */
    public static Dialog<Void> pathDialog(Window owner, String what, Path folder, String reason) {
        TextField path = new TextField(folder.toString());
        path.setId("folderPath");
        path.setEditable(false);
        path.getStyleClass().add("monospace");
        HBox.setHgrow(path, Priority.ALWAYS);
        Button copy = Widgets.button("Copy", "fth-copy");
        copy.setId("copyFolderPathButton");
        copy.setMinWidth(Button.USE_PREF_SIZE);
        copy.setOnAction(e -> Widgets.copyToClipboard(folder.toString()));
        HBox row = new HBox(8, path, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        Label why = Widgets.label("The file manager could not be opened (" + reason + "). Open this folder by hand:");
        why.setWrapText(true);
        VBox content = new VBox(10, why, row);
        content.setPrefWidth(560);
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(what);
        dialog.setHeaderText(what);
        if (owner != null) {
            dialog.initOwner(owner);
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        dialog.getDialogPane().setId("folderPathDialog");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        return dialog;
    }
}
