package dev.switchboard.monitor;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.call.CallState;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A live call's clock: the ring deadline (a call nobody answered in time is missed) and, once it ended, its
 * removal from the live registry after the retention time, so memory does not grow with every call.
 */
final class CallLifetime {

    static final String ACCEPT_FAILED = "accept failed: ";

    private final CallRegistry registry;
    private final ScheduledExecutorService scheduler;
    private final Duration ringTimeout;
    private final Supplier<Duration> endedRetention;

    CallLifetime(CallRegistry registry, ScheduledExecutorService scheduler, Duration ringTimeout,
                 Supplier<Duration> endedRetention) {
        this.registry = registry;
        this.scheduler = scheduler;
        this.ringTimeout = ringTimeout;
        this.endedRetention = endedRetention;
    }

    /** When the carrier gives up on a call that is still ringing. */
    Instant ringDeadline(Call call) {
        return call.createdAt().plus(ringTimeout);
    }

    /** Watches a new call: missed at its ring deadline unless answered, removed a while after it ended. */
    void ringing(Call call) {
        ScheduledFuture<?> deadline = scheduler.schedule(() -> expireIfUnanswered(call), ringTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
        forgetOnceEnded(call, deadline);
    }

    /** Watches a call answered elsewhere (taken over from another hub): no ring deadline. */
    void answered(Call call) {
        forgetOnceEnded(call, null);
    }

    /** Once the call is answered or over its ring deadline is cancelled (the timer would hold it for a minute). */
    private void forgetOnceEnded(Call call, ScheduledFuture<?> ringDeadline) {
        AtomicBoolean scheduled = new AtomicBoolean();
        Runnable check = () -> {
            CallState state = call.state();
            if (ringDeadline != null && (state == CallState.ACTIVE || state.isTerminal())) {
                ringDeadline.cancel(false);
            }
            if (state.isTerminal() && scheduled.compareAndSet(false, true)) {
                try {
                    scheduler.schedule(() -> registry.remove(call.id()), endedRetention.get().toMillis(),
                            TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    // the monitor is closing: nothing lives on to hold the call
                }
            }
        };
        call.addListener((c, change) -> check.run());
        check.run();
    }

    /** A call still ringing at its deadline was missed; one being accepted gets looked at again until it is decided. */
    private void expireIfUnanswered(Call call) {
        CallState state = call.state();
        if (state == CallState.RINGING) {
            // a failed accept said why; "nobody answered" alone would hide OpenAI's message
            String reason = call.stateReason();
            call.moveTo(CallState.MISSED, "nobody answered within " + ringTimeout.toSeconds() + " s"
                    + (reason.startsWith(ACCEPT_FAILED) ? " (" + reason + ")" : ""));
        } else if (state == CallState.ACCEPTING) {
            scheduler.schedule(() -> expireIfUnanswered(call), 1, TimeUnit.SECONDS);
        }
    }
}
