package dev.switchboard.monitor;

import dev.switchboard.call.Call;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Team mode's seats around a call, for a desk's window: who watches it, who drives it (holds the driver lease),
 * and taking the driver's seat or handing it back. Only a desk attached to a team hub has this port.
 */
public interface TeamSeats {

    /** This desk's own name, as the others see it. */
    String desk();

    /** The desks watching the call now, sorted. */
    List<String> watchers(Call call);

    /** Who holds the call's driver lease; empty when nobody does (then any desk may steer). */
    Optional<String> driver(Call call);

    /** Completes with the hub's answer, or fails with the reason (another desk drives: its name). */
    CompletableFuture<String> takeOver(Call call);

    CompletableFuture<String> handBack(Call call);

    /** Runs on any thread with the call id whenever a call's watchers or driver change. */
    void onSeatsChanged(Consumer<String> listener);
}
