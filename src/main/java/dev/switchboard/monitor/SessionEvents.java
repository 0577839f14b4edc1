package dev.switchboard.monitor;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.RawEvent;
import dev.switchboard.openai.SidebandSession;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sideband callbacks for one call: events into the call model, milestones, notes, and how the socket ended. */
final class SessionEvents implements SidebandSession.Listener {

    private static final Logger log = LoggerFactory.getLogger(CallMonitor.class);

    private final Call call;
    private final Clock clock;
    private final EventApplier applier;
    private final Runnable onClosed;

    /** @param onClosed runs once the socket is over for good (the monitor forgets the session) */
    SessionEvents(Call call, Clock clock, Runnable onClosed) {
        this.call = call;
        this.clock = clock;
        this.applier = new EventApplier(call, clock);
        this.onClosed = onClosed;
    }

    @Override
    public void opened(boolean reconnected) {
        call.mark(Milestone.SOCKET_OPEN);
        if (reconnected) {
            call.note("socket reconnected");
        }
    }

    @Override
    public void received(String frame) {
        try {
            applier.apply(frame);
        } catch (RuntimeException e) {
            // one odd frame must never end the session
            log.warn("could not apply an event on {}: {}", call.id(), e.toString());
        }
    }

    @Override
    public void sent(String type, String frame) {
        call.recordEvent(new RawEvent(clock.instant(), RawEvent.Direction.OUT, type, frame));
    }

    @Override
    public void interrupted(String reason, int attempt) {
        log.info("sideband for {} interrupted ({}); reconnect attempt {}", call.id(), reason, attempt);
        if (attempt == 1) {
            call.note("socket interrupted, reconnecting");
        }
    }

    @Override
    public void closed(Integer code, String reason, boolean callEnded) {
        onClosed.run();
        call.health().socketClosed(code, reason);
        if (callEnded) {
            call.moveTo(CallState.ENDED, reason);
        } else if (call.state().isLive()) {
            call.moveTo(CallState.FAILED, reason);
        }
    }
}
