package dev.switchboard.ui.steering;

import dev.switchboard.call.TransferTarget;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.CallState;
import dev.switchboard.call.SessionChange;
import dev.switchboard.ui.CallRowViewModel;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Mid-call steering of the shown call: new instructions, a sentence to say, a transfer target. FX thread only. */
public final class SteeringViewModel {

    private final ObjectProperty<CallRowViewModel> target = new SimpleObjectProperty<>(this, "target");
    private final StringProperty instructions = new SimpleStringProperty(this, "instructions", "");
    private final StringProperty sentence = new SimpleStringProperty(this, "sentence", "");
    private final StringProperty transferTarget = new SimpleStringProperty(this, "transferTarget", "");
    private final StringProperty voice = new SimpleStringProperty(this, "voice");
    private final StringProperty whisper = new SimpleStringProperty(this, "whisper", "");
    private final BooleanProperty voiceLocked = new SimpleBooleanProperty(this, "voiceLocked");
    private final BooleanProperty whisperDisabled = new SimpleBooleanProperty(this, "whisperDisabled", true);
    private final StringProperty transferProblem = new SimpleStringProperty(this, "transferProblem", "");
    private final BooleanProperty live = new SimpleBooleanProperty(this, "live");
    private final BooleanProperty updateDisabled = new SimpleBooleanProperty(this, "updateDisabled", true);
    private final BooleanProperty sayDisabled = new SimpleBooleanProperty(this, "sayDisabled", true);
    private final BooleanProperty transferDisabled = new SimpleBooleanProperty(this, "transferDisabled", true);
    /** What the editor was last filled with; while unchanged, the person has not edited it. */
    private String loadedInstructions = "";

    public SteeringViewModel() {
        InvalidationListener recompute = o -> recompute();
        instructions.addListener(recompute);
        sentence.addListener(recompute);
        transferTarget.addListener(recompute);
        voice.addListener(recompute);
        whisper.addListener(recompute);
        InvalidationListener stateChanged = o -> {
            // A call accepted while shown gets its instructions only now; keep any edit the person made.
            if (instructions.get().equals(loadedInstructions)) {
                loadInstructions();
            }
            recompute();
        };
        target.addListener((obs, old, now) -> {
            if (old != null) {
                old.stateProperty().removeListener(stateChanged);
            }
            if (now != null) {
                now.stateProperty().addListener(stateChanged);
            }
            // The editor starts from what the call is running with, not from another call's edits.
            loadInstructions();
            sentence.set("");
            transferTarget.set("");
            whisper.set("");
            recompute();
        });
        recompute();
    }

    private void loadInstructions() {
        CallRowViewModel call = target.get();
        loadedInstructions = call == null ? "" : call.call().settings().map(AcceptSettings::instructions).orElse("");
        instructions.set(loadedInstructions);
        voice.set(call == null ? null : call.call().settings().map(AcceptSettings::voice).orElse(null));
    }

    /** Reads the call again (its turns change whether the voice may still change). */
    public void refresh() {
        recompute();
    }

    /** What "Update" sends: only what differs from what the call runs with. */
    public SessionChange change() {
        CallRowViewModel call = target.get();
        AcceptSettings running = call == null ? null : call.call().settings().orElse(null);
        return SessionChange.between(running, instructions.get(), voiceLocked.get() ? null : voice.get(), voiceLocked.get());
    }

    /** Why a transfer target cannot be used, or empty when it is a valid tel: or sip: URI. */
    public static String transferProblem(String uri) {
        return TransferTarget.problem(uri);
    }

    private void recompute() {
        CallRowViewModel call = target.get();
        boolean isLive = call != null && call.state() == CallState.ACTIVE;
        live.set(isLive);
        voiceLocked.set(call != null && call.call().turns().agentAudioSent());
        updateDisabled.set(!isLive || instructions.get().isBlank() || change().isEmpty());
        whisperDisabled.set(!isLive || whisper.get().isBlank());
        sayDisabled.set(!isLive || sentence.get().isBlank());
        String problem = transferTarget.get().isBlank() ? "" : transferProblem(transferTarget.get());
        transferProblem.set(problem);
        transferDisabled.set(!isLive || transferTarget.get().isBlank() || !problem.isEmpty());
    }

    public ObjectProperty<CallRowViewModel> targetProperty() {
        return target;
    }

    public StringProperty instructionsProperty() {
        return instructions;
    }

    public StringProperty sentenceProperty() {
        return sentence;
    }

    public StringProperty transferTargetProperty() {
        return transferTarget;
    }

    /** Shown under the transfer field while what is typed is not a valid target. */
    public ReadOnlyStringProperty transferProblemProperty() {
        return transferProblem;
    }

    public StringProperty voiceProperty() {
        return voice;
    }

    public StringProperty whisperProperty() {
        return whisper;
    }

    /** True once the agent produced audio: OpenAI refuses a voice change from then on. */
    public ReadOnlyBooleanProperty voiceLockedProperty() {
        return voiceLocked;
    }

    public ReadOnlyBooleanProperty whisperDisabledProperty() {
        return whisperDisabled;
    }

    public ReadOnlyBooleanProperty liveProperty() {
        return live;
    }

    public ReadOnlyBooleanProperty updateDisabledProperty() {
        return updateDisabled;
    }

    public ReadOnlyBooleanProperty sayDisabledProperty() {
        return sayDisabled;
    }

    public ReadOnlyBooleanProperty transferDisabledProperty() {
        return transferDisabled;
    }
}
