package dev.switchboard.monitor;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Call actions for watchdog and profile tests: notes what was asked ({@code accept <id>}, {@code hangup <id>},
 * {@code respond <id>: <instructions>}) and does nothing else, except that a hang-up ends the call as the monitor's
 * would.
 */
final class RecordingActions implements CallActions {

    final List<String> done = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> accept(Call call, AcceptSettings settings) {
        done.add("accept " + call.id());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> reject(Call call, int sipStatus) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> hangup(Call call) {
        done.add("hangup " + call.id());
        call.moveTo(CallState.ENDED, "hung up from Switchboard");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refer(Call call, String targetUri) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> updateInstructions(Call call, String instructions) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> say(Call call, String sentence) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> respond(Call call, String instructions) {
        done.add("respond " + call.id() + ": " + instructions);
        return CompletableFuture.completedFuture(null);
    }
}
