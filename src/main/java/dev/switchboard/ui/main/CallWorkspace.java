package dev.switchboard.ui.main;

import atlantafx.base.controls.Spacer;
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
import dev.switchboard.ui.transcript.TranscriptView;
import javafx.beans.InvalidationListener;
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

/** The selected call: who and what state, the conversation with its control panel, and the inspector. */
final class CallWorkspace extends StackPane {

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
    private final BorderPane content = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final HBox meter = MetricWidgets.callMeter();

    CallWorkspace(SwitchboardViewModel model, Node emptyState) {
        this.model = model;
        ObjectProperty<CallRowViewModel> selected = model.callList().selectedProperty();
        acceptPane = new AcceptPane(model.accept(), model::acceptSelected, model::rejectSelected,
                Widgets.actionResult(selected, model.presenter()));
        acceptPane.getChildren().add(2, new dev.switchboard.ui.profiles.ProfilePicker(model.profilePicker()));
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
        endedPane.getStyleClass().add("side-panel");
        endedPane.setId("endedPane");

        badge.setId("stateBadge");
        name.setId("callerName");
        VBox who = new VBox(2, name, details);
        VBox state = new VBox(4, badge, clock);
        state.setAlignment(Pos.CENTER_RIGHT);
        HBox header = new HBox(avatar, who, new Spacer(), meter, state);
        header.getStyleClass().add("workspace-header");

        // the waterfall folds under the transcript: the tabs stay the inspector's (presenter mode hides those)
        TitledPane latency = new TitledPane("Latency per turn (observed here)", new WaterfallView(model.waterfall()));
        latency.setId("latencyPane");
        latency.setExpanded(false);
        latency.setMaxHeight(260);
        TranscriptView transcript = new TranscriptView(model.transcript());
        VBox.setVgrow(transcript, javafx.scene.layout.Priority.ALWAYS);
        SplitPane conversation = new SplitPane(new VBox(transcript, latency), sidePanel);
        conversation.setDividerPositions(0.55);
        SplitPane.setResizableWithParent(sidePanel, false);
        Tab conversationTab = Widgets.tab("Conversation", "fth-message-circle", conversation);
        tabs.getTabs().add(conversationTab);
        tabs.getTabs().addAll(InspectorTabs.create(model.inspector(), model.presenter()));
        tabs.setId("workspaceTabs");
        PresenterControls.hideInspectorTabs(tabs, model.presenter());
        model.presenter().activeProperty().addListener(o -> redraw());

        content.setTop(header);
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
        endedPane.getChildren().addAll(copy, endedResult);
        return endedPane;
    }

    private static Label instructionsPreview(AcceptSettings settings) {
        Label preview = Widgets.label(settings.instructions(), "monospace", Styles.TEXT_MUTED);
        preview.setWrapText(true);
        preview.setMaxHeight(160);
        return preview;
    }
}
