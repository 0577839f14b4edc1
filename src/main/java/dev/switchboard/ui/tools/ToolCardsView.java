package dev.switchboard.ui.tools;

import atlantafx.base.theme.Styles;
import dev.switchboard.call.ToolCall;
import dev.switchboard.ui.Widgets;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The shown call's tool cards, stacked under the transcript's lines (the shell hands this to the transcript). A
 * function card streams its arguments, then shows them parsed with an output editor and Send / Send as error; an
 * approval card has Approve / Deny; MCP calls and listings are rows of what happened.
 */
public final class ToolCardsView extends VBox {

    static final String STYLESHEET = ToolCardsView.class.getResource("/dev/switchboard/ui/tools.css").toExternalForm();

    private static final javafx.css.PseudoClass HAS_CARDS = javafx.css.PseudoClass.getPseudoClass("has-cards");
    private final Timeline timer;

    public ToolCardsView(ToolCardsViewModel model) {
        super(8);
        setId("toolCards");
        getStyleClass().add("tool-cards");
        getStylesheets().add(STYLESHEET);
        model.cards().forEach(c -> getChildren().add(card(c)));
        model.cards().addListener((ListChangeListener<ToolCardViewModel>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    getChildren().remove(change.getFrom(), change.getFrom() + change.getRemovedSize());
                }
                if (change.wasAdded()) {
                    int at = change.getFrom();
                    for (ToolCardViewModel c : change.getAddedSubList()) {
                        getChildren().add(at++, card(c));
                    }
                }
            }
        });
        // always in the layout (toggling visibility inside a children change is a known JavaFX bounds hazard);
        // empty, it is zero high: the padding comes with the first card
        getChildren().addListener((ListChangeListener<Node>) c -> pseudoClassStateChanged(HAS_CARDS, !getChildren().isEmpty()));
        pseudoClassStateChanged(HAS_CARDS, !getChildren().isEmpty());
        // the silence timer only runs while someone must answer
        timer = new Timeline(new KeyFrame(Duration.millis(200), e -> model.tick()));
        timer.setCycleCount(Animation.INDEFINITE);
        model.anyWaitingProperty().addListener((obs, was, on) -> run(on));
        run(model.anyWaitingProperty().get());
    }

    private void run(boolean on) {
        if (on) {
            timer.play();
        } else {
            timer.stop();
        }
    }

    static Node card(ToolCardViewModel c) {
        VBox card = new VBox(6);
        card.getStyleClass().addAll("tool-card", c.kind().name().toLowerCase().replace('_', '-'));
        card.setId("toolCard-" + c.id());
        Label title = Widgets.label("", Styles.TEXT_BOLD, "tool-card-title");
        title.textProperty().bind(c.titleProperty());
        title.setGraphic(Widgets.icon(switch (c.kind()) {
            case FUNCTION -> "fth-tool";
            case MCP_APPROVAL -> "fth-shield";
            case MCP_CALL -> "fth-server";
            case MCP_LIST_TOOLS -> "fth-list";
        }));
        title.setMinWidth(Label.USE_PREF_SIZE);
        Label status = Widgets.label("", Styles.TEXT_MUTED, Styles.TEXT_SMALL, "tool-card-status");
        status.textProperty().bind(c.statusProperty());
        status.setWrapText(true);
        HBox head = new HBox(8, title, status);
        head.setAlignment(Pos.BASELINE_LEFT);
        card.getChildren().add(head);

        Label arguments = Widgets.label("", "monospace", "tool-card-arguments");
        arguments.setId("toolArguments");
        arguments.setWrapText(true);
        arguments.textProperty().bind(c.argumentsProperty());
        shownWhenText(arguments);
        Label details = Widgets.label("", Styles.TEXT_SMALL, "tool-card-details");
        details.setId("toolDetails");
        details.setWrapText(true);
        details.textProperty().bind(c.detailsProperty());
        details.getStyleClass().add(c.failedProperty().get() ? "problem-text" : "");
        c.failedProperty().addListener((obs, was, failed) -> {
            details.getStyleClass().remove("problem-text");
            if (failed) {
                details.getStyleClass().add("problem-text");
            }
        });
        shownWhenText(details);
        Label waiting = Widgets.label("", Styles.TEXT_SMALL, "tool-card-waiting");
        waiting.setId("toolWaiting");
        waiting.textProperty().bind(c.waitingProperty());
        waiting.setGraphic(Widgets.icon("fth-clock"));
        shownWhenText(waiting);
        c.warningProperty().addListener((obs, was, warn) -> warn(card, waiting, warn));
        warn(card, waiting, c.warningProperty().get());
        card.getChildren().addAll(arguments, details, waiting);

        if (c.kind() == ToolCall.Kind.FUNCTION) {
            TextArea output = new TextArea();
            output.setId("toolOutput");
            output.getStyleClass().add("monospace");
            output.setPrefRowCount(2);
            output.setWrapText(true);
            output.setPromptText("The output the model receives (usually JSON)");
            output.textProperty().bindBidirectional(c.outputProperty());
            output.visibleProperty().bind(c.answerableProperty());
            output.managedProperty().bind(output.visibleProperty());
            Button send = Widgets.button("Send", "fth-send", Styles.ACCENT, Styles.SMALL);
            send.setId("toolSend");
            send.setOnAction(e -> c.send());
            Button error = Widgets.button("Send as error", "fth-alert-triangle", Styles.SMALL, Styles.BUTTON_OUTLINED);
            error.setId("toolSendError");
            error.setOnAction(e -> c.sendAsError());
            card.getChildren().addAll(output, actions(c, send, error));
        } else if (c.kind() == ToolCall.Kind.MCP_APPROVAL) {
            Button approve = Widgets.button("Approve", "fth-check", Styles.SUCCESS, Styles.SMALL);
            approve.setId("toolApprove");
            approve.setOnAction(e -> c.approve());
            Button deny = Widgets.button("Deny", "fth-x", Styles.DANGER, Styles.SMALL, Styles.BUTTON_OUTLINED);
            deny.setId("toolDeny");
            deny.setOnAction(e -> c.deny());
            card.getChildren().add(actions(c, approve, deny));
        }
        return card;
    }

    private static Node actions(ToolCardViewModel c, Button... buttons) {
        HBox row = new HBox(8, buttons);
        for (Button b : buttons) {
            b.setMinWidth(Button.USE_PREF_SIZE);
            b.disableProperty().bind(c.answerableProperty().not().or(c.sendingProperty()));
        }
        Label result = Widgets.label("", Styles.TEXT_SMALL, "tool-card-result");
        result.setId("toolResult");
        result.setWrapText(true);
        result.textProperty().bind(c.resultProperty());
        row.getChildren().add(result);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static void warn(VBox card, Label waiting, boolean warn) {
        card.getStyleClass().remove("waiting-too-long");
        waiting.getStyleClass().remove("warning-text");
        if (warn) {
            card.getStyleClass().add("waiting-too-long");
            waiting.getStyleClass().add("warning-text");
        }
    }

    private static void shownWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
