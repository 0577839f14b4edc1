package dev.switchboard.ui.audience;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallListener;
import dev.switchboard.ui.CallRefreshCoalescer;
import dev.switchboard.ui.CallRowViewModel;
import dev.switchboard.ui.PresenterMode;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.stage.StageViewModel;
import dev.switchboard.ui.transcript.TranscriptViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;

/**
 * What the audience window shows: the operator's selected call, or the pinned one while {@link #pinnedProperty()} is
 * on, with its live transcript and badges. Presenter masking is always on here, whatever the operator's window does.
 * It listens to its own call (coalesced per frame), so a pinned call keeps streaming while the operator looks at
 * another. FX thread only; {@link #close()} lets go of the call.
 */
public final class AudienceViewModel {

    private final PresenterMode masking = new PresenterMode(true);
    private final TranscriptViewModel transcript = new TranscriptViewModel();
    private final StageViewModel stage = new StageViewModel(masking);
    private final ObjectProperty<CallRowViewModel> selected;
    private final SimpleObjectProperty<CallRowViewModel> shown = new SimpleObjectProperty<>(this, "shown");
    private final BooleanProperty pinned = new SimpleBooleanProperty(this, "pinned");
    private final CallRefreshCoalescer coalescer;
    private final CallListener listener;
    private final ChangeListener<CallRowViewModel> follow = (obs, old, row) -> followSelection();

    public AudienceViewModel(ObjectProperty<CallRowViewModel> selected, UiDispatcher dispatcher) {
        this.selected = selected;
        this.coalescer = new CallRefreshCoalescer(dispatcher, this::refresh);
        this.listener = (call, change) -> coalescer.markDirty(call);
        selected.addListener(follow);
        pinned.addListener((obs, was, on) -> followSelection());
        followSelection();
    }

    private void followSelection() {
        if (!pinned.get() || shown.get() == null) {
            show(selected.get());
        }
    }

    private void show(CallRowViewModel row) {
        CallRowViewModel old = shown.get();
        if (old == row) {
            return;
        }
        if (old != null) {
            old.call().removeListener(listener);
        }
        shown.set(row);
        if (row != null) {
            row.call().addListener(listener);
        }
        transcript.show(row == null ? null : row.call());
        stage.show(row);
    }

    private void refresh(Call call) {
        CallRowViewModel row = shown.get();
        if (row != null && row.call() == call) {
            transcript.refresh();
            stage.refresh();
        }
    }

    /** While on, the window keeps its call when the operator selects another; off, it follows again at once. */
    public BooleanProperty pinnedProperty() {
        return pinned;
    }

    public ReadOnlyObjectProperty<CallRowViewModel> shownProperty() {
        return shown;
    }

    public TranscriptViewModel transcript() {
        return transcript;
    }

    public StageViewModel stage() {
        return stage;
    }

    /** Always on: the audience never sees a whole number. */
    public PresenterMode masking() {
        return masking;
    }

    public void close() {
        selected.removeListener(follow);
        show(null);
    }
}
