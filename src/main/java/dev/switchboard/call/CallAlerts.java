package dev.switchboard.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The alerts of one call and the watchdogs that raise them. Pure bookkeeping on the call's clock: the monitor tells
 * it what happened ({@link #activity}, {@link #toolCalled}) and asks it to {@link #check} now and then; every alert
 * lands in the list, as an {@link TranscriptEntry.Kind#ALERT} line in the transcript, and as {@link CallChange#ALERTS}.
 * Each watchdog fires once per occasion (one silence, one minute of tool calls), never on every check.
 */
public final class CallAlerts {

    private static final Duration TOOL_WINDOW = Duration.ofMinutes(1);

    private final Call owner;
    private final Clock clock;
    private final List<Alert> raised = new ArrayList<>();
    private final Set<String> fired = new HashSet<>();
    private final Set<String> scannedLines = new HashSet<>();
    private final Map<String, Deque<Instant>> toolCalls = new HashMap<>();
    private WatchdogLimits global = WatchdogLimits.DEFAULTS;
    private AlertPolicy profile = AlertPolicy.NONE;
    private WatchdogLimits limits = WatchdogLimits.DEFAULTS;
    private Instant lastActivity;
    private boolean callerSpoke;

    CallAlerts(Call owner, Clock clock) {
        this.owner = owner;
        this.clock = clock;
    }

    /** The global limits ({@code --alert}, {@code --cost-cap} and the watchdogs' defaults). */
    public void useLimits(WatchdogLimits newLimits) {
        synchronized (owner) {
            global = newLimits == null ? WatchdogLimits.DEFAULTS : newLimits;
            limits = profile.on(global);
        }
    }

    /**
     * The alerts of the profile the call is accepted with: its rules on top of the global ones, its cost cap
     * instead of the global one when set. Independent of {@link #useLimits}, so either may come first.
     */
    public void useProfile(AlertPolicy policy) {
        synchronized (owner) {
            profile = policy == null ? AlertPolicy.NONE : policy;
            limits = profile.on(global);
        }
    }

    /** The limits in force: the global ones with the profile's on top. */
    public WatchdogLimits limits() {
        synchronized (owner) {
            return limits;
        }
    }

    // ---- what happened ----

    /** Someone spoke or the agent's audio moved: the silence clock starts again. */
    public void activity(Speaker who) {
        synchronized (owner) {
            lastActivity = clock.instant();
            callerSpoke |= who == Speaker.CALLER;
        }
    }

    /** A function call finished; fires {@link Alert.Kind#TOOL_LOOP} when the same tool ran too often in a minute. */
    public void toolCalled(String name) {
        String tool = name == null || name.isBlank() ? "(unnamed)" : name;
        Alert alert = null;
        synchronized (owner) {
            Instant now = clock.instant();
            Deque<Instant> times = toolCalls.computeIfAbsent(tool, k -> new ArrayDeque<>());
            times.addLast(now);
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(TOOL_WINDOW))) {
                times.pollFirst();
            }
            int max = limits.toolCallsPerMinute();
            // once per burst: the key holds the window's first call, so a new burst a minute later fires again
            if (max > 0 && times.size() > max && fired.add("tool:" + tool + ":" + times.peekFirst())) {
                fired.add("tool:" + tool);
                alert = add(Alert.Kind.TOOL_LOOP, tool + " called " + times.size() + " times within a minute");
            }
        }
        announce(alert);
    }

    // ---- checks ----

    /** Runs the time-based watchdogs and the transcript rules; returns the alerts raised by this check. */
    public List<Alert> check() {
        List<Alert> out = new ArrayList<>();
        synchronized (owner) {
            Instant now = clock.instant();
            Instant answered = owner.timeline().get(Milestone.ACCEPT_ANSWERED);
            boolean live = owner.state() == CallState.ACTIVE;
            if (live && answered != null) {
                timeWatchdogs(now, answered, out);
            }
            costCap(out);
            transcriptRules(out);
        }
        out.forEach(this::announce);
        return out;
    }

    private void timeWatchdogs(Instant now, Instant answered, List<Alert> out) {
        Duration since = Duration.between(answered, now);
        Duration quietFor = limits.noCallerSpeech();
        if (!callerSpoke && positive(quietFor) && since.compareTo(quietFor) >= 0 && fired.add("no-caller")) {
            out.add(add(Alert.Kind.NO_CALLER_SPEECH, "no caller speech " + seconds(since) + " after the answer"));
        }
        Duration warnAt = limits.sessionWarning();
        if (positive(warnAt) && since.compareTo(warnAt) >= 0 && fired.add("session-limit")) {
            Duration left = WatchdogLimits.SESSION_LIMIT.minus(since);
            out.add(add(Alert.Kind.SESSION_LIMIT, "session at " + since.toMinutes() + " min, "
                    + Math.max(0, left.toMinutes()) + " min before the 60-minute limit"));
        }
        if (owner.isSpeaking(Speaker.CALLER) || owner.isSpeaking(Speaker.AGENT)) {
            lastActivity = now; // silence is counted from the last moment someone spoke
            return;
        }
        Instant quietSince = lastActivity == null ? answered : lastActivity;
        Duration silent = Duration.between(quietSince, now);
        if (positive(limits.silence()) && silent.compareTo(limits.silence()) >= 0
                && fired.add("silence:" + quietSince)) {
            out.add(add(Alert.Kind.SILENCE, "nobody spoke for " + seconds(silent)));
        }
    }

    private void costCap(List<Alert> out) {
        if (limits.costCapUsd().isEmpty()) {
            return;
        }
        double cap = limits.costCapUsd().getAsDouble();
        var cost = owner.turns().stats().costUsd();
        if (cost.isPresent() && cost.getAsDouble() > cap && fired.add("cost-cap")) {
            out.add(add(Alert.Kind.COST_CAP, String.format(java.util.Locale.ROOT, "$%.4f passed the cap of $%.4f",
                    cost.getAsDouble(), cap)));
        }
    }

    private void transcriptRules(List<Alert> out) {
        if (limits.rules().isEmpty()) {
            return;
        }
        for (TranscriptEntry e : owner.transcript()) {
            if (!e.isUtterance() || e.status() != TranscriptEntry.Status.DONE || !scannedLines.add(e.key())) {
                continue;
            }
            for (AlertRule rule : limits.rules()) {
                Optional<String> hit = rule.match(e.text());
                if (hit.isPresent()) {
                    out.add(add(Alert.Kind.KEYWORD, hit.get()));
                }
            }
        }
    }

    // ---- views ----

    public List<Alert> alerts() {
        synchronized (owner) {
            return List.copyOf(raised);
        }
    }

    public int count() {
        synchronized (owner) {
            return raised.size();
        }
    }

    /** True once the cost cap alert fired. */
    public boolean costCapReached() {
        synchronized (owner) {
            return fired.contains("cost-cap");
        }
    }

    // ---- internals ----

    private Alert add(Alert.Kind kind, String detail) {
        Alert alert = new Alert(kind, detail, clock.instant());
        raised.add(alert);
        owner.alertLine(alert);
        return alert;
    }

    private void announce(Alert alert) {
        if (alert != null) {
            owner.changed(CallChange.ALERTS);
            owner.changed(CallChange.TRANSCRIPT);
        }
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isZero() && !d.isNegative();
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }
}
