package dev.switchboard.ui.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.monitor.TeamSeats;
import dev.switchboard.ui.CallRowViewModel;
import dev.switchboard.ui.UiTasks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The seats row of a team desk: who watches, who steers, take over / hand back, and a refusal with the name. */
class TeamBarViewModelTest {

    /** Seats as a hub would report them; a take over is refused while another desk drives. */
    private static final class FakeSeats implements TeamSeats {
        String driver;
        List<String> watchers = List.of("alice", "bob");
        final List<Consumer<String>> listeners = new ArrayList<>();

        @Override
        public String desk() {
            return "alice";
        }

        @Override
        public List<String> watchers(Call call) {
            return watchers;
        }

        @Override
        public Optional<String> driver(Call call) {
            return Optional.ofNullable(driver);
        }

        @Override
        public CompletableFuture<String> takeOver(Call call) {
            if (driver != null && !driver.equals("alice")) {
                return CompletableFuture.failedFuture(new IllegalStateException("driver lease held by " + driver));
            }
            driver = "alice";
            return CompletableFuture.completedFuture("You are steering " + call.id() + ".");
        }

        @Override
        public CompletableFuture<String> handBack(Call call) {
            driver = null;
            return CompletableFuture.completedFuture("Steering handed back.");
        }

        @Override
        public void onSeatsChanged(Consumer<String> listener) {
            listeners.add(listener);
        }

        void changed(String callId) {
            listeners.forEach(l -> l.accept(callId));
        }
    }

    @Test
    void showsTheSeatsAndMovesTheDriversSeat() {
        FakeSeats seats = new FakeSeats();
        TeamBarViewModel model = new TeamBarViewModel(Optional.of(seats), UiTasks.direct());
        assertFalse(model.shownProperty().get(), "no call shown");
        Call call = new Call("rtc_team", List.of(), Clock.systemUTC());
        call.moveTo(CallState.ACCEPTING, "");
        call.moveTo(CallState.ACTIVE, "");
        model.targetProperty().set(new CallRowViewModel(call));

        assertTrue(model.shownProperty().get());
        assertEquals("Watching: alice, bob", model.watchingProperty().get());
        assertEquals("Nobody steers: any desk may", model.drivingProperty().get());
        assertFalse(model.takeOverDisabledProperty().get());
        assertTrue(model.handBackDisabledProperty().get());

        model.takeOver();
        assertEquals("You are steering rtc_team.", model.resultProperty().get());
        assertEquals("You steer this call", model.drivingProperty().get());
        assertTrue(model.takeOverDisabledProperty().get());
        assertFalse(model.handBackDisabledProperty().get());

        model.handBack();
        seats.driver = "bob";
        seats.changed("rtc_team");
        assertEquals("Steered by bob", model.drivingProperty().get());
        assertTrue(model.takeOverDisabledProperty().get(), "bob drives: no take over");
        assertTrue(model.handBackDisabledProperty().get());
    }

    @Test
    void aSingleDeskHasNoSeatsRow() {
        TeamBarViewModel model = new TeamBarViewModel(Optional.empty(), UiTasks.direct());
        model.targetProperty().set(new CallRowViewModel(new Call("rtc_x", List.of(), Clock.systemUTC())));
        assertFalse(model.shownProperty().get());
    }
}
