package dev.switchboard.ui.main;

import dev.switchboard.ui.Stylesheets;

import dev.switchboard.ui.UiDispatcher;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.switchboard.monitor.Backend;
import dev.switchboard.ui.PresenterControls;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * Entry point for the app: builds the monitor window on a {@link Backend}. Must be called on the FX thread.
 *
 * <pre>{@code
 *   SwitchboardWindow.show(stage, backend, UiDispatcher.fx());
 * }</pre>
 */
public final class SwitchboardWindow {

    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 560;
    private static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256};

    private final SwitchboardViewModel model;
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(false);
    private final Scene scene;
    private final Timeline clock;

    public SwitchboardWindow(Backend backend, UiDispatcher dispatcher) {
        this(backend, dispatcher, WindowOptions.defaults());
    }

    public SwitchboardWindow(Backend backend, UiDispatcher dispatcher, WindowOptions options) {
        applyTheme(false);
        darkTheme.addListener((obs, was, dark) -> applyTheme(dark));
        model = new SwitchboardViewModel(backend, dispatcher);
        model.presenter().setActive(options.presenter());
        scene = new Scene(new MainView(model, darkTheme, options), WIDTH, HEIGHT);
        scene.getStylesheets().add(Stylesheets.MAIN);
        PresenterControls.install(scene, model.presenter());
        scene.getProperties().put(SwitchboardWindow.class, this);
        // One timer for every clock on screen; ring timers and durations change once a second.
        clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        clock.setCycleCount(Animation.INDEFINITE);
        clock.play();
        scene.windowProperty().addListener((obs, old, window) -> {
            if (window != null) {
                window.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
                    ((MainView) scene.getRoot()).stage().close();
                    dispose();
                });
            }
        });
        model.start();
    }

    /** The window's scene on {@code backend}; the clock stops when its window is hidden. */
    public static Scene createScene(Backend backend, UiDispatcher dispatcher) {
        return new SwitchboardWindow(backend, dispatcher).scene();
    }

    /** Puts the monitor in {@code stage} and shows it. */
    public static SwitchboardWindow show(Stage stage, Backend backend, UiDispatcher dispatcher) {
        return show(stage, backend, dispatcher, WindowOptions.defaults());
    }

    /** Like {@link #show(Stage, Backend, UiDispatcher)} with the app's options ({@code --presenter}, setup, opener). */
    public static SwitchboardWindow show(Stage stage, Backend backend, UiDispatcher dispatcher, WindowOptions options) {
        SwitchboardWindow window = new SwitchboardWindow(backend, dispatcher, options);
        stage.getIcons().setAll(icons());
        stage.titleProperty().bind(javafx.beans.binding.Bindings.when(window.viewModel().demoProperty())
                .then("Switchboard — demo mode").otherwise("Switchboard"));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setScene(window.scene());
        new AlertNotifier(stage, window.viewModel().callList().rows());
        stage.show();
        if (options.audience()) {
            ((MainView) window.scene().getRoot()).stage().openAudience();
        }
        if (options.checkSetupOnStart()) {
            ((MainView) window.scene().getRoot()).help().checkOnStart();
        }
        return window;
    }

    /** The app icon in every size shipped (16 to 256 px), for the window and the taskbar. */
    public static List<Image> icons() {
        List<Image> icons = new ArrayList<>();
        for (int size : ICON_SIZES) {
            Image icon = icon(size);
            if (icon != null) {
                icons.add(icon);
            }
        }
        return icons;
    }

    /** The app icon at {@code size} px, or null when that size is not shipped. */
    static Image icon(int size) {
        var url = SwitchboardWindow.class.getResource("/dev/switchboard/icons/switchboard-" + size + ".png");
        return url == null ? null : new Image(url.toExternalForm());
    }

    public Scene scene() {
        return scene;
    }

    /** View → Open audience window; returns the open one (brought to the front). */
    public dev.switchboard.ui.audience.AudienceWindow openAudience() {
        return ((MainView) scene.getRoot()).stage().openAudience();
    }

    public SwitchboardViewModel viewModel() {
        return model;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public void dispose() {
        clock.stop();
        model.close();
    }

    /** The AtlantaFX theme for every window and dialog (the starting view has a small look of its own). */
    static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
