package dev.switchboard.call;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One tool activity in a call, as a snapshot: a function call (keyed by {@code call_id}) waiting for its output,
 * an MCP approval request waiting for Approve/Deny, an MCP call the server runs itself, or an MCP tools listing.
 *
 * @param id        the function's {@code call_id}, else the item id
 * @param detail    how it was answered ("by hand", "canned reply after 500 ms"…), or why it failed
 * @param listed    for a tools listing: the tools the server offered
 */
public record ToolCall(Kind kind, String id, String itemId, String name, String serverLabel, String arguments,
                       Status status, String output, String detail, Instant startedAt, Instant waitingSince,
                       Instant doneAt, List<String> listed) {

    /** The caller waits in silence while a function call is unanswered; after this a card warns. */
    public static final Duration WAIT_WARNING = Duration.ofSeconds(5);

    public enum Kind { FUNCTION, MCP_APPROVAL, MCP_CALL, MCP_LIST_TOOLS }

    public enum Status {
        STREAMING("arguments streaming"), WAITING("waiting"), ANSWERED("answered"), APPROVED("approved"),
        DENIED("denied"), RUNNING("running"), COMPLETED("completed"), FAILED("failed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ToolCall {
        name = name == null ? "" : name;
        serverLabel = serverLabel == null ? "" : serverLabel;
        arguments = arguments == null ? "" : arguments;
        output = output == null ? "" : output;
        detail = detail == null ? "" : detail;
        listed = listed == null ? List.of() : List.copyOf(listed);
    }

    /** Waiting for a person or a reply: a function output or an approval. */
    public boolean awaitsAnswer() {
        return status == Status.WAITING;
    }

    /** How long the caller has waited (until now while waiting, else until it was answered). */
    public Duration waited(Instant now) {
        if (waitingSince == null) {
            return Duration.ZERO;
        }
        Instant end = awaitsAnswer() || doneAt == null ? now : doneAt;
        return Duration.between(waitingSince, end).isNegative() ? Duration.ZERO : Duration.between(waitingSince, end);
    }

    /** For MCP calls: how long the server's call took. */
    public Duration duration(Instant now) {
        return startedAt == null ? Duration.ZERO : Duration.between(startedAt, doneAt == null ? now : doneAt);
    }

    ToolCall with(Status s, String newOutput, String newDetail, Instant newDoneAt) {
        return new ToolCall(kind, id, itemId, name, serverLabel, arguments, s, newOutput, newDetail, startedAt,
                waitingSince, newDoneAt, listed);
    }
}
