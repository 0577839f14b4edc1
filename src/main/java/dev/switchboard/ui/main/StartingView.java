package dev.switchboard.ui.main;

import atlantafx.base.theme.Styles;
import dev.switchboard.ui.Widgets;
import javafx.application.Application;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * What the window shows while its back end (settings, history, the listener) starts and its views are built: the
 * top bar (without the menu bar), an empty call list and the status bar, drawn like the real ones, so the window is on screen at once
 * and then fills in. A few dozen nodes, no font icons and a small stylesheet of its own instead of the AtlantaFX
 * theme: CSS over the full window, loading the icon font and loading the theme are most of its start-up time.
 */
public final class StartingView extends BorderPane {

    private static final String STYLESHEET = StartingView.class.getResource("starting.css").toExternalForm();

    public static final String STARTING_TEXT = "Starting the webhook listener and the call history…";

    private final Label status = Widgets.label(STARTING_TEXT, Styles.TEXT_MUTED);

    /** {@code icon}: the app icon for the logo (the real window draws it with a font icon, slower to load). */
    public StartingView(Image icon) {
        setId("startingView");
        ImageView logo = new ImageView(icon);
        logo.setFitWidth(30);
        logo.setFitHeight(30);
        VBox titles = new VBox(0, Widgets.label("Switchboard", Styles.TITLE_4),
                Widgets.label("OpenAI Realtime SIP monitor", Styles.TEXT_MUTED, Styles.TEXT_SMALL));
        titles.setAlignment(Pos.CENTER_LEFT);
        HBox appBar = new HBox(logo, titles);
        appBar.getStyleClass().add("app-bar");
        setTop(appBar);

        HBox callsHeader = new HBox(Widgets.label("Calls", Styles.TEXT_BOLD));
        callsHeader.getStyleClass().add("pane-header");
        VBox left = new VBox(callsHeader);
        left.setMinWidth(240);
        left.setPrefWidth(320);
        left.getStyleClass().add("starting-calls");
        Label starting = Widgets.label("Starting…", "title");
        VBox center = new VBox(starting);
        center.getStyleClass().add("empty-state");
        center.setAlignment(Pos.CENTER);
        HBox body = new HBox(left, center);
        HBox.setHgrow(center, Priority.ALWAYS);
        setCenter(body);

        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        setBottom(statusBar);
    }

    /** Says in the status bar what the window is waiting for. */
    private void setStatus(String text) {
        status.setText(text);
    }

    /**
     * Says the window cannot start, and brings the theme back for the error dialog that follows (this view's small
     * stylesheet styles no dialog) while the view keeps its own look, its stylesheet now its scene's.
     */
    public void showCannotStart() {
        setStatus("Switchboard cannot start.");
        if (getScene() != null && !getScene().getStylesheets().contains(STYLESHEET)) {
            getScene().getStylesheets().add(STYLESHEET);
        }
        SwitchboardWindow.applyTheme(false);
    }

    /**
     * Puts a starting view in {@code stage} with its own light look, one app icon and the window's size, and shows it;
     * {@link SwitchboardWindow#show} later puts the monitor in the same stage.
     */
    public static StartingView show(Stage stage) {
        // its own small look: the monitor applies the AtlantaFX theme when it replaces the view
        Application.setUserAgentStylesheet(STYLESHEET);
        // one icon now; the window sets every size once it is built
        Image icon = SwitchboardWindow.icon(32);
        StartingView view = new StartingView(icon);
        Scene scene = new Scene(view, SwitchboardWindow.WIDTH, SwitchboardWindow.HEIGHT);
        stage.titleProperty().unbind(); // a stage that held a monitor before (tests reuse one) has it bound
        stage.setTitle("Switchboard");
        stage.getIcons().setAll(icon);
        stage.setMinWidth(SwitchboardWindow.MIN_WIDTH);
        stage.setMinHeight(SwitchboardWindow.MIN_HEIGHT);
        stage.setScene(scene);
        stage.show();
        return view;
    }
}
