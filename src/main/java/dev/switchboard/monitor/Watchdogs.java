package dev.switchboard.monitor;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallChange;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.call.CallState;
import dev.switchboard.call.WatchdogLimits;
import dev.switchboard.util.Threads;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every live call's watchdogs once a second and its transcript rules on each finished line, and enforces the
 * cost cap: once passed, the agent is asked to wrap up politely, and the call is hung up after that response
 * ({@code response.done}) or {@link #WRAP_UP_GRACE}, whichever comes first.
 */
public final class Watchdogs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Watchdogs.class);
    public static final Duration WRAP_UP_GRACE = Duration.ofSeconds(15);
    static final String WRAP_UP = "The call has reached its budget. Thank the caller warmly, tell them you need to end "
            + "the call now, say goodbye politely, and stop.";
    private static final long TICK_MS = 1_000;

    private final CallActions actions;
    private final Function<Call, WatchdogLimits> limitsFor;
    private final ScheduledExecutorService timer;
    private final Map<String, Call> live = new ConcurrentHashMap<>();
    private final Map<String, Integer> wrappingUp = new ConcurrentHashMap<>();

    /** @param limitsFor the limits of a new call (global ones, plus those of the profile it is accepted with) */
    public Watchdogs(CallActions actions, Function<Call, WatchdogLimits> limitsFor) {
        this.actions = actions;
        this.limitsFor = limitsFor;
        this.timer = Executors.newSingleThreadScheduledExecutor(Threads.daemon("switchboard-watchdogs"));
        timer.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    public Watchdogs attach(CallRegistry registry) {
        registry.onAdded(this::watch);
        registry.newestFirst().forEach(this::watch);
        return this;
    }

    public void watch(Call call) {
        if (live.putIfAbsent(call.id(), call) != null) {
            return;
        }
        call.alerts().useLimits(limitsFor.apply(call));
        call.addListener(this::changed);
    }

    /** Limits for a call already watched (e.g. once it is accepted with a profile). */
    public void useLimits(Call call, WatchdogLimits limits) {
        call.alerts().useLimits(limits);
    }

    private void changed(Call call, CallChange change) {
        switch (change) {
            case TRANSCRIPT -> {
                if (!call.alerts().limits().rules().isEmpty()) {
                    call.alerts().check();
                }
            }
            case TURNS -> {
                Integer before = wrappingUp.get(call.id());
                if (before != null && call.turns().stats().responses() > before && call.state().isLive()) {
                    hangUp(call, "the wrap-up response is done");
                } else if (before == null && call.alerts().limits().costCapUsd().isPresent()) {
                    call.alerts().check();
                }
            }
            case ALERTS -> {
                if (call.alerts().costCapReached() && call.state() == CallState.ACTIVE) {
                    wrapUp(call);
                }
            }
            case STATE -> {
                if (call.state().isTerminal()) {
                    call.alerts().check(); // the last lines' rules
                    live.remove(call.id());
                    wrappingUp.remove(call.id());
                }
            }
            default -> {
            }
        }
    }

    private void wrapUp(Call call) {
        if (wrappingUp.putIfAbsent(call.id(), call.turns().stats().responses()) != null) {
            return;
        }
        call.note("cost cap reached: asking the agent to wrap up; hanging up after its answer or "
                + WRAP_UP_GRACE.toSeconds() + " s");
        actions.respond(call, WRAP_UP).exceptionally(e -> null);
        timer.schedule(() -> hangUp(call, "the wrap-up took longer than " + WRAP_UP_GRACE.toSeconds() + " s"),
                WRAP_UP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void hangUp(Call call, String why) {
        if (wrappingUp.remove(call.id()) != null && call.state().isLive()) {
            log.info("cost cap on {}: hanging up ({})", call.id(), why);
            actions.hangup(call).exceptionally(e -> null);
        }
    }

    private void tick() {
        for (Call call : live.values()) {
            try {
                if (call.state() == CallState.ACTIVE) {
                    call.alerts().check();
                }
            } catch (RuntimeException e) {
                log.warn("watchdog check on {} failed: {}", call.id(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
