package dev.switchboard.ui.accept;

import atlantafx.base.theme.Styles;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.TurnDetection;
import dev.switchboard.ui.RejectStatus;
import dev.switchboard.ui.Widgets;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The form a ringing call is answered with, and Reject with a SIP status. */
public final class AcceptPane extends VBox {

    private final TextArea instructions = new TextArea();
    private HBox acceptRow;

    public AcceptPane(AcceptViewModel model, Runnable onAccept, Runnable onReject, Node actionResult) {
        getStyleClass().add("side-panel");
        setId("acceptPane");

        Label title = Widgets.label("Answer this call", "panel-title");
        Label subtitle = Widgets.label("The agent starts with these settings. Press A to accept, R to reject.",
                Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        subtitle.setWrapText(true);

        instructions.setId("acceptInstructions");
        instructions.getStyleClass().add("monospace");
        instructions.setWrapText(true);
        instructions.setPrefRowCount(7);
        instructions.textProperty().bindBidirectional(model.instructionsProperty());
        VBox.setVgrow(instructions, Priority.ALWAYS);

        ComboBox<String> voice = new ComboBox<>(FXCollections.observableArrayList(AcceptSettings.VOICES));
        voice.setId("voiceChoice");
        voice.valueProperty().bindBidirectional(model.voiceProperty());

        ComboBox<String> modelChoice = new ComboBox<>(FXCollections.observableArrayList(AcceptSettings.MODELS));
        modelChoice.setId("modelChoice");
        modelChoice.setEditable(true);
        modelChoice.valueProperty().bindBidirectional(model.modelProperty());
        // Validate as the person types, not only when the edit is committed.
        modelChoice.getEditor().textProperty().addListener((obs, old, text) -> {
            if (modelChoice.isFocused() || modelChoice.getEditor().isFocused()) {
                model.modelProperty().set(text);
            }
        });

        TextField greeting = new TextField();
        greeting.setId("greetingField");
        greeting.setPromptText("Empty: the agent waits for the caller to speak");
        greeting.textProperty().bindBidirectional(model.greetingProperty());

        ComboBox<String> transcription = new ComboBox<>(FXCollections.observableArrayList(AcceptViewModel.TRANSCRIPTION_CHOICES));
        transcription.setId("transcriptionChoice");
        transcription.valueProperty().bindBidirectional(model.transcriptionProperty());
        transcription.setMinWidth(Region.USE_PREF_SIZE); // never clip the model's name
        transcription.setTooltip(new Tooltip("Without caller transcription the transcript shows only the agent."));

        ComboBox<TurnDetection> turns = new ComboBox<>(FXCollections.observableArrayList(TurnDetection.values()));
        turns.setId("turnDetectionChoice");
        turns.valueProperty().bindBidirectional(model.turnDetectionProperty());
        turns.setMinWidth(Region.USE_PREF_SIZE);

        Label problems = Widgets.label("", "problem-text");
        problems.setId("acceptProblems");
        problems.setGraphic(Widgets.icon("fth-alert-circle"));
        problems.setWrapText(true);
        problems.textProperty().bind(model.disabledReasonProperty());
        problems.visibleProperty().bind(model.disabledReasonProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());

        Button accept = Widgets.button("Accept", "fth-phone-call", Styles.SUCCESS);
        accept.setId("acceptButton");
        accept.setDefaultButton(false);
        accept.setMaxWidth(Double.MAX_VALUE);
        accept.setMinWidth(Button.USE_PREF_SIZE);
        accept.disableProperty().bind(model.acceptDisabledProperty());
        accept.setOnAction(e -> onAccept.run());

        Button reset = Widgets.button(null, "fth-rotate-ccw", Styles.BUTTON_ICON, Styles.FLAT);
        reset.setId("resetAcceptDraft");
        reset.setTooltip(new Tooltip("Back to the last-used settings"));
        reset.setOnAction(e -> model.resetToLastUsed());
        reset.setMinWidth(Button.USE_PREF_SIZE);
        // Accept is the main action: full width on its own row, the reason it is disabled right under it.
        acceptRow = new HBox(8, accept, reset);
        HBox.setHgrow(accept, Priority.ALWAYS);
        acceptRow.setAlignment(Pos.CENTER_LEFT);

        ComboBox<RejectStatus> rejectStatus = new ComboBox<>(FXCollections.observableArrayList(RejectStatus.values()));
        rejectStatus.setId("rejectStatus");
        rejectStatus.valueProperty().bindBidirectional(model.rejectStatusProperty());
        rejectStatus.setMinWidth(Region.USE_PREF_SIZE);
        rejectStatus.setMaxWidth(Double.MAX_VALUE);
        rejectStatus.setTooltip(new Tooltip("The SIP status the caller's phone receives"));
        Button reject = Widgets.button("Reject", "fth-phone-off", Styles.DANGER, Styles.BUTTON_OUTLINED);
        reject.setId("rejectButton");
        reject.setMinWidth(Button.USE_PREF_SIZE);
        reject.disableProperty().bind(model.rejectDisabledProperty());
        reject.setOnAction(e -> onReject.run());
        Label with = Widgets.label("with", Styles.TEXT_MUTED);
        with.setMinWidth(Label.USE_PREF_SIZE);
        HBox rejectRow = new HBox(8, reject, with, rejectStatus);
        HBox.setHgrow(rejectStatus, Priority.ALWAYS);
        rejectRow.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(title, subtitle,
                Widgets.field("Instructions", instructions),
                Widgets.fieldRow(Widgets.field("Voice", voice), Widgets.field("Model", modelChoice), 1, 1),
                Widgets.field("Greeting", greeting),
                Widgets.fieldRow(Widgets.field("Caller transcription", transcription), Widgets.field("Turn detection", turns), 3, 2),
                acceptRow, problems, new Separator(), rejectRow, actionResult);
        VBox.setVgrow(getChildren().get(2), Priority.ALWAYS);
    }

    /** Adds a section the shell composes in (views do not import each other) just above Accept. */
    public void addSection(Node section) {
        getChildren().add(getChildren().indexOf(acceptRow), section);
    }

    /** Puts the cursor in the instructions, for Enter on the call list. */
    public void focusFirstField() {
        instructions.requestFocus();
    }
}
