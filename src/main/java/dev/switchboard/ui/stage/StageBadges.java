package dev.switchboard.ui.stage;

import dev.switchboard.ui.Widgets;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * The live badges of {@link StageViewModel} in a row that wraps instead of cutting text: call timer, greeting and
 * turn latency, cost so far, and "Agent speaking" / "Caller speaking" while they do.
 */
public final class StageBadges extends FlowPane {

    public StageBadges(StageViewModel model) {
        super(8, 6);
        getStyleClass().add("stage-badges");
        Label timer = badge("timerBadge", "fth-clock", model.timerProperty(), "Call time");
        Label greeting = badge("greetingBadge", "fth-zap", Bindings.concat("Greeting ", model.greetingProperty()),
                "From answering the call to the agent's first word");
        Label turn = badge("turnLatencyBadge", "fth-activity", Bindings.concat("Reply ", model.turnLatencyProperty()),
                "From the caller's last word to the agent's first, on the latest turn");
        model.typicalLatencyProperty().addListener((obs, old, text) ->
                turn.getTooltip().setText("From the caller's last word to the agent's first, on the latest turn"
                        + (text.isEmpty() ? "" : " (" + text + ")")));
        Label cost = badge("costBadge", "fth-dollar-sign", Bindings.concat("Cost ", model.costProperty()),
                "What the call's model use cost so far, at list prices");
        Label agent = speaking("agentSpeakingBadge", "Agent speaking", "fth-volume-2", model.agentSpeakingProperty());
        Label caller = speaking("callerSpeakingBadge", "Caller speaking", "fth-mic", model.callerSpeakingProperty());
        getChildren().addAll(timer, greeting, turn, cost, agent, caller);
    }

    private static Label badge(String id, String icon, ObservableValue<String> text, String tooltip) {
        Label badge = Widgets.label("", "stage-badge");
        badge.setId(id);
        badge.textProperty().bind(text);
        badge.setGraphic(Widgets.icon(icon));
        badge.setMinWidth(Label.USE_PREF_SIZE);
        badge.setTooltip(new Tooltip(tooltip));
        return badge;
    }

    private static Label speaking(String id, String text, String icon, ObservableValue<Boolean> on) {
        Label chip = Widgets.label(text, "stage-badge", "stage-speaking");
        chip.setId(id);
        chip.setGraphic(Widgets.icon(icon));
        chip.setMinWidth(Label.USE_PREF_SIZE);
        chip.visibleProperty().bind(on);
        chip.managedProperty().bind(on);
        return chip;
    }
}
