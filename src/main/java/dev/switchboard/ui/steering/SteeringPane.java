package dev.switchboard.ui.steering;

import atlantafx.base.theme.Styles;
import dev.switchboard.ui.Widgets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.collections.FXCollections;
import dev.switchboard.call.AcceptSettings;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Controls for a live call: new instructions, a sentence to say, transfer, hang up. */
public final class SteeringPane extends VBox {

    /** What the buttons do; each runs off the FX thread in the backend and reports back on the call. */
    public interface Actions {
        void updateInstructions();

        void say();

        void transfer();

        void hangup();

        /** "Stop talking": cancel the response and clear what the caller would still hear. */
        default void stopTalking() {
        }

        /** "Whisper": a system message for the agent, no response. */
        default void whisper() {
        }
    }

    private final TextField sentence = new TextField();

    public SteeringPane(SteeringViewModel model, Actions actions, Node actionResult) {
        getStyleClass().add("side-panel");
        setId("steeringPane");

        Label title = Widgets.label("Steer the call", "panel-title");

        TextArea instructions = new TextArea();
        instructions.setId("steeringInstructions");
        instructions.getStyleClass().add("monospace");
        instructions.setWrapText(true);
        instructions.setPrefRowCount(6);
        instructions.textProperty().bindBidirectional(model.instructionsProperty());
        Button update = Widgets.button("Update instructions", "fth-edit-3", Styles.ACCENT);
        update.setId("updateInstructionsButton");
        update.disableProperty().bind(model.updateDisabledProperty());
        update.setOnAction(e -> actions.updateInstructions());

        sentence.setId("sayField");
        sentence.setPromptText("A sentence for the agent to say now");
        sentence.textProperty().bindBidirectional(model.sentenceProperty());
        sentence.setOnAction(e -> actions.say());
        Button say = Widgets.button("Say", "fth-message-circle");
        say.setId("sayButton");
        say.disableProperty().bind(model.sayDisabledProperty());
        say.setOnAction(e -> actions.say());
        HBox.setHgrow(sentence, Priority.ALWAYS);

        TextField transfer = new TextField();
        transfer.setId("transferField");
        transfer.setPromptText("tel:+14155550123 or sip:…");
        transfer.textProperty().bindBidirectional(model.transferTargetProperty());
        transfer.setOnAction(e -> actions.transfer());
        Button transferButton = Widgets.button("Transfer", "fth-phone-forwarded");
        transferButton.setId("transferButton");
        transferButton.disableProperty().bind(model.transferDisabledProperty());
        transferButton.setOnAction(e -> actions.transfer());
        HBox.setHgrow(transfer, Priority.ALWAYS);
        Label transferProblem = Widgets.label("", "problem-text");
        transferProblem.textProperty().bind(model.transferProblemProperty());
        transferProblem.visibleProperty().bind(model.transferProblemProperty().isNotEmpty());
        transferProblem.managedProperty().bind(transferProblem.visibleProperty());
        model.transferProblemProperty().addListener((obs, old, problem) ->
                transfer.pseudoClassStateChanged(Styles.STATE_DANGER, !problem.isEmpty()));

        Button hangup = Widgets.button("Hang up", "fth-phone-off", Styles.DANGER);
        hangup.setId("hangupButton");
        hangup.setMaxWidth(Double.MAX_VALUE);
        hangup.disableProperty().bind(model.liveProperty().not());
        hangup.setOnAction(e -> actions.hangup());

        ComboBox<String> voice = new ComboBox<>(FXCollections.observableArrayList(AcceptSettings.VOICES));
        voice.setId("steeringVoice");
        voice.valueProperty().bindBidirectional(model.voiceProperty());
        voice.disableProperty().bind(model.voiceLockedProperty().or(model.liveProperty().not()));
        Label voiceLocked = Widgets.label("locked: the agent has spoken", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        voiceLocked.setId("voiceLockedLabel");
        voiceLocked.visibleProperty().bind(model.voiceLockedProperty());
        voiceLocked.managedProperty().bind(voiceLocked.visibleProperty());
        voiceLocked.setTooltip(new javafx.scene.control.Tooltip(
                "OpenAI refuses a voice change after the agent's first audio response"));

        Button stop = Widgets.button("Stop talking", "fth-volume-x", Styles.WARNING);
        stop.setId("stopTalkingButton");
        stop.disableProperty().bind(model.liveProperty().not());
        stop.setOnAction(e -> actions.stopTalking());
        TextField whisper = new TextField();
        whisper.setId("whisperField");
        whisper.setPromptText("A note only the agent sees (no reply)");
        whisper.textProperty().bindBidirectional(model.whisperProperty());
        whisper.setOnAction(e -> actions.whisper());
        Button whisperButton = Widgets.button("Whisper", "fth-eye-off");
        whisperButton.setId("whisperButton");
        whisperButton.disableProperty().bind(model.whisperDisabledProperty());
        whisperButton.setOnAction(e -> actions.whisper());
        HBox.setHgrow(whisper, Priority.ALWAYS);

        VBox instructionsField = Widgets.field("Instructions", instructions);
        instructions.setTooltip(new javafx.scene.control.Tooltip(
                "Update sends only the fields you changed, never audio formats"));
        VBox.setVgrow(instructionsField, Priority.ALWAYS);
        HBox updateRow = new HBox(update);
        updateRow.setAlignment(Pos.CENTER_RIGHT);

        HBox voiceRow = new HBox(8, voice, voiceLocked);
        voiceRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, instructionsField, Widgets.field("Voice", voiceRow), updateRow,
                Widgets.field("Say this", row(sentence, say)), Widgets.field("Whisper", row(whisper, whisperButton)),
                stop,
                Widgets.field("Transfer", row(transfer, transferButton)), transferProblem,
                new Separator(), hangup, actionResult);
    }

    public void focusFirstField() {
        sentence.requestFocus();
    }

    private static HBox row(Node field, Node button) {
        HBox row = new HBox(8, field, button);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
