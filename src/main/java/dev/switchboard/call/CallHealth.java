package dev.switchboard.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * What can go wrong on a call besides its state: server errors, failed transcriptions and responses, a session
 * that never started, how the socket closed, and how late the webhook came. Guarded by the call's lock; every
 * change is announced as {@link CallChange#HEALTH}.
 */
public final class CallHealth {

    /** Accepted with 200 but no {@code session.created} this long after: the session most likely died on the socket. */
    public static final Duration SESSION_START_TIMEOUT = Duration.ofSeconds(5);

    private final Call owner;
    private final Clock clock;
    private final Supplier<Instant> acceptAnswered;
    private final List<CallWarning> warnings = new ArrayList<>();
    private SessionInfo session;
    private boolean sessionCreated;
    private boolean neverStartedFlagged;
    private Integer closeCode;
    private String closeReason;
    private Duration webhookLag;

    CallHealth(Call owner, Clock clock, Supplier<Instant> acceptAnswered) {
        this.owner = owner;
        this.clock = clock;
        this.acceptAnswered = acceptAnswered;
    }

    // ---- events ----

    /** {@code session.created} or {@code session.updated}: the session as the server has it now. */
    public void session(SessionInfo info, boolean created) {
        update(() -> {
            session = merge(session, info);
            sessionCreated |= created;
        });
    }

    public void warn(CallWarning.Kind kind, String text) {
        update(() -> warnings.add(new CallWarning(kind, text, clock.instant())));
    }

    /** Caller transcription failed for one item; the message says why. */
    public void transcriptionFailed(String itemId, String message) {
        warn(CallWarning.Kind.TRANSCRIPTION_FAILED, "caller transcription failed"
                + (message == null || message.isBlank() ? "" : ": " + message)
                + (itemId == null ? "" : " (item " + itemId + ")"));
    }

    public void error(String type, String code, String message) {
        String what = message != null && !message.isBlank() ? message : code != null ? code : type;
        warn(CallWarning.Kind.ERROR, "OpenAI error: " + (what == null ? "(no message)" : what)
                + (code != null && message != null && !message.isBlank() ? " [" + code + "]" : ""));
    }

    /**
     * True if the call was accepted at least {@link #SESSION_START_TIMEOUT} ago and no {@code session.created}
     * came; adds the warning once. Meant to be called by a timer just after the timeout.
     */
    public boolean checkSessionStarted() {
        boolean flagged;
        synchronized (owner) {
            Instant accepted = acceptAnswered.get();
            flagged = !sessionCreated && !neverStartedFlagged && accepted != null
                    && !clock.instant().isBefore(accepted.plus(SESSION_START_TIMEOUT));
            if (flagged) {
                neverStartedFlagged = true;
                warnings.add(new CallWarning(CallWarning.Kind.SESSION_NEVER_STARTED, "accepted, but the session never "
                        + "started (no session.created within " + SESSION_START_TIMEOUT.toSeconds() + " s)", clock.instant()));
            }
        }
        if (flagged) {
            owner.changed(CallChange.HEALTH);
        }
        return flagged;
    }

    /** @param code the WebSocket close code, or null when the socket layer did not say */
    public void socketClosed(Integer code, String reason) {
        update(() -> {
            closeCode = code;
            closeReason = reason;
        });
    }

    /** {@code webhook-timestamp} to the moment the webhook was received. */
    public void webhookLag(Duration lag) {
        update(() -> webhookLag = lag);
    }

    // ---- views ----

    public Optional<SessionInfo> session() {
        synchronized (owner) {
            return Optional.ofNullable(session);
        }
    }

    public boolean sessionStarted() {
        synchronized (owner) {
            return sessionCreated;
        }
    }

    public List<CallWarning> warnings() {
        synchronized (owner) {
            return List.copyOf(warnings);
        }
    }

    public OptionalInt closeCode() {
        synchronized (owner) {
            return closeCode == null ? OptionalInt.empty() : OptionalInt.of(closeCode);
        }
    }

    public Optional<String> closeReason() {
        synchronized (owner) {
            return Optional.ofNullable(closeReason);
        }
    }

    public Optional<Duration> webhookLag() {
        synchronized (owner) {
            return Optional.ofNullable(webhookLag);
        }
    }

    private void update(Runnable change) {
        synchronized (owner) {
            change.run();
        }
        owner.changed(CallChange.HEALTH);
    }

    /** {@code session.updated} may carry only part of the session: keep what it leaves out. */
    private static SessionInfo merge(SessionInfo old, SessionInfo now) {
        if (old == null) {
            return now;
        }
        return new SessionInfo(or(now.sessionId(), old.sessionId()), or(now.model(), old.model()),
                or(now.voice(), old.voice()), or(now.transcriptionModel(), old.transcriptionModel()),
                or(now.turnDetection(), old.turnDetection()), or(now.instructions(), old.instructions()));
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
