package dev.switchboard.ui.stage;

import dev.switchboard.call.Call;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.Turn;
import dev.switchboard.call.TurnStats;
import dev.switchboard.ui.CallRowViewModel;
import dev.switchboard.ui.PresenterMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The live badges an audience understands, for one call: call timer, greeting latency, last turn latency, cost so
 * far, who is speaking; and the caller as presenter mode shows them. Read from {@link Call#turns()} on
 * {@link #refresh()} (once per frame at most, by whoever owns the call's listener). FX thread only.
 */
public final class StageViewModel {

    /** Shown where a number is not known yet (no turn answered, no price for the model). */
    public static final String NONE = "—";

    private final PresenterMode presenter;
    private final SimpleObjectProperty<CallRowViewModel> shown = new SimpleObjectProperty<>(this, "shown");
    private final SimpleStringProperty caller = new SimpleStringProperty(this, "caller", "");
    private final SimpleStringProperty number = new SimpleStringProperty(this, "number", "");
    private final SimpleStringProperty agent = new SimpleStringProperty(this, "agent", "");
    private final SimpleStringProperty timer = new SimpleStringProperty(this, "timer", "");
    private final SimpleStringProperty greeting = new SimpleStringProperty(this, "greeting", NONE);
    private final SimpleStringProperty turnLatency = new SimpleStringProperty(this, "turnLatency", NONE);
    private final SimpleStringProperty typicalLatency = new SimpleStringProperty(this, "typicalLatency", "");
    private final SimpleStringProperty cost = new SimpleStringProperty(this, "cost", NONE);
    private final SimpleBooleanProperty agentSpeaking = new SimpleBooleanProperty(this, "agentSpeaking");
    private final SimpleBooleanProperty callerSpeaking = new SimpleBooleanProperty(this, "callerSpeaking");

    /** @param presenter how names and numbers are shown (the audience window passes one that is always on) */
    public StageViewModel(PresenterMode presenter) {
        this.presenter = presenter;
        presenter.activeProperty().addListener(o -> refresh());
    }

    /** Shows another call's badges (or none). */
    public void show(CallRowViewModel row) {
        timer.unbind();
        shown.set(row);
        if (row != null) {
            timer.bind(row.clockProperty());
        } else {
            timer.set("");
        }
        refresh();
    }

    public ReadOnlyObjectProperty<CallRowViewModel> shownProperty() {
        return shown;
    }

    /** Reads the shown call again. */
    public void refresh() {
        CallRowViewModel row = shown.get();
        if (row == null) {
            caller.set("");
            number.set("");
            agent.set("");
            greeting.set(NONE);
            turnLatency.set(NONE);
            typicalLatency.set("");
            cost.set(NONE);
            agentSpeaking.set(false);
            callerSpeaking.set(false);
            return;
        }
        Call call = row.call();
        caller.set(presenter.name(call.caller()));
        number.set(row.number().isEmpty() ? "" : presenter.number(row.number()));
        agent.set(call.settings().map(s -> "Agent voice " + s.voice() + " · " + s.model()).orElse(""));
        TurnStats stats = call.turns().stats();
        List<Turn> turns = call.turns().turns();
        greeting.set(latency(stats.greetingLatency()));
        turnLatency.set(turns.isEmpty() ? NONE : latency(Optional.of(turns.get(turns.size() - 1).latency())));
        typicalLatency.set(stats.turns() < 2 ? "" : "typical " + latency(stats.p50()) + ", slowest " + latency(stats.max()));
        cost.set(money(stats.costUsd()));
        agentSpeaking.set(call.isSpeaking(Speaker.AGENT));
        callerSpeaking.set(call.isSpeaking(Speaker.CALLER));
    }

    /** "0.84 s", "12.3 s"; {@link #NONE} when absent. */
    public static String latency(Optional<Duration> duration) {
        if (duration.isEmpty()) {
            return NONE;
        }
        double seconds = Math.max(0, duration.get().toMillis()) / 1000.0;
        return String.format(Locale.ROOT, seconds < 10 ? "%.2f s" : "%.1f s", seconds);
    }

    /** "$0.012" under a dollar, "$1.25" above; {@link #NONE} when the model has no price. */
    public static String money(OptionalDouble usd) {
        if (usd.isEmpty()) {
            return NONE;
        }
        double v = usd.getAsDouble();
        return String.format(Locale.ROOT, v < 1 ? "$%.3f" : "$%.2f", v);
    }

    public ReadOnlyStringProperty callerProperty() {
        return caller;
    }

    /** The caller's number as presenter mode shows it, or empty when the name already is the number. */
    public ReadOnlyStringProperty numberProperty() {
        return number;
    }

    /** "Agent voice marin · gpt-realtime" once answered. */
    public ReadOnlyStringProperty agentProperty() {
        return agent;
    }

    public ReadOnlyStringProperty timerProperty() {
        return timer;
    }

    public ReadOnlyStringProperty greetingProperty() {
        return greeting;
    }

    /** The last answered turn's latency. */
    public ReadOnlyStringProperty turnLatencyProperty() {
        return turnLatency;
    }

    /** "typical 0.90 s, slowest 1.40 s" from two answered turns on, else empty. */
    public ReadOnlyStringProperty typicalLatencyProperty() {
        return typicalLatency;
    }

    public ReadOnlyStringProperty costProperty() {
        return cost;
    }

    public ReadOnlyBooleanProperty agentSpeakingProperty() {
        return agentSpeaking;
    }

    public ReadOnlyBooleanProperty callerSpeakingProperty() {
        return callerSpeaking;
    }
}
