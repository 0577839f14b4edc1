package dev.switchboard.call;

import java.time.Instant;

/** A health problem on a call, in plain words. */
public record CallWarning(Kind kind, String text, Instant at) {

    public enum Kind { TRANSCRIPTION_FAILED, ERROR, RESPONSE_FAILED, SESSION_NEVER_STARTED }
}
