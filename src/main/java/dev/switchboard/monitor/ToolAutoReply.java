package dev.switchboard.monitor;

import dev.switchboard.call.ToolReply;
import dev.switchboard.call.ToolSet;
import dev.switchboard.openai.SessionJson;
import java.util.Optional;

/**
 * Which tool calls are answered without a person: in the window, the function tools whose profile reply is a
 * canned or an error reply; headless ({@code answerEveryCall}), every function call (a name without a reply gets
 * {@code {"error":"no reply configured for <name>"}}) and every MCP approval request ({@code mcpApprove}). A team
 * hub ({@link #teamHub(boolean)}) is headless with desks: what a person would answer waits {@code deskWaitMs} for a
 * desk's answer first (a tool card on a watcher desk), then is answered as headless answers it.
 */
public record ToolAutoReply(boolean answerEveryCall, Optional<Boolean> mcpApprove, long deskWaitMs) {

    /** On a team hub, how long a by-hand tool call waits for a desk before the hub answers it itself. */
    public static final long DESK_WAIT_MS = 10_000;

    /** The window: the profile decides per tool; MCP approvals wait for a person. */
    public static final ToolAutoReply BY_PROFILE = new ToolAutoReply(false, Optional.empty(), 0);

    /** Headless: nobody is there to answer, so everything is answered. */
    public static ToolAutoReply headless(boolean approveMcp) {
        return new ToolAutoReply(true, Optional.of(approveMcp), 0);
    }

    /** A team hub: like headless, but a desk may answer by hand for {@link #DESK_WAIT_MS} first. */
    public static ToolAutoReply teamHub(boolean approveMcp) {
        return new ToolAutoReply(true, Optional.of(approveMcp), DESK_WAIT_MS);
    }

    /** An automatic answer: {@code output} is what is sent (already the error object for an error reply). */
    public record Planned(String output, long delayMs, String how) {
    }

    public Optional<Planned> plan(ToolSet tools, String functionName) {
        ToolReply reply = tools.replies().get(functionName);
        if (reply == null || reply.mode() == ToolReply.Mode.BY_HAND) {
            if (!answerEveryCall) {
                return Optional.empty();
            }
            String unanswered = deskWaitMs > 0 ? ", no desk answered in " + deskWait() : "";
            return Optional.of(reply == null
                    ? new Planned(errorOutput("no reply configured for " + functionName), deskWaitMs,
                            "no reply configured" + unanswered)
                    : new Planned(reply.output(), Math.max(reply.delayMs(), deskWaitMs), "canned reply" + unanswered));
        }
        String after = reply.delayMs() > 0 ? " after " + reply.delayMs() + " ms" : "";
        return Optional.of(reply.mode() == ToolReply.Mode.CANNED
                ? new Planned(reply.output(), reply.delayMs(), "canned reply" + after)
                : new Planned(errorOutput(reply.output()), reply.delayMs(), "error reply" + after));
    }

    /** The desk wait in words ("10 s"). */
    String deskWait() {
        return deskWaitMs % 1000 == 0 ? deskWaitMs / 1000 + " s" : deskWaitMs + " ms";
    }

    /** {@code {"error": message}} as the output string. */
    public static String errorOutput(String message) {
        return SessionJson.MAPPER.createObjectNode().put("error", message == null ? "" : message).toString();
    }
}
