package dev.switchboard.ui.replay;

import dev.switchboard.call.Call;
import dev.switchboard.history.Replayer;
import dev.switchboard.history.StoredCall;
import dev.switchboard.ui.CallRefreshCoalescer;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.inspector.InspectorViewModel;
import dev.switchboard.ui.transcript.TranscriptViewModel;
import java.util.List;
import java.util.concurrent.CancellationException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Plays a stored call (from the history or an exported JSON file) into the live transcript and inspector views at
 * 1×, 4× or instantly. The replayed call's changes come through a {@link CallRefreshCoalescer}, like a live call's.
 * FX thread only, apart from the replay's own timer.
 */
public final class ReplayViewModel {

    /** The speeds offered, in the order the view lists them. */
    public static final List<Double> SPEEDS = List.of(Replayer.REALTIME, Replayer.FAST, Replayer.INSTANT);

    private final StoredCall stored;
    private final Replayer replayer;
    private final UiDispatcher dispatcher;
    private final TranscriptViewModel transcript = new TranscriptViewModel();
    private final InspectorViewModel inspector = new InspectorViewModel();
    private final CallRefreshCoalescer coalescer;
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", Replayer.REALTIME);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final StringProperty status = new SimpleStringProperty(this, "status", "Press Play to replay the call.");
    private Replayer.Playback playback;

    public ReplayViewModel(StoredCall stored, Replayer replayer, UiDispatcher dispatcher) {
        this.stored = stored;
        this.replayer = replayer;
        this.dispatcher = dispatcher;
        this.coalescer = new CallRefreshCoalescer(dispatcher, call -> {
            if (playback != null && playback.call() == call) {
                transcript.refresh();
                inspector.refresh();
            }
        });
    }

    /** Starts over from the beginning at the chosen speed (stopping a replay in progress). */
    public void play() {
        stop();
        double chosen = speed.get();
        Replayer.Playback started = replayer.play(stored, chosen);
        playback = started;
        Call call = started.call();
        call.addListener((c, change) -> coalescer.markDirty(c));
        transcript.show(call);
        inspector.show(call);
        playing.set(!started.done().isDone());
        status.set(started.done().isDone() ? "Replayed instantly." : "Replaying at " + label(chosen) + "…");
        started.done().whenComplete((c, error) -> dispatcher.run(() -> {
            if (playback != started) {
                return;
            }
            transcript.refresh();
            inspector.refresh();
            playing.set(false);
            if (error instanceof CancellationException) {
                status.set("Stopped.");
            } else if (error != null) {
                status.set("The replay stopped: " + error.getMessage());
            } else {
                status.set("Replay finished.");
            }
        }));
    }

    /** Stops the replay where it is; what was played stays on screen. */
    public void stop() {
        if (playback != null && !playback.done().isDone()) {
            playback.cancel();
        }
    }

    /** When the window closes: nothing keeps playing into a hidden view. */
    public void close() {
        stop();
        playback = null;
    }

    public static String label(double speed) {
        return speed == Replayer.INSTANT ? "instant" : (speed == Math.rint(speed) ? (int) speed + "×" : speed + "×");
    }

    public StoredCall stored() {
        return stored;
    }

    /** The call being played into, or null before Play. */
    public Call call() {
        return playback == null ? null : playback.call();
    }

    public Replayer.Playback playback() {
        return playback;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public TranscriptViewModel transcript() {
        return transcript;
    }

    public InspectorViewModel inspector() {
        return inspector;
    }
}
