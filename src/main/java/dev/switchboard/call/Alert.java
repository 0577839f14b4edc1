package dev.switchboard.call;

import java.time.Instant;

/**
 * One alert raised on a call: a transcript rule matched, or a watchdog fired.
 *
 * @param detail for {@link Kind#KEYWORD} the text the expression matched (not the whole line)
 */
public record Alert(Kind kind, String detail, Instant at) {

    /** The kinds, each with the name the headless output and exports use ({@code ALERT <wireName>: …}). */
    public enum Kind {
        KEYWORD("keyword"),
        SILENCE("silence"),
        TOOL_LOOP("tool_loop"),
        COST_CAP("cost_cap"),
        SESSION_LIMIT("session_limit"),
        NO_CALLER_SPEECH("no_caller_speech");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** "keyword: refund", as the transcript line and the headless output read. */
    public String describe() {
        return kind.wireName() + ": " + detail;
    }
}
