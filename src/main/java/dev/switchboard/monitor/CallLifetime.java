package dev.switchboard.monitor;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.call.CallState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A call's deadlines in a monitor: still ringing at the ring deadline, it was missed; ended, it leaves the registry
 * after the retention time (history keeps it). A call taken over from a hub that died while it rang rings from when
 * it first rang, not from when it was taken over.
 */
final class CallLifetime {

    static final String ACCEPT_FAILED = "accept failed: ";

    private final CallRegistry registry;
    private final ScheduledExecutorService scheduler;
    private final Duration ringTimeout;
    /** Calls taken over while ringing: when they first rang (their ring deadline counts from then). */
    private final Map<String, Instant> takenOverRinging = new ConcurrentHashMap<>();
    private volatile Duration endedRetention = CallMonitor.DEFAULT_ENDED_RETENTION;

    CallLifetime(CallRegistry registry, ScheduledExecutorService scheduler, Duration ringTimeout) {
        this.registry = registry;
        this.scheduler = scheduler;
        this.ringTimeout = ringTimeout;
    }

    void setEndedRetention(Duration retention) {
        this.endedRetention = Objects.requireNonNull(retention, "retention");
    }

    /** A new call rings: missed at its ring deadline unless answered first. */
    void ringing(Call call) {
        ScheduledFuture<?> deadline = scheduler.schedule(() -> expireIfUnanswered(call), ringTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
        forgetOnceEnded(call, deadline);
    }

    /** A call taken over while it rang since {@code since} (its first hub died). */
    void ringingSince(Call call, Instant since, Instant now) {
        takenOverRinging.put(call.id(), since);
        long left = Math.max(0, Duration.between(now, since.plus(ringTimeout)).toMillis());
        forgetOnceEnded(call, scheduler.schedule(() -> expireIfUnanswered(call), left, TimeUnit.MILLISECONDS));
    }

    /** A call answered already (taken over live): only the retention applies. */
    void answered(Call call) {
        forgetOnceEnded(call, null);
    }

    /** Whether the call was taken over while it rang: its first hub's accept may have gone out unpublished. */
    boolean takenOverRinging(Call call) {
        return takenOverRinging.containsKey(call.id());
    }

    /** When the carrier gives up on the call. */
    Instant ringDeadline(Call call) {
        return takenOverRinging.getOrDefault(call.id(), call.createdAt()).plus(ringTimeout);
    }

    /**
     * An ended call leaves the registry after the retention time, so memory does not grow with every call; once the
     * call is answered or over, its ring deadline is cancelled (the timer would otherwise hold it for a minute).
     */
    private void forgetOnceEnded(Call call, ScheduledFuture<?> ringDeadline) {
        AtomicBoolean scheduled = new AtomicBoolean();
        Runnable check = () -> {
            CallState state = call.state();
            if (ringDeadline != null && (state == CallState.ACTIVE || state.isTerminal())) {
                ringDeadline.cancel(false);
            }
            if (state.isTerminal() && scheduled.compareAndSet(false, true)) {
                takenOverRinging.remove(call.id());
                try {
                    scheduler.schedule(() -> registry.remove(call.id()), endedRetention.toMillis(),
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
