package dev.switchboard.call;

import java.time.Instant;

/**
 * An immutable view of one transcript line: an utterance by a speaker, or an inline marker
 * (DTMF key, state change, steering note).
 */
public record TranscriptEntry(String key, Kind kind, Speaker speaker, String text, Status status, Instant at) {

    /** {@code ALERT}: a rule or watchdog fired ({@link CallAlerts}). */
    public enum Kind { UTTERANCE, DTMF, STATE, NOTE, ALERT }

    public enum Status { STREAMING, DONE, FAILED }

    public boolean isUtterance() {
        return kind == Kind.UTTERANCE;
    }
}
