package dev.switchboard.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.PriceTable;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.ToolCall;
import dev.switchboard.monitor.EventApplier;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call rebuilt from its stream: the same frames through the same {@link EventApplier} the owner used, the
 * owner's state changes, settings, notes and action results. A watcher's replica and a hub taking a call over
 * are built alike. An entry that makes no sense is skipped; nothing in a stream can throw out of here.
 */
final class CallReplica {

    private static final Logger log = LoggerFactory.getLogger(CallReplica.class);

    private final Call call;
    private final EventApplier applier;
    private final Clock clock;
    private volatile String driver;
    private volatile String owner;
    /** When the call first rang at its first hub (its own clock), as its start entry says. */
    private final Instant rangAt;

    private CallReplica(Call call, Clock clock, String owner, Instant rangAt) {
        this.call = call;
        this.clock = clock;
        this.owner = owner;
        this.rangAt = rangAt;
        this.applier = new EventApplier(call, clock, false); // the owner's notes come from the stream
    }

    /**
     * A replica from the first entry the stream still has: normally {@code started} with the SIP headers (a stream
     * trimmed past its start gives a call without them). Empty for a call id that is not an id.
     */
    static Optional<CallReplica> start(String callId, ObjectNode first, Clock clock, PriceTable prices) {
        if (!TeamKeys.validCallId(callId)) {
            return Optional.empty();
        }
        Call call = new Call(callId, StreamCodec.sipHeaders(first), clock);
        if (prices != null) {
            call.turns().usePrices(prices);
        }
        Instant rangAt = first.path("at").isIntegralNumber() ? Instant.ofEpochMilli(first.path("at").asLong())
                : call.createdAt();
        return Optional.of(new CallReplica(call, clock, StreamCodec.textOf(first, "hub"), rangAt));
    }

    Call call() {
        return call;
    }

    /** Who may steer now (null: nobody holds the driver lease). */
    String driver() {
        return driver;
    }

    /** The hub that published last. */
    String owner() {
        return owner;
    }

    /** Applies one entry; returns false when it was skipped as malformed. */
    boolean apply(ObjectNode entry) {
        try {
            return applyOrThrow(entry);
        } catch (RuntimeException e) {
            log.warn("skipped a malformed entry on call {}: {}", call.id(), e.toString());
            return false;
        }
    }

    private boolean applyOrThrow(ObjectNode entry) {
        String kind = entry.path("t").asText("");
        switch (kind) {
            case "in" -> {
                String frame = StreamCodec.textOf(entry, "frame");
                if (frame == null) {
                    return false;
                }
                applier.apply(frame);
            }
            case "out" -> {
                String frame = StreamCodec.textOf(entry, "frame");
                if (frame == null) {
                    return false;
                }
                call.recordEvent(new RawEvent(clock.instant(), RawEvent.Direction.OUT,
                        entry.path("type").asText("?"), frame));
            }
            case "state" -> {
                CallState state = CallState.valueOf(entry.path("state").asText(""));
                call.moveTo(state, entry.path("reason").asText(""));
            }
            case "settings" -> call.useSettings(StreamCodec.acceptSettings(entry));
            case "note", "gap" -> {
                String text = StreamCodec.textOf(entry, "text");
                if (text == null) {
                    return false;
                }
                call.note(text);
                if ("gap".equals(kind)) {
                    owner = StreamCodec.textOf(entry, "hub");
                }
            }
            case "action" -> {
                String text = StreamCodec.textOf(entry, "text");
                if (text == null) {
                    return false;
                }
                call.reportAction(text);
            }
            case "driver" -> driver = StreamCodec.textOf(entry, "holder");
            case "tool" -> {
                return applyTool(entry);
            }
            case "milestone" -> call.mark(Milestone.valueOf(entry.path("text").asText(""))); // times are this process's
            case "started" -> {
                return true; // a hub that took over announces itself with a gap entry, not a second start
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The owner answered a function call or decided an approval (by hand, from a desk, or automatically). */
    private boolean applyTool(ObjectNode entry) {
        String id = StreamCodec.textOf(entry, "id");
        String how = entry.path("how").asText("");
        if (id == null) {
            return false;
        }
        return switch (ToolCall.Status.valueOf(entry.path("status").asText(""))) {
            case ANSWERED -> call.tools().answer(id, entry.path("output").asText(""), how).isEmpty();
            case APPROVED -> call.tools().decide(id, true, how).isEmpty();
            case DENIED -> call.tools().decide(id, false, how).isEmpty();
            case WAITING -> {
                call.tools().answerNotSent(id, how);
                yield true;
            }
            default -> false;
        };
    }

    /** When the call first rang (a stream trimmed past its start: when this replica began). */
    Instant rangAt() {
        return rangAt;
    }
}
