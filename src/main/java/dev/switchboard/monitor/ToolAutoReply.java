package dev.switchboard.monitor;

import dev.switchboard.call.ToolReply;
import dev.switchboard.call.ToolSet;
import dev.switchboard.openai.SessionJson;
import java.util.Optional;

/**
 * Which tool calls are answered without a person: in the window, the function tools whose profile reply is a
 * canned or an error reply; headless ({@code answerEveryCall}), every function call (a name without a reply gets
 * {@code {"error":"no reply configured for <name>"}}) and every MCP approval request ({@code mcpApprove}).
 */
public record ToolAutoReply(boolean answerEveryCall, Optional<Boolean> mcpApprove) {

    /** The window: the profile decides per tool; MCP approvals wait for a person. */
    public static final ToolAutoReply BY_PROFILE = new ToolAutoReply(false, Optional.empty());

    /** Headless: nobody is there to answer, so everything is answered. */
    public static ToolAutoReply headless(boolean approveMcp) {
        return new ToolAutoReply(true, Optional.of(approveMcp));
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
            return Optional.of(reply == null
                    ? new Planned(errorOutput("no reply configured for " + functionName), 0, "no reply configured")
                    : new Planned(reply.output(), reply.delayMs(), "canned reply"));
        }
        String after = reply.delayMs() > 0 ? " after " + reply.delayMs() + " ms" : "";
        return Optional.of(reply.mode() == ToolReply.Mode.CANNED
                ? new Planned(reply.output(), reply.delayMs(), "canned reply" + after)
                : new Planned(errorOutput(reply.output()), reply.delayMs(), "error reply" + after));
    }

    /** {@code {"error": message}} as the output string. */
    public static String errorOutput(String message) {
        return SessionJson.MAPPER.createObjectNode().put("error", message == null ? "" : message).toString();
    }
}
