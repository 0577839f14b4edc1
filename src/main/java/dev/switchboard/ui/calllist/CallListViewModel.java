package dev.switchboard.ui.calllist;

import dev.switchboard.call.Call;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The calls of this run, newest first, and which one is selected. FX thread only. */
public final class CallListViewModel {

    private final ObservableList<CallRowViewModel> rows = FXCollections.observableArrayList();
    private final Map<Call, CallRowViewModel> byCall = new HashMap<>();
    private final ObjectProperty<CallRowViewModel> selected = new SimpleObjectProperty<>(this, "selected");

    /** Adds a row on top (newest first) unless the call is listed already; returns its row. */
    public CallRowViewModel add(Call call) {
        CallRowViewModel existing = byCall.get(call);
        if (existing != null) {
            return existing;
        }
        CallRowViewModel row = new CallRowViewModel(call);
        byCall.put(call, row);
        rows.add(0, row);
        return row;
    }

    public Optional<CallRowViewModel> rowOf(Call call) {
        return Optional.ofNullable(byCall.get(call));
    }

    public void refresh(Call call) {
        CallRowViewModel row = byCall.get(call);
        if (row != null) {
            row.refresh();
        }
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
