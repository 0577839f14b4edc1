package dev.switchboard.monitor;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.SessionChange;
import dev.switchboard.history.ProfileVersion;
import java.util.concurrent.CompletableFuture;

/**
 * What a person (or a profile) can do to a call. Every action runs off the caller's thread and completes
 * when OpenAI answered; failures complete exceptionally with a {@link ActionFailedException} whose message
 * is plain words, and are also recorded on the call ({@link Call#lastActionResult()}).
 */
public interface CallActions {

    CompletableFuture<Void> accept(Call call, AcceptSettings settings);

    /**
     * Accepts with a saved profile version; where history is kept, the call's record notes which version. The
     * version's alert rules and cost cap apply to the call from now on.
     */
    default CompletableFuture<Void> acceptWithProfile(Call call, ProfileVersion profile) {
        call.alerts().useProfile(profile.alerts());
        return accept(call, profile.tracedSettings());
    }

    /** @param sipStatus 486 (busy), 603 (decline) or another SIP final status */
    CompletableFuture<Void> reject(Call call, int sipStatus);

    CompletableFuture<Void> hangup(Call call);

    /** Transfers the call; {@code targetUri} is a {@code tel:} or {@code sip:} URI, validated first. */
    CompletableFuture<Void> refer(Call call, String targetUri);

    /** Mid-call prompt change via {@code session.update}; marked on the transcript. */
    CompletableFuture<Void> updateInstructions(Call call, String instructions);

    /** Makes the agent say a sentence via {@code response.create}. */
    CompletableFuture<Void> say(Call call, String sentence);

    /**
     * Answers a waiting function call: {@code conversation.item.create} with the {@code function_call_output}, then
     * (after the last waiting one) {@code response.create}. A call answered already is refused.
     */
    default CompletableFuture<Void> answerTool(Call call, String toolCallId, String output) {
        return CompletableFuture.failedFuture(new ActionFailedException("Tools are not supported here.", false, null));
    }

    /** Answers a waiting function call with {@code {"error": message}}. */
    default CompletableFuture<Void> answerToolWithError(Call call, String toolCallId, String message) {
        return CompletableFuture.failedFuture(new ActionFailedException("Tools are not supported here.", false, null));
    }

    /** Approves or denies an MCP approval request ({@code mcp_approval_response}), once. */
    default CompletableFuture<Void> decideApproval(Call call, String approvalRequestId, boolean approve) {
        return CompletableFuture.failedFuture(new ActionFailedException("Tools are not supported here.", false, null));
    }

    /** "Stop talking": {@code response.cancel} and {@code output_audio_buffer.clear}, so the caller hears silence now. */
    default CompletableFuture<Void> stopTalking(Call call) {
        return unsupported("Stop talking");
    }

    /** "Whisper": a system message the agent reads on its next turn; no response is asked for. */
    default CompletableFuture<Void> whisper(Call call, String text) {
        return unsupported("Whisper");
    }

    /** A {@code session.update} with only what {@code change} changes; never audio formats. */
    default CompletableFuture<Void> updateSession(Call call, SessionChange change) {
        return unsupported("Update session");
    }

    /** Asks for one response with these instructions (e.g. wrap up politely when the cost cap is reached). */
    default CompletableFuture<Void> respond(Call call, String instructions) {
        return unsupported("Respond");
    }

    private static CompletableFuture<Void> unsupported(String action) {
        return CompletableFuture.failedFuture(new ActionFailedException(action + " is not available here.", false, null));
    }
}
