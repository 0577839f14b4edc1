package dev.switchboard.ui.main;

import atlantafx.base.theme.Styles;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.CallState;
import dev.switchboard.ui.Formats;
import dev.switchboard.ui.MetricWidgets;
import dev.switchboard.ui.Widgets;
import dev.switchboard.ui.metrics.WaterfallView;
import dev.switchboard.ui.accept.AcceptPane;
import dev.switchboard.ui.CallRowViewModel;
import dev.switchboard.ui.inspector.InspectorTabs;
import dev.switchboard.ui.PresenterControls;
import dev.switchboard.ui.PresenterMode;
import dev.switchboard.ui.steering.SteeringPane;
import dev.switchboard.ui.team.TeamBar;
import dev.switchboard.ui.transcript.TranscriptView;
import dev.switchboard.ui.stage.StageBadges;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The selected call: who and what state, the conversation with its control panel, and the inspector. In presenter
 * mode the transcript takes the whole width, the live badges join the header, and the control panel moves into a
 * drawer at the right that slides in while the call rings (to accept it) or on Ctrl+J / the header's button.
 */
final class CallWorkspace extends StackPane {

    static final KeyCombination TOGGLE_CONTROLS = new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN);
    private static final double DRAWER_WIDTH = 420;

    private final SwitchboardViewModel model;
    private final StackPane avatar = Widgets.avatar(true);
    private final Label name = Widgets.label("", Styles.TITLE_3);
    private final Label details = Widgets.label("", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    private final Label badge = Widgets.stateBadge();
    private final Label clock = Widgets.label("", "call-clock");
    private final StackPane sidePanel = new StackPane();
    private final AcceptPane acceptPane;
    private final SteeringPane steeringPane;
    private final VBox endedPane = new VBox();
    private final Label endedResult;
    private final dev.switchboard.ui.analysis.AnalysisPanel analysisPanel;
    private final BorderPane content = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final ScrollPane sideScroll = new ScrollPane(sidePanel);
    private final TranscriptView transcript;
    private SplitPane conversation = new SplitPane();
    private final BorderPane stageConversation = new BorderPane();
    private final StackPane controlsDrawer = new StackPane();
    private final ToggleButton controlsToggle = new ToggleButton("Call controls", Widgets.icon("fth-sliders"));
    private final Timeline slide = new Timeline();
    private CallState drawerOpenedFor;
    private final HBox meter = MetricWidgets.callMeter();
    /** The waterfall folds under the transcript: the tabs stay the inspector's (presenter mode hides those). */
    private final TitledPane latency = new TitledPane();

    CallWorkspace(SwitchboardViewModel model, Node emptyState) {
        this.model = model;
        ObjectProperty<CallRowViewModel> selected = model.callList().selectedProperty();
        acceptPane = new AcceptPane(model.accept(), model::acceptSelected, model::rejectSelected,
                Widgets.actionResult(selected, model.presenter()));
        acceptPane.getChildren().add(2, new dev.switchboard.ui.profiles.ProfilePicker(model.profilePicker()));
        acceptPane.addSection(new dev.switchboard.ui.tools.AdvancedSettingsPane(model.accept().sessionProperty(),
                model.accept().inputProblemsProperty(), model.accept().toolsProperty(),
                model.accept().voiceProperty()));
        steeringPane = new SteeringPane(model.steering(), new SteeringPane.Actions() {
            @Override
            public void updateInstructions() {
                model.updateInstructions();
            }

            @Override
            public void say() {
                model.say();
            }

            @Override
            public void transfer() {
                model.transfer();
            }

            @Override
            public void hangup() {
                model.hangupSelected();
            }

            @Override
            public void stopTalking() {
                model.stopTalking();
            }

            @Override
            public void whisper() {
                model.whisper();
            }
        }, Widgets.actionResult(selected, model.presenter()));
        endedResult = Widgets.actionResult(selected, model.presenter());
        analysisPanel = new dev.switchboard.ui.analysis.AnalysisPanel(model.analysis());
        endedPane.getStyleClass().add("side-panel");
        endedPane.setId("endedPane");

        badge.setId("stateBadge");
        name.setId("callerName");
        VBox who = new VBox(2, name, details);
        VBox state = new VBox(4, badge, clock);
        state.setAlignment(Pos.CENTER_RIGHT);
        StageBadges badges = new StageBadges(model.stage());
        PresenterControls.showWhilePresenting(model.presenter(), badges, controlsToggle);
        who.getChildren().add(badges);
        HBox.setHgrow(who, Priority.ALWAYS);
        controlsToggle.setId("controlsDrawerToggle");
        controlsToggle.setMinWidth(ToggleButton.USE_PREF_SIZE);
        controlsToggle.setTooltip(new Tooltip("Accept, steer or hang up (Ctrl+J)"));
        controlsToggle.selectedProperty().addListener((obs, was, open) -> slideControls(open));
        state.getChildren().add(controlsToggle);
        HBox header = new HBox(avatar, who, state);
        header.getStyleClass().add("workspace-header");

        transcript = new TranscriptView(model.transcript());
        transcript.animateNewLinesProperty().bind(model.animateTranscriptProperty());
        VBox.setVgrow(transcript, Priority.ALWAYS);
        latency.setText("Latency per turn (observed here)");
        latency.setContent(new WaterfallView(model.waterfall()));
        latency.setId("latencyPane");
        latency.setExpanded(false);
        latency.setMaxHeight(260);
        transcript.setFooter(new dev.switchboard.ui.tools.ToolCardsView(model.toolCards()));
        sideScroll.setFitToWidth(true);
        sideScroll.setFitToHeight(true); // the panel shrinks as before; it scrolls only below its minimum height
        sideScroll.setId("sidePanelScroll");
        sideScroll.getStyleClass().add("side-panel-scroll");
        sideScroll.setMinWidth(0);
        SplitPane.setResizableWithParent(sideScroll, false);
        controlsDrawer.setId("controlsDrawer");
        controlsDrawer.getStyleClass().add("controls-drawer");
        controlsDrawer.setPrefWidth(0);
        controlsDrawer.setMinWidth(0);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(controlsDrawer.widthProperty());
        clip.heightProperty().bind(controlsDrawer.heightProperty());
        controlsDrawer.setClip(clip);
        stageConversation.setRight(controlsDrawer);
        StackPane conversationHost = new StackPane();
        model.presenter().activeProperty().addListener((obs, was, on) -> arrange(conversationHost, on));
        arrange(conversationHost, model.presenter().isActive());
        Tab conversationTab = Widgets.tab("Conversation", "fth-message-circle", conversationHost);
        tabs.getTabs().add(conversationTab);
        tabs.getTabs().addAll(InspectorTabs.create(model.inspector(), model.presenter()));
        tabs.setId("workspaceTabs");
        PresenterControls.hideInspectorTabs(tabs, model.presenter());
        model.presenter().activeProperty().addListener(o -> redraw());

        // the meter has a row of its own: beside the caller it would squeeze both at 1280 px
        content.setTop(new VBox(header, meter, new TeamBar(model.teamBar())));
        content.setCenter(tabs);
        content.visibleProperty().bind(selected.isNotNull());
        emptyState.visibleProperty().bind(selected.isNull());
        getChildren().addAll(content, emptyState);

        InvalidationListener redraw = o -> redraw();
        selected.addListener((obs, old, row) -> {
            if (old != null) {
                old.stateProperty().removeListener(redraw);
                old.clockProperty().removeListener(redraw);
            }
            if (row != null) {
                row.stateProperty().addListener(redraw);
                row.clockProperty().addListener(redraw);
            }
            MetricWidgets.showRow(meter, row);
            redraw();
        });
        redraw();
    }

    /** Moves the keyboard focus into the call's panel (Enter on the call list). */
    void focusPanel() {
        tabs.getSelectionModel().select(0);
        CallRowViewModel row = model.callList().selected();
        if (row == null) {
            return;
        }
        if (row.state() == CallState.RINGING) {
            acceptPane.focusFirstField();
        } else if (row.state() == CallState.ACTIVE) {
            steeringPane.focusFirstField();
        }
    }

    private void redraw() {
        CallRowViewModel row = model.callList().selected();
        if (row == null) {
            return;
        }
        PresenterMode presenter = model.presenter();
        name.setText(presenter.name(row.call().caller()));
        String callee = presenter.number(row.call().callee().number());
        details.setText((row.number().isEmpty() ? "" : presenter.number(row.number()) + "  →  ") + callee
                + "   ·   " + row.call().id());
        Widgets.showState(badge, row.state());
        Widgets.showState(avatar, row.state());
        String reason = row.stateReasonProperty().get();
        clock.setText(row.clockProperty().get());
        badge.setText(row.state().label() + (row.state().isTerminal() && !reason.isEmpty() ? " · " + reason : ""));

        Node panel = switch (row.state()) {
            case RINGING, ACCEPTING -> acceptPane;
            case ACTIVE -> steeringPane;
            default -> endedSummary(row);
        };
        if (sidePanel.getChildren().size() != 1 || sidePanel.getChildren().get(0) != panel) {
            sidePanel.getChildren().setAll(panel);
        }
        // the drawer comes when the presenter must act (a ringing call to answer), and goes once it is answered
        CallState now = row.state();
        if (drawerOpenedFor != now) {
            boolean wasRinging = drawerOpenedFor == CallState.RINGING || drawerOpenedFor == CallState.ACCEPTING;
            drawerOpenedFor = now;
            if (now == CallState.RINGING) {
                controlsToggle.setSelected(true);
            } else if (now == CallState.ACTIVE && wasRinging) {
                controlsToggle.setSelected(false);
            }
        }
    }

    /** Ctrl+J in presenter mode: the control drawer in or out. */
    void toggleControls() {
        if (model.presenter().isActive()) {
            controlsToggle.setSelected(!controlsToggle.isSelected());
        }
    }

    private void arrange(StackPane host, boolean presenting) {
        slide.stop();
        if (presenting) {
            conversation.getItems().clear();
            stageConversation.setCenter(transcript);
            controlsDrawer.getChildren().setAll(sideScroll);
            controlsDrawer.setPrefWidth(controlsToggle.isSelected() ? DRAWER_WIDTH : 0);
            controlsDrawer.setVisible(controlsToggle.isSelected());
            host.getChildren().setAll(stageConversation);
        } else {
            stageConversation.setCenter(null);
            controlsDrawer.getChildren().clear();
            // fresh: a reused one keeps stale widths
            conversation = new SplitPane(new VBox(transcript, latency), sideScroll);
            conversation.setDividerPositions(0.55);
            host.getChildren().setAll(conversation);
        }
    }

    private void slideControls(boolean open) {
        if (!model.presenter().isActive()) {
            return;
        }
        slide.stop();
        controlsDrawer.setVisible(true);
        slide.getKeyFrames().setAll(new KeyFrame(Duration.millis(160),
                new KeyValue(controlsDrawer.prefWidthProperty(), open ? DRAWER_WIDTH : 0, Interpolator.EASE_BOTH)));
        slide.setOnFinished(e -> controlsDrawer.setVisible(open));
        slide.playFromStart();
    }

    private Node endedSummary(CallRowViewModel row) {
        Label title = Widgets.label(row.state().label(), "panel-title");
        title.setGraphic(Widgets.icon(Widgets.stateIcon(row.state())));
        String reason = row.stateReasonProperty().get();
        Label why = Widgets.label(reason.isEmpty() ? "The call is over." : "Reason: " + reason, Styles.TEXT_MUTED);
        Label duration = Widgets.label(row.call().duration().isZero() ? "Never answered (rang "
                + Formats.clock(row.call().ringTime()) + ")." : "Talked for " + Formats.clock(row.call().duration()) + ".");
        endedPane.getChildren().setAll(title, why, duration);
        row.call().settings().ifPresent(s -> endedPane.getChildren().addAll(
                Widgets.label("Answered with", "field-label"),
                Widgets.label(s.voice() + " · " + s.model() + (s.transcribesCaller() ? " · " + s.transcriptionModel() : ""),
                        Styles.TEXT_SMALL),
                instructionsPreview(s)));
        Button copy = Widgets.button("Copy transcript", "fth-copy", Styles.BUTTON_OUTLINED);
        copy.setOnAction(e -> Widgets.copyToClipboard(model.transcript().copyAllText()));
        copy.disableProperty().bind(Bindings.isEmpty(model.transcript().lines()));
        endedPane.getChildren().addAll(copy, endedResult, analysisPanel);
        return endedPane;
    }

    private static Label instructionsPreview(AcceptSettings settings) {
        Label preview = Widgets.label(settings.instructions(), "monospace", Styles.TEXT_MUTED);
        preview.setWrapText(true);
        preview.setMaxHeight(160);
        return preview;
    }
}
