package dev.switchboard.ui;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.call.SipAddress;
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
 * What the window shows about one call outside its workspace: who, state, clock, and the outcome of the
 * last thing a person did to it. Used by the call list row and the workspace header. FX thread only.
 */
public final class CallRowViewModel {

    private final Call call;
    private final String displayName;
    private final String number;
    private final ObjectProperty<CallState> state = new SimpleObjectProperty<>(this, "state");
    private final StringProperty stateReason = new SimpleStringProperty(this, "stateReason", "");
    private final StringProperty clock = new SimpleStringProperty(this, "clock", "");
    private final StringProperty actionResult = new SimpleStringProperty(this, "actionResult", "");
    private final BooleanProperty actionFailed = new SimpleBooleanProperty(this, "actionFailed");
    private final BooleanProperty actionPending = new SimpleBooleanProperty(this, "actionPending");
    private String lastSeenBackendResult = "";

    public CallRowViewModel(Call call) {
        this.call = call;
        SipAddress caller = call.caller();
        this.number = caller.number();
        this.displayName = caller.displayName().isBlank() ? caller.number() : caller.displayName();
        refresh();
    }

    public Call call() {
        return call;
    }

    public String displayName() {
        return displayName;
    }

    /** The number, or empty when the display name already is the number. */
    public String number() {
        return displayName.equals(number) ? "" : number;
    }

    /** Reads the call again; cheap, so the list calls it for every dirty call once per frame. */
    public void refresh() {
        state.set(call.state());
        stateReason.set(call.stateReason());
        String backendResult = call.lastActionResult();
        // Results the UI did not ask for (auto-accept, a profile) still deserve a place on screen.
        if (!backendResult.isEmpty() && !backendResult.equals(lastSeenBackendResult) && !actionPending.get()) {
            actionResult.set(backendResult);
        }
        lastSeenBackendResult = backendResult;
        tick();
    }

    /** Updates the clock text; called every second by the window. */
    public void tick() {
        CallState s = state.get();
        clock.set(switch (s) {
            case RINGING -> Formats.clock(call.ringTime());
            case ACCEPTING -> "answering…";
            case ACTIVE -> Formats.clock(call.duration());
            default -> call.duration().isZero() ? "" : Formats.clock(call.duration());
        });
    }

    public void actionStarted(String message) {
        actionPending.set(true);
        actionFailed.set(false);
        actionResult.set(message);
    }

    public void actionSucceeded(String message) {
        actionPending.set(false);
        actionFailed.set(false);
        actionResult.set(message);
    }

    public void actionFailed(String message) {
        actionPending.set(false);
        actionFailed.set(true);
        actionResult.set(message);
    }

    public ReadOnlyObjectProperty<CallState> stateProperty() {
        return state;
    }

    public CallState state() {
        return state.get();
    }

    public ReadOnlyStringProperty stateReasonProperty() {
        return stateReason;
    }

    /** Ring time while ringing, duration while live or after. */
    public ReadOnlyStringProperty clockProperty() {
        return clock;
    }

    public ReadOnlyStringProperty actionResultProperty() {
        return actionResult;
    }

    public ReadOnlyBooleanProperty actionFailedProperty() {
        return actionFailed;
    }

    public ReadOnlyBooleanProperty actionPendingProperty() {
        return actionPending;
    }

    public boolean isActionPending() {
        return actionPending.get();
    }

    @Override
    public String toString() {
        return displayName + " " + state.get();
    }
}
