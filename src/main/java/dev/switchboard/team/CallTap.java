package dev.switchboard.team;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallChange;
import dev.switchboard.call.CallListener;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.ToolCall;
import dev.switchboard.call.TranscriptEntry;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows one owned call and hands each change to the publisher as a stream entry: state, settings, every raw
 * frame in and out, the owner's own notes and action results. Frames carry the conversation; a replica applies
 * them with the same code, so it ends up with the same transcript. Changes are diffed under one lock, in the
 * order the call's listeners hear them.
 */
final class CallTap implements CallListener {

    private final Call call;
    private final String stream;
    private final OutBuffer out;
    private final Runnable onTerminal;
    private int eventsPublished;
    private CallState statePublished;
    private AcceptSettings settingsPublished;
    private String actionPublished;
    private final Set<String> notesPublished = new HashSet<>();
    private final Set<Milestone> milestonesPublished = EnumSet.noneOf(Milestone.class);
    /** Function calls and approval requests by id: the answer or decision last published. */
    private final Map<String, ToolCall.Status> toolsPublished = new HashMap<>();
    private boolean terminalSeen;
    private volatile boolean stopped;

    private CallTap(Call call, OutBuffer out, Runnable onTerminal) {
        this.call = call;
        this.stream = TeamKeys.stream(call.id());
        this.out = out;
        this.onTerminal = onTerminal;
    }

    /** A tap for a new call: publishes its start and everything from now on. */
    static CallTap fresh(Call call, String hub, OutBuffer out, Runnable onTerminal) {
        CallTap tap = new CallTap(call, out, onTerminal);
        out.add(tap.stream, StreamCodec.started(call, hub));
        synchronized (tap) {
            tap.sync(null);
        }
        call.addListener(tap);
        return tap;
    }

    /** A tap for a call rebuilt from its stream: what the stream has is taken as published. */
    static CallTap resumed(Call call, OutBuffer out, Runnable onTerminal) {
        CallTap tap = new CallTap(call, out, onTerminal);
        synchronized (tap) {
            tap.eventsPublished = call.eventCount();
            tap.statePublished = call.state();
            tap.settingsPublished = call.settings().orElse(null);
            tap.actionPublished = call.lastActionResult();
            tap.milestonesPublished.addAll(call.timeline().keySet());
            call.tools().list().forEach(t -> tap.toolsPublished.put(t.id(), t.status()));
            for (TranscriptEntry e : call.transcript()) {
                if (e.kind() == TranscriptEntry.Kind.NOTE) {
                    tap.notesPublished.add(e.key());
                }
            }
        }
        call.addListener(tap);
        return tap;
    }

    /** Stops publishing (another hub owns the call now, or it left the registry). */
    void stop() {
        stopped = true;
        call.removeListener(this);
    }

    /**
     * A function call's output or an approval decision, or an answer taken back because it could not be sent; the
     * calls themselves reach replicas in the frames.
     */
    private boolean answerWorthPublishing(ToolCall t) {
        if (t.kind() != ToolCall.Kind.FUNCTION && t.kind() != ToolCall.Kind.MCP_APPROVAL) {
            return false;
        }
        return switch (t.status()) {
            case ANSWERED, APPROVED, DENIED -> true;
            case WAITING -> toolsPublished.get(t.id()) == ToolCall.Status.ANSWERED;
            default -> false;
        };
    }

    @Override
    public void callChanged(Call c, CallChange change) {
        if (stopped) {
            return;
        }
        boolean terminalNow;
        synchronized (this) {
            sync(change);
            terminalNow = statePublished != null && statePublished.isTerminal() && !terminalSeen;
            if (terminalNow) {
                terminalSeen = true;
            }
        }
        if (terminalNow) {
            onTerminal.run();
        }
    }

    private void sync(CallChange change) {
        CallState state = call.state();
        if (state != statePublished) {
            statePublished = state;
            out.add(stream, StreamCodec.state(state, call.stateReason()));
        }
        AcceptSettings settings = call.settings().orElse(null);
        if (settings != null && !settings.equals(settingsPublished)) {
            settingsPublished = settings;
            out.add(stream, StreamCodec.settings(settings));
        }
        if (change == null || change == CallChange.EVENTS) {
            List<RawEvent> events = call.eventsSince(eventsPublished);
            eventsPublished += events.size();
            for (RawEvent e : events) {
                out.add(stream, StreamCodec.frame(e.direction() == RawEvent.Direction.IN ? "in" : "out", e.type(), e.json()));
            }
        }
        if (change == null || change == CallChange.TRANSCRIPT) {
            for (TranscriptEntry e : call.transcript()) {
                if (e.kind() == TranscriptEntry.Kind.NOTE && notesPublished.add(e.key())) {
                    out.add(stream, StreamCodec.text("note", e.text()));
                }
            }
        }
        if (change == null || change == CallChange.TIMELINE) {
            for (Milestone m : call.timeline().keySet()) {
                if (milestonesPublished.add(m)) {
                    out.add(stream, StreamCodec.text("milestone", m.name()));
                }
            }
        }
        if (change == null || change == CallChange.TOOLS) {
            for (ToolCall t : call.tools().list()) {
                if (answerWorthPublishing(t) && toolsPublished.put(t.id(), t.status()) != t.status()) {
                    out.add(stream, StreamCodec.tool(t));
                }
            }
        }
        if (change == null || change == CallChange.ACTION) {
            String action = call.lastActionResult();
            if (action != null && !action.isEmpty() && !action.equals(actionPublished)) {
                actionPublished = action;
                out.add(stream, StreamCodec.text("action", action));
            }
        }
    }
}
