package dev.switchboard.sim;

/** One beat of a scripted conversation, as data. {@link ScriptPlayer} plays steps as server events. */
sealed interface Step {

    /** How the caller's words reach the transcript (only when the session transcribes the caller). */
    enum Transcription {
        /** completes right after the turn is committed */
        ON_TIME,
        /** completes while the agent's reply is already streaming, as happens in reality */
        LATE,
        /** fails ("Audio too short") */
        FAILS
    }

    /** The caller speaks one turn. */
    record CallerSays(String text, Transcription transcription) implements Step {
    }

    /** The agent answers with one spoken response. */
    record AgentSays(String text) implements Step {
    }

    /**
     * The agent says {@code preamble} while calling one or more functions in the same response, then waits for the
     * client's {@code function_call_output}s and {@code response.create}: it says {@code answer}, or
     * {@code errorAnswer} when an output carries an {@code "error"}, or apologises when none comes in time.
     */
    record AgentCallsTools(String preamble, java.util.List<ServerEventFactory.FunctionCall> calls, String answer,
                           String errorAnswer) implements Step {
    }

    /**
     * The agent wants to call {@code tool} on the MCP server {@code serverLabel}, which needs approval: the server
     * lists the server's tools, asks with an {@code mcp_approval_request} and waits for the client's
     * {@code mcp_approval_response}; approved, it runs the call (returning {@code output}) and says
     * {@code approvedAnswer}; denied, it says {@code deniedAnswer}.
     */
    record AgentAsksApproval(String preamble, String serverLabel, String tool, String argumentsJson, String output,
                             String approvedAnswer, String deniedAnswer) implements Step {
    }

    /** The caller presses a key on the keypad. */
    record CallerPresses(String key) implements Step {
    }

    /** The caller hangs up: the call ends and the socket closes with 1000. */
    record CallerHangsUp() implements Step {
    }

    /** The agent answers only after {@code extraMs} more thinking (at speed 1): a slow turn. */
    record AgentSlow(String text, long extraMs) implements Step {
    }

    /** The agent's response fails ({@code response.done} with status {@code failed}) without a word. */
    record AgentFails(String code, String message) implements Step {
    }

    /**
     * The agent starts {@code agentText}; halfway through, the caller talks over it with {@code callerText}: the
     * response is cancelled, playback cleared and the agent's item truncated where the caller stopped hearing it.
     */
    record CallerBargesIn(String agentText, String callerText) implements Step {
    }
}
