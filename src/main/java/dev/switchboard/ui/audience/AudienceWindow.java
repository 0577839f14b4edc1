package dev.switchboard.ui.audience;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.switchboard.config.ScreenPlacement;
import dev.switchboard.ui.CallRowViewModel;
import dev.switchboard.ui.PresenterControls;
import dev.switchboard.ui.PresenterMode;
import dev.switchboard.ui.Stylesheets;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.Widgets;
import dev.switchboard.ui.stage.StageBadges;
import dev.switchboard.ui.transcript.TranscriptView;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.WindowEvent;

/**
 * The audience window: a second, chrome-less window for the projector or a shared screen with the shown call's live
 * transcript, its badges, the caller's masked number and the agent's voice — no controls, no keys or secrets, masking
 * always on. Opens where it stood last time (if that screen is still there), else full screen on a second screen,
 * else in a window on the only one. F11 toggles full screen, Ctrl+W closes, dragging moves it.
 */
public final class AudienceWindow {

    public static final String TITLE = "Switchboard — audience";
    static final double WIDTH = 1280;
    static final double HEIGHT = 720;

    private final AudienceViewModel model;
    private final Stage stage = new Stage(StageStyle.UNDECORATED);
    private final Scene scene;
    private final ScreenPlacement placement;

    private AudienceWindow(ObjectProperty<CallRowViewModel> selected, UiDispatcher dispatcher, ScreenPlacement placement) {
        this.model = new AudienceViewModel(selected, dispatcher);
        this.placement = placement;
        BorderPane root = new AudienceView(model);
        scene = new Scene(root, WIDTH, HEIGHT);
        Stylesheets.addTo(scene.getStylesheets());
        scene.getStylesheets().add(PresenterControls.STYLESHEET);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F11), () -> stage.setFullScreen(!stage.isFullScreen()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::hide);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setFullScreenExitHint("");
        stage.setMinWidth(640);
        stage.setMinHeight(400);
        draggable(root);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            placement.save(new ScreenPlacement.Bounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                    stage.isFullScreen()));
            model.close();
        });
    }

    /** Opens the audience window on the operator's selection ({@code selected}); call on the FX thread. */
    public static AudienceWindow open(ObjectProperty<CallRowViewModel> selected, UiDispatcher dispatcher,
                                      ScreenPlacement placement) {
        AudienceWindow window = new AudienceWindow(selected, dispatcher, placement);
        window.place();
        window.stage.show();
        return window;
    }

    private void place() {
        List<Screen> screens = Screen.getScreens();
        ScreenPlacement.Bounds saved = placement.load().orElse(null);
        if (saved != null && !Screen.getScreensForRectangle(saved.centerX(), saved.centerY(), 1, 1).isEmpty()) {
            stage.setX(saved.x());
            stage.setY(saved.y());
            stage.setWidth(saved.width());
            stage.setHeight(saved.height());
            stage.setFullScreen(saved.fullScreen());
            return;
        }
        Screen target = screens.stream().filter(s -> !s.equals(Screen.getPrimary())).findFirst().orElse(Screen.getPrimary());
        Rectangle2D area = target.getVisualBounds();
        stage.setWidth(Math.min(WIDTH, area.getWidth()));
        stage.setHeight(Math.min(HEIGHT, area.getHeight()));
        stage.setX(area.getMinX() + (area.getWidth() - stage.getWidth()) / 2);
        stage.setY(area.getMinY() + (area.getHeight() - stage.getHeight()) / 2);
        // a projector of its own: fill it; on the only screen, stay a window beside the operator's
        stage.setFullScreen(target != Screen.getPrimary());
    }

    /** Without a title bar, the window moves by dragging it anywhere. */
    private void draggable(Node root) {
        double[] grab = new double[2];
        root.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            grab[0] = stage.getX() - e.getScreenX();
            grab[1] = stage.getY() - e.getScreenY();
        });
        root.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!stage.isFullScreen()) {
                stage.setX(e.getScreenX() + grab[0]);
                stage.setY(e.getScreenY() + grab[1]);
            }
        });
    }

    public Stage stage() {
        return stage;
    }

    public Scene scene() {
        return scene;
    }

    public AudienceViewModel viewModel() {
        return model;
    }

    public void close() {
        stage.hide();
    }

    /** The window's content: who is on the call, the badges, the transcript; or a calm "waiting" when no call. */
    static final class AudienceView extends BorderPane {

        AudienceView(AudienceViewModel model) {
            setId("audienceView");
            getStyleClass().addAll("audience", PresenterMode.STYLE_CLASS);
            StackPane avatar = Widgets.avatar(true);
            Label caller = Widgets.label("", Styles.TITLE_2);
            caller.setId("audienceCaller");
            caller.textProperty().bind(model.stage().callerProperty());
            caller.setMinWidth(Label.USE_PREF_SIZE);
            Label number = Widgets.label("", Styles.TEXT_MUTED);
            number.setId("audienceNumber");
            number.textProperty().bind(model.stage().numberProperty());
            Label agent = Widgets.label("", Styles.TEXT_MUTED);
            agent.setId("audienceAgent");
            agent.textProperty().bind(model.stage().agentProperty());
            Label state = Widgets.stateBadge();
            state.setId("audienceState");
            VBox who = new VBox(2, caller, new HBox(16, number, agent));
            HBox header = new HBox(16, avatar, who, new Spacer(), state);
            header.setAlignment(Pos.CENTER_LEFT);
            header.getStyleClass().add("audience-header");
            StageBadges badges = new StageBadges(model.stage());
            VBox top = new VBox(10, header, badges);
            top.getStyleClass().add("audience-top");

            TranscriptView transcript = new TranscriptView(model.transcript(), false);
            HBox.setHgrow(transcript, Priority.ALWAYS);
            Node waiting = Widgets.emptyState("fth-phone", "Waiting for a call",
                    Bindings.createStringBinding(() -> "The conversation shows here as soon as a call is picked."));
            StackPane body = new StackPane(transcript, waiting);

            InvalidationListener redraw = o -> {
                CallRowViewModel row = model.shownProperty().get();
                boolean any = row != null;
                top.setVisible(any);
                top.setManaged(any);
                transcript.setVisible(any);
                waiting.setVisible(!any);
                if (any) {
                    Widgets.showState(state, row.state());
                    Widgets.showState(avatar, row.state());
                }
            };
            InvalidationListener stateChange = o -> redraw.invalidated(o);
            model.shownProperty().addListener((obs, old, row) -> {
                if (old != null) {
                    old.stateProperty().removeListener(stateChange);
                }
                if (row != null) {
                    row.stateProperty().addListener(stateChange);
                }
                redraw.invalidated(obs);
            });
            if (model.shownProperty().get() != null) {
                model.shownProperty().get().stateProperty().addListener(stateChange);
            }
            redraw.invalidated(null);

            setTop(top);
            setCenter(body);
        }
    }
}
