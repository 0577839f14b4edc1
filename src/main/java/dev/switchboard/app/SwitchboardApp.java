package dev.switchboard.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: the monitor window on a {@link SwitchboardRuntime}. */
public final class SwitchboardApp extends Application {

    public static void main(String[] args) {
        launch(SwitchboardApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Switchboard");
        stage.show();
    }
}
