package dev.switchboard.ui.accept;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.CallState;
import dev.switchboard.call.SessionConfig;
import dev.switchboard.call.ToolSet;
import dev.switchboard.call.TurnDetection;
import dev.switchboard.ui.RejectStatus;
import dev.switchboard.ui.CallRowViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The draft a ringing call is accepted with. One draft serves every ringing call (so the list's `A` key
 * accepts with what the panel shows); it starts from the last-used settings. FX thread only.
 */
public final class AcceptViewModel {

    /** How "no caller transcription" reads in the transcription choice. */
    public static final String NO_TRANSCRIPTION = "off";
    public static final List<String> TRANSCRIPTION_CHOICES = transcriptionChoices();

    private final StringProperty instructions = new SimpleStringProperty(this, "instructions", "");
    private final StringProperty voice = new SimpleStringProperty(this, "voice", "");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final StringProperty greeting = new SimpleStringProperty(this, "greeting", "");
    private final StringProperty transcription = new SimpleStringProperty(this, "transcription", NO_TRANSCRIPTION);
    private final ObjectProperty<TurnDetection> turnDetection =
            new SimpleObjectProperty<>(this, "turnDetection", TurnDetection.SEMANTIC_VAD);
    private final ObjectProperty<SessionConfig> session = new SimpleObjectProperty<>(this, "session", SessionConfig.NONE);
    private final ObjectProperty<ToolSet> tools = new SimpleObjectProperty<>(this, "tools", ToolSet.NONE);
    /** What the advanced fields cannot even express (a speed of "fast"), one per line; set by their editor. */
    private final StringProperty inputProblems = new SimpleStringProperty(this, "inputProblems", "");
    private final ObjectProperty<RejectStatus> rejectStatus = new SimpleObjectProperty<>(this, "rejectStatus", RejectStatus.BUSY);
    private final ObjectProperty<CallRowViewModel> target = new SimpleObjectProperty<>(this, "target");

    private final ObjectProperty<AcceptSettings> settings = new SimpleObjectProperty<>(this, "settings");
    private final StringProperty problems = new SimpleStringProperty(this, "problems", "");
    private final BooleanProperty acceptDisabled = new SimpleBooleanProperty(this, "acceptDisabled", true);
    private final StringProperty disabledReason = new SimpleStringProperty(this, "disabledReason", "");
    private final BooleanProperty rejectDisabled = new SimpleBooleanProperty(this, "rejectDisabled", true);

    private AcceptSettings lastUsed;

    public AcceptViewModel(AcceptSettings initial) {
        InvalidationListener recompute = o -> recompute();
        for (Observable o : List.of(instructions, voice, model, greeting, transcription, turnDetection, session,
                tools, inputProblems)) {
            o.addListener(recompute);
        }
        InvalidationListener targetStateChanged = o -> recompute();
        target.addListener((obs, old, now) -> {
            if (old != null) {
                old.stateProperty().removeListener(targetStateChanged);
                old.actionPendingProperty().removeListener(targetStateChanged);
            }
            if (now != null) {
                now.stateProperty().addListener(targetStateChanged);
                now.actionPendingProperty().addListener(targetStateChanged);
            }
            recompute();
        });
        load(initial);
    }

    /** Fills the draft from settings (the last-used ones, or a saved profile). */
    public void load(AcceptSettings from) {
        lastUsed = from;
        instructions.set(from.instructions());
        voice.set(from.voice());
        model.set(from.model());
        greeting.set(from.greeting());
        transcription.set(from.transcribesCaller() ? from.transcriptionModel() : NO_TRANSCRIPTION);
        turnDetection.set(from.turnDetection());
        session.set(from.session().withoutProfile());
        tools.set(from.tools());
    }

    /** Back to what was used last; undoes edits. */
    public void resetToLastUsed() {
        load(lastUsed);
    }

    /** Called when an accept is sent, so the next call starts from these settings. */
    public void remember(AcceptSettings used) {
        lastUsed = used;
    }

    public AcceptSettings lastUsed() {
        return lastUsed;
    }

    private void recompute() {
        String transcriptionModel = NO_TRANSCRIPTION.equals(transcription.get()) ? "" : transcription.get();
        AcceptSettings draft = new AcceptSettings(instructions.get(), voice.get(), model.get(), greeting.get(),
                transcriptionModel, turnDetection.get(), session.get(), tools.get());
        settings.set(draft);
        List<String> found = new ArrayList<>();
        if (!inputProblems.get().isEmpty()) {
            found.addAll(List.of(inputProblems.get().split("\n")));
        }
        found.addAll(draft.problems());
        problems.set(String.join("\n", found));

        CallRowViewModel call = target.get();
        String reason;
        if (!found.isEmpty()) {
            reason = String.join("\n", found);
        } else if (call == null) {
            reason = "Select a ringing call.";
        } else if (call.isActionPending()) {
            reason = "Waiting for OpenAI to answer…";
        } else if (call.state() != CallState.RINGING) {
            reason = "The call is no longer ringing.";
        } else {
            reason = "";
        }
        disabledReason.set(reason);
        acceptDisabled.set(!reason.isEmpty());
        rejectDisabled.set(call == null || call.isActionPending() || call.state() != CallState.RINGING);
    }

    private static List<String> transcriptionChoices() {
        List<String> choices = new ArrayList<>();
        choices.add(NO_TRANSCRIPTION);
        choices.addAll(AcceptSettings.TRANSCRIPTION_MODELS);
        return List.copyOf(choices);
    }

    public StringProperty instructionsProperty() {
        return instructions;
    }

    public StringProperty voiceProperty() {
        return voice;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty greetingProperty() {
        return greeting;
    }

    /** A transcription model, or {@link #NO_TRANSCRIPTION}. */
    public StringProperty transcriptionProperty() {
        return transcription;
    }

    public ObjectProperty<TurnDetection> turnDetectionProperty() {
        return turnDetection;
    }

    /** The optional GA session fields (unset ones are not sent). */
    public ObjectProperty<SessionConfig> sessionProperty() {
        return session;
    }

    public ObjectProperty<ToolSet> toolsProperty() {
        return tools;
    }

    public StringProperty inputProblemsProperty() {
        return inputProblems;
    }

    public ObjectProperty<RejectStatus> rejectStatusProperty() {
        return rejectStatus;
    }

    /** The call the panel acts on. */
    public ObjectProperty<CallRowViewModel> targetProperty() {
        return target;
    }

    public ReadOnlyObjectProperty<AcceptSettings> settingsProperty() {
        return settings;
    }

    public AcceptSettings settings() {
        return settings.get();
    }

    /** Every problem with the draft, one per line; empty when it can be sent. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems;
    }

    public ReadOnlyBooleanProperty acceptDisabledProperty() {
        return acceptDisabled;
    }

    public boolean isAcceptDisabled() {
        return acceptDisabled.get();
    }

    /** Why Accept is disabled, in plain words; empty when enabled. */
    public ReadOnlyStringProperty disabledReasonProperty() {
        return disabledReason;
    }

    public ReadOnlyBooleanProperty rejectDisabledProperty() {
        return rejectDisabled;
    }

    public boolean isRejectDisabled() {
        return rejectDisabled.get();
    }
}
