package dev.switchboard.ui;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.monitor.ActionFailedException;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.monitor.CallActions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Runs a person's actions on a call without blocking the FX thread: the backend's future completes on an
 * I/O thread and its outcome comes back through the dispatcher onto the call's row, in plain words.
 */
public final class CallCommands {

    private final CallActions actions;
    private final UiDispatcher dispatcher;

    public CallCommands(CallActions actions, UiDispatcher dispatcher) {
        this.actions = actions;
        this.dispatcher = dispatcher;
    }

    public CompletableFuture<Void> accept(CallRowViewModel row, AcceptSettings settings) {
        return run(row, "Accepting…", "Accepted (voice " + settings.voice() + ", " + settings.model() + ").",
                () -> actions.accept(row.call(), settings));
    }

    /** Accepts with a saved profile version through the backend, so the call's history records the version. */
    public CompletableFuture<Void> acceptWithProfile(CallRowViewModel row, ProfileVersion profile) {
        return run(row, "Accepting with " + profile.ref().describe() + "…", "Accepted with profile "
                + profile.ref().describe() + ".", () -> actions.acceptWithProfile(row.call(), profile));
    }

    public CompletableFuture<Void> reject(CallRowViewModel row, RejectStatus status) {
        return run(row, "Rejecting…", "Rejected with " + status + ".", () -> actions.reject(row.call(), status.code()));
    }

    public CompletableFuture<Void> hangup(CallRowViewModel row) {
        return run(row, "Hanging up…", "Hung up.", () -> actions.hangup(row.call()));
    }

    public CompletableFuture<Void> transfer(CallRowViewModel row, String targetUri) {
        return run(row, "Transferring to " + targetUri + "…", "Transfer to " + targetUri + " requested.",
                () -> actions.refer(row.call(), targetUri));
    }

    public CompletableFuture<Void> updateInstructions(CallRowViewModel row, String instructions) {
        return run(row, "Updating instructions…", "Instructions updated.",
                () -> actions.updateInstructions(row.call(), instructions));
    }

    public CompletableFuture<Void> say(CallRowViewModel row, String sentence) {
        return run(row, "Asking the agent to speak…", "The agent was asked to say it.", () -> actions.say(row.call(), sentence));
    }

    public CompletableFuture<Void> stopTalking(CallRowViewModel row) {
        return run(row, "Stopping the agent…", "The agent stopped talking.", () -> actions.stopTalking(row.call()));
    }

    public CompletableFuture<Void> whisper(CallRowViewModel row, String text) {
        return run(row, "Whispering…", "Whispered; the agent uses it on its next turn.",
                () -> actions.whisper(row.call(), text));
    }

    public CompletableFuture<Void> updateSession(CallRowViewModel row, dev.switchboard.call.SessionChange change) {
        return run(row, "Updating " + change.describe() + "…", "Updated " + change.describe() + ".",
                () -> actions.updateSession(row.call(), change));
    }

    /**
     * Sends a function call's output; completes on the FX thread with "" when sent, else the plain reason (a second
     * answer is refused by the backend). Tool answers leave the row's action line alone: each card shows its own.
     */
    public CompletableFuture<String> answerTool(dev.switchboard.call.Call call, String toolCallId, String output) {
        return toolAction(() -> actions.answerTool(call, toolCallId, output));
    }

    public CompletableFuture<String> answerToolWithError(dev.switchboard.call.Call call, String toolCallId, String message) {
        return toolAction(() -> actions.answerToolWithError(call, toolCallId, message));
    }

    public CompletableFuture<String> decideApproval(dev.switchboard.call.Call call, String approvalId, boolean approve) {
        return toolAction(() -> actions.decideApproval(call, approvalId, approve));
    }

    private CompletableFuture<String> toolAction(Supplier<CompletableFuture<Void>> action) {
        CompletableFuture<Void> started;
        try {
            started = action.get();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<String> outcome = new CompletableFuture<>();
        started.whenComplete((ignored, error) -> dispatcher.run(
                () -> outcome.complete(error == null ? "" : plainMessage(error))));
        return outcome;
    }

    private CompletableFuture<Void> run(CallRowViewModel row, String pending, String success,
                                        Supplier<CompletableFuture<Void>> action) {
        row.actionStarted(pending);
        CompletableFuture<Void> started;
        try {
            started = action.get();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        return started.whenComplete((ignored, error) -> dispatcher.run(() -> {
            if (error == null) {
                row.actionSucceeded(success);
            } else {
                row.actionFailed(plainMessage(error));
            }
        }));
    }

    /** The person-facing message of a failure: the backend's own words when it gave some. */
    public static String plainMessage(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ActionFailedException) {
            return cause.getMessage();
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return "Something went wrong: " + detail;
    }
}
