package dev.switchboard.history;


import dev.switchboard.call.Call;
import dev.switchboard.call.ManualClock;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.TokenUsage;
import dev.switchboard.call.TranscriptEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Plays a stored call back into a fresh {@link Call}, so the live views can show it without a phone: state changes,
 * settings, timeline, transcript lines and markers, raw events and token usage, in their original order and, at 1×
 * or 4×, with their original spacing. The replayed call's clock reads the original times, so its transcript,
 * timeline and events carry the same timestamps as the original. Streaming is not re-created: each line appears
 * with its final text (the store keeps final text, not every delta).
 */
public final class Replayer {

    /** Speeds the UI offers. {@code 0} is instant: everything is applied before {@link #play} returns. */
    public static final double REALTIME = 1;
    public static final double FAST = 4;
    public static final double INSTANT = 0;

    private final ScheduledExecutorService scheduler;

    /** @param scheduler runs the timed steps (one step at a time); unused at instant speed */
    public Replayer(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** A replay in progress. */
    public static final class Playback {
        private final Call call;
        private final CompletableFuture<Call> done = new CompletableFuture<>();
        private volatile ScheduledFuture<?> next;

        private Playback(Call call) {
            this.call = call;
        }

        /** The call being played into; add listeners to it (or show it) right away. */
        public Call call() {
            return call;
        }

        /** Completes with the call when every step was applied; cancelled by {@link #cancel()}. */
        public CompletableFuture<Call> done() {
            return done;
        }

        /** Stops the replay where it is. */
        public void cancel() {
            ScheduledFuture<?> n = next;
            if (n != null) {
                n.cancel(false);
            }
            done.cancel(false);
        }
    }

    /**
     * One thing to do to the replayed call: due at {@code at} (for pacing), applied with the clock reading
     * {@code clockAt} (the original time, which the call stamps on what it records).
     */
    private record Step(Instant at, Instant clockAt, int order, Runnable action) {

        Step(Instant at, int order, Runnable action) {
            this(at, at, order, action);
        }
    }

    /**
     * Starts playing {@code stored} into a new call.
     *
     * @param speed 1 for real time, 4 for four times faster, 0 for instant
     */
    public Playback play(StoredCall stored, double speed) {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be 0 (instant) or positive, was " + speed);
        }
        // set to each step's original moment, so everything the replayed call records carries the recorded time
        ManualClock clock = new ManualClock(stored.createdAt());
        Call call = new Call(stored.id(), stored.sipHeaders(), clock);
        Playback playback = new Playback(call);
        List<Step> steps = steps(stored, call, clock);
        steps.sort(Comparator.comparing(Step::at).thenComparingInt(Step::order));
        Deque<Step> queue = new ArrayDeque<>(steps);
        if (speed == 0) {
            for (Step s : queue) {
                clock.set(s.clockAt());
                s.action().run();
            }
            playback.done.complete(call);
        } else {
            scheduleNext(queue, clock, playback, stored.createdAt(), System.nanoTime(), speed);
        }
        return playback;
    }

    private void scheduleNext(Deque<Step> queue, ManualClock clock, Playback playback, Instant origin, long startNanos,
                              double speed) {
        if (playback.done.isDone()) {
            return;
        }
        Step step = queue.peekFirst();
        if (step == null) {
            playback.done.complete(playback.call);
            return;
        }
        long dueNanos = startNanos + (long) (Duration.between(origin, step.at()).toNanos() / speed);
        long delay = Math.max(0, dueNanos - System.nanoTime());
        playback.next = scheduler.schedule(() -> {
            try {
                // apply everything due by now (several steps often share a moment)
                while (!queue.isEmpty() && !playback.done.isDone()) {
                    Step s = queue.peekFirst();
                    long due = startNanos + (long) (Duration.between(origin, s.at()).toNanos() / speed);
                    if (due > System.nanoTime()) {
                        break;
                    }
                    queue.removeFirst();
                    clock.set(s.clockAt());
                    s.action().run();
                }
                scheduleNext(queue, clock, playback, origin, startNanos, speed);
            } catch (RuntimeException e) {
                playback.done.completeExceptionally(e);
            }
        }, delay, TimeUnit.NANOSECONDS);
    }

    private static List<Step> steps(StoredCall stored, Call call, ManualClock clock) {
        List<Step> steps = new ArrayList<>();
        int[] order = {0};
        // 0. settings as the call was accepted with them (before anything else happens)
        if (stored.settings() != null) {
            steps.add(new Step(stored.createdAt(), order[0]++, () -> call.useSettings(stored.settings())));
        }
        // 1. milestones at their own times, before anything else at the same moment, so nothing overrides them
        for (Map.Entry<Milestone, Instant> m : stored.timeline().entrySet()) {
            if (m.getKey() != Milestone.WEBHOOK_RECEIVED) {
                steps.add(new Step(m.getValue(), order[0]++, () -> call.mark(m.getKey())));
            }
        }
        // 2. the transcript in its order; a STATE marker is the state change that wrote it
        Deque<StateChange> states = new ArrayDeque<>(stored.stateChanges());
        while (!states.isEmpty() && states.peekFirst().state() == CallState.RINGING) {
            states.removeFirst(); // a new call rings already
        }
        Instant last = stored.createdAt();
        for (TranscriptEntry e : stored.transcript()) {
            last = e.at().isAfter(last) ? e.at() : last; // keep the transcript's order even if times are not
            Instant at = last;
            if (e.kind() == TranscriptEntry.Kind.STATE) {
                List<StateChange> moves = new ArrayList<>();
                while (!states.isEmpty()) {
                    StateChange s = states.removeFirst();
                    moves.add(s);
                    if (s.state() != CallState.ACCEPTING) {
                        break; // ACCEPTING writes no marker; the next one does
                    }
                }
                if (moves.isEmpty()) {
                    continue; // a marker without a recorded state change: nothing to re-create it from
                }
                for (int k = 0; k < moves.size(); k++) {
                    StateChange s = moves.get(k);
                    boolean writesMarker = k == moves.size() - 1;
                    steps.add(new Step(writesMarker ? at : min(s.at(), at), writesMarker ? e.at() : s.at(),
                            order[0]++, () -> call.moveTo(s.state(), s.reason())));
                }
                continue;
            }
            steps.add(new Step(at, e.at(), order[0]++, () -> {
                if (e.isUtterance() && e.speaker() != null) {
                    // the first word's milestone keeps its original time, which may be after the line appeared
                    Milestone first = e.speaker() == dev.switchboard.call.Speaker.AGENT
                            ? Milestone.FIRST_AGENT_WORD : Milestone.FIRST_CALLER_WORD;
                    Instant original = stored.timeline().get(first);
                    if (original != null) {
                        clock.set(original);
                        call.mark(first);
                        clock.set(e.at());
                    }
                }
                apply(call, e);
            }));
        }
        for (StateChange s : states) {
            steps.add(new Step(max(s.at(), last), order[0]++, () -> call.moveTo(s.state(), s.reason())));
        }
        // 3. raw events, with the usage each response.done reported
        Deque<TokenUsage> usage = new ArrayDeque<>(stored.usage());
        for (RawEvent e : stored.events()) {
            TokenUsage u = "response.done".equals(e.type()) ? usage.pollFirst() : null;
            steps.add(new Step(e.at(), order[0]++, () -> {
                call.recordEvent(e);
                if (u != null) {
                    call.addUsage(u);
                }
            }));
        }
        Instant end = stored.endedAt().orElse(last);
        for (TokenUsage u : usage) {
            steps.add(new Step(end, order[0]++, () -> call.addUsage(u)));
        }
        if (!stored.lastActionResult().isEmpty()) {
            Instant at = stored.timeline().getOrDefault(Milestone.ACCEPT_ANSWERED, stored.createdAt());
            steps.add(new Step(at, order[0]++, () -> call.reportAction(stored.lastActionResult())));
        }
        return steps;
    }

    private static void apply(Call call, TranscriptEntry e) {
        switch (e.kind()) {
            case UTTERANCE -> {
                call.itemAdded(e.key(), e.speaker(), null);
                switch (e.status()) {
                    case DONE -> call.completeUtterance(e.key(), e.speaker(), e.text());
                    case FAILED -> call.failUtterance(e.key(), e.speaker(), e.text());
                    case STREAMING -> call.appendDelta(e.key(), e.speaker(), e.text());
                }
            }
            case DTMF -> call.dtmf(e.text());
            case NOTE -> call.note(e.text());
            case STATE -> {
                // handled as state changes
            }
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
