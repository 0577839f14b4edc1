package dev.switchboard.monitor;

import dev.switchboard.call.Call;
import dev.switchboard.openai.OpenAiApiException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * One action on a call (accept, hang up, say…) run off the caller's thread: its result, or why it failed in plain
 * words, is reported on the call, and a failure completes the future with an {@link ActionFailedException}.
 */
@FunctionalInterface
interface CallAction {

    /** Does the work and says what came of it ("Accepted."). */
    String run() throws Exception;

    static CompletableFuture<Void> start(Call call, String name, Executor executor, CallAction action) {
        return CompletableFuture.runAsync(() -> {
            try {
                call.reportAction(action.run());
            } catch (ActionFailedException e) {
                call.reportAction(name + " failed: " + e.getMessage());
                throw e;
            } catch (OpenAiApiException e) {
                call.reportAction(name + " failed: " + e.getMessage());
                throw new ActionFailedException(e.getMessage(), !e.callIsGone(), e);
            } catch (Exception e) {
                call.reportAction(name + " failed: " + e.getMessage());
                throw new ActionFailedException(name + " failed: " + e.getMessage(), true, e);
            }
        }, executor);
    }

    /** Waits for work already under way (an accept sent ahead) and throws its own failure as it came, unwrapped. */
    static void awaitOutcome(CompletableFuture<Void> underWay) throws Exception {
        try {
            underWay.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    static CompletableFuture<Void> failed(Call call, String name, String reason, boolean retryable) {
        call.reportAction(name + " failed: " + reason);
        return CompletableFuture.failedFuture(new ActionFailedException(reason, retryable, null));
    }
}
