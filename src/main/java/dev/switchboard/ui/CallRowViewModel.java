package dev.switchboard.ui;

import dev.switchboard.call.Alert;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.call.SipAddress;
import dev.switchboard.call.TurnStats;
import java.util.List;
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
    private final StringProperty greeting = new SimpleStringProperty(this, "greeting", "");
    private final StringProperty cost = new SimpleStringProperty(this, "cost", "");
    private final StringProperty latency = new SimpleStringProperty(this, "latency", "");
    private final javafx.beans.property.IntegerProperty alerts = new javafx.beans.property.SimpleIntegerProperty(this, "alerts");
    private final StringProperty lastAlert = new SimpleStringProperty(this, "lastAlert", "");
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
        refreshMetrics();
        tick();
    }

    /** Greeting latency, cost so far, p50 / p95 / max and alerts: what the header and the list row show. */
    private void refreshMetrics() {
        TurnStats stats = call.turns().stats();
        greeting.set(stats.greetingLatency().map(d -> "greeting " + Formats.seconds(d)).orElse(""));
        cost.set(stats.costUsd().isPresent() ? Formats.usd(stats.costUsd()) : stats.responses() > 0 ? "cost unknown" : "");
        latency.set(stats.turns() == 0 ? "" : "p50 " + Formats.seconds(stats.p50().orElseThrow()) + " · p95 "
                + Formats.seconds(stats.p95().orElseThrow()) + " · max " + Formats.seconds(stats.max().orElseThrow()));
        List<Alert> raised = call.alerts().alerts();
        alerts.set(raised.size());
        lastAlert.set(raised.isEmpty() ? "" : raised.get(raised.size() - 1).describe());
    }

    /** "greeting 0.8 s" once the agent greeted (observed here), else empty. */
    public ReadOnlyStringProperty greetingProperty() {
        return greeting;
    }

    /** "$0.0123" so far, "cost unknown" for a model without a price, empty before the first response. */
    public ReadOnlyStringProperty costProperty() {
        return cost;
    }

    /** "p50 0.8 s · p95 1.4 s · max 1.9 s" over the answered turns, empty before the first. */
    public ReadOnlyStringProperty latencyProperty() {
        return latency;
    }

    public javafx.beans.property.ReadOnlyIntegerProperty alertsProperty() {
        return alerts;
    }

    /** The newest alert, "keyword: refund". */
    public ReadOnlyStringProperty lastAlertProperty() {
        return lastAlert;
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
