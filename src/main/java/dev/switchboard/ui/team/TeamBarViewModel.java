package dev.switchboard.ui.team;

import dev.switchboard.call.Call;
import dev.switchboard.monitor.TeamSeats;
import dev.switchboard.ui.CallRowViewModel;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.UiTasks;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A desk's view of the seats around the shown call (team mode): who watches, who drives, and the buttons to take
 * the driver's seat or hand it back. Without a team hub it stays hidden. FX thread only.
 */
public final class TeamBarViewModel {

    private final Optional<TeamSeats> seats;
    private final UiTasks tasks;
    private final ObjectProperty<CallRowViewModel> target = new SimpleObjectProperty<>(this, "target");
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private final StringProperty watching = new SimpleStringProperty(this, "watching", "");
    private final StringProperty driving = new SimpleStringProperty(this, "driving", "");
    private final StringProperty result = new SimpleStringProperty(this, "result", "");
    private final BooleanProperty takeOverDisabled = new SimpleBooleanProperty(this, "takeOverDisabled", true);
    private final BooleanProperty handBackDisabled = new SimpleBooleanProperty(this, "handBackDisabled", true);
    private boolean busy;

    public TeamBarViewModel(Optional<TeamSeats> seats, UiTasks tasks) {
        this.seats = seats;
        this.tasks = tasks;
        UiDispatcher dispatcher = tasks.dispatcher();
        seats.ifPresent(s -> s.onSeatsChanged(callId -> dispatcher.run(() -> {
            CallRowViewModel row = target.get();
            if (row != null && row.call().id().equals(callId)) {
                refresh();
            }
        })));
        target.addListener((obs, old, now) -> {
            result.set("");
            refresh();
        });
        refresh();
    }

    private void refresh() {
        CallRowViewModel row = target.get();
        shown.set(seats.isPresent() && row != null);
        if (seats.isEmpty() || row == null) {
            watching.set("");
            driving.set("");
            takeOverDisabled.set(true);
            handBackDisabled.set(true);
            return;
        }
        TeamSeats s = seats.get();
        Call call = row.call();
        List<String> desks = s.watchers(call);
        watching.set(desks.isEmpty() ? "Watching: (checking…)" : "Watching: " + String.join(", ", desks));
        Optional<String> driver = s.driver(call);
        boolean mine = driver.map(s.desk()::equals).orElse(false);
        driving.set(driver.map(d -> mine ? "You steer this call" : "Steered by " + d)
                .orElse("Nobody steers: any desk may"));
        boolean live = !call.state().isTerminal();
        takeOverDisabled.set(busy || !live || driver.isPresent());
        handBackDisabled.set(busy || !live || !mine);
    }

    public void takeOver() {
        act(TeamSeats::takeOver);
    }

    public void handBack() {
        act(TeamSeats::handBack);
    }

    private void act(java.util.function.BiFunction<TeamSeats, Call, CompletableFuture<String>> action) {
        CallRowViewModel row = target.get();
        if (seats.isEmpty() || row == null || busy) {
            return;
        }
        busy = true;
        refresh();
        Call call = row.call();
        tasks.run(() -> action.apply(seats.get(), call).join(), answer -> {
            busy = false;
            result.set(answer);
            refresh();
        }, problem -> {
            busy = false;
            result.set(problem);
            refresh();
        });
    }

    public ObjectProperty<CallRowViewModel> targetProperty() {
        return target;
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown;
    }

    public ReadOnlyStringProperty watchingProperty() {
        return watching;
    }

    public ReadOnlyStringProperty drivingProperty() {
        return driving;
    }

    /** The hub's answer to the last take over / hand back, or why it was refused. */
    public ReadOnlyStringProperty resultProperty() {
        return result;
    }

    public ReadOnlyBooleanProperty takeOverDisabledProperty() {
        return takeOverDisabled;
    }

    public ReadOnlyBooleanProperty handBackDisabledProperty() {
        return handBackDisabled;
    }
}
