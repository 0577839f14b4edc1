package dev.switchboard.ui.calllist;

import dev.switchboard.ui.CallRowViewModel;

import dev.switchboard.call.Call;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import dev.switchboard.call.CallState;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The calls of this run, newest first, and which one is selected. FX thread only. The list is bounded: past
 * {@link #MAX_ENDED} ended calls the oldest ended ones leave it (history keeps them all), so a window left open for
 * days holds a bounded number of calls.
 */
public final class CallListViewModel {

    public static final int MAX_ENDED = 200;

    private final ObservableList<CallRowViewModel> rows = FXCollections.observableArrayList();
    private final Map<Call, CallRowViewModel> byCall = new HashMap<>();
    private final ObjectProperty<CallRowViewModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final IntegerProperty ringing = new SimpleIntegerProperty(this, "ringing");

    /** Adds a row on top (newest first) unless the call is listed already; returns its row. */
    public CallRowViewModel add(Call call) {
        CallRowViewModel existing = byCall.get(call);
        if (existing != null) {
            return existing;
        }
        CallRowViewModel row = new CallRowViewModel(call);
        byCall.put(call, row);
        rows.add(0, row);
        trimEnded();
        countRinging();
        return row;
    }

    /** Drops the oldest ended calls beyond {@link #MAX_ENDED}, never the selected one. */
    private void trimEnded() {
        int ended = 0;
        java.util.List<CallRowViewModel> drop = new java.util.ArrayList<>();
        for (CallRowViewModel row : rows) { // newest first
            if (row.state().isTerminal() && ++ended > MAX_ENDED && row != selected.get()) {
                drop.add(row);
            }
        }
        if (!drop.isEmpty()) {
            rows.removeAll(drop);
            drop.forEach(row -> byCall.remove(row.call()));
        }
    }

    /** Adds several calls (oldest first) in one list change; returns their rows in the same order. */
    public java.util.List<CallRowViewModel> addAll(java.util.List<Call> calls) {
        java.util.List<CallRowViewModel> result = new java.util.ArrayList<>();
        java.util.List<CallRowViewModel> fresh = new java.util.ArrayList<>();
        for (Call call : calls) {
            CallRowViewModel row = byCall.get(call);
            if (row == null) {
                row = new CallRowViewModel(call);
                byCall.put(call, row);
                fresh.add(0, row); // newest first
            }
            result.add(row);
        }
        if (!fresh.isEmpty()) {
            rows.addAll(0, fresh);
            trimEnded();
            countRinging();
        }
        return result;
    }

    public Optional<CallRowViewModel> rowOf(Call call) {
        return Optional.ofNullable(byCall.get(call));
    }

    public void refresh(Call call) {
        CallRowViewModel row = byCall.get(call);
        if (row != null) {
            row.refresh();
            countRinging();
        }
    }

    private void countRinging() {
        int n = 0;
        for (CallRowViewModel row : rows) {
            if (row.state() == CallState.RINGING) {
                n++;
            }
        }
        ringing.set(n);
    }

    /** How many calls ring right now (the window pulses while this is above 0). */
    public ReadOnlyIntegerProperty ringingProperty() {
        return ringing;
    }

    /** Advances the ring timers and durations of calls that are not over. */
    public void tick() {
        for (CallRowViewModel row : rows) {
            if (!row.state().isTerminal()) {
                row.tick();
            }
        }
    }

    public ObservableList<CallRowViewModel> rows() {
        return rows;
    }

    public ObjectProperty<CallRowViewModel> selectedProperty() {
        return selected;
    }

    public CallRowViewModel selected() {
        return selected.get();
    }
}
